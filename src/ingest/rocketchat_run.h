// Per-run state of one Rocket.Chat import, shared by the mongoexport and REST importers and
// the mapping code (rocketchat_directory.cpp, rocketchat_messages.cpp): where records go, the
// refs already sent, the upload metadata, the edit-history copies waiting for their message,
// and one reused simdjson DOM parser. Lives on Import's stack; one thread.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/diagnostics.h"
#include "ingest/export_folder.h"
#include "ingest/importer.h"
#include "ingest/sink.h"

namespace casegraph::ingest::rocketchat {

namespace dom = simdjson::dom;

inline constexpr std::string_view kPlatform = "rocketchat";

// One document handed to the mapping: its bytes, the file it is in (for Locations), the
// locator stored on its records, and its place in human form ("line 88").
struct Document {
  std::string_view json;
  std::string_view file;
  std::string locator;
  std::string place;
};

// Metadata of one upload from rocketchat_uploads (the bytes are not part of a mongoexport).
struct UploadInfo {
  std::string name, type, path, store;
  std::optional<int64_t> size;
  bool hidden = false;  // the message holding it was deleted with history kept
};

// A hidden edit-history copy (`_hidden: true` + `parent`): the text the message had before
// an edit or a deletion, and who replaced it when.
struct EditCopy {
  std::string id, text, editor_id, room_id, sender_id, sender_name, sender_username, locator;
  std::optional<int64_t> replaced_at_ms, ts_ms;
  size_t order = 0;  // reading order, to break ties
};

class Run {
 public:
  Run(const ImportOptions& options, Sink& sink, Diagnostics& diagnostics, const ExportFolder* folder)
      : options_(options), sink_(sink), diagnostics_(diagnostics), folder_(folder),
        instance_(options.instance.empty() ? "default" : options.instance) {}

  Sink& sink() { return sink_; }
  Diagnostics& diagnostics() { return diagnostics_; }
  const ExportFolder* folder() const { return folder_; }
  simdjson::dom::parser& parser() { return parser_; }

  void Warn(const Document& doc, std::string_view suffix, std::string message) {
    diagnostics_.Warn(Location{std::string(doc.file), doc.place + std::string(suffix)}, std::move(message));
  }

  // "rocketchat:<user _id>@<instance>" and "rocketchat:room:<rid>@<instance>".
  std::string UserRef(std::string_view user_id) const;
  std::string RoomRef(std::string_view room_id) const;

  // Sends an account when this (ref, name, username) was not sent yet; learns the username.
  void SendAccount(model::AccountRecord account);
  // The author snapshot `u` of a message: sent when the user is new or shows another name.
  // Empty fields say nothing (mongo snapshots often lack `name`).
  void SendSnapshot(std::string_view user_id, std::string_view name, std::string_view username,
                    const std::string& locator);
  bool AccountSent(const std::string& ref) const { return sent_accounts_.count(ref) != 0; }
  size_t distinct_accounts() const { return sent_accounts_.size(); }
  // The ref of a username (reactions name users by username), or "" when unknown.
  std::string RefOfUsername(std::string_view username) const;
  void LearnUsername(std::string_view username, std::string_view user_id);

  // Conversations: sent once per room id.
  bool RoomSent(std::string_view room_id) const { return rooms_.count(std::string(room_id)) != 0; }
  void SendConversation(model::ConversationRecord conversation);

  std::unordered_map<std::string, UploadInfo> uploads;
  std::unordered_map<std::string, std::vector<EditCopy>> copies;  // by parent message id
  std::unordered_set<std::string> parents_found;                  // parents that were emitted
  std::vector<std::string> copy_parent_order;                     // first appearance of each parent
  size_t copies_read = 0;
  size_t damaged = 0;  // documents that did not parse
  bool have_uploads_collection = false;
  std::string uploads_dir;  // a folder of upload bytes named by upload id, when the exhibit has one
  ImportSummary summary;

 private:
  const ImportOptions& options_;
  Sink& sink_;
  Diagnostics& diagnostics_;
  const ExportFolder* folder_;
  std::string instance_;
  simdjson::dom::parser parser_;
  struct Seen {
    std::string name, username;
  };
  std::unordered_map<std::string, Seen> sent_accounts_;
  std::unordered_map<std::string, std::string> username_ids_;
  std::unordered_set<std::string> rooms_;
};

}  // namespace casegraph::ingest::rocketchat
