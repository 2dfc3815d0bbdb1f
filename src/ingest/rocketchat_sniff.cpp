// Rocket.Chat sniffing (see rocketchat_sniff.h).
#include "ingest/rocketchat_sniff.h"

#include "ingest/rocketchat_collections.h"

namespace casegraph::ingest::rocketchat {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trimmed(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && IsBlank(head.front())) head.remove_prefix(1);
  return head;
}

// The position just after `"name":` (blanks skipped), or npos.
size_t AfterKey(std::string_view head, std::string_view name) {
  const std::string quoted = "\"" + std::string(name) + "\"";
  for (size_t pos = head.find(quoted); pos != std::string_view::npos; pos = head.find(quoted, pos + 1)) {
    size_t i = pos + quoted.size();
    while (i < head.size() && IsBlank(head[i])) ++i;
    if (i < head.size() && head[i] == ':') {
      ++i;
      while (i < head.size() && IsBlank(head[i])) ++i;
      return i;
    }
  }
  return std::string_view::npos;
}

bool HasKey(std::string_view head, std::string_view name) { return AfterKey(head, name) != std::string_view::npos; }

bool HasArrayKey(std::string_view head, std::string_view name) {
  const size_t i = AfterKey(head, name);
  return i < head.size() && head[i] == '[';
}

// Rocket.Chat message keys: a room id, an author object, a timestamp.
bool LooksLikeMessages(std::string_view head) {
  const size_t u = AfterKey(head, "u");
  return HasKey(head, "rid") && HasKey(head, "ts") && u < head.size() && head[u] == '{';
}

bool LooksLikeRooms(std::string_view head) {
  return HasKey(head, "t") && HasKey(head, "_id") &&
         (HasKey(head, "usersCount") || HasKey(head, "msgs") || HasKey(head, "fname") || HasKey(head, "uids") ||
          HasKey(head, "usernames"));
}

// A REST response rather than a collection file: an object whose value lists are wrapped.
bool IsRestWrapper(std::string_view head) {
  return HasArrayKey(head, "messages") || HasKey(head, "success") ||
         ((HasArrayKey(head, "channels") || HasArrayKey(head, "groups") || HasArrayKey(head, "ims")) &&
          HasKey(head, "total"));
}

}  // namespace

double RestHeadScore(std::string_view head) {
  head = Trimmed(head);
  if (head.empty() || head.front() != '{') return 0;
  if (HasArrayKey(head, "messages") && LooksLikeMessages(head)) return 0.95;
  if ((HasArrayKey(head, "channels") || HasArrayKey(head, "groups") || HasArrayKey(head, "ims") ||
       HasArrayKey(head, "update")) &&
      LooksLikeRooms(head)) {
    return 0.85;
  }
  return 0;
}

SniffResult SniffMongo(const Probe& probe) {
  if (!probe.is_directory) {
    auto c = CollectionOfFileName(probe.path.substr(probe.path.rfind('/') + 1));
    const std::string_view head = Trimmed(probe.head);
    if (!c || head.empty() || (head.front() != '{' && head.front() != '[') || IsRestWrapper(head)) {
      return {0, "not a Rocket.Chat collection file"};
    }
    if (*c == Collection::kMessages && LooksLikeMessages(head)) return {0.8, "a rocketchat_message collection file"};
    if (*c == Collection::kRooms && LooksLikeRooms(head)) return {0.7, "a rocketchat_room collection file"};
    return {0.1, "named like a Rocket.Chat collection, but its documents do not look like one"};
  }
  double score = 0;
  std::string reason = "no Rocket.Chat collection file (rocketchat_message.json, rocketchat_room.json, users.json)";
  for (const auto& f : probe.files) {
    auto c = CollectionOfFileName(f.name);
    if (!c) continue;
    const std::string_view head = Trimmed(f.head);
    if (head.empty() || (head.front() != '{' && head.front() != '[') || IsRestWrapper(head)) continue;
    double s = 0;
    const bool canonical_name = f.name.find("rocketchat_") != std::string::npos;
    switch (*c) {
      case Collection::kMessages:
      case Collection::kTrash: s = LooksLikeMessages(head) ? 0.95 : canonical_name ? 0.6 : 0; break;
      case Collection::kRooms: s = LooksLikeRooms(head) ? (canonical_name ? 0.9 : 0.6) : canonical_name ? 0.5 : 0; break;
      case Collection::kUsers: s = HasKey(head, "__rooms") || HasKey(head, "services") || HasKey(head, "utcOffset") ? 0.6 : 0.2; break;
      case Collection::kUploads: s = 0.3; break;
    }
    if (s > score) {
      score = s;
      reason = "mongoexport collection file " + f.name;
    }
  }
  return {score, reason};
}

SniffResult SniffRest(const Probe& probe) {
  if (!probe.is_directory) {
    const double s = RestHeadScore(probe.head);
    if (s > 0) return {s, "a Rocket.Chat REST response (messages or rooms list)"};
    return {0, "not a Rocket.Chat REST response"};
  }
  size_t found = 0;
  for (const auto& f : probe.files) {
    if (CollectionOfFileName(f.name)) return {0, "holds mongoexport collection files (rocketchat-mongo)"};
    if (RestHeadScore(f.head) > 0) ++found;
  }
  if (found > 0) return {0.85, "a folder of " + std::to_string(found) + " Rocket.Chat REST responses"};
  return {0, "no Rocket.Chat REST response in the folder"};
}

}  // namespace casegraph::ingest::rocketchat
