// The first half of DiscordMessageReader (see discord_message.h): a message's own fields, its
// time, kind, text and accounts, and sending it.
#include "base/time_util.h"
#include "ingest/discord_message.h"
#include "ingest/discord_time.h"

namespace casegraph::ingest {

bool IsDiscordServiceType(std::string_view type) {
  // DCE's MessageKind names for system events; unknown Discord types arrive as numbers and are
  // taken as ordinary messages (their type is kept in `action`).
  for (std::string_view service : {"RecipientAdd", "RecipientRemove", "Call", "ChannelNameChange",
                                   "ChannelIconChange", "ChannelPinnedMessage", "GuildMemberJoin",
                                   "ThreadCreated"}) {
    if (type == service) return true;
  }
  return false;
}

Status DiscordMessageReader::Read(dod::value& value, const std::string& pointer, const DiscordChannelScope& scope) {
  Pending p;
  auto is_object = ForEachDiscordField(value, run_, pointer, [&](std::string_view key, dod::value& v) -> Status {
    return ReadField(key, v, pointer, p);
  });
  if (!is_object) return is_object.error();
  if (!*is_object) return Ok();  // warned (or null): nothing to send
  model::MessageRecord& m = p.m;
  m.conversation_key = scope.conversation_key;
  m.thread_root = scope.thread_root;
  m.locator = pointer;
  if (m.source_id.empty()) {
    run_.Warn(pointer, "message without an id");
  } else if (!run_.FirstMessageId(m.source_id)) {
    run_.Warn(pointer, "message id " + m.source_id + " appears more than once in this file (kept both)");
  }
  m.kind = IsDiscordServiceType(p.type) ? "service" : "message";
  if (p.type != "Default" && p.type != "Reply") m.action = p.type;
  ApplyTime(pointer, p);
  ComposeText(p);
  if (!p.reference_message.empty()) {
    if (p.reference_type == "Forward") {
      m.forwarded_from = "discord:channel" + p.reference_channel;
    } else {
      m.reply_to = p.reference_message;
    }
  }
  if (p.type == "RecipientAdd" || p.type == "RecipientRemove") {
    for (const auto& user : p.mentions) m.members.push_back(user.DisplayName());
  }
  if (p.has_author) {
    m.sender_ref = p.author.Ref();
    m.sender_name = p.author.DisplayName();
  }
  if (m.sender_ref.empty()) run_.Warn(pointer, "message without an author id; its sender is unknown");
  EmitAccounts(pointer, p);
  ++run_.summary.messages;
  run_.summary.attachments += m.attachments.size();
  run_.sink.Message(std::move(m));
  return Ok();
}

Status DiscordMessageReader::ReadField(std::string_view key, dod::value& v, const std::string& pointer, Pending& p) {
  const std::string at = DiscordChild(pointer, key);
  auto string_field = [&](std::string& out) -> Status {
    auto r = ReadDiscordString(v, out, run_, at);
    if (!r) return r.error();
    return Ok();
  };
  if (key == "id") {
    auto r = ReadDiscordId(v, p.m.source_id, run_, at);
    if (!r) return r.error();
  } else if (key == "type") {
    return string_field(p.type);
  } else if (key == "timestamp") {
    return string_field(p.timestamp);
  } else if (key == "timestampEdited") {
    return string_field(p.edited);
  } else if (key == "callEndedTimestamp") {
    return string_field(p.call_ended);
  } else if (key == "content") {
    return string_field(p.content);
  } else if (key == "author") {
    auto r = ReadDiscordUser(v, p.author, run_, at);
    if (!r) return r.error();
    p.has_author = *r;
  } else if (key == "attachments") {
    return ReadAttachments(v, at, p);
  } else if (key == "stickers") {
    return ReadStickers(v, at, p);
  } else if (key == "embeds") {
    return ReadEmbeds(v, at, p);
  } else if (key == "reactions") {
    return ReadReactions(v, at, p);
  } else if (key == "mentions") {
    return ReadMentions(v, at, p);
  } else if (key == "reference") {
    return ReadReference(v, at, p);
  } else if (key == "interaction") {
    return ReadInteraction(v, at, p);
  } else if (key == "forwardedMessage") {
    return ReadForwarded(v, at, p);
  }
  // isPinned, inlineEmojis, components: nothing in the record holds them (show gives them).
  return Ok();
}

void DiscordMessageReader::ApplyTime(const std::string& pointer, Pending& p) {
  model::MessageRecord& m = p.m;
  m.time_basis = "none";
  if (p.timestamp.empty()) {
    run_.Warn(DiscordChild(pointer, "timestamp"), "message without a timestamp; its time is unknown");
  } else if (auto t = ParseDiscordTimestamp(p.timestamp)) {
    m.sent_at_utc = t->utc;
    m.utc_offset_seconds = t->offset_seconds;
    m.local_time = p.timestamp;
    m.time_basis = "explicit-offset";
  } else {
    run_.Warn(DiscordChild(pointer, "timestamp"), "unreadable timestamp '" + p.timestamp + "'; its time is unknown");
  }
  if (!p.edited.empty()) {
    if (auto t = ParseDiscordTimestamp(p.edited)) {
      m.edited_at_utc = t->utc;
      // DCE keeps only the last edit's time and the current text.
      model::MessageEdit edit;
      edit.text = p.content;
      edit.edited_at_utc = t->utc;
      edit.editor_ref = p.author.Ref();
      edit.locator = DiscordChild(pointer, "timestampEdited");
      m.edits.push_back(std::move(edit));
    } else {
      run_.Warn(DiscordChild(pointer, "timestampEdited"), "unreadable timestamp '" + p.edited + "'; ignored");
    }
  }
}

void DiscordMessageReader::ComposeText(Pending& p) {
  model::MessageRecord& m = p.m;
  m.text = p.content;
  if (m.text.empty() && !p.forwarded_content.empty()) m.text = p.forwarded_content;
  auto append_block = [&](const std::string& block) {
    if (block.empty()) return;
    if (!m.text.empty()) m.text += "\n\n";
    m.text += block;
  };
  if (!p.call_ended.empty()) {
    auto t = ParseDiscordTimestamp(p.call_ended);
    append_block("[call ended " + (t ? FormatUtc(t->utc) : p.call_ended) + "]");
  }
  for (const auto& embed : p.embed_texts) append_block(embed);
  // Mentions: DCE rewrites <@id> to "@name" in content; point each mention at its first
  // occurrence (by nickname, name, or the raw token), or at nothing when it is not visible.
  for (const auto& user : p.mentions) {
    model::TextEntity e;
    e.type = "mention";
    e.user_ref = user.Ref();
    for (const std::string& needle : {"@" + user.DisplayName(), "@" + user.name, "<@" + user.id + ">",
                                      "<@!" + user.id + ">"}) {
      if (needle.size() < 2) continue;
      const size_t at = p.content.find(needle);
      if (at == std::string::npos) continue;
      e.offset = static_cast<uint32_t>(at);
      e.length = static_cast<uint32_t>(needle.size());
      e.text = needle;
      break;
    }
    if (e.text.empty()) e.text = "@" + user.DisplayName();
    m.entities.push_back(std::move(e));
  }
  if (p.has_interaction) {
    model::TextEntity e;
    e.type = "interaction";
    e.text = "/" + p.interaction_name;
    e.user_ref = p.interaction_user.Ref();
    m.entities.push_back(std::move(e));
  }
}

void DiscordMessageReader::EmitAccounts(const std::string& pointer, Pending& p) {
  const auto seen = p.m.sent_at_utc;
  if (p.has_author) run_.SeeAccount(p.author, seen, DiscordChild(pointer, "author"));
  for (const auto& [user, locator] : p.users) run_.SeeAccount(user, seen, locator);
}

}  // namespace casegraph::ingest
