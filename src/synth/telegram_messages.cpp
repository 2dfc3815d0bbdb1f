// One chat's messages for the synthetic Telegram export (see telegram_messages.h).
#include "synth/telegram_messages.h"

#include <algorithm>

#include "synth/synth_clock.h"
#include "synth/telegram_media.h"
#include "synth/telegram_text.h"

namespace casegraph::synth {
namespace {

constexpr int64_t kMigratedShift = 1000000000;  // tdesktop: old basic-group ids - 1e9

class ChatWriter {
 public:
  ChatWriter(const ChatPlan& chat, uint64_t seed, ChatWriteContext* ctx)
      : chat_(chat), ctx_(*ctx), out_(*ctx->out), people_(ctx->cast->people),
        rng_(Rng(seed).Fork(chat.id)), media_(chat, ctx) {}

  Status Run();

 private:
  enum class TextMode { kChatter, kCaption, kBotCommand };

  // Message skeleton.
  void Begin(int64_t id, bool service);
  void Peer(std::string_view label, uint32_t person);
  void ChannelPeer(std::string_view label);
  void Names(std::string_view label, const std::vector<uint32_t>& who);
  // Message kinds.
  void Service(int64_t id, std::string_view action, uint32_t actor, uint32_t target);
  Status Regular(int64_t id, uint32_t sender, TextMode mode);
  void ComposeText(uint32_t sender, TextMode mode);
  void Decorate(uint32_t sender, int words);
  // Helpers.
  void NextTime();
  uint32_t PickSender();
  uint32_t OtherMember(uint32_t not_this);
  void Remember(int64_t id) { recent_[recent_count_++ % 32] = id; }

