// `persons`: resolved identities with every membership's basis, confidence, status and
// citations; `persons merge|split|confirm|reject`: the examiner's decisions, each audited and
// followed by a refresh in one transaction (they are kept by account ref and re-applied on
// every refresh, so they survive re-ingest).
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "graph/identity_decisions.h"
#include "graph/person_query.h"
#include "graph/refresh.h"

namespace casegraph::cli {
namespace {

void WritePersonsJson(const std::vector<graph::PersonView>& persons) {
  JsonWriter j;
  j.BeginObject().Key("persons").BeginArray();
  for (const auto& p : persons) {
    j.BeginObject().Field("id", p.id).Field("key", p.key).Field("label", p.label).Key("cases").StringArray(p.cases);
    j.Key("accounts").BeginArray();
    for (const auto& a : p.accounts) {
      j.BeginObject().Field("ref", a.ref).Field("platform", a.platform).Key("names").StringArray(a.names)
          .Field("basis", a.basis).Key("confidence").Double(a.confidence).Field("status", a.status)
          .Field("explanation", a.explanation);
      j.Key("citations").BeginArray();
      for (const auto& c : a.citations) WriteCitationJson(j, c);
      j.EndArray().EndObject();
    }
    j.EndArray().EndObject();
  }
  j.EndArray().EndObject();
  PrintJson(j);
}

void PrintPersonsText(const std::vector<graph::PersonView>& persons) {
  if (persons.empty()) {
    std::printf("no persons (no two accounts are tied by the evidence or by an examiner)\n");
    return;
  }
  for (const auto& p : persons) {
    std::string cases;
    for (const auto& c : p.cases) cases += (cases.empty() ? "" : ",") + c;
    std::printf("%s  %s  [%s]\n", p.key.c_str(), p.label.c_str(), cases.c_str());
    for (const auto& a : p.accounts) {
      std::string names;
      for (const auto& n : a.names) names += (names.empty() ? "" : " | ") + n;
      std::printf("  %-9s %-18s %4.2f  %-36s %s\n", a.status.c_str(), a.basis.c_str(), a.confidence, a.ref.c_str(),
                  names.c_str());
      if (a.status != "confirmed") std::printf("            why: %s\n", a.explanation.c_str());
    }
  }
}

// One decision subcommand: `persons ACTION A [B] [--note N]`.
void AddDecision(CLI::App& persons, Context& ctx, const std::string& action, const std::string& help, bool pair) {
  struct Args {
    std::string a, b, note;
    bool json = false;
  };
  auto args = std::make_shared<Args>();
  auto* cmd = persons.add_subcommand(action, help);
  cmd->add_option("A", args->a, pair ? "account ref or person key" : "account ref")->required();
  if (pair) cmd->add_option("B", args->b, "account ref or person key")->required();
  cmd->add_option("--note", args->note, "why (kept with the decision and in the audit log)");
  cmd->add_flag("--json", args->json, "print one JSON document");
  cmd->callback([&ctx, args, action] {
    ctx.action = [&ctx, args, action] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      auto d = graph::RecordPersonDecision(**ws, action, args->a, args->b, store::DefaultActor(), args->note);
      if (!d) return ReportError(d.error());
      if (args->json) {
        JsonWriter j;
        j.BeginObject().Key("decision").BeginObject().Field("id", d->id).Field("action", d->action).Field("a", d->a_ref)
            .Key("b").StringOrNull(d->b_ref).Field("examiner", d->examiner).Field("at", d->at)
            .Key("note").StringOrNull(d->note).EndObject().EndObject();
        PrintJson(j);
      } else {
        std::printf("persons %s %s%s%s recorded (decision %lld) and the graph refreshed\n", action.c_str(),
                    d->a_ref.c_str(), d->b_ref.empty() ? "" : " ", d->b_ref.c_str(), static_cast<long long>(d->id));
      }
      return kExitOk;
    };
  });
}

}  // namespace

void AddPersonsCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto case_code = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("persons", "resolved identities: accounts that belong to one person, and why");
  cmd->require_subcommand(0, 1);
  cmd->add_option("--case", *case_code, "only persons with an account in this case");
  cmd->add_flag("--json", *json, "print one JSON document");
  AddDecision(*cmd, ctx, "merge", "the examiner says A and B are one person", true);
  AddDecision(*cmd, ctx, "split", "take an account out of its person", false);
  AddDecision(*cmd, ctx, "confirm", "turn a suggestion between A and B into a confirmed membership", true);
  AddDecision(*cmd, ctx, "reject", "A and B are not one person: drop the suggestion or merge between them for good", true);
  cmd->callback([&ctx, cmd, json, case_code] {
    if (!cmd->get_subcommands().empty()) return;  // a decision subcommand set the action
    ctx.action = [&ctx, json, case_code] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      if (auto stale = graph::IsStale(**ws); stale && *stale) {
        std::fprintf(stderr, "casegraph: warning: the link graph predates the last ingest; run `casegraph refresh`\n");
      }
      auto persons = graph::QueryPersons(**ws, *case_code);
      if (!persons) return ReportError(persons.error());
      if (*json) {
        WritePersonsJson(*persons);
      } else {
        PrintPersonsText(*persons);
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
