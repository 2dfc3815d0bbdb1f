// Synthetic Element JSON export (see element_synth.h).
#include "synth/element_synth.h"

#include <cstdio>
#include <vector>

#include "synth/json_output.h"
#include "synth/synth_random.h"
#include "synth/synth_text.h"

namespace casegraph::synth {
namespace {

constexpr int64_t kStartMs = 1704103200000;  // 2024-01-01T10:00:00Z
constexpr std::string_view kRoom = "!synthRoom:example.org";
constexpr int kMediaFiles = 8;

std::string UserId(uint64_t member) { return "@member" + std::to_string(member) + ":example.org"; }
std::string EventId(uint64_t index) { return "$syn" + std::to_string(index); }

class Writer {
 public:
  Writer(const ElementSynthOptions& o, JsonFileWriter& out) : o_(o), out_(out), rng_(o.seed) {}

  void Run(ElementSynthSummary& summary) {
    out_.OpenObject();
    out_.KeyString("room_name", "Synthetic room");
    out_.KeyString("room_creator", "Member 0");
    out_.KeyString("topic", "Placeholder topic");
    out_.KeyString("export_date", "01/01/2024");
    out_.KeyString("exported_by", "Member 0");
    out_.Key("messages");
    out_.OpenArray();
    for (uint64_t i = 0; i < o_.messages; ++i) Event(i);
    out_.End();
    out_.End();
    summary.events = o_.messages;
    summary.message_records = records_;
  }

 private:
  void Envelope(std::string_view type, uint64_t index, uint64_t sender) {
    out_.Item();
    out_.OpenObject();
    out_.KeyString("type", type);
    out_.KeyString("sender", UserId(sender));
    ts_ += rng_.Between(2000, 120000);
    out_.KeyNumber("origin_server_ts", ts_);
    out_.KeyString("event_id", EventId(index));
    out_.KeyString("room_id", kRoom);
  }
  void EndEvent() {
    out_.Key("unsigned");
    out_.OpenObject();
    out_.KeyNumber("age", 1000);
    out_.End();
    out_.End();
  }

  void Member(uint64_t index, uint64_t who, bool rename) {
    Envelope("m.room.member", index, who);
    out_.KeyString("state_key", UserId(who));
    out_.Key("content");
    out_.OpenObject();
    out_.KeyString("membership", "join");
    text_.clear();
    AppendChatter(rng_, 1, &text_);
    out_.KeyString("displayname", rename ? "Member " + std::to_string(who) + " " + text_ : "Member " + std::to_string(who));
    out_.End();
    ++records_;
    EndEvent();
  }

  void Text(uint64_t index, uint64_t sender) {
    Envelope("m.room.message", index, sender);
    out_.Key("content");
    out_.OpenObject();
    out_.KeyString("msgtype", "m.text");
    text_.clear();
    AppendChatter(rng_, static_cast<int>(rng_.Between(3, 14)), &text_);
    if (rng_.Below(20) == 0) {
      text_ += ' ';
      AppendIdentifier(rng_, &text_);
    }
    const uint64_t roll = rng_.Below(100);
    if (roll < 10 && index > 0) {  // a reply with the quoted fallback
      const uint64_t target = index - 1 - rng_.Below(std::min<uint64_t>(index, 20));
      out_.KeyString("body", "> <" + UserId(rng_.Below(o_.members)) + "> earlier text\n\n" + text_);
      out_.Key("m.relates_to");
      out_.OpenObject();
      out_.Key("m.in_reply_to");
      out_.OpenObject();
      out_.KeyString("event_id", EventId(target));
      out_.End();
      out_.End();
    } else if (roll < 15) {  // a pill
      const uint64_t who = rng_.Below(o_.members);
      const std::string name = "Member " + std::to_string(who);
      out_.KeyString("body", name + ": " + text_);
      out_.KeyString("format", "org.matrix.custom.html");
      out_.KeyString("formatted_body", "<a href=\"https://matrix.to/#/" + UserId(who) + "\">" + name + "</a>: " + text_);
    } else if (roll < 18 && index > 0) {  // in a thread
      out_.KeyString("body", text_);
      out_.Key("m.relates_to");
      out_.OpenObject();
      out_.KeyString("rel_type", "m.thread");
      out_.KeyString("event_id", EventId(index - 1 - rng_.Below(std::min<uint64_t>(index, 50))));
      out_.End();
    } else {
      out_.KeyString("body", text_);
    }
    out_.End();
    ++records_;
    EndEvent();
  }

