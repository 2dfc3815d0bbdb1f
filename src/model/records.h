// Normalised records that importers emit and the store writes: accounts, conversations,
// messages, attachments. Plain value types, no behaviour. Every record carries its locator,
// the exact place in the exhibit it came from (a JSON pointer, "line N", or a path inside an
// export folder), from which citations are built.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casegraph::model {

// A span of a message's text that the source marked up: a mention of a user id, a link with
// its target, a phone number, an e-mail. Offsets are UTF-8 byte offsets into Message::text.
struct TextEntity {
  std::string type;       // source's own type name: "mention_name", "text_link", "phone", …
  uint32_t offset = 0;
  uint32_t length = 0;
  std::string text;       // the entity's visible text
  std::string href;       // text_link target
  std::string user_ref;   // mention_name: the ref of the mentioned account
};

// A ref that means something only inside one exhibit (a contact name as saved on the seized
// phone: `whatsapp-contact:{exhibit}/Ali`) carries this marker; the store replaces it with
// "<case>/<exhibit label>", so two phones that both saved an "Ali" never share an account.
inline constexpr std::string_view kExhibitScope = "{exhibit}";

// `text` with every kExhibitScope replaced by `scope`.
std::string ScopeLocalRefs(std::string text, std::string_view scope);

// How an account appears in an exhibit.
enum class AccountRole { kParticipant, kOwner, kContact };

struct AccountRecord {
  std::string ref;            // "<platform>:<uid>", never a display name
  std::string platform;       // "telegram"
  std::string display_name;   // as shown in this exhibit; may be empty
  std::string username;       // without '@'
  std::string phone;          // as written in the source
  std::string bio;
  AccountRole role = AccountRole::kParticipant;
  std::optional<int64_t> seen_at_utc;  // when the source says this attribute held
  std::string locator;
};

struct ConversationRecord {
  std::string key;    // importer-local key that messages refer to (the source chat id)
  std::string ref;    // "telegram:chat123" / "telegram:channel123" / "telegram:user123"
  std::string kind;   // source's chat type: personal_chat, private_group, …
  std::string title;
  bool left = false;  // Telegram left_chats
  std::string locator;
};

enum class AttachmentStatus { kPresent, kNotExported, kMissing, kRefused };
const char* AttachmentStatusName(AttachmentStatus status);

struct FileDigests {
  uint64_t size_bytes = 0;
  std::string md5, sha1, sha256;  // lower-case hex
};

struct AttachmentRecord {
  std::string kind;           // photo, file, voice_message, sticker, video_file, …
  std::string declared_path;  // as written in the source (or the placeholder sentence)
  std::string file_name;
  std::string mime_type;
  AttachmentStatus status = AttachmentStatus::kMissing;
  std::string status_detail;  // the "(File not included…)" sentence, or why it was refused
  std::optional<FileDigests> digests;  // when kPresent
  std::string resolved_path;  // when kPresent: where it was read, inside the exhibit's FileSystem
  std::string locator;
};

// An earlier or later version of a message's text (Element m.replace, Rocket.Chat edit-history
// copies, Discord/WhatsApp edit markers). The message keeps its current text; each edit says
// what the text was or became, and when.
struct MessageEdit {
  std::string text;
  std::optional<int64_t> edited_at_utc;
  std::string editor_ref;     // who edited, when the source says
  std::string source_id;      // the edit event's own id (Matrix event id, Rocket.Chat copy _id)
  std::string locator;
};

struct Reaction {
  std::string emoji;          // the emoji or its name
  uint32_t count = 0;
  std::vector<std::string> user_refs;  // when the source lists who reacted
};

struct MessageRecord {
  std::string conversation_key;
  std::string source_id;      // the message id in the source, as text ("-999999872" ok)
  std::string kind;           // "message", "service", "unsupported"
  std::string sender_ref;     // may be empty (unknown sender)
  std::string sender_name;
  std::optional<int64_t> sent_at_utc;
  std::string local_time;     // the source's own local time string (derivable: sent_at + offset)
  std::optional<int32_t> utc_offset_seconds;  // local - UTC as the source implies
  std::string time_basis;     // "unixtime", "inferred-offset", "examiner-tz", "none"
  std::string text;
  std::vector<TextEntity> entities;
  std::string reply_to;       // source id of the replied message
  std::string forwarded_from;
  std::string via_bot;
  std::optional<int64_t> edited_at_utc;
  std::string action;         // service messages: create_group, invite_members, …
  std::vector<std::string> members;  // service messages: names as given
  std::vector<AttachmentRecord> attachments;
  std::string locator;
  // Fields the newer importers fill; empty when the source has no such notion.
  std::string thread_root;    // source id of the thread's root message
  std::vector<MessageEdit> edits;  // in source order; the message's text is the current one
  bool deleted = false;       // the message existed but its content is gone (redacted, removed)
  std::string deleted_detail; // how the source says so: "redacted by @x:server", "This message was deleted"
  std::vector<Reaction> reactions;
};

}  // namespace casegraph::model
