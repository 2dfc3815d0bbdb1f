// `stats`: counts per case.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "store/queries.h"

namespace casegraph::cli {

void AddStatsCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("stats", "counts per case");
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, json] {
    ctx.action = [&ctx, json] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      auto stats = store::QueryStats(**ws);
      if (!stats) return ReportError(stats.error());
      if (*json) {
        JsonWriter j;
        j.BeginObject().Key("cases").BeginArray();
        for (const auto& s : *stats) {
          j.BeginObject().Field("code", s.code).Key("title").StringOrNull(s.title).Field("subjects", s.subjects)
              .Field("exhibits", s.exhibits).Field("accounts", s.accounts).Field("conversations", s.conversations)
              .Field("messages", s.messages).Field("attachments", s.attachments).Field("files", s.files)
              .Field("identifiers", s.identifiers).EndObject();
        }
        j.EndArray().EndObject();
        PrintJson(j);
        return kExitOk;
      }
      std::printf("%-20s %8s %8s %9s %13s %10s %11s %6s %11s\n", "case", "subjects", "exhibits", "accounts",
                  "conversations", "messages", "attachments", "files", "identifiers");
      for (const auto& s : *stats) {
        std::printf("%-20s %8lld %8lld %9lld %13lld %10lld %11lld %6lld %11lld\n", s.code.c_str(),
                    static_cast<long long>(s.subjects), static_cast<long long>(s.exhibits),
                    static_cast<long long>(s.accounts), static_cast<long long>(s.conversations),
                    static_cast<long long>(s.messages), static_cast<long long>(s.attachments),
                    static_cast<long long>(s.files), static_cast<long long>(s.identifiers));
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
