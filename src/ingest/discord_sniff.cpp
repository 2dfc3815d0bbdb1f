// Sniffing for discord-json (see discord_sniff.h).
#include "ingest/discord_sniff.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace casegraph::ingest {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// True when `"name"` appears in `head` as an object key (followed by ':').
bool HasKey(std::string_view head, std::string_view name) {
  for (size_t pos = head.find(name); pos != std::string_view::npos; pos = head.find(name, pos + 1)) {
    if (pos == 0 || head[pos - 1] != '"') continue;
    size_t i = pos + name.size();
    if (i >= head.size() || head[i] != '"') continue;
    ++i;
    while (i < head.size() && IsBlank(head[i])) ++i;
    if (i < head.size() && head[i] == ':') return true;
  }
  return false;
}

std::string_view SkipBomAndBlanks(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && IsBlank(head.front())) head.remove_prefix(1);
  return head;
}

}  // namespace

bool HasJsonExtension(std::string_view name) {
  if (name.size() < 5) return false;
  std::string ext(name.substr(name.size() - 5));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".json";
}

SniffResult SniffDiscordHead(std::string_view raw_head) {
  const std::string_view head = SkipBomAndBlanks(raw_head);
  if (head.empty()) return {0, "empty file"};
  if (head.front() != '{') return {0, head.front() == '[' ? "JSON array; a DCE export is a JSON object" : "not JSON"};
  const bool guild = HasKey(head, "guild"), channel = HasKey(head, "channel"), messages = HasKey(head, "messages");
  int markers = 0;
  std::string found;
  for (std::string_view key : {"timestampEdited", "callEndedTimestamp", "isPinned", "dateRange", "messageCount",
                               "exportedAt", "discriminator"}) {
    if (!HasKey(head, key)) continue;
    ++markers;
    if (!found.empty()) found += ", ";
    found += key;
  }
  const std::string with = markers > 0 ? " and DCE keys (" + found + ")" : std::string();
  if (guild && channel && messages) {
    return {markers > 0 ? 0.97 : 0.9, "JSON object with guild, channel and messages" + with};
  }
  if (guild && channel) return {markers > 0 ? 0.85 : 0.7, "JSON object with guild and channel" + with};
  for (std::string_view other : {"date_unixtime", "from_id", "origin_server_ts", "room_id", "event_id", "rid", "_id",
                                 "personal_information"}) {
    if (HasKey(head, other)) {
      return {0.02, "JSON with a \"" + std::string(other) + "\" key, which belongs to another app's export"};
    }
  }
  if (messages && markers >= 2) return {0.5, "JSON object with messages and DCE keys (" + found + ") but no guild/channel"};
  return {0.05, "JSON object without DCE's guild and channel"};
}

SniffResult SniffDiscordJson(const Probe& probe) {
  if (!probe.is_directory) return SniffDiscordHead(probe.head);
  std::vector<std::string> exports;
  double best = 0;
  for (const auto& file : probe.files) {
    if (!HasJsonExtension(file.name)) continue;
    const SniffResult scored = SniffDiscordHead(file.head);
    if (scored.confidence < kDiscordFileThreshold) continue;
    exports.push_back(file.name);
    best = std::max(best, scored.confidence);
  }
  if (exports.empty()) return {0, "folder without a DiscordChatExporter JSON file at its top level"};
  if (exports.size() > 1) {
    return {0.05, "folder holds " + std::to_string(exports.size()) +
                      " DiscordChatExporter exports; ingest each file as its own exhibit"};
  }
  const bool media = std::find(probe.top_names.begin(), probe.top_names.end(), exports[0] + "_Files") !=
                     probe.top_names.end();
  return {std::min(best + 0.01, 0.99), "export folder with one DiscordChatExporter file (" + exports[0] + ")" +
                                            (media ? " and its _Files media folder" : "")};
}

}  // namespace casegraph::ingest