  void Media(uint64_t index, uint64_t sender) {
    Envelope("m.room.message", index, sender);
    out_.Key("content");
    out_.OpenObject();
    out_.KeyString("msgtype", "m.image");
    out_.KeyString("body", "photo" + std::to_string(index % kMediaFiles) + ".png");
    out_.KeyString("url", "mxc://example.org/media" + std::to_string(index));
    out_.Key("info");
    out_.OpenObject();
    out_.KeyString("mimetype", "image/png");
    out_.KeyNumber("size", 16);
    out_.End();
    out_.End();
    ++records_;
    EndEvent();
  }

  void Edit(uint64_t index, uint64_t sender) {
    Envelope("m.room.message", index, sender);
    out_.Key("content");
    out_.OpenObject();
    out_.KeyString("msgtype", "m.text");
    text_.clear();
    AppendChatter(rng_, static_cast<int>(rng_.Between(3, 10)), &text_);
    out_.KeyString("body", "* " + text_);
    out_.Key("m.new_content");
    out_.OpenObject();
    out_.KeyString("msgtype", "m.text");
    out_.KeyString("body", text_);
    out_.End();
    out_.Key("m.relates_to");
    out_.OpenObject();
    out_.KeyString("rel_type", "m.replace");
    out_.KeyString("event_id", EventId(index - 1));  // the event just before: a text of someone
    out_.End();
    out_.End();
    EndEvent();
  }

  void Redacted(uint64_t index, uint64_t sender) {
    Envelope("m.room.message", index, sender);
    out_.Key("content");
    out_.OpenObject();
    out_.End();
    out_.Key("unsigned");
    out_.OpenObject();
    out_.Key("redacted_because");
    out_.OpenObject();
    out_.KeyString("type", "m.room.redaction");
    out_.KeyString("sender", UserId(sender));
    out_.KeyNumber("origin_server_ts", ts_ + 5000);
    out_.KeyString("redacts", EventId(index));
    out_.Key("content");
    out_.OpenObject();
    out_.End();
    out_.End();
    out_.End();
    out_.End();
    ++records_;
  }

  void Redaction(uint64_t index, uint64_t sender) {
    Envelope("m.room.redaction", index, sender);
    out_.KeyString("redacts", EventId(index - 1));
    out_.Key("content");
    out_.OpenObject();
    out_.End();
    EndEvent();
  }

  void Encrypted(uint64_t index, uint64_t sender) {
    Envelope("m.room.encrypted", index, sender);
    out_.Key("content");
    out_.OpenObject();
    out_.KeyString("algorithm", "m.megolm.v1.aes-sha2");
    out_.KeyString("ciphertext", "AwgAEnSyntheticPlaceholderCiphertext");
    out_.KeyString("session_id", "synthSession");
    out_.End();
    ++records_;
    EndEvent();
  }

  void Event(uint64_t index) {
    if (index < o_.members) return Member(index, index, false);
    const uint64_t sender = rng_.Below(o_.members);
    const uint64_t roll = rng_.Below(1000);
    // Edits and redaction events follow a plain text of the previous slot.
    if (last_was_text_ && roll < 50) {
      last_was_text_ = false;
      return Edit(index, last_sender_);
    }
    if (last_was_text_ && roll < 60) {
      last_was_text_ = false;
      return Redaction(index, last_sender_);
    }
    last_was_text_ = false;
    if (roll < 70) return Member(index, sender, true);
    if (roll < 120) return Media(index, sender);
    if (roll < 140) return Redacted(index, sender);
    if (roll < 160) return Encrypted(index, sender);
    Text(index, sender);
    last_was_text_ = true;
    last_sender_ = sender;
  }

  const ElementSynthOptions& o_;
  JsonFileWriter& out_;
  Rng rng_;
  int64_t ts_ = kStartMs;
  std::string text_;
  uint64_t records_ = 0;
  bool last_was_text_ = false;
  uint64_t last_sender_ = 0;
};

}  // namespace

Result<ElementSynthSummary> WriteElementExport(const ElementSynthOptions& options) {
  if (options.members == 0) return Error::InvalidArgument("element synth: members must be at least 1");
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(options.out_dir + "/images"));
  ElementSynthSummary summary;
  summary.folder = options.out_dir;
  summary.export_json = options.out_dir + "/export.json";
  summary.members = options.members;
  JsonFileWriter out;
  CASEGRAPH_RETURN_IF_ERROR(out.Open(summary.export_json));
  Writer(options, out).Run(summary);
  summary.bytes = out.bytes_written();
  CASEGRAPH_RETURN_IF_ERROR(out.Finish());
  // A few media files as Element names them: "<stem>-<date> at <time><ext>".
  for (int i = 0; i < kMediaFiles; ++i) {
    const std::string name = "photo" + std::to_string(i) + "-1-1-2024 at 10-00-0" + std::to_string(i) + ".png";
    CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(options.out_dir + "/images/" + name, "synthetic png " + std::to_string(i)));
  }
  return summary;
}

}  // namespace casegraph::synth
