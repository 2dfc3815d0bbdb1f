// `refresh`: rebuilds the derived link graph (g_* tables, persons, analytics) in one
// transaction. `ingest` does this by itself after every exhibit it lands; this command is for
// a bulk load done with `ingest --no-refresh`, one refresh at the end instead of one per command.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>

#include "cli/context.h"
#include "graph/refresh.h"

namespace casegraph::cli {

void AddRefreshCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("refresh", "rebuild the link graph and persons from the evidence and decisions");
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, json] {
    ctx.action = [&ctx, json] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      const auto started = std::chrono::steady_clock::now();
      if (Status s = graph::Refresh(**ws); !s) return ReportError(s.error().WithFile((*ws)->path()));
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      auto count = [&](const char* table) {
        auto n = (*ws)->db().QueryInt(std::string("SELECT COUNT(*) FROM ") + table);
        return n ? *n : int64_t{0};
      };
      const int64_t conversations = count("g_conversations"), members = count("g_members"), persons = count("persons");
      if (*json) {
        JsonWriter j;
        j.BeginObject().Key("refresh").BeginObject().Field("conversations", conversations).Field("members", members)
            .Field("persons", persons).EndObject().EndObject();
        PrintJson(j);
      } else {
        std::printf("link graph refreshed in %.1f s: %lld conversations, %lld memberships, %lld persons\n", seconds,
                    static_cast<long long>(conversations), static_cast<long long>(members),
                    static_cast<long long>(persons));
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
