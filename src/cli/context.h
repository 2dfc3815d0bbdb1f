// What every subcommand shares: the workspace path (from -w, $CASEGRAPH_WORKSPACE or
// ./casegraph.db), the action the parser selected, and helpers to open the workspace, report
// errors (stderr, exit 1) and print the one JSON document of --json.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "base/result.h"
#include "cli/json_writer.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace CLI {
class App;
}

namespace casegraph::cli {

constexpr int kExitOk = 0;
constexpr int kExitBadInput = 1;
constexpr int kExitUsage = 2;

struct Context {
  std::string workspace;
  std::function<int()> action;  // set by the chosen subcommand's callback
};

Result<std::unique_ptr<store::Workspace>> OpenWorkspace(const Context& ctx, bool create);
int ReportError(const Error& error);
void PrintJson(const JsonWriter& json);
// "2025-03-01T10:00:00Z", or "-" when unknown (text output).
std::string TimeOrDash(const std::optional<int64_t>& unix_seconds);

// {case, exhibit, sha256, locator, text} as ARCHITECTURE.md defines a citation in JSON.
void WriteCitationJson(JsonWriter& j, const model::Citation& c);

// One function per subcommand file; app.cpp lists them in one table.
void AddCaseCommands(CLI::App& app, Context& ctx);
void AddIngestCommand(CLI::App& app, Context& ctx);
void AddStatsCommand(CLI::App& app, Context& ctx);
void AddAccountsCommand(CLI::App& app, Context& ctx);
void AddSearchCommand(CLI::App& app, Context& ctx);
void AddShowCommand(CLI::App& app, Context& ctx);
void AddVerifyCommand(CLI::App& app, Context& ctx);
void AddFormatsCommand(CLI::App& app, Context& ctx);
void AddSynthCommand(CLI::App& app, Context& ctx);
void AddDemoCommand(CLI::App& app, Context& ctx);
void AddPersonsCommand(CLI::App& app, Context& ctx);
void AddRefreshCommand(CLI::App& app, Context& ctx);
// Link analysis queries (issue 4).
void AddLinksCommand(CLI::App& app, Context& ctx);
void AddPathCommand(CLI::App& app, Context& ctx);
void AddContactsCommand(CLI::App& app, Context& ctx);
void AddTimelineCommand(CLI::App& app, Context& ctx);
// Device triage (issue 5).
void AddHashsetCommands(CLI::App& app, Context& ctx);
void AddScanCommand(CLI::App& app, Context& ctx);
void AddMatchesCommand(CLI::App& app, Context& ctx);
// Findings and reports (issue 6).
void AddFlagsCommand(CLI::App& app, Context& ctx);
void AddReportCommand(CLI::App& app, Context& ctx);
void AddExportCommand(CLI::App& app, Context& ctx);

// Parses argv and runs the chosen command; returns the process exit code.
int Run(int argc, char** argv);

}  // namespace casegraph::cli
