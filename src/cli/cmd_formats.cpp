// `formats`: the importers this build knows, described from their own data.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "ingest/registry.h"

namespace casegraph::cli {

void AddFormatsCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto* cmd = app.add_subcommand("formats", "list the export formats casegraph can ingest");
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, json] {
    ctx.action = [json] {
      JsonWriter j;
      j.BeginObject().Key("formats").BeginArray();
      for (const auto& imp : ingest::Importers()) {
        auto info = imp->Describe();
        if (*json) {
          j.BeginObject().Field("name", info.name).Field("version", info.version).Field("description", info.description)
              .Field("ref_prefix", info.ref_prefix).Key("patterns").StringArray(info.patterns).Key("options").BeginArray();
          for (const auto& o : info.options) j.BeginObject().Field("name", o.name).Field("help", o.help).Field("required", o.required).EndObject();
          j.EndArray().EndObject();
        } else {
          std::printf("%-16s v%-3s %s\n", info.name.c_str(), info.version.c_str(), info.description.c_str());
        }
      }
      j.EndArray().EndObject();
      if (*json) PrintJson(j);
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
