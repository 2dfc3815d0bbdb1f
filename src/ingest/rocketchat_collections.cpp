// Collection files by name (see rocketchat_collections.h).
#include "ingest/rocketchat_collections.h"

#include <algorithm>

namespace casegraph::ingest::rocketchat {

const char* CollectionName(Collection collection) {
  switch (collection) {
    case Collection::kMessages: return "rocketchat_message";
    case Collection::kRooms: return "rocketchat_room";
    case Collection::kUsers: return "users";
    case Collection::kUploads: return "rocketchat_uploads";
    case Collection::kTrash: return "rocketchat__trash";
  }
  return "?";
}

std::optional<Collection> CollectionOfFileName(std::string_view name) {
  std::string_view stem;
  for (std::string_view ext : {".json", ".jsonl", ".ndjson"}) {
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) {
      stem = name.substr(0, name.size() - ext.size());
      break;
    }
  }
  if (stem.empty()) return std::nullopt;
  const size_t dot = stem.rfind('.');
  if (dot != std::string_view::npos) stem = stem.substr(dot + 1);  // "<db>.<collection>"
  if (stem == "rocketchat_message" || stem == "messages") return Collection::kMessages;
  if (stem == "rocketchat_room" || stem == "rooms") return Collection::kRooms;
  if (stem == "users") return Collection::kUsers;
  if (stem == "rocketchat_uploads") return Collection::kUploads;
  if (stem == "rocketchat__trash") return Collection::kTrash;
  return std::nullopt;
}

std::optional<std::string>& CollectionFiles::Slot(Collection c) {
  switch (c) {
    case Collection::kMessages: return messages;
    case Collection::kRooms: return rooms;
    case Collection::kUsers: return users;
    case Collection::kUploads: return uploads;
    case Collection::kTrash: break;
  }
  return trash;
}

CollectionFiles FindCollectionFiles(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  CollectionFiles out;
  for (auto& name : names) {
    auto c = CollectionOfFileName(name);
    if (!c) continue;
    auto& slot = out.Slot(*c);
    if (slot) {
      out.ignored.push_back(std::move(name));
    } else {
      slot = std::move(name);
    }
  }
  return out;
}

}  // namespace casegraph::ingest::rocketchat
