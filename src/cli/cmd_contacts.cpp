// `contacts --common A B`: accounts both sides talked to (privately or in a group), cited on
// both sides.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "base/phase_timer.h"
#include "cli/context.h"
#include "cli/graph_output.h"
#include "graph/contacts.h"

namespace casegraph::cli {
namespace {

void WriteSide(JsonWriter& j, const char* key, const std::vector<graph::ContactEvidence>& side, int64_t total) {
  j.Key(key).BeginArray();
  for (const auto& e : side) {
    j.BeginObject().Field("account", e.account).Field("kind", e.kind).Field("conversation", e.detail)
        .Key("case").StringOrNull(e.case_code).Key("at");
    WriteTime(j, e.at);
    j.Key("citations").BeginArray();
    for (const auto& c : e.citations) WriteCitationJson(j, c);
    j.EndArray().EndObject();
  }
  j.EndArray().Field(std::string(key) + "_total", total);
}

void PrintTextSide(const char* label, const std::vector<graph::ContactEvidence>& side, int64_t total) {
  for (const auto& e : side) {
    std::printf("    %s %s %s %s %s  %s\n", label, e.account.c_str(), e.kind.c_str(), TimeOrDash(e.at).c_str(),
                e.detail.c_str(), e.citations.empty() ? "" : e.citations.front().ToText().c_str());
  }
  if (total > static_cast<int64_t>(side.size())) {
    std::printf("    %s … %lld more\n", label, static_cast<long long>(total - static_cast<int64_t>(side.size())));
  }
}

}  // namespace

void AddContactsCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto sides = std::make_shared<std::vector<std::string>>();
  auto* cmd = app.add_subcommand("contacts", "contacts that two accounts, persons or subjects have in common");
  cmd->add_option("--common", *sides, "the two sides: account ref, person:KEY or subject:CASE/LABEL")
      ->expected(2)->required();
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, json, sides] {
    ctx.action = [&ctx, json, sides] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      WarnIfStale(**ws);
      PhaseTimer timer;  // CASEGRAPH_TIMING=1 prints the query time (workspace open)
      auto result = graph::QueryCommonContacts(**ws, (*sides)[0], (*sides)[1]);
      timer.Mark("query");
      if (!result) return ReportError(result.error());
      if (*json) {
        JsonWriter j;
        j.BeginObject().Field("a", result->a).Field("b", result->b).Key("contacts").BeginArray();
        for (const auto& c : result->contacts) {
          j.BeginObject().Field("ref", c.ref);
          WriteSide(j, "via_a", c.via_a, c.total_a);
          WriteSide(j, "via_b", c.via_b, c.total_b);
          j.EndObject();
        }
        j.EndArray().EndObject();
        PrintJson(j);
        return kExitOk;
      }
      std::printf("%zu common contacts of %s and %s\n", result->contacts.size(), result->a.c_str(), result->b.c_str());
      for (const auto& c : result->contacts) {
        std::printf("  %s\n", c.ref.c_str());
        PrintTextSide("A:", c.via_a, c.total_a);
        PrintTextSide("B:", c.via_b, c.total_b);
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
