// `verify`: re-hash every exhibit and check the audit chain; exit 1 on any difference.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "store/verify.h"

namespace casegraph::cli {

void AddVerifyCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("verify", "re-hash every exhibit and check the audit chain");
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, json] {
    ctx.action = [&ctx, json] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      auto report = store::VerifyWorkspace(**ws, RealFileSystem());
      if (!report) return ReportError(report.error());
      if (*json) {
        JsonWriter j;
        j.BeginObject().Key("exhibits").BeginArray();
        for (const auto& e : report->exhibits) {
          j.BeginObject().Field("case", e.case_code).Field("label", e.label).Field("path", e.path).Field("sha256", e.sha256)
              .Field("status", e.status).Key("changed").StringArray(e.changed).EndObject();
        }
        j.EndArray().Key("audit").BeginObject().Field("entries", report->audit.entries)
            .Field("chain", report->audit.chain_ok ? "ok" : "broken");
        if (!report->audit.chain_ok) j.Field("first_broken_entry", report->audit.first_broken_id);
        j.EndObject().EndObject();
        PrintJson(j);
      } else {
        for (const auto& e : report->exhibits) {
          std::printf("%-9s %s/%s  %s\n", e.status.c_str(), e.case_code.c_str(), e.label.c_str(), e.path.c_str());
          for (const auto& c : e.changed) std::printf("          %s\n", c.c_str());
        }
        std::printf("audit log: %lld entries, chain %s", static_cast<long long>(report->audit.entries),
                    report->audit.chain_ok ? "ok\n" : "BROKEN");
        if (!report->audit.chain_ok) std::printf(" at entry %lld\n", static_cast<long long>(report->audit.first_broken_id));
      }
      return report->ok() ? kExitOk : kExitBadInput;
    };
  });
}

}  // namespace casegraph::cli
