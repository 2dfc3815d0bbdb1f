// Which Rocket.Chat collection a mongoexport file holds, from its name: "rocketchat_message",
// "rocketchat_room", "users", "rocketchat_uploads", "rocketchat__trash", optionally prefixed
// with the database name ("rocketchat.rocketchat_message.json") and ending in .json, .jsonl
// or .ndjson; "messages"/"rooms" as rocketchat2matrix names its input. GridFS files
// ("rocketchat_uploads.files") and other collections are none of these.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casegraph::ingest::rocketchat {

enum class Collection { kMessages, kRooms, kUsers, kUploads, kTrash };
const char* CollectionName(Collection collection);

std::optional<Collection> CollectionOfFileName(std::string_view file_name);

// The files of a folder by collection (the first name in sorted order wins; the others are
// returned in `ignored`).
struct CollectionFiles {
  std::optional<std::string> messages, rooms, users, uploads, trash;
  std::vector<std::string> ignored;
  std::optional<std::string>& Slot(Collection c);
  bool any() const { return messages || rooms || users || uploads || trash; }
};
CollectionFiles FindCollectionFiles(std::vector<std::string> names);

}  // namespace casegraph::ingest::rocketchat
