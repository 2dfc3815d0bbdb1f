// The telegram-html importer: finds the chat pages, parses each with gumbo, reads every
// message block (telegram_html_message.cpp) and applies the export-wide rules here: joined
// messages inherit the sender, date separators are skipped, service sentences become actions,
// dates follow the time policy (telegram_html_date.cpp), media links become attachments
// resolved inside the export folder. Format notes: docs/formats/telegram-html.md.
#include "ingest/telegram_html.h"

#include <unordered_map>
#include <unordered_set>

#include "ingest/export_folder.h"
#include "ingest/telegram_html_date.h"
#include "ingest/telegram_html_dom.h"
#include "ingest/telegram_html_json_link.h"
#include "ingest/telegram_html_message.h"
#include "ingest/telegram_html_pages.h"
#include "ingest/telegram_html_service.h"
#include "ingest/telegram_refs.h"

namespace casegraph::ingest {
namespace {

constexpr std::string_view kNameRefPrefix = "telegram-name:";
constexpr std::string_view kSummaryPage = "export_results.html";

std::string_view SkipBomAndBlanks(std::string_view s) {
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  return s;
}

std::string ByteAt(size_t offset) { return "byte " + std::to_string(offset); }

struct ChatPages {
  std::string dir;  // relative to the export root: "" or "chats/chat_001"
  std::vector<std::string> pages;
  std::string PageRel(const std::string& page) const { return dir.empty() ? page : dir + "/" + page; }
};

struct Layout {
  std::string root;  // the export folder on the file system
  std::vector<ChatPages> chats;
  bool lone_file = false;
};

Result<Layout> FindLayout(const Source& source) {
  if (source.fs == nullptr) return Error::Internal("telegram-html: no file system given");
  const FileSystem& fs = *source.fs;
  Layout layout;
  if (!source.is_directory) {
    const std::string name = BaseName(source.path);
    if (name == kSummaryPage) {
      return Error::Unsupported(
          "telegram-html: export_results.html is the summary page of a full-account export; give the export "
          "folder that holds it (with chats/chat_NNN/)",
          Location{name, ""});
    }
    layout.root = ParentDir(source.path);
    layout.lone_file = true;
    layout.chats.push_back({"", {name}});
    return layout;
  }
  layout.root = source.path;
  auto pages = ListHtmlPages(fs, layout.root);
  if (!pages) return Error::Io("telegram-html: cannot list " + source.path + ": " + pages.error().message(),
                               Location{source.path, ""});
  if (!pages->empty()) {
    layout.chats.push_back({"", std::move(*pages)});
    return layout;
  }
  auto summary = fs.Stat(JoinPath(layout.root, kSummaryPage));
  if (summary && !summary->is_directory) {
    auto folders = ListHtmlChatFolders(fs, layout.root);
    if (folders) {
      for (const auto& dir : *folders) {
        auto chat_pages = ListHtmlPages(fs, JoinPath(layout.root, dir));
        if (chat_pages && !chat_pages->empty()) layout.chats.push_back({dir, std::move(*chat_pages)});
      }
    }
    if (layout.chats.empty()) {
      return Error::NotFound(
          "telegram-html: full-account HTML export without chat pages (no chats/chat_NNN/messages.html): it holds "
          "no chat histories to import",
          Location{std::string(kSummaryPage), ""});
    }
    return layout;
  }
  return Error::NotFound("telegram-html: no messages.html in the folder " + source.path +
                             " (give the folder Telegram Desktop exported, or messages.html itself)",
                         Location{source.path, ""});
}

// Per-run state: where records go, the clock, accounts already sent.
struct HtmlRun {
  HtmlRun(const ImportOptions& o, Sink& s, Diagnostics& d) : options(o), sink(s), diagnostics(d), clock(o.tz) {}
  const ImportOptions& options;
  Sink& sink;
  Diagnostics& diagnostics;
  HtmlClock clock;
  ImportSummary summary;
  std::unordered_set<std::string> account_pairs;
  std::unordered_set<std::string> refs;
  uint64_t linked = 0, name_refs = 0;
  bool first_page = true;  // the first page read must prove the exhibit is a Telegram export
};

// Per-chat state, carried across its pages.
struct ChatState {
  ChatState(const FileSystem& fs, std::string root) : folder(fs, std::move(root)) {}
  std::string key, title;
  bool emitted = false;
  std::string last_sender, last_via, last_forward;
  std::unordered_set<std::string> seen_ids;
  std::unordered_map<std::string, JsonSender> json;
  ExportFolder folder;
};

bool IsPlaceholderName(std::string_view name) {
  return name.empty() || name == "Deleted Account" || name == "Deleted";
}

std::string SenderRef(const ChatState& chat, const std::string& id, const std::string& name, HtmlRun& run) {
  if (IsPlaceholderName(name)) return {};
  if (auto it = chat.json.find(id); it != chat.json.end() && it->second.name == name) {
    ++run.linked;
    return it->second.ref;
  }
  ++run.name_refs;
  // A name is only a name inside this export: the store scopes {exhibit} to the exhibit.
  std::string ref(kNameRefPrefix);
  ref.append(model::kExhibitScope).append("/").append(chat.title.empty() ? chat.key : chat.title).append("/").append(name);
  return ref;
}

void EmitAccount(const model::MessageRecord& m, HtmlRun& run) {
  if (m.sender_ref.empty()) return;
  std::string pair = m.sender_ref + '\n' + m.sender_name;
  if (!run.account_pairs.insert(std::move(pair)).second) return;
  run.refs.insert(m.sender_ref);
  model::AccountRecord a;
  a.ref = m.sender_ref;
  a.platform = "telegram";
  a.display_name = m.sender_name;
  a.seen_at_utc = m.sent_at_utc;
  a.locator = m.locator;
  run.sink.Account(std::move(a));
}

void AddAttachments(const HtmlMessageBlock& b, model::MessageRecord& m, ChatState& chat, HtmlRun& run) {
  for (size_t i = 0; i < b.media.size(); ++i) {
    const HtmlMediaLink& link = b.media[i];
    model::AttachmentRecord a;
    a.kind = link.kind;
    a.declared_path = link.href;
    a.locator = m.locator + "/media/" + std::to_string(i);
    if (link.kind == "file" || link.kind == "audio_file") a.file_name = link.title;
    if (link.href.empty()) {
      a.status = model::AttachmentStatus::kNotExported;
      a.status_detail = link.description.empty() ? "no file in the export" : link.description;
    } else {
      chat.folder.Resolve(a, run.diagnostics);
    }
    m.attachments.push_back(std::move(a));
  }
}

Status ApplyTime(const HtmlMessageBlock& b, model::MessageRecord& m, const Location& where, HtmlRun& run) {
  m.time_basis = "none";
  if (!b.has_date) {
    run.diagnostics.Warn(where, "message " + b.id + " has no date; its time is unknown");
    return Ok();
  }
  auto title = ParseHtmlDateTitle(b.date_title);
  if (!title) {
    run.diagnostics.Warn(where, "unreadable date '" + b.date_title + "' on message " + b.id + "; its time is unknown");
    return Ok();
  }
  m.local_time = title->local_text;
  const HtmlTime t = run.clock.Resolve(*title);
  if (t.outcome == HtmlTime::Outcome::kNeedsZone) {
    return Error::InvalidArgument(
        "telegram-html: the dates of this export carry no UTC offset (Telegram Desktop before 2021); give the "
        "exporting computer's time zone with --tz ZONE (first such date: '" + b.date_title + "')",
        where);
  }
  if (t.outcome == HtmlTime::Outcome::kZoneFailed) {
    return Error::InvalidArgument("telegram-html: cannot convert '" + b.date_title + "' in --tz " + run.options.tz,
                                  where);
  }
  m.sent_at_utc = t.utc;
  m.utc_offset_seconds = t.offset_seconds;
  m.time_basis = t.basis;
  if (t.label_disagrees && run.clock.TakeDisagreementNotice()) {
    run.diagnostics.Warn(where, "the date label '" + title->label + "' differs from " + run.options.tz +
                                    "'s offset on that date; Telegram labels the zone's standard-time offset even "
                                    "in summer, so the local time is read in " + run.options.tz +
                                    " (warned once)");
  }
  return Ok();
}

Status ImportBlock(const GumboNode* node, std::string_view bytes, const std::string& page_rel, ChatState& chat,
                   HtmlRun& run) {
  const HtmlMessageBlock b = ReadHtmlMessageBlock(node, bytes);
  const Location where{page_rel, ByteAt(node->v.element.start_pos.offset)};
  if (b.id.empty()) {
    run.diagnostics.Warn(where, "message block without a usable id attribute; skipped");
    return Ok();
  }
  if (b.service && (b.id[0] == '-' || IsDateSeparatorText(b.service_text))) return Ok();  // day separators
  if (!chat.seen_ids.insert(b.id).second) {
    run.diagnostics.Warn(where, "message id " + b.id + " appears twice in this chat; the later block is skipped");
    return Ok();
  }
  model::MessageRecord m;
  m.conversation_key = chat.key;
  m.source_id = b.id;
  m.locator = MakeHtmlLocator(page_rel, b.id);
  if (b.service) {
    m.time_basis = "none";
    m.text = b.service_text;
    if (b.service_text.rfind("This message is not supported", 0) == 0) {
      m.kind = "unsupported";
    } else {
      m.kind = "service";
      HtmlServiceAction action = ClassifyServiceText(b.service_text);
      m.action = std::move(action.action);
      m.members = std::move(action.members);
      m.sender_name = action.actor;
      m.sender_ref = SenderRef(chat, b.id, action.actor, run);
    }
  } else {
    m.kind = "message";
    if (b.has_from_name) {
      chat.last_sender = b.from_name;
      chat.last_via = b.via_bot;
    } else if (chat.last_sender.empty()) {
      run.diagnostics.Warn(where, "message " + b.id + " continues a sender that no earlier block names; sender unknown");
    }
    m.sender_name = chat.last_sender;
    m.via_bot = b.via_bot.empty() ? (b.has_from_name ? std::string() : chat.last_via) : b.via_bot;
    if (b.forwarded) {
      if (b.has_forwarded_name) chat.last_forward = b.forwarded_from;
      m.forwarded_from = chat.last_forward;
    } else {
      chat.last_forward.clear();
    }
    CASEGRAPH_RETURN_IF_ERROR(ApplyTime(b, m, where, run));
    m.text = b.text.empty() ? b.media_text : b.text;
    if (!b.text.empty()) m.entities = b.entities;
    m.reply_to = b.reply_to;
    m.sender_ref = SenderRef(chat, b.id, m.sender_name, run);
    AddAttachments(b, m, chat, run);
  }
  EmitAccount(m, run);
  ++run.summary.messages;
  run.summary.attachments += m.attachments.size();
  run.sink.Message(std::move(m));
  return Ok();
}

Status ImportPage(const FileSystem& fs, const std::string& root, const ChatPages& pages, const std::string& page,
                  ChatState& chat, HtmlRun& run) {
  const std::string page_rel = pages.PageRel(page);
  const std::string path = JoinPath(root, page_rel);
  auto view = fs.Map(path);
  if (!view) return Error::Io("telegram-html: cannot read " + path + ": " + view.error().message(), Location{page_rel, ""});
  const std::string_view bytes = (*view)->bytes();
  const bool first = run.first_page;
  run.first_page = false;
  if (SkipBomAndBlanks(bytes).empty()) {
    if (first) return Error::Corrupt("telegram-html: empty file " + page_rel, Location{page_rel, "byte 0"});
    run.diagnostics.Warn(Location{page_rel, "byte 0"}, "empty page; skipped");
    return Ok();
  }
  size_t deep_at = 0;
  auto doc = HtmlDocument::Parse(bytes, &deep_at);
  if (!doc) {
    return Error::Corrupt("telegram-html: " + page_rel + " nests elements deeper than " +
                              std::to_string(HtmlDocument::kMaxDepth) + " levels: not a Telegram export page",
                          Location{page_rel, ByteAt(deep_at)});
  }
  const std::vector<const GumboNode*> blocks = FindAll(doc->root(), IsHtmlMessageBlock);
  const bool chat_page = FindFirst(doc->root(), WithClass("chat_page")) != nullptr;
  if (!chat_page && blocks.empty()) {
    const std::string why = "telegram-html: " + page_rel +
                            " is not a Telegram Desktop chat page (no div.page_body.chat_page, no div.message blocks)";
    if (first) return Error::Unsupported(why, Location{page_rel, "byte 0"});
    run.diagnostics.Warn(Location{page_rel, "byte 0"}, why + "; skipped");
    return Ok();
  }
  if (!chat.emitted) {
    if (const GumboNode* header = FindFirst(doc->root(), WithClass("page_header"))) {
      if (const GumboNode* text = FindFirst(header, WithClass("text"))) chat.title = Trimmed(TextOf(text));
    }
    model::ConversationRecord c;
    c.key = chat.key;
    c.title = chat.title;
    c.locator = "/" + page_rel;
    run.sink.Conversation(std::move(c));
    ++run.summary.conversations;
    chat.emitted = true;
  }
  for (const GumboNode* node : blocks) CASEGRAPH_RETURN_IF_ERROR(ImportBlock(node, bytes, page_rel, chat, run));
  if (bytes.find("</html>", bytes.size() > 64 ? bytes.size() - 64 : 0) == std::string_view::npos) {
    run.diagnostics.Warn(Location{page_rel, ByteAt(bytes.size())},
                         "page ends without </html> (truncated?): the blocks before the end were read");
  }
  return Ok();
}

}  // namespace

bool LooksLikeTelegramHtmlPage(std::string_view head) {
  return head.find("page_body chat_page") != std::string_view::npos ||
         head.find("message default clearfix") != std::string_view::npos ||
         (head.find("<title>Exported Data</title>") != std::string_view::npos &&
          head.find("class=\"message service\"") != std::string_view::npos);
}

SniffResult SniffTelegramHtml(const Probe& probe) {
  if (probe.is_directory) {
    auto has = [&](std::string_view name) {
      for (const auto& n : probe.top_names) {
        if (n == name) return true;
      }
      return false;
    };
    const bool json_too = has("result.json");
    if (has("messages.html")) {
      const std::string* head = probe.FileHead("messages.html");
      if (head != nullptr && !head->empty() && !LooksLikeTelegramHtmlPage(*head)) {
        return {0.2, "folder with a messages.html that does not look like a Telegram Desktop chat page"};
      }
      if (json_too) {
        return {0.6, "Telegram Desktop HTML export folder, but result.json beside it: telegram-json is preferred "
                     "(--format telegram-html reads the HTML, with sender ids taken from the JSON)"};
      }
      return {0.95, "Telegram Desktop HTML export folder (messages.html)"};
    }
    if (has(kSummaryPage) && has("chats")) {
      if (json_too) return {0.3, "full-account export with both HTML and result.json: telegram-json is preferred"};
      return {0.9, "Telegram Desktop full-account HTML export (export_results.html, chats/)"};
    }
    return {0, "folder without messages.html"};
  }
  const std::string_view head = SkipBomAndBlanks(probe.head);
  if (head.empty() || head.front() != '<') return {0, "not HTML"};
  if (LooksLikeTelegramHtmlPage(head)) return {0.95, "Telegram Desktop HTML export page (div.message blocks)"};
  if (head.find("<title>Exported Data</title>") != std::string_view::npos) {
    return {0.4, "Telegram Desktop export summary page: give the export folder instead"};
  }
  return {0, "HTML, but not a Telegram Desktop export page"};
}

ImporterInfo TelegramHtmlImporter::Describe() const {
  return ImporterInfo{
      std::string("telegram-html"),
      std::string("1"),
      std::string("Telegram Desktop HTML export: messages.html (messages2.html, …) or its export folder, or a "
                  "full-account HTML export folder"),
      std::string(kNameRefPrefix),
      {std::string("messages.html"), std::string("messages*.html"), std::string(kSummaryPage)},
      {OptionSpec{std::string("tz"),
                  std::string("IANA time zone of the exporting computer: exact times (the HTML labels only the "
                              "standard-time offset); required for exports whose dates have no offset label"),
                  false}}};
}

SniffResult TelegramHtmlImporter::Sniff(const Probe& probe) const { return SniffTelegramHtml(probe); }

Result<ImportSummary> TelegramHtmlImporter::Import(const Source& source, const ImportOptions& options, Sink& sink,
                                                   Diagnostics& diagnostics) const {
  if (!options.tz.empty()) CASEGRAPH_RETURN_IF_ERROR(ValidateTimeZone(options.tz));
  auto layout = FindLayout(source);
  if (!layout) return layout.error();
  HtmlRun run(options, sink, diagnostics);
  for (const ChatPages& pages : layout->chats) {
    const std::string chat_root = pages.dir.empty() ? layout->root : JoinPath(layout->root, pages.dir);
    ChatState chat(*source.fs, chat_root);
    chat.key = pages.dir.empty() ? "chat" : pages.dir;
    if (!layout->lone_file || layout->chats.size() == 1) {
      const std::string json = JoinPath(chat_root, "result.json");
      if (auto st = source.fs->Stat(json); st && !st->is_directory) {
        chat.json = ReadJsonSenders(*source.fs, json, diagnostics);
      }
    }
    for (const auto& page : pages.pages) {
      CASEGRAPH_RETURN_IF_ERROR(ImportPage(*source.fs, layout->root, pages, page, chat, run));
    }
  }
  if (run.linked > 0) {
    diagnostics.Warn(Location{"result.json", ""},
                     "sender ids taken from result.json beside the pages for " + std::to_string(run.linked) +
                         " messages (same message id and sender name); " + std::to_string(run.name_refs) +
                         " keep name-based refs");
  }
  ImportSummary summary = std::move(run.summary);
  summary.accounts = run.refs.size();
  summary.main_file = layout->chats.front().PageRel(layout->chats.front().pages.front());
  summary.time_note = run.clock.Note();
  summary.inferred_utc_offset_seconds = run.clock.SummaryOffset();
  return summary;
}

Result<std::string> TelegramHtmlImporter::Show(const Source& source, const std::string& locator) const {
  if (source.fs == nullptr) return Error::Internal("telegram-html: no file system given");
  auto parsed = ParseHtmlLocator(locator);
  if (!parsed) {
    return Error::InvalidArgument("telegram-html: a locator looks like /messages2.html#message123, not '" + locator +
                                      "'",
                                  Location{"", locator});
  }
  std::string path;
  if (source.is_directory) {
    path = JoinPath(source.path, parsed->page);
  } else {
    if (parsed->page != BaseName(source.path)) {
      return Error::NotFound("telegram-html: " + parsed->page + " is not the page given (" + BaseName(source.path) + ")",
                             Location{parsed->page, locator});
    }
    path = source.path;
  }
  auto view = source.fs->Map(path);
  if (!view) return Error::NotFound("telegram-html: cannot read " + parsed->page, Location{parsed->page, locator});
  const std::string_view bytes = (*view)->bytes();
  size_t deep_at = 0;
  auto doc = HtmlDocument::Parse(bytes, &deep_at);
  if (!doc) return Error::Corrupt("telegram-html: page nests too deep", Location{parsed->page, ByteAt(deep_at)});
  for (const GumboNode* node : FindAll(doc->root(), IsHtmlMessageBlock)) {
    if (Attribute(node, "id").value_or("") != "message" + parsed->message_id) continue;
    if (!parsed->media) return std::string(SourceSpan(bytes, node));
    const HtmlMessageBlock b = ReadHtmlMessageBlock(node, bytes);
    if (*parsed->media >= b.media.size()) break;
    return std::string(b.media[*parsed->media].source);
  }
  return Error::NotFound("telegram-html: nothing at " + locator, Location{parsed->page, locator});
}

}  // namespace casegraph::ingest
