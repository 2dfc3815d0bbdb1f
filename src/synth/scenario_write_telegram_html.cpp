// Telegram Desktop's HTML export ("Export Telegram data", format HTML) for one exhibit of the
// scenario: export_results.html, lists/chats.html (and lists/contacts.html), one folder
// chats/chat_NNN/ per conversation with messages.html, messages2.html, … of 1000 messages each,
// as export_output_html.cpp writes them: a date separator (message-N) at each new local day and
// page, "joined" blocks (no userpic, no name) for a sender's next message on the same page and
// day within 15 minutes, service sentences for joins ("X joined group by link from Y") and
// leaves ("X removed X"). Senders appear by display name only; the importer makes them
// telegram-name:<case>/<exhibit>/<chat title>/<name>.
//
// Two deliberate choices, both so that the export ingests exactly and without a warning:
//  - the date label is the zone's offset at that instant; tdesktop labels the zone's standard
//    offset all year, which differs in daylight-saving months;
//  - attached files are "Not included" (tdesktop's default settings leave files out): in a
//    full-account export tdesktop links media as "../../chats/chat_NNN/files/…", which the
//    importer refuses as leaving the export folder.
// Streams page by page; only per-chat counts are kept. Format: ../../docs/formats/telegram-html.md.
#include <algorithm>
#include <cctype>
#include <map>

#include "synth/json_output.h"
#include "synth/scenario.h"
#include "synth/scenario_html.h"
#include "synth/scenario_telegram_html.h"
#include "synth/scenario_write_common.h"
#include "synth/scenario_zone.h"
#include "synth/synth_clock.h"

namespace casegraph::synth {
namespace {

constexpr uint64_t kMessagesPerPage = 1000;
constexpr size_t kMessageDepth = 5;  // html, body, div.page_wrap, div.page_body, div.history
constexpr int64_t kJoinWithinSeconds = 900;
constexpr std::string_view kNotIncluded = "Not included, change data exporting settings to download.";
constexpr const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

// "UTC+03:00" as Qt names an offset ("UTC" for zero).
std::string OffsetLabel(int offset_seconds) {
  if (offset_seconds == 0) return "UTC";
  const int minutes = (offset_seconds < 0 ? -offset_seconds : offset_seconds) / 60;
  char text[24];
  std::snprintf(text, sizeof text, "UTC%c%02d:%02d", offset_seconds < 0 ? '-' : '+', minutes / 60, minutes % 60);
  return text;
}


class ChatWriter {
 public:
  ChatWriter(const Scenario& s, const SynthExhibit& e, const SynthConversation& c, ZoneClock& clock, HtmlChatEntry& entry,
             std::string folder)
      : s_(s), e_(e), c_(c), clock_(clock), entry_(entry), folder_(std::move(folder)), tags_(nullptr) {}

  Status Write() {
    header_ = c_.kind == ConversationKind::kDirect ? entry_.userpic_name.first + " " + entry_.userpic_name.second
                                                   : entry_.name + " ";
    Status status = Ok();
    ForEachMessage(c_, [&](const SynthMessage& m) {
      if (status && WrittenIn(c_, m)) status = Block(m);
    });
    CASEGRAPH_RETURN_IF_ERROR(status);
    if (page_open_) CASEGRAPH_RETURN_IF_ERROR(ClosePage(false));
    return Ok();
  }

 private:
  const SynthAccount& Account(int index) const { return s_.accounts[static_cast<size_t>(index)]; }

  static std::string PageName(uint64_t index) {
    return index == 0 ? std::string("messages.html") : "messages" + std::to_string(index + 1) + ".html";
  }

  Status OpenPage() {
    CASEGRAPH_RETURN_IF_ERROR(file_.Open(folder_ + "/" + PageName(page_)));
    tags_ = HtmlTags(&file_.buffer());
    tags_.PageStart("../../");
    tags_.PageHeader(header_, "../../lists/chats.html");
    tags_.PushDiv("page_body chat_page");
    tags_.PushDiv("history");
    if (page_ > 0) {
      const std::string previous = PageName(page_ - 1);
      tags_.Push("a", {{"class", "pagination block_link"}, {"href", previous}});
      tags_.Raw("Previous messages");
      tags_.Pop();
    }
    page_open_ = true;
    on_page_ = 0;
    previous_ = Previous{};
    return Ok();
  }

