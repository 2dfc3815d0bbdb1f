// `scan`: triage a folder or a disk image (raw or E01) as an exhibit of a case: every file
// (and every deleted name the file system still lists) with its digests, MIME type and, for
// images, PDQ; matched against every hash set; the rules file's hits. Known files are counted
// and hidden unless --show-known; known-bad and alert matches and rule hits are listed with
// their citations. Damage to one file is reported for that file and the scan goes on.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "base/progress.h"
#include "cli/context.h"
#include "cli/triage_output.h"
#include "rules/rules_file.h"
#include "store/rule_hits.h"
#include "store/scan_exhibit.h"
#include "store/scan_query.h"

namespace casegraph::cli {
namespace {

struct ScanArgs {
  std::string case_code, label, owner, rules, examiner, path;
  int pdq_distance = 31, pdq_quality = 50, workers = 0;
  bool json = false, show_known = false;
};

void WriteJson(JsonWriter& j, const store::ScanOutcome& o, const std::vector<store::FileMatchView>& matches,
               const std::vector<store::FileMatchView>& known, bool show_known,
               const std::vector<store::RuleHitView>& hits, const std::vector<store::ScanProblemView>& problems) {
  const store::ScanCounts& c = o.counts;
  j.BeginObject().Key("exhibit").BeginObject().Field("label", o.label).Field("path", o.path).Key("sha256").StringOrNull(o.sha256)
      .Field("kind", o.kind).Field("bytes", static_cast<int64_t>(o.exhibit_bytes)).Field("status", o.status).Key("error");
  if (o.error) {
    j.BeginObject().Field("message", o.error->message()).Field("location", o.error->where().ToString()).EndObject();
  } else {
    j.Null();
  }
  j.EndObject();
  j.Key("files").BeginObject().Field("total", static_cast<int64_t>(c.entries)).Field("read", static_cast<int64_t>(c.read))
      .Field("deleted", static_cast<int64_t>(c.deleted)).Field("not_read", static_cast<int64_t>(c.not_read))
      .Field("errors", static_cast<int64_t>(c.errors)).Field("bytes", static_cast<int64_t>(c.bytes))
      .Field("images", static_cast<int64_t>(c.images)).Field("documents", static_cast<int64_t>(c.documents))
      .Field("known", static_cast<int64_t>(c.known)).Field("flagged", static_cast<int64_t>(c.flagged)).EndObject();
  j.Field("known_good", static_cast<int64_t>(c.known));
  j.Key("matches").BeginArray();
  for (const auto& m : matches) WriteMatchJson(j, m);
  j.EndArray();
  if (show_known) {
    j.Key("known").BeginArray();
    for (const auto& m : known) WriteMatchJson(j, m);
    j.EndArray();
  }
  j.Key("rule_hits").BeginArray();
  for (const auto& h : hits) WriteRuleHitJson(j, h);
  j.EndArray();
  j.Key("problems").BeginArray();
  for (const auto& p : problems) {
    j.BeginObject().Field("path", p.path).Field("file_type", p.file_type).Field("status", p.status)
        .Field("detail", p.detail).Field("deleted", p.deleted).Key("citation");
    WriteCitationJson(j, p.citation);
    j.EndObject();
  }
  j.EndArray();
  j.Key("warnings").BeginArray();
  for (const auto& w : o.warnings) {
    j.BeginObject().Field("message", w.message).Field("location", w.where.ToString()).EndObject();
  }
  j.EndArray().EndObject();
}

void PrintText(const store::ScanOutcome& o, const std::vector<store::FileMatchView>& matches,
               const std::vector<store::FileMatchView>& known,
               const std::vector<store::RuleHitView>& hits, const std::vector<store::ScanProblemView>& problems) {
  const store::ScanCounts& c = o.counts;
  std::printf("scanned  %s  sha256:%s  %s\n", o.label.c_str(), o.sha256.c_str(), o.kind.c_str());
  std::printf("  %llu entries: %llu read (%.1f MB), %llu deleted, %llu not read, %llu errors; %llu images hashed (PDQ), "
              "%llu documents indexed\n",
              static_cast<unsigned long long>(c.entries), static_cast<unsigned long long>(c.read),
              static_cast<double>(c.bytes) / 1e6, static_cast<unsigned long long>(c.deleted),
              static_cast<unsigned long long>(c.not_read), static_cast<unsigned long long>(c.errors),
              static_cast<unsigned long long>(c.images), static_cast<unsigned long long>(c.documents));
  std::printf("  %llu known files hidden (--show-known lists them); %zu matches of known-bad or alert sets; %zu rule hits\n",
              static_cast<unsigned long long>(c.known), matches.size(), hits.size());
  for (const auto& m : matches) PrintMatchLine(m);
  for (const auto& m : known) PrintMatchLine(m);  // only with --show-known
  for (const auto& h : hits) PrintRuleHitLine(h);
  size_t shown = 0;
  for (const auto& p : problems) {
    if (++shown > 20) {
      std::printf("  … %zu more entries with problems (--json lists all)\n", problems.size() - 20);
      break;
    }
    std::printf("  NOTE %s (%s, %s): %s\n", p.path.c_str(), p.file_type.c_str(), p.status.c_str(), p.detail.c_str());
  }
}

int RunScan(const Context& ctx, const ScanArgs& args) {
  auto ws = OpenWorkspace(ctx, /*create=*/false);
  if (!ws) return ReportError(ws.error());
  std::optional<rules::RuleSet> rules;
  if (!args.rules.empty()) {
    auto loaded = rules::RuleSet::Load(RealFileSystem(), args.rules);
    if (!loaded) return ReportError(loaded.error());
    rules = std::move(*loaded);
  }
  store::ScanRequest req;
  req.case_code = args.case_code;
  req.path = args.path;
  req.label = args.label;
  req.owner_subject = args.owner;
  req.examiner = args.examiner;
  req.rules = rules ? &*rules : nullptr;
  req.pdq.max_distance = args.pdq_distance;
  req.pdq.min_quality = args.pdq_quality;
  req.workers = args.workers;
  req.progress = !args.json && Progress::StderrIsTerminal();
  store::ScanOutcome o = store::ScanExhibit(**ws, req);
  for (const auto& w : o.warnings) {
    std::fprintf(stderr, "casegraph: warning: %s: %s (%s)\n", o.label.c_str(), w.message.c_str(), w.where.ToString().c_str());
  }
  std::vector<store::FileMatchView> matches, known;
  std::vector<store::RuleHitView> hits;
  std::vector<store::ScanProblemView> problems;
  if (o.status == "scanned") {
    store::MatchFilter filter{args.case_code, o.exhibit_id, false};
    auto listed = store::QueryFileMatches(**ws, filter);
    if (!listed) return ReportError(listed.error());
    matches = std::move(*listed);
    if (args.show_known) {
      filter.include_known = true;
      auto all = store::QueryFileMatches(**ws, filter);
      if (!all) return ReportError(all.error());
      for (auto& m : *all) {
        if (m.set_kind == "known" || m.set_kind == "known-good") known.push_back(std::move(m));
      }
    }
    auto rule_hits = store::QueryRuleHits(**ws, args.case_code, o.label);
    if (!rule_hits) return ReportError(rule_hits.error());
    hits = std::move(*rule_hits);
    auto p = store::QueryScanProblems(**ws, o.exhibit_id);
    if (!p) return ReportError(p.error());
    problems = std::move(*p);
  }
  if (args.json) {
    JsonWriter j;
    WriteJson(j, o, matches, known, args.show_known, hits, problems);
    PrintJson(j);
  } else if (o.status == "already-scanned") {
    std::printf("already-scanned  %s  sha256:%s  (nothing added)\n", o.label.c_str(), o.sha256.c_str());
  } else if (o.status == "scanned") {
    PrintText(o, matches, known, hits, problems);
  }
  if (o.status == "failed") {
    std::fprintf(stderr, "casegraph: error: %s: %s\n", o.path.c_str(), o.error ? o.error->ToString().c_str() : "failed");
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void AddScanCommand(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ScanArgs>();
  auto* cmd = app.add_subcommand("scan", "triage a folder or a disk image (raw .dd/.img/.raw, E01) as an exhibit");
  cmd->add_option("--case", args->case_code, "case code")->required();
  cmd->add_option("--exhibit", args->label, "exhibit label (default: the folder or image name)");
  cmd->add_option("--owner", args->owner, "subject whose device this is");
  cmd->add_option("--rules", args->rules, "examiner rules file (TOML: path_rule, lexicon, yara)");
  cmd->add_option("--pdq-distance", args->pdq_distance, "PDQ match: largest Hamming distance (default 31)")
      ->check(CLI::Range(0, 128));
  cmd->add_option("--pdq-quality", args->pdq_quality, "PDQ match: smallest image quality (default 50)")
      ->check(CLI::Range(0, 100));
  cmd->add_option("--workers", args->workers, "reader threads for a folder (default: one per core, at most 4)")
      ->check(CLI::Range(0, 64));
  cmd->add_option("--examiner", args->examiner, "examiner name for the record (default $CASEGRAPH_EXAMINER or $USER)");
  cmd->add_flag("--show-known", args->show_known, "also list files matched by known / known-good sets");
  cmd->add_flag("--json", args->json, "print one JSON document");
  cmd->add_option("PATH", args->path, "folder, raw disk image or E01")->required();
  cmd->callback([&ctx, args] { ctx.action = [&ctx, args] { return RunScan(ctx, *args); }; });
}

}  // namespace casegraph::cli
