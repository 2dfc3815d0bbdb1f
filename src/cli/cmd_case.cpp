// `case add`, `subject add` and `subject account`: the only ways cases, subjects and the
// examiner's word on a subject's accounts come into being; all audited.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <vector>

#include "cli/context.h"
#include "graph/subject_accounts.h"

namespace casegraph::cli {

void AddCaseCommands(CLI::App& app, Context& ctx) {
  auto* case_cmd = app.add_subcommand("case", "manage cases")->require_subcommand(1);
  auto* add = case_cmd->add_subcommand("add", "create a case (creates the workspace if needed)");
  auto code = std::make_shared<std::string>();
  auto title = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  add->add_option("CODE", *code, "case code, e.g. IZMIR-2025-001")->required();
  add->add_option("--title", *title, "a short title");
  add->add_flag("--json", *json, "print the result as JSON");
  add->callback([&ctx, code, title, json] {
    ctx.action = [&ctx, code, title, json] {
      auto ws = OpenWorkspace(ctx, /*create=*/true);
      if (!ws) return ReportError(ws.error());
      auto row = (*ws)->AddCase(*code, *title, store::DefaultActor());
      if (!row) return ReportError(row.error());
      if (*json) {
        JsonWriter j;
        j.BeginObject().Key("case").BeginObject().Field("code", row->code).Key("title").StringOrNull(row->title).EndObject().EndObject();
        PrintJson(j);
      } else {
        std::printf("case %s created in %s\n", row->code.c_str(), ctx.workspace.c_str());
      }
      return kExitOk;
    };
  });

  auto* subject = app.add_subcommand("subject", "manage subjects")->require_subcommand(1);
  auto* sadd = subject->add_subcommand("add", "add a person whose device was seized (suspect, victim, witness)");
  auto case_code = std::make_shared<std::string>();
  auto label = std::make_shared<std::string>();
  auto born = std::make_shared<std::string>();
  auto role = std::make_shared<std::string>();
  auto sjson = std::make_shared<bool>(false);
  auto accounts = std::make_shared<std::vector<std::string>>();
  sadd->add_option("--case", *case_code, "case code")->required();
  sadd->add_option("LABEL", *label, "subject label, e.g. initials")->required();
  sadd->add_option("--born", *born, "birth date or year: YYYY, YYYY-MM or YYYY-MM-DD");
  sadd->add_option("--role", *role, "suspect, victim, witness, …");
  sadd->add_option("--account", *accounts, "an account ref the subject uses (repeatable), e.g. telegram:user123");
  sadd->add_flag("--json", *sjson, "print the result as JSON");
  sadd->callback([&ctx, case_code, label, born, role, sjson, accounts] {
    ctx.action = [&ctx, case_code, label, born, role, sjson, accounts] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      auto row = graph::AddSubjectWithAccounts(**ws, *case_code, *label, *born, *role, *accounts, store::DefaultActor());
      if (!row) return ReportError(row.error());
      if (*sjson) {
        JsonWriter j;
        j.BeginObject().Key("subject").BeginObject().Field("case", *case_code).Field("label", row->label)
            .Key("born").StringOrNull(row->born).Key("role").StringOrNull(row->role).Key("accounts").StringArray(*accounts)
            .EndObject().EndObject();
        PrintJson(j);
      } else {
        std::printf("subject %s added to case %s\n", row->label.c_str(), case_code->c_str());
      }
      return kExitOk;
    };
  });

  auto* saccount = subject->add_subcommand("account", "declare an account the subject uses (audited)");
  auto a_case = std::make_shared<std::string>();
  auto a_label = std::make_shared<std::string>();
  auto a_ref = std::make_shared<std::string>();
  saccount->add_option("--case", *a_case, "case code")->required();
  saccount->add_option("LABEL", *a_label, "subject label")->required();
  saccount->add_option("REF", *a_ref, "account ref, e.g. matrix:@name:server.org")->required();
  saccount->callback([&ctx, a_case, a_label, a_ref] {
    ctx.action = [&ctx, a_case, a_label, a_ref] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      Status s = graph::DeclareSubjectAccount(**ws, *a_case, *a_label, *a_ref, store::DefaultActor());
      if (!s) return ReportError(s.error());
      auto exists = graph::AccountExists(**ws, *a_ref);
      if (!exists) return ReportError(exists.error());
      std::printf("%s declared as an account of %s/%s%s\n", a_ref->c_str(), a_case->c_str(), a_label->c_str(),
                  *exists ? "" : " (not in any exhibit yet)");
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
