// The whatsapp-txt importer: finds the chat file, maps it once, scans it (whatsapp_scan.h),
// decides the day/month order over the whole file (whatsapp_date_order.h), then emits the
// conversation and every message (whatsapp_message.h). Format notes:
// docs/formats/whatsapp-txt.md.
#include "ingest/whatsapp_txt.h"

#include <simdjson.h>

#include <charconv>
#include <memory>

#include "base/time_util.h"
#include "ingest/export_folder.h"
#include "ingest/whatsapp_date_order.h"
#include "ingest/whatsapp_lexicon.h"
#include "ingest/whatsapp_message.h"
#include "ingest/whatsapp_people.h"
#include "ingest/whatsapp_scan.h"
#include "ingest/whatsapp_sniff.h"

namespace casegraph::ingest {
namespace {

using namespace whatsapp;  // NOLINT: this file is the format's entry point

std::string StemOf(std::string_view name) {
  const size_t dot = name.rfind('.');
  return std::string(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
}

struct OpenedChat {
  std::string chat_path;       // on the file system
  std::string label;           // the chat file's name, for Locations
  std::string locator_prefix;  // "" or "<chat file>:"
  std::string root;            // export folder for media ("" for a lone file)
  std::string exhibit;         // exhibit-local name for contact refs
  std::unique_ptr<FileView> view;
};

Result<OpenedChat> OpenChat(const Source& source) {
  if (source.fs == nullptr) return Error::Internal("whatsapp-txt: no file system given");
  OpenedChat out;
  if (source.is_directory) {
    auto names = source.fs->List(source.path);
    if (!names) return names.error();
    std::vector<std::string> files;
    for (const auto& n : *names) {
      auto st = source.fs->Stat(JoinPath(source.path, n));
      if (st && !st->is_directory && !st->is_symlink) files.push_back(n);
    }
    const std::vector<std::string> chats = ChatFileCandidates(files);
    if (chats.empty()) {
      return Error::NotFound("whatsapp-txt: no chat file in " + source.path +
                                 " (expected _chat.txt or 'WhatsApp Chat with ….txt')",
                             Location{source.path, ""});
    }
    if (chats.size() > 1) {
      std::string msg = "whatsapp-txt: the folder holds " + std::to_string(chats.size()) + " chat files:";
      for (const auto& c : chats) msg += "\n  " + c;
      msg += "\ningest each chat (with its media) as its own exhibit";
      return Error::Unsupported(msg, Location{source.path, ""});
    }
    out.label = chats[0];
    out.chat_path = JoinPath(source.path, chats[0]);
    out.locator_prefix = chats[0] + ":";
    out.root = source.path;
    out.exhibit = chats[0] == "_chat.txt" ? StemOf(BaseName(source.path)) : StemOf(chats[0]);
  } else {
    out.chat_path = source.path;
    out.label = BaseName(source.path);
    out.exhibit = out.label == "_chat.txt" ? BaseName(ParentDir(source.path)) : StemOf(out.label);
  }
  auto view = source.fs->Map(out.chat_path);
  if (!view) {
    return Error::Io("whatsapp-txt: cannot read " + out.chat_path + ": " + view.error().message(),
                     Location{out.label, ""});
  }
  out.view = std::move(*view);
  return out;
}

// "line 12" or "_chat.txt:line 12" -> 12.
Result<uint64_t> LineOfLocator(const OpenedChat& chat, const std::string& locator) {
  std::string_view rest = locator;
  if (!chat.locator_prefix.empty() && rest.substr(0, chat.locator_prefix.size()) == chat.locator_prefix) {
    rest.remove_prefix(chat.locator_prefix.size());
  }
  uint64_t line = 0;
  if (rest.substr(0, 5) != "line " ||
      std::from_chars(rest.data() + 5, rest.data() + rest.size(), line).ptr != rest.data() + rest.size() || line == 0) {
    return Error::InvalidArgument("whatsapp-txt: a locator is 'line N' or '" + chat.label + ":line N', not '" +
                                      locator + "'",
                                  Location{chat.label, locator});
  }
  return line;
}

}  // namespace

ImporterInfo WhatsAppTxtImporter::Describe() const {
  return ImporterInfo{
      std::string("whatsapp-txt"),
      std::string("1"),
      std::string("WhatsApp \"Export chat\" text (Android and iOS, any language): the .txt, its export folder "
                  "with media, or the export .zip"),
      std::string("whatsapp:"),
      {std::string("_chat.txt"), std::string("WhatsApp Chat with *.txt"), std::string("WhatsApp Chat - *.zip")},
      {OptionSpec{std::string("tz"), std::string("IANA time zone of the exporting phone (required: the export has "
                                                 "local times without a zone)"),
                  true},
       OptionSpec{std::string("date-order"),
                  std::string("dmy, mdy or ymd when the file's day/month order is ambiguous"), false}}};
}

SniffResult WhatsAppTxtImporter::Sniff(const Probe& probe) const {
  if (!probe.is_directory) {
    const SniffResult text = SniffChatText(probe.head);
    const bool txt = probe.path.size() > 4 && probe.path.substr(probe.path.size() - 4) == ".txt";
    if (text.confidence == 0) return text;
    return {std::min(1.0, text.confidence + (txt && text.confidence >= 0.5 ? 0.05 : 0)), text.reason};
  }
  std::vector<std::string> names;
  for (const auto& f : probe.files) names.push_back(f.name);
  const std::vector<std::string> chats = ChatFileCandidates(names);
  if (chats.size() != 1) return {0, "no single WhatsApp chat file (_chat.txt or 'WhatsApp Chat with ….txt')"};
  const std::string* head = probe.FileHead(chats[0]);
  const SniffResult text = SniffChatText(head ? *head : std::string());
  if (text.confidence < 0.5) return {0.1, chats[0] + ": " + text.reason};
  const bool named = chats[0] == "_chat.txt" || chats[0].find("WhatsApp") != std::string::npos;
  return {named ? 0.95 : 0.7, chats[0] + ": " + text.reason};
}

Result<ImportSummary> WhatsAppTxtImporter::Import(const Source& source, const ImportOptions& options, Sink& sink,
                                                  Diagnostics& diagnostics) const {
  auto opened = OpenChat(source);
  if (!opened) return opened.error();
  OpenedChat& chat = *opened;
  if (options.tz.empty()) {
    return Error::InvalidArgument(
        "whatsapp-txt: WhatsApp exports carry the phone's local wall-clock time without a zone; pass --tz with "
        "the IANA zone the exporting phone was set to (e.g. --tz Europe/Istanbul)",
        Location{chat.label, ""});
  }
  CASEGRAPH_RETURN_IF_ERROR(ValidateTimeZone(options.tz));
  std::optional<DateOrder> forced;
  if (!options.date_order.empty()) {
    forced = ParseDateOrder(options.date_order);
    if (!forced) {
      return Error::InvalidArgument("whatsapp-txt: --date-order is dmy, mdy or ymd, not '" + options.date_order + "'",
                                    Location{chat.label, ""});
    }
  }
  const std::string_view bytes = chat.view->bytes();
  if (TrimMarks(bytes).find_first_not_of("\r\n\t ") == std::string_view::npos) {
    return Error::Corrupt("whatsapp-txt: empty file " + chat.label, Location{chat.label, "byte 0"});
  }
  People people{std::string(model::kExhibitScope)};  // names are local: the store scopes them
  ChatScan scan = ScanChat(bytes, people);
  if (scan.entries.empty()) {
    return Error::Corrupt("whatsapp-txt: no WhatsApp message line in " + chat.label +
                              " (expected lines such as '12/03/2022, 14:56 - Name: text' or "
                              "'[12/03/2022, 14:56:01] Name: text')",
                          Location{chat.label, "line 1"});
  }
  if (scan.leading_lines > 0) {
    diagnostics.Warn({chat.label, "line 1"}, std::to_string(scan.leading_lines) +
                                                 " line(s) before the first message header were skipped");
  }
  if (scan.broken_headers > 0) {
    diagnostics.Warn({chat.label, "line " + std::to_string(scan.first_broken_line)},
                     std::to_string(scan.broken_headers) +
                         " line(s) look like a damaged message header; kept as continuation text of the message "
                         "before");
  }
  const DateOrderVote::Decision order = scan.vote.Decide(forced);
  if (order.ambiguous) {
    diagnostics.Warn({chat.label, ""}, order.reason);
  }

  model::ConversationRecord conv;
  conv.key = "chat";
  conv.ref = "whatsapp-chat:" + std::string(model::kExhibitScope) + "/" + chat.exhibit;
  conv.kind = scan.group_evidence || people.others() > 2 ? "group" : "personal_chat";
  conv.title = TitleFromFileName(chat.exhibit);
  if (conv.title.empty()) conv.title = scan.subject;
  if (conv.title.empty()) conv.title = chat.exhibit;  // a renamed file: its own name is all we have
  conv.locator = chat.locator_prefix + "line " + std::to_string(scan.entries[0].line);
  sink.Conversation(std::move(conv));

  ExportFolder folder(*source.fs, chat.root);
  MessageContext ctx;
  ctx.bytes = bytes;
  ctx.entries = &scan.entries;
  ctx.locator_prefix = chat.locator_prefix;
  ctx.label = chat.label;
  ctx.conversation_key = "chat";
  ctx.order = order.order;
  ctx.tz = options.tz;
  ctx.folder = &folder;
  ctx.people = &people;
  ctx.sink = &sink;
  ctx.diagnostics = &diagnostics;
  ctx.utf8_valid = simdjson::validate_utf8(bytes.data(), bytes.size());
  MessageBuilder builder(std::move(ctx));
  for (size_t i = 0; i < scan.entries.size(); ++i) CASEGRAPH_RETURN_IF_ERROR(builder.Emit(i));

  ImportSummary summary;
  summary.accounts = people.accounts_emitted();
  summary.conversations = 1;
  summary.messages = scan.entries.size();
  summary.attachments = builder.attachments();
  summary.main_file = chat.label;
  summary.owner_ref = people.owner_ref();
  summary.time_note = "local times taken in " + options.tz + " (--tz); " + order.reason;
  if (builder.undated() > 0) summary.time_note += "; " + std::to_string(builder.undated()) + " message(s) without a valid date";
  return summary;
}

Result<std::string> WhatsAppTxtImporter::Show(const Source& source, const std::string& locator) const {
  auto opened = OpenChat(source);
  if (!opened) return opened.error();
  const OpenedChat& chat = *opened;
  auto wanted = LineOfLocator(chat, locator);
  if (!wanted) return wanted.error();
  const std::string_view bytes = chat.view->bytes();
  size_t pos = 0;
  for (uint64_t line = 1; line < *wanted; ++line) {
    const size_t nl = bytes.find('\n', pos);
    if (nl == std::string_view::npos) {
      return Error::NotFound("whatsapp-txt: " + chat.label + " has fewer than " + std::to_string(*wanted) + " lines",
                             Location{chat.label, locator});
    }
    pos = nl + 1;
  }
  auto line_at = [&](size_t at) {
    const size_t nl = bytes.find('\n', at);
    return WithoutTerminator(bytes.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at + 1));
  };
  Header h;
  if (pos >= bytes.size() || !ParseHeader(line_at(pos), &h)) {
    return Error::NotFound("whatsapp-txt: line " + std::to_string(*wanted) + " of " + chat.label +
                               " does not start a message",
                           Location{chat.label, locator});
  }
  size_t end = bytes.find('\n', pos);
  while (end != std::string_view::npos && end + 1 < bytes.size() && !ParseHeader(line_at(end + 1), &h)) {
    end = bytes.find('\n', end + 1);
  }
  if (end == std::string_view::npos) end = bytes.size();
  return std::string(WithoutTerminator(bytes.substr(pos, end - pos + (end < bytes.size() ? 1 : 0))));
}

}  // namespace casegraph::ingest
