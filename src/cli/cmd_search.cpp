// `search`: full-text search over messages and document text of files, with Unicode folding;
// every hit says its kind ("message" | "file") and is cited.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "store/queries.h"

namespace casegraph::cli {

void WriteCitationJson(JsonWriter& j, const model::Citation& c) {
  j.BeginObject().Field("case", c.case_code).Field("exhibit", c.exhibit).Field("sha256", c.sha256)
      .Field("locator", c.locator).Field("text", c.ToText()).EndObject();
}

void AddSearchCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto case_code = std::make_shared<std::string>();
  auto query = std::make_shared<std::string>();
  auto limit = std::make_shared<int>(20);
  auto by_relevance = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("search", "full-text search of messages and documents (words, \"phrases\", prefix*, OR, NOT)");
  cmd->add_option("QUERY", *query, "what to look for")->required();
  cmd->add_option("--case", *case_code, "only this case");
  cmd->add_option("--limit", *limit, "most hits to list (default 20)")->check(CLI::Range(1, 100000));
  cmd->add_flag("--rank", *by_relevance, "list the most relevant hits first (default: in evidence order)");
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, json, case_code, query, limit, by_relevance] {
    ctx.action = [&ctx, json, case_code, query, limit, by_relevance] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      auto result = store::Search(**ws, *query, *case_code, *limit, *by_relevance);
      if (!result) return ReportError(result.error());
      if (*json) {
        JsonWriter j;
        j.BeginObject().Field("query", *query).Field("total", result->total).Key("hits").BeginArray();
        for (const auto& h : result->hits) {
          // Every hit has every key; those of the other kind are null.
          const bool file = h.kind == "file";
          j.BeginObject().Field("kind", h.kind).Field("case", h.case_code).Field("exhibit", h.exhibit)
              .Key("conversation").StringOrNull(h.conversation).Key("sender").StringOrNull(h.sender)
              .Key("sender_ref").StringOrNull(h.sender_ref).Key("sent_at").StringOrNull(h.sent_at);
          if (file) j.Key("text").Null();
          else j.Field("text", h.text);
          j.Key("path").StringOrNull(h.path).Key("file_sha256").StringOrNull(h.file_sha256)
              .Key("mime_type").StringOrNull(h.mime_type).Key("extractor").StringOrNull(h.extractor)
              .Field("snippet", h.snippet).Key("citation");
          WriteCitationJson(j, h.citation);
          j.EndObject();
        }
        j.EndArray().EndObject();
        PrintJson(j);
        return kExitOk;
      }
      std::printf("%lld hits for %s (showing %zu)\n", static_cast<long long>(result->total), query->c_str(), result->hits.size());
      for (const auto& h : result->hits) {
        if (h.kind == "file") {
          std::printf("file  %s (%s): %s\n    %s\n", h.path.c_str(), h.extractor.c_str(), h.snippet.c_str(),
                      h.citation.ToText().c_str());
          continue;
        }
        std::printf("%s  %s  %s: %s\n    %s\n", h.sent_at.empty() ? "-" : h.sent_at.c_str(), h.conversation.c_str(),
                    h.sender.empty() ? "?" : h.sender.c_str(), h.snippet.c_str(), h.citation.ToText().c_str());
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