  const ChatPlan& chat_;
  ChatWriteContext& ctx_;
  JsonFileWriter& out_;
  const std::vector<Person>& people_;
  Rng rng_;
  TextBuilder text_;
  std::string scratch_;
  MediaWriter media_;
  bool bell_ = false;  // the current message carries the control character
  int64_t now_ = 0;
  int64_t long_gap_ = 600;
  uint32_t last_sender_ = Cast::kOwner;
  int64_t recent_[32] = {};
  size_t recent_count_ = 0;
};

void ChatWriter::NextTime() {
  // Bursty: mostly short gaps, sometimes long ones sized so a chat spans about 200 days.
  now_ += rng_.PerMille(750) ? rng_.Between(3, 90) : rng_.Between(60, long_gap_);
}

uint32_t ChatWriter::OtherMember(uint32_t not_this) {
  for (int tries = 0; tries < 8; ++tries) {
    const uint32_t m = chat_.members[rng_.Below(chat_.members.size())];
    if (m != not_this && !people_[m].deleted) return m;
  }
  return chat_.members[0] == not_this && chat_.members.size() > 1 ? chat_.members[1]
                                                                   : chat_.members[0];
}

uint32_t ChatWriter::PickSender() {
  if (chat_.left || chat_.members.size() == 1) return Cast::kOwner;
  if (chat_.members.size() == 2) {  // personal and bot chats: runs of the same sender
    if (rng_.PerMille(550)) return last_sender_;
    return last_sender_ == chat_.members[0] ? chat_.members[1] : chat_.members[0];
  }
  if (rng_.PerMille(chat_.kind == ChatKind::kPublicSupergroup ? 100 : 300)) return Cast::kOwner;
  // Skewed towards the first members: a few people talk most.
  const uint64_t n = chat_.members.size();
  return chat_.members[std::min(rng_.Below(n), rng_.Below(n))];
}

void ChatWriter::Begin(int64_t id, bool service) {
  out_.Item();
  out_.OpenObject();
  out_.KeyNumber("id", id);
  out_.KeyString("type", service ? "service" : "message");
  scratch_.clear();
  AppendIsoLocal(now_, kIstanbulOffsetSeconds, &scratch_);
  out_.KeyString("date", scratch_);
  out_.Key("date_unixtime");
  out_.Raw("\"");
  out_.Number(now_);
  out_.Raw("\"");
  ++ctx_.stats.messages;
}

void ChatWriter::Peer(std::string_view label, uint32_t person) {
  const Person& p = people_[person];
  out_.Key(label);
  if (p.deleted) {
    out_.Raw("null");
  } else {
    out_.String(p.name);
  }
  scratch_.assign(label);
  scratch_.append("_id");
  out_.Key(scratch_);
  out_.Raw("\"user");
  out_.Number(static_cast<int64_t>(p.id));
  out_.Raw("\"");
}

void ChatWriter::ChannelPeer(std::string_view label) {
  out_.KeyString(label, chat_.name);
  scratch_.assign(label);
  scratch_.append("_id");
  out_.Key(scratch_);
  out_.Raw("\"channel");
  out_.Number(static_cast<int64_t>(chat_.id));
  out_.Raw("\"");
}

void ChatWriter::Names(std::string_view label, const std::vector<uint32_t>& who) {
  out_.Key(label);
  out_.OpenArray();
  for (uint32_t person : who) {
    out_.Item();
    if (people_[person].deleted) {
      out_.Raw("null");
    } else {
      out_.String(people_[person].name);
    }
  }
  out_.End();
}

void ChatWriter::Service(int64_t id, std::string_view action, uint32_t actor, uint32_t target) {
  Begin(id, true);
  if (chat_.kind == ChatKind::kChannel) {
    ChannelPeer("actor");
  } else {
    Peer("actor", actor);
  }
  out_.KeyString("action", action);
  if (action == "create_group") {
    out_.KeyString("title", chat_.name);
    std::vector<uint32_t> initial;
    for (size_t i = 0; i < chat_.members.size() && initial.size() < 4; ++i) {
      if (chat_.members[i] != actor) initial.push_back(chat_.members[i]);
    }
    Names("members", initial);
  } else if (action == "create_channel" || action == "migrate_from_group") {
    out_.KeyString("title", chat_.name);
  } else if (action == "invite_members") {
    Names("members", {target});
  } else if (action == "join_group_by_link") {
    out_.Key("inviter");
    out_.String(people_[target].name);
  } else if (action == "phone_call") {
    const bool missed = rng_.PerMille(300);
    if (!missed) out_.KeyNumber("duration_seconds", rng_.Between(5, 1800));
    out_.KeyString("discard_reason", missed ? "missed" : "hangup");
  }
  text_.Clear();
  text_.Write(&out_, false);
  out_.End();
}

Status ChatWriter::Regular(int64_t id, uint32_t sender, TextMode mode) {
  Media media = Media::kNone;
  if (mode != TextMode::kBotCommand) {
    const uint64_t roll = rng_.Below(1000);
    media = roll < 40   ? Media::kPhoto
            : roll < 60 ? Media::kVoice
            : roll < 75 ? Media::kSticker
            : roll < 80 ? Media::kDocument
                        : Media::kNone;
  }
  const bool is_post = chat_.kind == ChatKind::kChannel;
  const bool edited = (media == Media::kNone || media == Media::kPhoto) && rng_.PerMille(50);
  Begin(id, false);
  if (edited) {
    const int64_t when = now_ + rng_.Between(20, 7200);
    scratch_.clear();
    AppendIsoLocal(when, kIstanbulOffsetSeconds, &scratch_);
    out_.KeyString("edited", scratch_);
    out_.Key("edited_unixtime");
    out_.Raw("\"");
    out_.Number(when);
    out_.Raw("\"");
  }
  if (is_post) {
    ChannelPeer("from");
  } else {
    Peer("from", sender);
  }
  if (rng_.PerMille(chat_.kind == ChatKind::kSaved ? 450 : 30)) {
    const Person& original = people_[rng_.Below(people_.size())];
    out_.Key("forwarded_from");
    if (original.deleted) {
      out_.Raw("null");
    } else {
      out_.String(original.name);
    }
  }
  if (recent_count_ > 0 && !is_post && rng_.PerMille(100)) {
    const size_t back = std::min<size_t>(recent_count_, 32);
    out_.KeyNumber("reply_to_message_id", recent_[rng_.Below(back)]);
  }
  CASEGRAPH_RETURN_IF_ERROR(media_.Write(media, now_, rng_, &out_));
  if (media == Media::kNone || mode == TextMode::kBotCommand) {
    ComposeText(sender, mode);
  } else if ((media == Media::kPhoto || media == Media::kDocument) && rng_.PerMille(500)) {
    ComposeText(sender, TextMode::kCaption);
  } else {
    text_.Clear();
  }
  text_.Write(&out_, bell_ && ctx_.quirks);
  bell_ = false;
  out_.End();
  Remember(id);
  last_sender_ = sender;
  return Ok();
}

void ChatWriter::ComposeText(uint32_t sender, TextMode mode) {
  static constexpr const char* kCommands[] = {"/start", "/help", "/odev", "/ayarlar"};
  text_.Clear();
  std::string* buf = text_.buffer();
  if (mode == TextMode::kBotCommand) {
    buf->append(recent_count_ == 0 ? kCommands[0] : rng_.Pick(kCommands));
    text_.Entity("bot_command", 0);
    return;
  }
  const int words = static_cast<int>(mode == TextMode::kCaption ? rng_.Between(2, 8)
                                                                : rng_.Between(8, 20));
  if (ctx_.bell_pending && mode == TextMode::kChatter && sender != Cast::kOwner) {
    // A pasted control character, as tdesktop exports it (\x07 when quirks are on).
    AppendChatter(rng_, words, buf);
    buf->push_back('\x07');
    text_.Plain(0);
    ctx_.bell_pending = false;
    ++ctx_.stats.control_char_quirks;
    bell_ = true;
    return;
  }
  if (rng_.PerMille(60) && words >= 4) {
    Decorate(sender, words);
  } else {
    AppendChatter(rng_, words, buf);
    text_.Plain(0);
  }
  if (rng_.PerMille(25)) text_.BreakLine(buf->size() / 3, "\n");
  if (rng_.PerMille(3)) text_.BreakLine(buf->size() / 2, "\xE2\x80\xA8");  // U+2028
  if (rng_.PerMille(300)) {
    text_.AppendPlain(" ");
    const size_t mark = text_.Mark();
    const Planted planted = AppendIdentifier(rng_, buf);
    if (planted.entity_type != nullptr) {
      text_.Entity(planted.entity_type, mark);
    } else {
      text_.Plain(mark);
    }
    ++ctx_.stats.planted[static_cast<size_t>(planted.kind)];
  }
}

void ChatWriter::Decorate(uint32_t sender, int words) {
  std::string* buf = text_.buffer();
  const int first = static_cast<int>(rng_.Between(1, words - 2));
  for (int i = 0; i < first; ++i) {
    buf->append(RandomWord(rng_));
    buf->push_back(' ');
  }
  text_.Plain(0);
  size_t mark = text_.Mark();
  const uint32_t other = OtherMember(sender);
  switch (rng_.Below(3)) {
    case 0:
      buf->append(RandomWord(rng_));
      text_.Entity("bold", mark);
      break;
    case 1:
      buf->append(RandomWord(rng_));
      scratch_.clear();
      AppendUrl(rng_, &scratch_);
      text_.TextLink(mark, scratch_);
      ++ctx_.stats.text_link_hrefs;
      break;
    default:
      if (other == sender || people_[other].deleted) {
        buf->append(RandomWord(rng_));
        text_.Entity("italic", mark);
      } else {
        buf->append(people_[other].first_name);
        text_.MentionName(mark, people_[other].id);
        ++ctx_.stats.mention_names;
      }
  }
  mark = text_.Mark();
  buf->push_back(' ');
  AppendChatter(rng_, words - first - 1, buf);
  text_.Plain(mark);
}

Status ChatWriter::Run() {
  const uint64_t quota = chat_.quota;
  if (quota == 0) return Ok();
  now_ = chat_.start_unix;
  // Mean gap so the chat spans ~200 days: 75 % short gaps (mean ~46 s) + 25 % long ones.
  const int64_t mean_gap = 200 * 86400 / static_cast<int64_t>(quota);
  long_gap_ = std::max<int64_t>(180, 2 * std::max<int64_t>(0, (mean_gap - 35) * 4) - 60);

  const bool channel_like = chat_.kind == ChatKind::kChannel ||
                            chat_.kind == ChatKind::kPublicSupergroup ||
                            chat_.kind == ChatKind::kMigratedSupergroup;
  int64_t next_id = channel_like ? 1 + rng_.Between(0, 40) : 1 + rng_.Between(0, 3000);
  // Migrated history: the old basic group's messages first, with ids shifted by -1e9.
  const uint64_t old_count = chat_.migrated_history && quota >= 4 ? quota / 3 : 0;
  int64_t old_id = 1 + rng_.Between(0, 200);
  if (old_count > 0) next_id = 1;
  const uint32_t creator = chat_.members[0];

  for (uint64_t k = 0; k < quota; ++k) {
    if (k > 0) NextTime();
    int64_t id;
    if (k < old_count) {
      if (k > 0 && rng_.PerMille(30)) ++old_id;  // a deleted message leaves a gap
      id = old_id++ - kMigratedShift;
    } else {
      if (k > old_count && rng_.PerMille(30)) ++next_id;
      id = next_id++;
    }
    switch (chat_.kind) {
      case ChatKind::kPrivateGroup:
        if (k == 0) {
          Service(id, "create_group", creator, creator);
          continue;
        }
        if (k == 1) {
          Service(id, "invite_members", creator, OtherMember(creator));
          continue;
        }
        if (k == 2) {
          Service(id, "join_group_by_link", chat_.members.back(), creator);
          continue;
        }
        break;
      case ChatKind::kMigratedSupergroup:
        if (k == 0) {
          Service(id, old_count > 0 ? "create_group" : "create_channel", creator, creator);
          continue;
        }
        if (old_count > 0 && k + 1 == old_count) {
          Service(id, "migrate_to_supergroup", creator, creator);
          continue;
        }
        if (old_count > 0 && k == old_count) {
          Service(id, "migrate_from_group", creator, creator);
          continue;
        }
        break;
      case ChatKind::kPublicSupergroup:
        if (!chat_.left && (k == 0 || rng_.PerMille(5))) {  // joins are self-invites
          const uint32_t who = k == 0 ? Cast::kOwner : PickSender();
          Service(id, "invite_members", who, who);
          continue;
        }
        break;
      case ChatKind::kChannel:
        if (k == 0) {
          Service(id, "create_channel", creator, creator);
          continue;
        }
        break;
      case ChatKind::kPersonal:
        if (k > 0 && rng_.PerMille(4)) {
          Service(id, "phone_call", PickSender(), 0);
          continue;
        }
        break;
      case ChatKind::kBot:
      case ChatKind::kSaved: break;
    }
    const uint32_t sender = k == 0 && chat_.kind == ChatKind::kBot ? Cast::kOwner : PickSender();
    const bool command =
        chat_.kind == ChatKind::kBot && sender == Cast::kOwner && (k == 0 || rng_.PerMille(300));
    CASEGRAPH_RETURN_IF_ERROR(
        Regular(id, sender, command ? TextMode::kBotCommand : TextMode::kChatter));
  }
  return Ok();
}

}  // namespace

Status WriteChatMessages(const ChatPlan& chat, uint64_t seed, ChatWriteContext* ctx) {
  ChatWriter writer(chat, seed, ctx);
  return writer.Run();
}

}  // namespace casegraph::synth
