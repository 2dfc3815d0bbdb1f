// The cast and chat plan of a synthetic Telegram account: the owner (a fictional 16-year-old
// subject), the people around them, and the chats of the export with each chat's share of the
// messages (Zipf-ish, so a few chats hold most of them). Pure function of (seed, messages,
// quirks); all names, numbers and ids are invented.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace casegraph::synth {

struct Person {
  uint64_t id = 0;
  std::string first_name;
  std::string last_name;
  std::string name;      // as shown in "from": "First Last" (or only first)
  std::string phone;     // "+90 5XX XXX XXXX"
  std::string username;  // without '@'; may be empty
  bool is_bot = false;
  bool deleted = false;       // a deleted account: written as null names
  int64_t contact_since = 0;  // unix seconds when saved as a contact; 0 = not a contact
};

enum class ChatKind {
  kPersonal,
  kBot,
  kSaved,
  kPrivateGroup,
  kPublicSupergroup,
  kMigratedSupergroup,  // a basic group migrated to a private supergroup
  kChannel,
};

struct ChatPlan {
  ChatKind kind = ChatKind::kPersonal;
  const char* type = "";  // tdesktop dialog type string
  std::string name;       // empty (and not written) for saved_messages
  uint64_t id = 0;        // bare peer id as written in "id"
  std::vector<uint32_t> members;  // indices into Cast::people; [0] is the creator/first peer
  uint64_t quota = 0;             // message objects to write
  bool left = false;              // listed in left_chats: only the owner's messages
  bool migrated_history = false;  // kMigratedSupergroup with the old negative-id history
  std::string folder;             // "chats/chat_3/" (media paths are relative to the export)
  int64_t start_unix = 0;         // first message time
};

struct Cast {
  static constexpr uint32_t kOwner = 0;
  std::vector<Person> people;   // people[kOwner] is the exporting account
  std::vector<ChatPlan> chats;  // chats.list entries, then left_chats entries
  std::string owner_bio;
};

// Number of chats (chats.list + left_chats): 9 up to 2,000 messages, growing with the log of
// the message count to 40 at 1,000,000.
size_t ChatCountFor(uint64_t messages);

// Fixed scenario start: 2025-03-01T09:00:00 Europe/Istanbul (UTC+3).
inline constexpr int kIstanbulOffsetSeconds = 3 * 3600;
int64_t ScenarioStartUnix();

Cast BuildCast(uint64_t seed, uint64_t messages, bool quirks);

}  // namespace casegraph::synth
