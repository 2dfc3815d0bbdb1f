// `matches`: what triage found across exhibits, scanned or ingested: files and chat
// attachments that matched a known-bad or alert hash set (exactly or by PDQ), and the rules
// files' hits, each with its citation. Files matched only by known sets are counted.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "cli/triage_output.h"
#include "store/rule_hits.h"
#include "store/scan_query.h"

namespace casegraph::cli {
namespace {

struct MatchesArgs {
  std::string case_code, exhibit;
  bool json = false, show_known = false;
};

Result<int64_t> ExhibitId(store::Workspace& ws, const std::string& case_code, const std::string& label) {
  auto stmt = ws.db().Prepare("SELECT e.id FROM exhibits e JOIN cases c ON c.id = e.case_id WHERE c.code = ? AND e.label = ?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_code).Bind(2, label);
  auto row = stmt->Step();
  if (!row) return row.error();
  if (!*row) return Error::NotFound("no exhibit '" + label + "' in case " + case_code);
  return stmt->Int(0);
}

int RunMatches(const Context& ctx, const MatchesArgs& args) {
  auto ws = OpenWorkspace(ctx, /*create=*/false);
  if (!ws) return ReportError(ws.error());
  store::MatchFilter filter{args.case_code, 0, args.show_known};
  if (!args.exhibit.empty()) {
    if (args.case_code.empty()) return ReportError(Error::InvalidArgument("--exhibit needs --case"));
    auto id = ExhibitId(**ws, args.case_code, args.exhibit);
    if (!id) return ReportError(id.error());
    filter.exhibit_id = *id;
  }
  auto matches = store::QueryFileMatches(**ws, filter);
  if (!matches) return ReportError(matches.error());
  auto known = store::CountKnownFiles(**ws, filter);
  if (!known) return ReportError(known.error());
  auto hits = store::QueryRuleHits(**ws, args.case_code, args.exhibit);
  if (!hits) return ReportError(hits.error());
  if (args.json) {
    JsonWriter j;
    j.BeginObject().Field("known_good", *known).Key("matches").BeginArray();
    for (const auto& m : *matches) WriteMatchJson(j, m);
    j.EndArray().Key("rule_hits").BeginArray();
    for (const auto& h : *hits) WriteRuleHitJson(j, h);
    j.EndArray().EndObject();
    PrintJson(j);
    return kExitOk;
  }
  std::printf("%zu matches, %zu rule hits, %lld files matched only by known sets%s\n", matches->size(), hits->size(),
              static_cast<long long>(*known), args.show_known ? "" : " (hidden; --show-known lists them)");
  for (const auto& m : *matches) PrintMatchLine(m);
  for (const auto& h : *hits) PrintRuleHitLine(h);
  return kExitOk;
}

}  // namespace

void AddMatchesCommand(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<MatchesArgs>();
  auto* cmd = app.add_subcommand("matches", "hash-set matches and rule hits of scanned files and chat attachments");
  cmd->add_option("--case", args->case_code, "only this case");
  cmd->add_option("--exhibit", args->exhibit, "only this exhibit (with --case)");
  cmd->add_flag("--show-known", args->show_known, "also list matches of known / known-good sets");
  cmd->add_flag("--json", args->json, "print one JSON document");
  cmd->callback([&ctx, args] { ctx.action = [&ctx, args] { return RunMatches(ctx, *args); }; });
}

}  // namespace casegraph::cli
