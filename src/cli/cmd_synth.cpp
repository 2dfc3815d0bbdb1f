// `synth`: writes a synthetic scenario in real export formats (a Telegram Desktop full-account
// export, or with --format element an Element room export), deterministic by --seed, for demos,
// tests and benchmarks.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "synth/element_synth.h"
#include "synth/telegram_synth.h"

namespace casegraph::cli {

namespace {

int WriteElement(const synth::TelegramSynthOptions& common, bool json) {
  synth::ElementSynthOptions options;
  options.seed = common.seed;
  options.messages = common.messages;
  options.out_dir = common.out_dir;
  auto summary = synth::WriteElementExport(options);
  if (!summary) return ReportError(summary.error());
  if (json) {
    JsonWriter j;
    j.BeginObject().Field("folder", summary->folder).Field("export_json", summary->export_json)
        .Field("events", static_cast<int64_t>(summary->events))
        .Field("messages", static_cast<int64_t>(summary->message_records)).EndObject();
    PrintJson(j);
  } else {
    std::printf("wrote %llu events (%llu messages) to %s\n", static_cast<unsigned long long>(summary->events),
                static_cast<unsigned long long>(summary->message_records), summary->folder.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddSynthCommand(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<synth::TelegramSynthOptions>();
  auto json = std::make_shared<bool>(false);
  auto format = std::make_shared<std::string>("telegram");
  auto* cmd = app.add_subcommand("synth", "write a synthetic export (neutral placeholder text) for demos and benchmarks");
  cmd->add_option("--out", options->out_dir, "folder to write")->required();
  cmd->add_option("--seed", options->seed, "random seed (same seed, same bytes)");
  cmd->add_option("--messages", options->messages, "number of messages")->check(CLI::Range(uint64_t{1}, uint64_t{50000000}));
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->add_option("--format", *format, "telegram (default) or element")->check(CLI::IsMember({"telegram", "element"}));
  cmd->callback([&ctx, options, json, format] {
    ctx.action = [options, json, format] {
      if (*format == "element") return WriteElement(*options, *json);
      auto summary = synth::WriteTelegramExport(*options);
      if (!summary) return ReportError(summary.error());
      if (*json) {
        JsonWriter j;
        j.BeginObject().Field("folder", summary->folder).Field("result_json", summary->result_json)
            .Field("messages", static_cast<int64_t>(summary->messages)).Field("chats", static_cast<int64_t>(summary->chats))
            .Field("contacts", static_cast<int64_t>(summary->contacts)).Field("owner_ref", summary->owner_ref).EndObject();
        PrintJson(j);
      } else {
        std::printf("wrote %llu messages in %llu chats to %s\n", static_cast<unsigned long long>(summary->messages),
                    static_cast<unsigned long long>(summary->chats), summary->folder.c_str());
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
