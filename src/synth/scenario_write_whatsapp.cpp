// The whatsapp-txt writer of the scenario: one chat per exhibit, as WhatsApp's "Export chat"
// writes it in the exhibit's style (Android: "WhatsApp Chat with <name>.txt", LF; iOS:
// "_chat.txt", CRLF, LRM-led system lines under the chat's name), in the phone's local time.
// Senders are "You"/"Du" for the owner, the name saved on this phone, or the number wrapped as
// WhatsApp shows unsaved contacts. Media are "(file attached)" / "<attached: …>" with a tiny
// file beside the chat when media are on, else the style's "omitted" placeholder.
#include <cstdio>
#include <filesystem>
#include <map>

#include "synth/json_output.h"
#include "synth/scenario.h"
#include "synth/scenario_write_common.h"
#include "synth/scenario_zone.h"
#include "synth/whatsapp_style.h"

namespace casegraph::synth {
namespace {

class WhatsAppChatWriter {
 public:
  WhatsAppChatWriter(const Scenario& s, const SynthExhibit& e, const ScenarioOptions& o, const WhatsAppStyle& style,
                     std::string folder, ZoneClock* zone)
      : s_(s), e_(e), o_(o), style_(style), folder_(std::move(folder)), zone_(*zone),
        eol_(style.ios ? "\r\n" : "\n") {}

  Result<uint64_t> Run();

 private:
  const std::string& Name(int account);
  void Header(int64_t at, bool lrm) { AppendWhatsAppHeader(style_, ToCivil(at, zone_.OffsetAt(at)), lrm, &buf_); }
  // A system line: Android without a sender, iOS under the chat's name with an LRM.
  void System(int64_t at, const std::string& text);
  Status Message(const SynthMessage& m);
  void Flush();

  const Scenario& s_;
  const SynthExhibit& e_;
  const ScenarioOptions& o_;
  const WhatsAppStyle& style_;
  std::string folder_;
  ZoneClock& zone_;
  const char* eol_;
  std::map<int, std::string> names_;
  std::string chat_name_;
  std::string buf_;
  std::FILE* file_ = nullptr;
  bool write_failed_ = false;
  uint64_t messages_ = 0;
};

const std::string& WhatsAppChatWriter::Name(int account) {
  auto it = names_.find(account);
  if (it != names_.end()) return it->second;
  std::string name;
  if (account == e_.owner) {
    name = style_.you;
  } else if (const std::string* saved = SavedName(e_, account)) {
    name = *saved;
  } else {
    name = WhatsAppNumberSender(s_.accounts[static_cast<size_t>(account)].uid);
  }
  return names_.emplace(account, std::move(name)).first->second;
}

void WhatsAppChatWriter::System(int64_t at, const std::string& text) {
  Header(at, true);
  if (style_.ios) {
    buf_.append(chat_name_);
    buf_.append(": ");
    buf_.append(kWhatsAppLrm);
  }
  buf_.append(text);
  buf_.append(eol_);
  ++messages_;
}

Status WhatsAppChatWriter::Message(const SynthMessage& m) {
  switch (m.kind) {
    case SynthMessage::Kind::kJoin:
      System(m.at_utc, Name(m.sender) + style_.joined);
      return Ok();
    case SynthMessage::Kind::kLeave:
      System(m.at_utc, Name(m.sender) + style_.left);
      return Ok();
    case SynthMessage::Kind::kFile:
      Header(m.at_utc, style_.ios);
      buf_.append(Name(m.sender));
      buf_.append(": ");
      if (o_.with_media) {
        CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(folder_ + "/" + m.file_name, SyntheticPhotoBytes()));
        if (style_.ios) {
          buf_.append(kWhatsAppLrm);
          buf_.append("<attached: " + m.file_name + ">");
        } else {
          buf_.append(m.file_name + " (file attached)");
        }
      } else {
        if (style_.ios) buf_.append(kWhatsAppLrm);
        buf_.append(style_.media_omitted);
      }
      break;
    case SynthMessage::Kind::kText:
      Header(m.at_utc, false);
      buf_.append(Name(m.sender));
      buf_.append(": ");
      buf_.append(m.text);
      break;
  }
  buf_.append(eol_);
  ++messages_;
  if (buf_.size() >= (size_t{1} << 20)) Flush();
  return Ok();
}

void WhatsAppChatWriter::Flush() {
  if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), file_) != buf_.size()) write_failed_ = true;
  buf_.clear();
}

Result<uint64_t> WhatsAppChatWriter::Run() {
  if (e_.conversations.size() != 1) {
    return Error::InvalidArgument("whatsapp-txt exhibit " + e_.label + " must hold exactly one chat");
  }
  const SynthConversation& c = e_.conversations[0];
  int peer = -1;
  if (c.kind == ConversationKind::kDirect) {
    for (int m : c.members) {
      if (m != e_.owner) peer = m;
    }
  }
  // A chat is named by its group title, or by the other person as this phone shows them; the
  // file name carries a number without the bidi marks.
  chat_name_ = peer >= 0 ? Name(peer) : c.title;
  const std::string shown = peer >= 0 && SavedName(e_, peer) == nullptr
                                ? WhatsAppNumberText(s_.accounts[static_cast<size_t>(peer)].uid)
                                : chat_name_;
  const std::string path = folder_ + "/" + (style_.ios ? std::string("_chat.txt") : "WhatsApp Chat with " + shown + ".txt");
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) return Error::Io("cannot create file", Location{path, ""});
  buf_.reserve((size_t{1} << 20) + 4096);
  if (!c.planted.empty()) System(c.planted.front().at_utc, style_.e2e_notice);
  Status status;
  ForEachMessage(c, [&](const SynthMessage& m) {
    if (status) status = Message(m);
  });
  Flush();
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!status) return status.error();
  if (write_failed_ || !closed) return Error::Io("cannot write file", Location{path, ""});
  return messages_;
}

}  // namespace

Result<uint64_t> WriteWhatsAppExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o) {
  const WhatsAppStyle* style = FindWhatsAppStyle(e.style);
  if (style == nullptr) return Error::InvalidArgument("whatsapp-txt exhibit " + e.label + ": unknown style '" + e.style + "'");
  e.rel_path = e.case_code + "/" + e.label;
  const std::string folder = o.out_dir + "/" + e.rel_path;
  std::error_code ec;
  std::filesystem::remove_all(folder, ec);  // our own output of an earlier run: one chat file only
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(folder));
  auto zone = ZoneClock::Make(e.tz);
  if (!zone) return zone.error();
  WhatsAppChatWriter writer(s, e, o, *style, folder, &*zone);
  return writer.Run();
}

}  // namespace casegraph::synth
