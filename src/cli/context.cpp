#include "cli/context.h"

#include <cstdio>

#include "base/time_util.h"

namespace casegraph::cli {

Result<std::unique_ptr<store::Workspace>> OpenWorkspace(const Context& ctx, bool create) {
  return store::Workspace::Open(ctx.workspace, create);
}

int ReportError(const Error& error) {
  std::fprintf(stderr, "casegraph: error: %s\n", error.ToString().c_str());
  return kExitBadInput;
}

void PrintJson(const JsonWriter& json) {
  std::fwrite(json.str().data(), 1, json.str().size(), stdout);
  std::fputc('\n', stdout);
}

std::string TimeOrDash(const std::optional<int64_t>& unix_seconds) {
  return unix_seconds ? FormatUtc(*unix_seconds) : std::string("-");
}

}  // namespace casegraph::cli
