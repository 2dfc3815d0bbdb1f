// The command table and dispatch (after ninja's ChooseTool): each subcommand registers itself
// from its own file; this file only parses and runs the chosen action.
#include <CLI/CLI.hpp>

#include <cstdlib>

#include "cli/context.h"

namespace casegraph::cli {

int Run(int argc, char** argv) {
  CLI::App app{"casegraph: cited evidence graphs from seized chat exports"};
  app.require_subcommand(1);
  Context ctx;
  const char* env = std::getenv("CASEGRAPH_WORKSPACE");
  ctx.workspace = env && *env ? env : "casegraph.db";
  app.add_option("-w,--workspace", ctx.workspace, "workspace file (default $CASEGRAPH_WORKSPACE or ./casegraph.db)");

  using Adder = void (*)(CLI::App&, Context&);
  const Adder commands[] = {AddCaseCommands,  AddIngestCommand, AddStatsCommand,   AddAccountsCommand,
                            AddSearchCommand, AddShowCommand,   AddVerifyCommand,  AddFormatsCommand,
                            AddSynthCommand,  AddDemoCommand,   AddPersonsCommand, AddRefreshCommand,
                            AddLinksCommand,  AddPathCommand,   AddContactsCommand, AddTimelineCommand,
                            AddHashsetCommands, AddScanCommand, AddMatchesCommand,
                            AddFlagsCommand, AddReportCommand, AddExportCommand};
  for (Adder add : commands) add(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }
  if (!ctx.action) return kExitUsage;
  return ctx.action();
}

}  // namespace casegraph::cli