  Status ClosePage(bool more) {
    if (more) {
      const std::string next = PageName(page_ + 1);
      tags_.Push("a", {{"class", "pagination block_link"}, {"href", next}});
      tags_.Raw("Next messages");
      tags_.Pop();
    }
    tags_.PopAll();
    page_open_ = false;
    ++page_;
    return file_.Finish();
  }

  Status Block(const SynthMessage& m) {
    if (page_open_ && on_page_ == kMessagesPerPage) CASEGRAPH_RETURN_IF_ERROR(ClosePage(true));
    if (!page_open_) CASEGRAPH_RETURN_IF_ERROR(OpenPage());
    const int offset = clock_.OffsetAt(m.at_utc);
    const int64_t local = m.at_utc + offset;
    const int64_t day = FloorDiv(local, 86400);
    if (!previous_.valid || previous_.day != day) DateSeparator(m.at_utc, offset);
    const std::string id = std::to_string(++message_id_);
    const bool service = m.kind == SynthMessage::Kind::kJoin || m.kind == SynthMessage::Kind::kLeave;
    if (service) {
      Service(m, id);
    } else {
      const bool joined = previous_.valid && !previous_.service && previous_.sender == m.sender && previous_.day == day &&
                          std::abs(m.at_utc - previous_.at) <= kJoinWithinSeconds;
      Default(m, id, offset, joined);
    }
    previous_ = Previous{true, service, m.sender, day, m.at_utc};
    ++on_page_;
    ++entry_.messages;
    file_.MaybeFlush();
    return Ok();
  }

  void DateSeparator(int64_t at, int offset) {
    const CivilTime t = ToCivil(at, offset);
    const std::string id = "message" + std::to_string(--separator_id_);
    tags_.Push("div", {{"class", "message service"}, {"id", id}});
    tags_.PushDiv("body details");
    tags_.Raw(std::to_string(t.day) + " " + kMonths[t.month - 1] + " " + std::to_string(t.year));
    tags_.Pop();
    tags_.Pop();
  }

  void Service(const SynthMessage& m, const std::string& id) {
    const std::string& who = Account(m.sender).display_name;
    std::string sentence;
    if (m.kind == SynthMessage::Kind::kJoin) {
      const int inviter = c_.members.empty() || c_.members.front() == m.sender ? e_.owner : c_.members.front();
      sentence = who + " joined group by link from " + Account(inviter).display_name;
    } else {
      sentence = who + " removed " + who;  // tdesktop's wording when a member leaves
    }
    const std::string id_attribute = "message" + id;
    tags_.Push("div", {{"class", "message service"}, {"id", id_attribute}});
    tags_.PushDiv("body details");
    tags_.Text(sentence);
    tags_.Pop();
    tags_.Pop();
  }

  // A sender's userpic (depth 6) and name (depth 7) blocks, laid out once per account.
  struct SenderChunks {
    std::string userpic, from_name;
  };
  const SenderChunks& Chunks(int index) {
    auto [it, inserted] = senders_.try_emplace(index);
    if (!inserted) return it->second;
    const SynthAccount& a = Account(index);
    const auto name = SplitTelegramName(a.display_name);
    HtmlTags userpic(&it->second.userpic, kMessageDepth + 1);
    userpic.PushDiv("pull_left userpic_wrap");
    TelegramUserpic(userpic, TelegramColorIndex(a.uid), 42, name);
    userpic.Pop();
    HtmlTags from(&it->second.from_name, kMessageDepth + 2);
    from.PushDiv("from_name");
    from.Text(name.first + " " + name.second);
    from.Pop();
    return it->second;
  }

  void Default(const SynthMessage& m, const std::string& id, int offset, bool joined) {
    const SenderChunks& chunks = Chunks(m.sender);
    id_attribute_.assign("message").append(id);
    tags_.Push("div", {{"class", joined ? "message default clearfix joined" : "message default clearfix"},
                       {"id", id_attribute_}});
    if (!joined) tags_.Raw(chunks.userpic);
    tags_.PushDiv("body");
    // "03.02.2025 19:04:00 UTC+01:00", and "19:04" shown.
    const CivilTime t = ToCivil(m.at_utc, offset);
    title_.clear();
    AppendPadded(t.day, 2, &title_);
    title_ += '.';
    AppendPadded(t.month, 2, &title_);
    title_ += '.';
    AppendPadded(t.year, 4, &title_);
    title_ += ' ';
    const size_t clock_at = title_.size();
    AppendPadded(t.hour, 2, &title_);
    title_ += ':';
    AppendPadded(t.minute, 2, &title_);
    title_ += ':';
    AppendPadded(t.second, 2, &title_);
    title_ += ' ';
    if (offset_label_.empty() || offset != offset_label_for_) {
      offset_label_ = OffsetLabel(offset);
      offset_label_for_ = offset;
    }
    title_ += offset_label_;
    tags_.Push("div", {{"class", "pull_right date details"}, {"title", title_}});
    tags_.Raw(std::string_view(title_).substr(clock_at, 5));
    tags_.Pop();
    if (!joined) tags_.Raw(chunks.from_name);
    if (m.kind == SynthMessage::Kind::kFile) File(m);
    if (!m.text.empty()) {
      tags_.PushDiv("text");
      tags_.Text(m.text);
      tags_.Pop();
    }
    tags_.Pop();
    tags_.Pop();
  }

