#include "cli/demo_setup.h"

#include <chrono>
#include <cstdio>
#include <optional>

#include "base/file_system.h"
#include "graph/refresh.h"
#include "rules/rules_file.h"
#include "store/hashset_store.h"
#include "store/ingest_exhibit.h"

namespace casegraph::cli {
namespace {

constexpr const char* kActor = "demo";

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The unit's list of known files that came with the scenario, imported as known-bad before the
// exhibits so that ingest matches their attachments.
Status ImportReferenceList(store::Workspace& ws, const synth::GroundTruth& truth, const std::string& root) {
  if (truth.known_bad_list.empty()) return Ok();
  store::HashSetImportRequest req;
  req.name = "synthetic known-bad list";
  req.kind = "known-bad";
  req.path = root + "/" + truth.known_bad_list;
  req.examiner = kActor;
  auto imported = store::ImportHashSet(ws, req);
  if (!imported) return imported.error();
  std::printf("  hash set \"%s\": %lld known-bad entries from %s\n", req.name.c_str(),
              static_cast<long long>(imported->set.entries), truth.known_bad_list.c_str());
  return Ok();
}

store::IngestRequest RequestFor(const synth::TruthCase& c, const synth::TruthExhibit& e, const std::string& root) {
  store::IngestRequest req;
  req.case_code = c.code;
  req.path = root + "/" + e.path;
  req.label = e.label;
  req.owner_subject = e.owner;
  req.owner_account_ref = e.owner_account;
  req.format = e.format;
  req.examiner = kActor;
  req.options.tz = e.tz;
  req.options.date_order = e.date_order;
  req.options.instance = e.instance;
  req.options.region = "TR";
  return req;
}

}  // namespace

Result<DemoIngestTotals> IngestScenario(store::Workspace& ws, const synth::GroundTruth& truth, const std::string& root,
                                        bool verbose) {
  DemoIngestTotals totals;
  const auto ingest_start = std::chrono::steady_clock::now();
  CASEGRAPH_RETURN_IF_ERROR(ImportReferenceList(ws, truth, root));
  std::optional<rules::RuleSet> rules;
  if (!truth.rules_file.empty()) {
    auto loaded = rules::RuleSet::Load(RealFileSystem(), root + "/" + truth.rules_file);
    if (!loaded) return loaded.error();
    rules = std::move(*loaded);
    std::printf("  rules: %s (applied to every exhibit at ingest)\n", truth.rules_file.c_str());
  }
  for (const auto& c : truth.cases) {
    auto added = ws.AddCase(c.code, c.title, kActor);
    if (!added) return added.error();
    for (const auto& s : c.subjects) {
      auto subject = ws.AddSubject(c.code, s.label, s.born, s.role, kActor);
      if (!subject) return subject.error();
    }
    for (const auto& e : c.exhibits) {
      store::IngestRequest req = RequestFor(c, e, root);
      req.rules = rules ? &*rules : nullptr;
      const store::IngestOutcome o = store::IngestExhibit(ws, req);
      if (o.status != "ingested") {
        const Error err = o.error ? *o.error : Error::Internal(o.status);
        return Error(err.kind(), "exhibit " + c.code + "/" + e.label + ": " + err.message(), err.where());
      }
      ++totals.exhibits;
      totals.messages += o.counts.messages;
      totals.warnings += o.warning_count;
      totals.matched_files += o.media.matched_files;
      totals.rule_hits += o.rule_hits;
      if (verbose) {
        const std::string warnings = o.warning_count ? "  (" + std::to_string(o.warning_count) + " warnings)" : "";
        std::printf("  %-5s %-18s %-17s %7llu messages  sha256:%.12s%s\n", c.code.c_str(), o.label.c_str(), o.format.c_str(),
                    static_cast<unsigned long long>(o.counts.messages), o.sha256.c_str(),
                    warnings.c_str());
      }
    }
  }
  totals.ingest_seconds = SecondsSince(ingest_start);
  const auto refresh_start = std::chrono::steady_clock::now();
  CASEGRAPH_RETURN_IF_ERROR(graph::Refresh(ws));
  totals.refresh_seconds = SecondsSince(refresh_start);
  return totals;
}

}  // namespace casegraph::cli
