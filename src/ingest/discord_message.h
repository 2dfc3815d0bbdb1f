// Reads one DCE message object into a MessageRecord plus the accounts it names (author,
// mentions, reactors, interaction user), sent before the message. The top-level fields are
// read in discord_message.cpp; the nested lists (attachments, stickers, embeds, reactions,
// mentions, reference, interaction) in discord_message_parts.cpp. Internal to discord-json.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ingest/discord_context.h"
#include "model/records.h"

namespace casegraph::ingest {

// Where the messages being read belong.
struct DiscordChannelScope {
  std::string conversation_key;
  std::string thread_root;  // for thread exports: the thread's id (= its starter message's id)
};

class DiscordMessageReader {
 public:
  explicit DiscordMessageReader(DiscordRun& run) : run_(run) {}

  // Reads the message at `pointer` ("/messages/N") and sends it. A value that is not an object
  // is skipped with a warning.
  Status Read(dod::value& value, const std::string& pointer, const DiscordChannelScope& scope);

 private:
  struct Pending {
    model::MessageRecord m;
    std::string type, timestamp, edited, call_ended, content;
    DiscordUser author;
    bool has_author = false;
    std::vector<std::pair<DiscordUser, std::string>> users;  // mentioned/reacting users + locator
    std::vector<DiscordUser> mentions;
    std::vector<std::string> embed_texts;
    std::string reference_type, reference_message, reference_channel;
    DiscordUser interaction_user;
    std::string interaction_name;
    bool has_interaction = false;
    std::string forwarded_content;
  };

  Status ReadField(std::string_view key, dod::value& v, const std::string& pointer, Pending& p);
  Status ReadAttachments(dod::value& v, const std::string& pointer, Pending& p);
  Status ReadStickers(dod::value& v, const std::string& pointer, Pending& p);
  Status ReadEmbeds(dod::value& v, const std::string& pointer, Pending& p);
  Status ReadReactions(dod::value& v, const std::string& pointer, Pending& p);
  Status ReadMentions(dod::value& v, const std::string& pointer, Pending& p);
  Status ReadReference(dod::value& v, const std::string& pointer, Pending& p);
  Status ReadInteraction(dod::value& v, const std::string& pointer, Pending& p);
  Status ReadForwarded(dod::value& v, const std::string& pointer, Pending& p);
  // Fills status/digests: CDN URLs are not exported, local paths are resolved in the folder.
  void Resolve(model::AttachmentRecord& a);

  void ApplyTime(const std::string& pointer, Pending& p);
  void ComposeText(Pending& p);
  void EmitAccounts(const std::string& pointer, Pending& p);

  DiscordRun& run_;
};

// True for the message types DCE writes for system events (kind "service").
bool IsDiscordServiceType(std::string_view type);

}  // namespace casegraph::ingest
