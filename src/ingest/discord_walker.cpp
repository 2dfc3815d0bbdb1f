// The DCE export walker (see discord_walker.h).
#include "ingest/discord_walker.h"

#include "ingest/discord_message.h"

namespace casegraph::ingest {
namespace {

struct ChannelMeta {
  std::string guild_id, guild_name;
  std::string id, type, category, name;
  bool seen = false;
};

// DCE's own naming, without the id: "<guild> - <category> - <channel>" for guild channels,
// the channel's name for direct messages (guild id 0).
std::string ChannelTitle(const ChannelMeta& c) {
  if (c.guild_id.empty() || c.guild_id == "0" || c.guild_name.empty()) return c.name;
  std::string title = c.guild_name;
  if (!c.category.empty()) title += " - " + c.category;
  if (!c.name.empty()) title += " - " + c.name;
  return title;
}

class Walker {
 public:
  Walker(dod::document& doc, DiscordRun& run) : doc_(doc), run_(run), messages_(run) {}

  Status Run() {
    dod::json_type type;
    if (auto err = doc_.type().get(type)) return run_.errors.Parse(err, "");
    if (type != dod::json_type::object) {
      return Error::Unsupported("discord-json: not a DiscordChatExporter export: the root is not a JSON object",
                                Location{run_.errors.file_label(), ""});
    }
    dod::object root;
    if (auto err = doc_.get_object().get(root)) return run_.errors.Parse(err, "");
    bool saw_messages = false;
    std::optional<uint64_t> declared_count;
    for (auto field_or : root) {
      dod::field field;
      if (auto err = std::move(field_or).get(field)) return run_.errors.Parse(err, "");
      const std::string_view key = DiscordKey(field);
      dod::value& value = field.value();
      const std::string pointer = DiscordChild("", key);
      if (key == "guild" || key == "channel") {
        if (emitted_) {
          run_.Warn(pointer, "written after the messages; ignored");
          continue;
        }
        CASEGRAPH_RETURN_IF_ERROR(key == "guild" ? ReadGuild(value, pointer) : ReadChannel(value, pointer));
      } else if (key == "dateRange") {
        CASEGRAPH_RETURN_IF_ERROR(ReadDateRange(value, pointer));
      } else if (key == "messages") {
        if (!meta_.seen) {
          return Error::Unsupported(
              "discord-json: not a DiscordChatExporter export: messages come without a channel object before them",
              Location{run_.errors.file_label(), pointer});
        }
        saw_messages = true;
        Emit();
        CASEGRAPH_RETURN_IF_ERROR(ForEachDiscordElement(
            value, run_, pointer,
            [&](dod::value& message, const std::string& at) { return messages_.Read(message, at, scope_); }));
      } else if (key == "messageCount") {
        auto count = ReadDiscordCount(value, run_, pointer);
        if (!count) return count.error();
        declared_count = *count;
      }
    }
    if (!meta_.seen) {
      return Error::Unsupported("discord-json: not a DiscordChatExporter export: the root object has no channel",
                                Location{run_.errors.file_label(), ""});
    }
    if (!saw_messages) run_.Warn("", "export without a messages array");
    Emit();
    if (declared_count && *declared_count != run_.summary.messages) {
      run_.Warn("/messageCount", "messageCount says " + std::to_string(*declared_count) + " but the file holds " +
                                     std::to_string(run_.summary.messages) + " messages (a hand-edited file?)");
    }
    return Ok();
  }

 private:
  Status ReadGuild(dod::value& value, const std::string& pointer) {
    auto r = ForEachDiscordField(value, run_, pointer, [&](std::string_view key, dod::value& v) -> Status {
      Result<bool> s = false;
      if (key == "id") s = ReadDiscordId(v, meta_.guild_id, run_, DiscordChild(pointer, key));
      if (key == "name") s = ReadDiscordString(v, meta_.guild_name, run_, DiscordChild(pointer, key));
      if (!s) return s.error();
      return Ok();
    });
    if (!r) return r.error();
    return Ok();
  }

  Status ReadChannel(dod::value& value, const std::string& pointer) {
    auto r = ForEachDiscordField(value, run_, pointer, [&](std::string_view key, dod::value& v) -> Status {
      const std::string at = DiscordChild(pointer, key);
      Result<bool> s = false;
      if (key == "id") s = ReadDiscordId(v, meta_.id, run_, at);
      if (key == "type") s = ReadDiscordString(v, meta_.type, run_, at);
      if (key == "category") s = ReadDiscordString(v, meta_.category, run_, at);
      if (key == "name") s = ReadDiscordString(v, meta_.name, run_, at);
      if (!s) return s.error();
      return Ok();
    });
    if (!r) return r.error();
    if (!*r) {
      return Error::Corrupt("discord-json: expected the channel object at /channel",
                            Location{run_.errors.file_label(), pointer});
    }
    meta_.seen = true;
    return Ok();
  }

  Status ReadDateRange(dod::value& value, const std::string& pointer) {
    std::string after, before;
    auto r = ForEachDiscordField(value, run_, pointer, [&](std::string_view key, dod::value& v) -> Status {
      Result<bool> s = false;
      if (key == "after") s = ReadDiscordString(v, after, run_, DiscordChild(pointer, key));
      if (key == "before") s = ReadDiscordString(v, before, run_, DiscordChild(pointer, key));
      if (!s) return s.error();
      return Ok();
    });
    if (!r) return r.error();
    if (!after.empty() || !before.empty()) {
      run_.Warn(pointer, "partial export: DCE was limited to messages" +
                             (after.empty() ? std::string() : " after " + after) +
                             (before.empty() ? std::string() : " before " + before));
    }
    return Ok();
  }

  void Emit() {
    if (emitted_) return;
    emitted_ = true;
    model::ConversationRecord c;
    c.key = meta_.id.empty() ? std::string("channel") : meta_.id;
    if (meta_.id.empty()) {
      run_.Warn("/channel", "channel without an id; its conversation has no stable ref");
    } else {
      c.ref = "discord:channel" + meta_.id;
    }
    c.kind = meta_.type;
    c.title = ChannelTitle(meta_);
    c.locator = "/channel";
    scope_.conversation_key = c.key;
    // A thread's id is the id of the message it was started from.
    if (meta_.type.find("Thread") != std::string::npos) scope_.thread_root = meta_.id;
    ++run_.summary.conversations;
    run_.sink.Conversation(std::move(c));
  }

  dod::document& doc_;
  DiscordRun& run_;
  DiscordMessageReader messages_;
  ChannelMeta meta_;
  DiscordChannelScope scope_;
  bool emitted_ = false;
};

}  // namespace

Status WalkDiscordExport(dod::document& doc, DiscordRun& run) { return Walker(doc, run).Run(); }

}  // namespace casegraph::ingest
