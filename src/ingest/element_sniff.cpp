// Sniffing Element (Matrix) exports (see element_sniff.h).
#include "ingest/element_sniff.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace casegraph::ingest::element {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view SkipBomAndBlanks(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  while (!head.empty() && IsBlank(head.front())) head.remove_prefix(1);
  return head;
}

// True when `"name"` appears in `head` as an object key (followed by ':').
bool HasKey(std::string_view head, std::string_view name) {
  const std::string quoted = "\"" + std::string(name) + "\"";
  for (size_t pos = head.find(quoted); pos != std::string_view::npos; pos = head.find(quoted, pos + 1)) {
    size_t i = pos + quoted.size();
    while (i < head.size() && IsBlank(head[i])) ++i;
    if (i < head.size() && head[i] == ':') return true;
  }
  return false;
}

bool Contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool LooksLikeElementHtml(std::string_view head) {
  for (std::string_view marker : {"mx_EventTile", "mx_RoomView", "mx_MatrixChat", "mx_Export_EventWrapper",
                                  "mx_NewRoomIntro", "mx_RoomHeader"}) {
    if (Contains(head, marker)) return true;
  }
  return false;
}

// "17/11/2022, 16:58:32 - " or "11/17/2022, 4:58:32 PM - ": a browser's toLocaleString with
// seconds, then " - ". (WhatsApp's Android lines have no seconds.)
bool IsTextLine(std::string_view line) {
  const size_t dash = line.find(" - ");
  if (dash == std::string_view::npos || dash < 8 || dash > 40) return false;
  const std::string_view stamp = line.substr(0, dash);
  if (!std::isdigit(static_cast<unsigned char>(stamp.front()))) return false;
  int colons = 0;
  for (char c : stamp) colons += c == ':';
  return colons == 2;
}

bool LooksLikeElementText(std::string_view head, std::string_view file_name) {
  if (Contains(file_name, " - Chat Export - ") && EndsWith(file_name, ".txt")) return true;
  int lines = 0, matching = 0;
  size_t pos = 0;
  while (pos < head.size() && lines < 20) {
    size_t end = head.find('\n', pos);
    if (end == std::string_view::npos) break;  // the last line may be cut off
    std::string_view line = head.substr(pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    ++lines;
    matching += IsTextLine(line);
  }
  if (matching < 2) return false;
  for (std::string_view phrase : {"created and configured the room", "joined the room", "changed their display name",
                                  "(File Attached)", "(Media omitted)", "left the room", "made the room"}) {
    if (Contains(head, phrase)) return true;
  }
  return false;
}

SniffResult Score(HeadShape shape, bool named_like_element) {
  switch (shape) {
    case HeadShape::kElementJson:
      return {named_like_element ? 0.98 : 0.96, "Element (Matrix) JSON export: room_name and messages of Matrix events"};
    case HeadShape::kMessagesChunk:
      return {0.85, "Matrix client-server /messages response (a chunk array of events)"};
    case HeadShape::kSingleEvent:
      return {0.9, "a single Matrix event, not a chat export (import refuses it with that message)"};
    case HeadShape::kElementHtml:
      return {0.9, "Element's HTML export: not supported, re-export as JSON (import refuses it with that message)"};
    case HeadShape::kElementText:
      return {0.9, "Element's plain-text export: not supported, re-export as JSON (import refuses it with that message)"};
    case HeadShape::kUnknown:
      break;
  }
  return {0, "not an Element export"};
}

}  // namespace

bool IsExportFolderName(std::string_view name) { return Contains(name, " - Chat Export - "); }

HeadShape ShapeOfHead(std::string_view raw_head, std::string_view file_name) {
  const std::string_view head = SkipBomAndBlanks(raw_head);
  if (head.empty()) return HeadShape::kUnknown;
  if (head.front() == '<') return LooksLikeElementHtml(head) ? HeadShape::kElementHtml : HeadShape::kUnknown;
  if (head.front() != '{') {
    return LooksLikeElementText(head, BaseName(file_name)) ? HeadShape::kElementText : HeadShape::kUnknown;
  }
  const bool event_keys = HasKey(head, "origin_server_ts") || HasKey(head, "event_id");
  if (HasKey(head, "messages") && (HasKey(head, "room_name") || HasKey(head, "exported_by") ||
                                   HasKey(head, "room_creator") || event_keys)) {
    return HeadShape::kElementJson;
  }
  if (HasKey(head, "chunk") && event_keys) return HeadShape::kMessagesChunk;
  if (HasKey(head, "event_id") && HasKey(head, "type") && HasKey(head, "sender")) return HeadShape::kSingleEvent;
  return HeadShape::kUnknown;
}

SniffResult SniffElement(const Probe& probe) {
  if (!probe.is_directory) {
    const std::string name = BaseName(probe.path);
    return Score(ShapeOfHead(probe.head, name), IsExportFolderName(name));
  }
  for (std::string_view main : {"export.json", "index.html", "export.txt"}) {
    if (const std::string* head = probe.FileHead(main)) {
      SniffResult scored = Score(ShapeOfHead(*head, main), true);
      if (scored.confidence > 0) {
        scored.reason = "export folder with " + std::string(main) + ": " + scored.reason;
        return scored;
      }
    }
  }
  // Newer Element ZIPs put everything inside one "<brand> - <room> - Chat Export - <date>" folder.
  const auto inner = std::find_if(probe.top_names.begin(), probe.top_names.end(),
                                  [](const std::string& n) { return IsExportFolderName(n); });
  if (inner != probe.top_names.end() && probe.files.empty()) {
    return {0.9, "folder holding Element's export folder \"" + *inner + "\" (its JSON form is imported; the HTML "
                 "and plain-text forms are refused)"};
  }
  return {0, "folder without export.json"};
}

}  // namespace casegraph::ingest::element
