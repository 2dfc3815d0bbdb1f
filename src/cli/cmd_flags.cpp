// `flags`: the risk indicators over the cases in scope, each a lead for a person to review,
// with its severity, the subject and accounts, why it fired, and the records it rests on.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "cli/graph_output.h"
#include "indicators/flags.h"

namespace casegraph::cli {
namespace {

struct FlagsArgs {
  std::vector<std::string> cases;
  std::string min_severity = "low";
  bool json = false;
};

std::optional<indicators::Severity> ParseSeverity(const std::string& text) {
  for (auto s : {indicators::Severity::kLow, indicators::Severity::kMedium, indicators::Severity::kHigh}) {
    if (text == indicators::SeverityName(s)) return s;
  }
  return std::nullopt;
}

void PrintJsonFlags(const std::vector<indicators::Finding>& flags) {
  int64_t counts[4] = {0, 0, 0, 0};
  JsonWriter j;
  j.BeginObject().Key("flags").BeginArray();
  for (const auto& f : flags) {
    ++counts[static_cast<int>(f.severity)];
    j.BeginObject().Field("kind", f.kind).Field("severity", indicators::SeverityName(f.severity))
        .Field("summary", f.summary).Field("explanation", f.explanation).Key("severity_basis")
        .StringArray(f.severity_basis).Field("case", f.case_code).Key("subject").StringOrNull(f.subject)
        .Key("accounts").StringArray(f.accounts).Key("first_at");
    WriteTime(j, f.first_at);
    j.Key("last_at");
    WriteTime(j, f.last_at);
    j.Key("citations").BeginArray();
    for (const auto& c : f.citations) WriteCitationJson(j, c);
    j.EndArray().Field("total_citations", f.total_citations).Key("other_cases").StringArray(f.other_cases).EndObject();
  }
  j.EndArray().Key("counts").BeginObject().Field("high", counts[3]).Field("medium", counts[2])
      .Field("low", counts[1]).EndObject().EndObject();
  PrintJson(j);
}

void PrintTextFlags(const std::vector<indicators::Finding>& flags) {
  int64_t counts[4] = {0, 0, 0, 0};
  for (const auto& f : flags) ++counts[static_cast<int>(f.severity)];
  std::printf("%zu flags: %lld high, %lld medium, %lld low (leads for review, not findings of guilt)\n",
              flags.size(), static_cast<long long>(counts[3]), static_cast<long long>(counts[2]),
              static_cast<long long>(counts[1]));
  for (const auto& f : flags) {
    std::printf("\n[%s] %s  %s%s%s\n", indicators::SeverityName(f.severity), f.kind.c_str(), f.case_code.c_str(),
                f.subject.empty() ? "" : "/", f.subject.c_str());
    std::printf("  %s\n  %s\n", f.summary.c_str(), f.explanation.c_str());
    for (const auto& b : f.severity_basis) std::printf("  + %s\n", b.c_str());
    if (!f.accounts.empty()) std::printf("  accounts: %s\n", JoinComma(f.accounts).c_str());
    if (!f.other_cases.empty()) std::printf("  other cases: %s\n", JoinComma(f.other_cases).c_str());
    std::printf("  %s .. %s\n", TimeOrDash(f.first_at).c_str(), TimeOrDash(f.last_at).c_str());
    for (const auto& c : f.citations) std::printf("    cite %s\n", c.ToText().c_str());
    const int64_t more = f.total_citations - static_cast<int64_t>(f.citations.size());
    if (more > 0) std::printf("    (%lld more records)\n", static_cast<long long>(more));
  }
}

}  // namespace

void AddFlagsCommand(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<FlagsArgs>();
  auto* cmd = app.add_subcommand("flags", "risk indicators: leads for review, each explained and cited");
  cmd->add_option("--case", args->cases, "only these cases (repeatable; default: every case)");
  cmd->add_option("--min-severity", args->min_severity, "low, medium or high (default low)");
  cmd->add_flag("--json", args->json, "print one JSON document");
  cmd->callback([&ctx, args] {
    ctx.action = [&ctx, args] {
      auto severity = ParseSeverity(args->min_severity);
      if (!severity) {
        std::fprintf(stderr, "casegraph: error: --min-severity must be low, medium or high, not '%s'\n",
                     args->min_severity.c_str());
        return kExitUsage;
      }
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      WarnIfStale(**ws);
      indicators::FlagsRequest request;
      request.cases = args->cases;
      request.min_severity = *severity;
      auto flags = indicators::ComputeFlags(**ws, request);
      if (!flags) return ReportError(flags.error());
      if (args->json) {
        PrintJsonFlags(*flags);
      } else {
        PrintTextFlags(*flags);
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
