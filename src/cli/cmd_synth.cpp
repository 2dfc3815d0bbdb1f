// `synth`: writes a synthetic scenario in real export formats (for now a Telegram Desktop
// full-account export), deterministic by --seed, for demos, tests and benchmarks.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "synth/telegram_synth.h"
#include "synth/whatsapp_synth.h"

namespace casegraph::cli {

void AddSynthCommand(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<synth::TelegramSynthOptions>();
  auto json = std::make_shared<bool>(false);
  auto format = std::make_shared<std::string>("telegram");
  auto style = std::make_shared<std::string>("android-en-GB");
  auto* cmd = app.add_subcommand("synth", "write a synthetic export (neutral placeholder text) for demos and benchmarks");
  cmd->add_option("--out", options->out_dir, "folder to write")->required();
  cmd->add_option("--seed", options->seed, "random seed (same seed, same bytes)");
  cmd->add_option("--messages", options->messages, "number of messages")->check(CLI::Range(uint64_t{1}, uint64_t{50000000}));
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->add_option("--format", *format, "telegram (default) or whatsapp")->check(CLI::IsMember({"telegram", "whatsapp"}));
  cmd->add_option("--style", *style, "whatsapp header style")->check(CLI::IsMember(synth::WhatsAppStyles()));
  cmd->callback([&ctx, options, json, format, style] {
    ctx.action = [options, json, format, style] {
      if (*format == "whatsapp") {
        auto wa = synth::WriteWhatsAppExport({options->seed, options->messages, options->out_dir, *style});
        if (!wa) return ReportError(wa.error());
        std::printf("wrote %llu WhatsApp messages (%llu bytes) to %s\n", static_cast<unsigned long long>(wa->messages),
                    static_cast<unsigned long long>(wa->bytes), wa->chat_file.c_str());
        return kExitOk;
      }
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
