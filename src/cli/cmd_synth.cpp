// `synth`: writes synthetic evidence in real export formats, deterministic by --seed, for demos,
// tests and benchmarks. Without --format: the multi-case scenario (--cases, --messages in all)
// with ground-truth.json (synth/scenario.h). With --format: one export alone, a Telegram
// Desktop full-account export, an Element room export, a Rocket.Chat mongoexport folder, or a
// WhatsApp chat .txt (--style picks the locale and platform). All text is neutral placeholder
// chatter.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <utility>
#include <vector>

#include "cli/context.h"
#include "synth/element_synth.h"
#include "synth/rocketchat_synth.h"
#include "synth/scenario.h"
#include "synth/telegram_synth.h"
#include "synth/whatsapp_synth.h"

namespace casegraph::cli {
namespace {

// What every generator reports: where it wrote, and how much.
struct Written {
  std::string folder, main_file;
  uint64_t messages = 0;
  std::string detail;  // "in 12 chats"
  // Generator-specific fields of --json (Telegram's result_json, chats, contacts, owner_ref …).
  std::vector<std::pair<std::string, std::string>> texts;
  std::vector<std::pair<std::string, int64_t>> counts;
};

int Print(const Written& w, bool json) {
  if (json) {
    JsonWriter j;
    j.BeginObject().Field("folder", w.folder).Field("main_file", w.main_file)
        .Field("messages", static_cast<int64_t>(w.messages)).Field("detail", w.detail);
    for (const auto& [key, value] : w.texts) j.Field(key, value);
    for (const auto& [key, value] : w.counts) j.Field(key, value);
    j.EndObject();
    PrintJson(j);
  } else {
    std::printf("wrote %llu messages %s to %s\n", static_cast<unsigned long long>(w.messages), w.detail.c_str(),
                w.folder.c_str());
  }
  return kExitOk;
}

Result<Written> WriteTelegram(const synth::TelegramSynthOptions& options) {
  auto s = synth::WriteTelegramExport(options);
  if (!s) return s.error();
  Written w{s->folder, s->result_json, s->messages, "in " + std::to_string(s->chats) + " chats", {}, {}};
  w.texts = {{"result_json", s->result_json}, {"owner_ref", s->owner_ref}};
  w.counts = {{"chats", static_cast<int64_t>(s->chats)}, {"contacts", static_cast<int64_t>(s->contacts)}};
  return w;
}

Result<Written> WriteElement(const synth::TelegramSynthOptions& common) {
  synth::ElementSynthOptions options;
  options.seed = common.seed;
  options.messages = common.messages;
  options.out_dir = common.out_dir;
  auto s = synth::WriteElementExport(options);
  if (!s) return s.error();
  Written w{s->folder, s->export_json, s->message_records, "(" + std::to_string(s->events) + " events)", {}, {}};
  w.counts = {{"events", static_cast<int64_t>(s->events)}};
  return w;
}

Result<Written> WriteRocketChat(const synth::TelegramSynthOptions& common) {
  auto s = synth::WriteRocketChatExport({common.seed, common.messages, common.out_dir});
  if (!s) return s.error();
  Written w{s->folder, "", s->messages, "in " + std::to_string(s->rooms) + " rooms of " + std::to_string(s->users) + " users",
            {}, {}};
  w.counts = {{"rooms", static_cast<int64_t>(s->rooms)}, {"users", static_cast<int64_t>(s->users)}};
  return w;
}

Result<Written> WriteWhatsApp(const synth::TelegramSynthOptions& common, const std::string& style) {
  auto s = synth::WriteWhatsAppExport({common.seed, common.messages, common.out_dir, style});
  if (!s) return s.error();
  Written w{s->folder, s->chat_file, s->messages, "(" + std::to_string(s->bytes) + " bytes, " + style + ")", {}, {}};
  w.counts = {{"bytes", static_cast<int64_t>(s->bytes)}};
  return w;
}

int WriteScenarioCommand(const synth::TelegramSynthOptions& common, int cases, bool json) {
  synth::ScenarioOptions options;
  options.seed = common.seed;
  options.messages = common.messages;
  options.cases = cases;
  options.out_dir = common.out_dir;
  auto s = synth::WriteScenario(options);
  if (!s) return ReportError(s.error());
  if (json) {
    JsonWriter j;
    j.BeginObject().Field("folder", s->folder).Field("truth_file", s->truth_file)
        .Field("cases", static_cast<int64_t>(s->cases)).Field("exhibits", static_cast<int64_t>(s->exhibits))
        .Field("messages", static_cast<int64_t>(s->messages)).Field("accounts", static_cast<int64_t>(s->accounts));
    j.EndObject();
    PrintJson(j);
  } else {
    std::printf("wrote %llu messages in %llu exhibits of %llu cases to %s\nground truth: %s\n",
                static_cast<unsigned long long>(s->messages), static_cast<unsigned long long>(s->exhibits),
                static_cast<unsigned long long>(s->cases), s->folder.c_str(), s->truth_file.c_str());
  }
  return kExitOk;
}

}  // namespace

void AddSynthCommand(CLI::App& app, Context& ctx) {
  auto options = std::make_shared<synth::TelegramSynthOptions>();
  auto json = std::make_shared<bool>(false);
  auto format = std::make_shared<std::string>();
  auto style = std::make_shared<std::string>("android-en-GB");
  auto cases = std::make_shared<int>(3);
  auto* cmd = app.add_subcommand(
      "synth", "write synthetic evidence (neutral placeholder text): the multi-case scenario with its ground truth, "
               "or with --format one export alone");
  cmd->add_option("--out", options->out_dir, "folder to write")->required();
  cmd->add_option("--seed", options->seed, "random seed (same seed, same bytes)");
  auto* messages = cmd->add_option("--messages", options->messages,
                                   "number of messages (scenario: in all, default 20000; one export: default 2000)")
                       ->check(CLI::Range(uint64_t{1}, uint64_t{50000000}));
  cmd->add_option("--cases", *cases, "scenario: number of cases (default 3)")->check(CLI::Range(1, 999));
  cmd->add_option("--format", *format, "one export alone: telegram, element, rocketchat or whatsapp")
      ->check(CLI::IsMember({"telegram", "element", "rocketchat", "whatsapp"}));
  cmd->add_option("--style", *style, "WhatsApp header style (platform and locale)")->check(CLI::IsMember(synth::WhatsAppStyles()));
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, options, json, format, style, cases, messages] {
    if (format->empty() && messages->count() == 0) options->messages = 20000;
    ctx.action = [options, json, format, style, cases] {
      if (format->empty()) return WriteScenarioCommand(*options, *cases, *json);
      Result<Written> written = *format == "element"      ? WriteElement(*options)
                                : *format == "rocketchat" ? WriteRocketChat(*options)
                                : *format == "whatsapp"   ? WriteWhatsApp(*options, *style)
                                                          : WriteTelegram(*options);
      if (!written) return ReportError(written.error());
      return Print(*written, *json);
    };
  });
}

}  // namespace casegraph::cli