  void File(const SynthMessage& m) {
    tags_.PushDiv("media_wrap clearfix");
    tags_.PushDiv("media clearfix pull_left media_file");
    tags_.PushDiv("fill pull_left");
    tags_.Pop();
    tags_.PushDiv("body");
    tags_.PushDiv("title bold");
    tags_.Text(m.file_name);
    tags_.Pop();
    tags_.PushDiv("description");
    tags_.Raw(kNotIncluded);
    tags_.Pop();
    tags_.PushDiv("status details");
    tags_.Raw(std::to_string(PlaceholderFileBytes(m.file_name).size()) + " B");
    tags_.Pop();
    tags_.Pop();
    tags_.Pop();
    tags_.Pop();
  }

  struct Previous {
    bool valid = false, service = false;
    int sender = -1;
    int64_t day = 0, at = 0;
  };

  const Scenario& s_;
  const SynthExhibit& e_;
  const SynthConversation& c_;
  ZoneClock& clock_;
  HtmlChatEntry& entry_;
  std::string folder_, header_;
  OutFile file_;
  HtmlTags tags_;
  bool page_open_ = false;
  uint64_t page_ = 0, on_page_ = 0, message_id_ = 0;
  int64_t separator_id_ = 0;
  Previous previous_;
  std::map<int, SenderChunks> senders_;
  std::string id_attribute_, title_, offset_label_;
  int offset_label_for_ = 0;
};

}  // namespace

Result<uint64_t> WriteTelegramHtmlExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o) {
  CASEGRAPH_RETURN_IF_ERROR(CheckExhibitAccounts(s, e, Platform::kTelegram, "telegram-html"));
  for (int contact : e.contacts) {
    if (contact < 0 || static_cast<size_t>(contact) >= s.accounts.size()) {
      return Error::InvalidArgument("telegram-html writer, exhibit " + e.case_code + "/" + e.label + ": contact " +
                                    std::to_string(contact) + " is not an account index");
    }
  }
  auto clock = ZoneClock::Make(e.tz);
  if (!clock) return clock.error();
  auto folder = MakeExhibitFolder(o, e);
  if (!folder) return folder.error();
  std::vector<HtmlChatEntry> chats;
  uint64_t written = 0;
  for (size_t i = 0; i < e.conversations.size(); ++i) {
    const SynthConversation& c = e.conversations[i];
    HtmlChatEntry entry;
    char number[32];
    std::snprintf(number, sizeof number, "%03zu", i + 1);
    entry.folder = std::string("chats/chat_") + number;
    if (c.kind == ConversationKind::kDirect) {
      const int peer = DirectPeer(c, e.owner);
      const SynthAccount& a = s.accounts[static_cast<size_t>(peer >= 0 ? peer : e.owner)];
      entry.name = a.display_name;
      entry.userpic_name = SplitTelegramName(a.display_name);
      entry.color = TelegramColorIndex(a.uid);
      entry.type = "private";
    } else {
      entry.name = c.title;
      entry.userpic_name = {c.title, std::string()};
      entry.color = TelegramColorIndex(c.id);
      entry.type = c.kind == ConversationKind::kChannel ? "channel" : "group";
    }
    const std::string chat_folder = *folder + "/" + entry.folder;
    CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(chat_folder));
    ChatWriter writer(s, e, c, *clock, entry, chat_folder);
    CASEGRAPH_RETURN_IF_ERROR(writer.Write());
    written += entry.messages;
    chats.push_back(std::move(entry));
  }
  CASEGRAPH_RETURN_IF_ERROR(WriteTelegramHtmlSummary(s, e, *folder, chats));
  return written;
}

}  // namespace casegraph::synth
