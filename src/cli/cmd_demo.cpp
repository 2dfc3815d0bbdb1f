// `demo`: the end-to-end investigation on synthetic data. Writes a multi-case scenario in the
// real export formats (synth), creates its cases and subjects, ingests every exhibit, rebuilds
// the link graph, then answers the investigators' questions with citations — what links the
// cases, who reached each minor first, the evidence path between subjects, the risk flags —
// shows one cited record as it stands in the source, verifies the exhibits, checks every answer
// against the scenario's ground truth, and ends by writing the HTML case reports and printing
// the path of the first. Exit 1 when an answer differs from the truth.
#include <CLI/CLI.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "cli/context.h"
#include "cli/demo_check.h"
#include "cli/demo_findings.h"
#include "cli/demo_flags.h"
#include "cli/demo_setup.h"
#include "ingest/registry.h"
#include "ingest/source.h"
#include "report/html_report.h"
#include "store/queries.h"
#include "store/verify.h"
#include "synth/ground_truth.h"
#include "synth/scenario.h"

namespace casegraph::cli {
namespace {

struct DemoOptions {
  std::string out;
  uint64_t seed = 1;
  uint64_t messages = 20000;
  int cases = 3;
  bool check = true;
};

void Heading(const std::string& title) { std::printf("\n== %s ==\n", title.c_str()); }

// The record a citation points to, as it stands in its exhibit (what `show` prints).
Result<std::string> ResolveCitation(store::Workspace& ws, const std::string& citation_text) {
  auto ref = model::ParseCitation(citation_text);
  if (!ref) return Error::InvalidArgument("not a citation: " + citation_text);
  auto exhibit = store::FindCitedExhibit(ws, *ref);
  if (!exhibit) return exhibit.error();
  const auto* importer = ingest::FindImporter(exhibit->format);
  if (importer == nullptr) return Error::NotFound("no importer " + exhibit->format);
  auto source = ingest::OpenSource(RealFileSystem(), exhibit->path);
  if (!source) return source.error();
  return importer->Show(source->source, ref->locator);
}

// Resolves every citation the demo printed; shows the first; the failures are differences.
std::vector<std::string> ShowCitations(store::Workspace& ws, const std::vector<std::string>& citations) {
  std::vector<std::string> problems;
  for (size_t i = 0; i < citations.size(); ++i) {
    auto record = ResolveCitation(ws, citations[i]);
    if (!record) {
      problems.push_back("citation " + citations[i] + " does not resolve: " + record.error().ToString());
    } else if (i == 0) {
      Heading("show " + citations[i]);
      std::printf("%s\n", record->c_str());
    }
  }
  return problems;
}

// One HTML report per case (the first ten at most: a report is read by a person), written beside
// the workspace; returns their paths.
Result<std::vector<std::string>> WriteReports(store::Workspace& ws, const synth::GroundTruth& truth, const std::string& dir) {
  constexpr size_t kMaxReports = 10;
  std::vector<std::string> paths;
  for (const auto& c : truth.cases) {
    if (paths.size() == kMaxReports) break;
    report::ReportRequest request{c.code, dir + "/report-" + c.code + ".html", "casegraph demo"};
    auto written = report::WriteHtmlReport(ws, request);
    if (!written) return written.error();
    std::printf("  %s: %s (%lld flags, %lld cited messages, %lld bytes)\n", c.code.c_str(), written->path.c_str(),
                static_cast<long long>(written->flags), static_cast<long long>(written->cited_messages),
                static_cast<long long>(written->bytes));
    paths.push_back(written->path);
  }
  return paths;
}

void PrintScore(const char* what, const Score& s) {
  std::printf("  %-16s precision %.2f  recall %.2f  (%zu found, %zu expected, %zu right)\n", what, s.precision(), s.recall(),
              s.found, s.expected, s.correct);
}

Result<bool> RunDemo(const DemoOptions& options, const std::string& dir) {
  const auto started = std::chrono::steady_clock::now();
  Heading("synth: a synthetic multi-case scenario in real export formats (neutral placeholder text)");
  synth::ScenarioOptions so;
  so.seed = options.seed;
  so.messages = options.messages;
  so.cases = options.cases;
  so.out_dir = dir + "/scenario";
  auto written = synth::WriteScenario(so);
  if (!written) return written.error();
  std::printf("  %llu cases, %llu exhibits, %llu messages in %s\n", static_cast<unsigned long long>(written->cases),
              static_cast<unsigned long long>(written->exhibits), static_cast<unsigned long long>(written->messages),
              written->folder.c_str());
  auto truth = synth::ReadGroundTruth(written->truth_file);
  if (!truth) return truth.error();

  const std::string db_path = dir + "/demo.db";
  for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((db_path + suffix).c_str());
  auto ws_or = store::Workspace::Open(db_path, true);
  if (!ws_or) return ws_or.error();
  store::Workspace& ws = **ws_or;

  Heading("cases, subjects (minors) and exhibits ingested");
  for (const auto& c : truth->cases) {
    for (const auto& s : c.subjects) std::printf("  %s %s: %s, born %s\n", c.code.c_str(), s.label.c_str(), s.role.c_str(), s.born.c_str());
  }
  auto totals = IngestScenario(ws, *truth, written->folder, options.cases <= 10);
  if (!totals) return totals.error();
  std::printf("  %llu exhibits, %llu messages ingested in %.1f s (%llu warnings); link graph rebuilt in %.1f s\n",
              static_cast<unsigned long long>(totals->exhibits), static_cast<unsigned long long>(totals->messages),
              totals->ingest_seconds, static_cast<unsigned long long>(totals->warnings), totals->refresh_seconds);
  std::printf("  %llu attachments match the known list; %llu rules-file hits\n",
              static_cast<unsigned long long>(totals->matched_files), static_cast<unsigned long long>(totals->rule_hits));

  auto found = InvestigateAndPrint(ws, *truth);
  if (!found) return found.error();

  Heading("flags: risk indicators, each a lead for review (flags)");
  auto flags = PrintAndCheckFlags(ws, *truth);
  if (!flags) return flags.error();
  found->citations.insert(found->citations.end(), flags->citations.begin(), flags->citations.end());

  std::vector<std::string> unresolved = ShowCitations(ws, found->citations);
  std::printf("  (%zu citations printed above; %zu resolve to their record)\n", found->citations.size(),
              found->citations.size() - unresolved.size());

  Heading("verify");
  auto report = store::VerifyWorkspace(ws, RealFileSystem());
  if (!report) return report.error();
  size_t ok = 0;
  for (const auto& e : report->exhibits) ok += e.status == "ok";
  std::printf("  %zu of %zu exhibits unchanged; audit log: %lld entries, chain %s\n", ok, report->exhibits.size(),
              static_cast<long long>(report->audit.entries), report->audit.chain_ok ? "ok" : "BROKEN");

  DemoCheck check = CheckAgainstTruth(*truth, *found);
  check.problems.insert(check.problems.end(), unresolved.begin(), unresolved.end());
  check.problems.insert(check.problems.end(), flags->problems.begin(), flags->problems.end());
  Heading("checked against the scenario's ground truth");
  PrintScore("linked accounts", check.linked_accounts);
  PrintScore("persons", check.persons);
  PrintScore("suggestions", check.suggestions);
  PrintScore("first contacts", check.first_contacts);
  PrintScore("paths", check.paths);
  std::printf("  decoys merged: %zu\n", check.decoys_merged);
  std::printf("  operatives flagged high: %zu of %zu; decoys flagged above low: %zu (of %zu decoy accounts flagged at all)\n",
              flags->operatives_high, flags->operatives, flags->decoys_above_low, flags->decoys_flagged);
  for (const auto& p : check.problems) std::printf("  DIFFERENCE: %s\n", p.c_str());

  Heading("case reports (report)");
  auto reports = WriteReports(ws, *truth, dir);
  if (!reports) return reports.error();

  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Heading("done");
  std::printf("demo finished in %.1f s%s. Explore it yourself:\n", secs, check.ok() ? ", every answer matches the ground truth" : "");
  std::printf("  casegraph -w %s links\n", db_path.c_str());
  std::printf("  casegraph -w %s persons\n", db_path.c_str());
  if (!truth->paths.empty()) {
    std::printf("  casegraph -w %s path --from %s --to %s\n", db_path.c_str(), truth->paths[0].from.c_str(), truth->paths[0].to.c_str());
  }
  if (!truth->cases.empty() && !truth->cases[0].subjects.empty()) {
    std::printf("  casegraph -w %s timeline --subject %s/%s\n", db_path.c_str(), truth->cases[0].code.c_str(),
                truth->cases[0].subjects[0].label.c_str());
  }
  std::printf("  casegraph -w %s flags --min-severity medium\n", db_path.c_str());
  if (!reports->empty()) std::printf("The case report: %s\n", reports->front().c_str());
  return check.ok() || !options.check;
}

}  // namespace

void AddDemoCommand(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<DemoOptions>();
  auto no_check = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("demo", "run the end-to-end demo investigation on synthetic data");
  cmd->add_option("--out", options->out, "folder for the synthetic exports and the demo workspace (default: a new temp folder)");
  cmd->add_option("--seed", options->seed, "scenario seed (default 1)");
  cmd->add_option("--messages", options->messages, "scenario size in messages (default 20000)")
      ->check(CLI::Range(uint64_t{1000}, uint64_t{50000000}));
  cmd->add_option("--cases", options->cases, "number of cases (default 3)")->check(CLI::Range(3, 100));
  cmd->add_flag("--no-check", *no_check, "do not fail when an answer differs from the ground truth");
  cmd->callback([&ctx, options, no_check] {
    ctx.action = [options, no_check] {
      options->check = !*no_check;
      std::string dir = options->out;
      if (dir.empty()) {
        const char* tmp = std::getenv("TMPDIR");
        std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/casegraph-demo-XXXXXX";
        if (mkdtemp(templ.data()) == nullptr) return ReportError(Error::Io("cannot create a temp folder"));
        dir = templ;
      }
      auto ok = RunDemo(*options, dir);
      if (!ok) return ReportError(ok.error());
      return *ok ? kExitOk : kExitBadInput;
    };
  });
}

}  // namespace casegraph::cli
