// `accounts`: every account seen (or in one case), with the history of its names, usernames
// and phones, its message count and the cases it appears in.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "store/queries.h"

namespace casegraph::cli {
namespace {

void WriteValues(JsonWriter& j, const char* key, const std::vector<store::AttributeValue>& values) {
  j.Key(key).BeginArray();
  for (const auto& v : values) j.String(v.value);
  j.EndArray();
}

void WriteHistory(JsonWriter& j, const char* kind, const std::vector<store::AttributeValue>& values) {
  for (const auto& v : values) {
    j.BeginObject().Field("kind", kind).Field("value", v.value).Key("first_seen").StringOrNull(v.first_seen_utc ? TimeOrDash(v.first_seen_utc) : "")
        .Key("last_seen").StringOrNull(v.last_seen_utc ? TimeOrDash(v.last_seen_utc) : "").Key("exhibits").StringArray(v.exhibits).EndObject();
  }
}

std::string Join(const std::vector<store::AttributeValue>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += " | ";
    out += v.value;
  }
  return out.empty() ? "-" : out;
}

}  // namespace

void AddAccountsCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto case_code = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("accounts", "accounts seen, with their names, usernames and phones over time");
  cmd->add_option("--case", *case_code, "only accounts seen in this case");
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, json, case_code] {
    ctx.action = [&ctx, json, case_code] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      auto accounts = store::QueryAccounts(**ws, *case_code);
      if (!accounts) return ReportError(accounts.error());
      if (*json) {
        JsonWriter j;
        j.BeginObject().Key("accounts").BeginArray();
        for (const auto& a : *accounts) {
          j.BeginObject().Field("ref", a.ref).Field("platform", a.platform);
          WriteValues(j, "names", a.names);
          WriteValues(j, "usernames", a.usernames);
          WriteValues(j, "phones", a.phones);
          j.Field("messages", a.messages).Key("cases").StringArray(a.cases).Key("roles").StringArray(a.roles)
              .Key("subjects").StringArray(a.subjects);
          j.Key("pagerank");
          if (a.pagerank) {
            j.Double(*a.pagerank).Key("betweenness").Double(a.betweenness.value_or(0));
          } else {
            j.Null().Key("betweenness").Null();
          }
          j.Key("community").OptInt(a.community);
          j.Key("history").BeginArray();
          WriteHistory(j, "name", a.names);
          WriteHistory(j, "username", a.usernames);
          WriteHistory(j, "phone", a.phones);
          j.EndArray().EndObject();
        }
        j.EndArray().EndObject();
        PrintJson(j);
        return kExitOk;
      }
      std::printf("%-32s %-8s %8s  %-14s %8s %10s %4s  %s\n", "ref", "role", "messages", "cases", "pagerank",
                  "betweenness", "comm", "names / usernames / phones");
      for (const auto& a : *accounts) {
        std::string cases, roles;
        for (const auto& c : a.cases) cases += (cases.empty() ? "" : ",") + c;
        for (const auto& r : a.roles) roles += (roles.empty() ? "" : ",") + r;
        std::string subjects;
        for (const auto& s : a.subjects) subjects += " [device of " + s + "]";
        const std::string community = a.community ? std::to_string(*a.community) : "-";
        std::printf("%-32s %-8s %8lld  %-14s %8.5f %10.1f %4s  %s / %s / %s%s\n", a.ref.c_str(), roles.c_str(),
                    static_cast<long long>(a.messages), cases.c_str(), a.pagerank.value_or(0), a.betweenness.value_or(0),
                    community.c_str(), Join(a.names).c_str(),
                    Join(a.usernames).c_str(), Join(a.phones).c_str(), subjects.c_str());
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
