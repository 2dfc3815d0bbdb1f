// The synthetic multi-case investigation: a small world of fictional people (operatives,
// subjects who are minors, their friends and family, decoys), their accounts on several
// platforms, and the seized exports of each case, with the ground truth of what links them.
// The planner (scenario_plan.cpp) builds this model from a seed and a message budget; one
// writer per export format (scenario_write_<format>.cpp) turns each exhibit into the files that
// format's real exporter writes; scenario_truth.cpp writes ground-truth.json.
//
// Memory stays small at 10 million messages: a conversation holds its planted messages
// explicitly, and only a count and a seed for its filler chatter, which ForEachMessage
// generates on the fly, merged in time order with the planted ones. Same seed, same bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "base/result.h"

namespace casegraph::synth {

enum class Platform { kTelegram, kElement, kRocketChat, kWhatsApp, kDiscord };
const char* PlatformName(Platform p);  // "telegram", "matrix", "rocketchat", "whatsapp", "discord"

// What a synthetic person is in the story; ground truth only (never written into exports).
enum class Role { kOperative, kSubject, kFriend, kFamily, kDecoy, kBroadcaster };
const char* RoleName(Role r);

// One account of one person on one platform.
struct SynthAccount {
  std::string person;        // ground-truth person key: "op-1", "c003-subject", "c003-friend-2", "decoy-1"
  Role role = Role::kFriend;
  Platform platform = Platform::kTelegram;
  // The platform's own stable id, as the importer will turn it into a ref:
  //   telegram: numeric user id ("5012345678")  -> telegram:user5012345678
  //             a channel: numeric id           -> telegram:channel<id>
  //   matrix: "@name:server.example"            -> matrix:@name:server.example
  //   rocketchat: user _id (17 chars)           -> rocketchat:<_id>@<instance>
  //   discord: snowflake                        -> discord:<id>
  //   whatsapp: E.164 "+905321234567"           -> whatsapp:+905321234567 (only when shown as a number)
  std::string uid;
  std::string display_name;
  std::string username;      // without '@'; may be empty
  std::string phone;         // E.164 when the platform's profile or a contact list shows it; may be empty
  std::string bio;           // profile text, may carry an identifier
  bool is_channel = false;   // a broadcast channel (Telegram), not a person's account
};

enum class ConversationKind { kDirect, kGroup, kChannel };

struct SynthMessage {
  enum class Kind { kText, kJoin, kLeave, kFile };
  int64_t at_utc = 0;
  int sender = -1;        // index into Scenario::accounts
  Kind kind = Kind::kText;
  std::string text;       // neutral placeholder text; planted lines carry identifiers
  std::string file_name;  // kFile: the attachment's file name (written as a tiny file when media is on)
};

// Conversation rules every writer relies on (the planner guarantees them):
//  - every member of a kDirect/kGroup conversation sends at least one planted message, so the
//    accounts an importer sees are exactly the members (filler never adds a sender);
//  - kChannel: members[0] is the channel account (is_channel) and posts every message; the
//    other members are followers who never post;
//  - the first planted message is earlier than filler_from, so it is the conversation's first;
//  - planted times are whole seconds in the exporting device's daytime (never in a DST gap).
struct SynthConversation {
  std::string id;                     // the platform's chat/room/channel id: telegram direct = the
                                      // peer's user id (so unique per exhibit, not per platform)
  ConversationKind kind = ConversationKind::kDirect;
  std::string title;                  // groups and channels
  std::vector<int> members;           // indexes into Scenario::accounts (the owner included)
  std::vector<SynthMessage> planted;  // sorted by at_utc
  // Filler chatter: `filler` messages by random members between filler_from and filler_to.
  uint64_t filler = 0;
  uint64_t filler_seed = 0;
  int64_t filler_from = 0, filler_to = 0;
  bool quiet = false;                 // planted lines only, never filler (a one-off exchange)
};

// Every message of `c` in time order (planted and filler merged), generated on the fly.
// Filler texts are neutral chatter from synth_text.h and never carry identifiers.
void ForEachMessage(const SynthConversation& c, const std::function<void(const SynthMessage&)>& fn);
uint64_t MessageCount(const SynthConversation& c);

// One seized export: one device (or one server account), one format.
//
// How many conversations an exhibit may hold depends on what one export of that format holds
// and what the importer accepts as one exhibit (a folder holding several exports is refused:
// "ingest each file as its own exhibit"):
//   telegram-html (a full-account export), rocketchat-mongo (a server export): any number.
//   telegram-json, whatsapp-txt: see their writers.
//   element-json: exactly ONE. Element's "Export chat" exports one room; the importer reads one
//     export.json per exhibit. A subject's Element rooms are several exhibits
//     ("s1-element-1", "s1-element-2", …), each with one conversation.
//   discord-json: exactly ONE. DiscordChatExporter writes one file per channel and the importer
//     refuses a folder holding two. Several channels are several exhibits.
// The element and discord writers return InvalidArgument for any other count.
//
// Common to the telegram-html, element-json, rocketchat-mongo and discord-json writers
// (scenario_write_<format>.cpp):
//   - every member and sender must be an account of the exhibit's platform, with a uid;
//   - kJoin / kLeave are written only in group and channel conversations (a direct chat has no
//     membership events in these formats) and are dropped in direct ones; discord-json also
//     drops kLeave (Discord posts nothing when a member leaves a guild);
//   - each writer returns the number of records the importer will count as messages: for
//     element-json that includes the room-creation event and one join per member it writes
//     before the first message (Element takes display names from those events);
//   - the exhibit is a folder (rel_path "<case>/<label>"), given as is to `ingest`.
// Per format:
//   telegram-html: a full-account HTML export; senders become telegram-name:<case>/<label>/
//     <chat title>/<display name> (the title of a direct chat is the peer's display name).
//     Date labels carry the offset in force (exact without --tz: ingest it WITHOUT --tz; with
//     --tz the importer guesses the repeated hour when summer time ends). kFile is declared
//     "Not included" (no media: tdesktop links full-export media as ../../chats/…, which the
//     importer refuses).
//   element-json: room id = c.id when it starts with '!', else derived from it; exported_by is
//     the owner's display name (the importer finds the owner when that name is unique in the
//     room; pass --owner-account otherwise).
//   rocketchat-mongo: a direct room's id is the two members' uids sorted and concatenated (as
//     the server makes it; c.id is not used); other rooms use c.id when it is a 17-character
//     Meteor id, else one derived from it. A phone goes to users' customFields.phone.
//   discord-json: channel id = c.id when it is a snowflake (digits), else derived from it.
struct SynthExhibit {
  std::string case_code;      // "C001"
  std::string subject;        // owner subject label ("S1")
  std::string label;          // exhibit label, unique in the case ("s1-telegram")
  std::string format;         // importer name: telegram-json, telegram-html, element-json,
                              // rocketchat-mongo, whatsapp-txt, discord-json
  std::string style;          // whatsapp-txt: a WhatsAppStyles() name; else empty
  std::string tz;             // IANA zone of the device (local-time formats need it at ingest)
  std::string date_order;     // whatsapp-txt: "dmy"/"mdy" when the style is ambiguous; else empty
  std::string instance;       // rocketchat-mongo: the server label given at ingest
  int owner = -1;             // the subject's own account in this export
  std::vector<SynthConversation> conversations;
  std::vector<int> contacts;  // saved contacts on the device (Telegram contacts list)
  // WhatsApp: names saved on this phone for some accounts (account index -> name). An account
  // with a saved name appears under that name (a device-local ref); others as their number.
  std::vector<std::pair<int, std::string>> saved_names;
  std::string rel_path;       // where the writer put it, relative to the scenario folder
  // A WhatsApp exhibit holds exactly one chat; Element and Discord exhibits hold exactly one
  // room/channel (one export each); telegram-json, telegram-html and rocketchat-mongo hold many.
};

// The accounts an exhibit shows, sorted by index: its owner, its contacts, and the members of
// its conversations. A rocketchat-mongo writer puts exactly these into users.json.
std::vector<int> ExhibitAccounts(const SynthExhibit& e);
// The name `account` is saved under on this WhatsApp exhibit's phone, or nullptr (shown as number).
const std::string* SavedName(const SynthExhibit& e, int account);

struct SynthSubject {
  std::string label;   // "S1"
  std::string born;    // "2009" or "2009-04-17" (all subjects are minors during the story)
  std::string role;    // "victim"
};

struct SynthCase {
  std::string code;    // "C001"
  std::string title;   // neutral: "Synthetic case 1"
  std::vector<SynthSubject> subjects;
};

struct Scenario {
  uint64_t seed = 1;
  int64_t story_from = 0, story_to = 0;  // UTC seconds: every message lies in [from, to]
  std::vector<SynthAccount> accounts;
  std::vector<SynthCase> cases;
  std::vector<SynthExhibit> exhibits;
};

struct ScenarioOptions {
  uint64_t seed = 1;
  uint64_t messages = 20000;  // total across all exhibits (approximate for tiny budgets)
  int cases = 3;              // 3 at demo size; up to 100
  std::string out_dir;
  bool with_media = true;     // tiny placeholder files for kFile messages (a handful per exhibit)
  // Only exhibits of these formats are planned (tests of one writer); empty: every format.
  std::vector<std::string> formats;
  int threads = 0;            // exhibits written in parallel; 0: one per hardware thread
};

Result<Scenario> PlanScenario(const ScenarioOptions& options);

// Writes one exhibit under out_dir/<case>/<label>… in its format; sets exhibit.rel_path.
// Each returns the number of messages written.
Result<uint64_t> WriteTelegramJsonExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o);
Result<uint64_t> WriteTelegramHtmlExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o);
Result<uint64_t> WriteElementExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o);
Result<uint64_t> WriteRocketChatExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o);
Result<uint64_t> WriteWhatsAppExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o);
Result<uint64_t> WriteDiscordExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o);

// The examiner's reference material written beside the exhibits (scenario_reference.cpp):
// paths relative to the scenario folder.
struct ReferenceFiles {
  std::string known_bad;  // sha256sum list of the files operatives send
  std::string rules;      // rules file with a secrecy lexicon
};
Result<ReferenceFiles> WriteReferenceFiles(const Scenario& s, const std::string& out_dir);

struct ScenarioSummary {
  std::string folder, truth_file;
  uint64_t messages = 0, exhibits = 0, cases = 0, accounts = 0;
};
// Plans, writes every exhibit and ground-truth.json.
Result<ScenarioSummary> WriteScenario(const ScenarioOptions& options);

// The writer for `e.format`.
Result<uint64_t> WriteExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o);

}  // namespace casegraph::synth
