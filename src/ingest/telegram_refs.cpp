// Telegram identity and media rules (see telegram_refs.h).
#include "ingest/telegram_refs.h"

namespace casegraph::ingest {
namespace {

bool AllDigits(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

bool PeerRefFromText(std::string_view peer, std::string& out) {
  out.clear();
  if (AllDigits(peer)) return UserRefFromId(peer, out);
  for (std::string_view kind : {"user", "channel", "chat"}) {
    if (peer.size() > kind.size() && peer.substr(0, kind.size()) == kind &&
        AllDigits(peer.substr(kind.size()))) {
      out.assign(kTelegramRefPrefix);
      out.append(peer);
      return true;
    }
  }
  return false;
}

bool UserRefFromId(std::string_view digits, std::string& out) {
  out.clear();
  if (!AllDigits(digits) || digits.find_first_not_of('0') == std::string_view::npos) return false;
  out.assign(kTelegramRefPrefix);
  out.append("user");
  out.append(digits);
  return true;
}

std::string ChatRef(std::string_view type, std::string_view id, std::string_view owner_ref) {
  if (type == "saved_messages") {
    if (!owner_ref.empty()) return std::string(owner_ref);
  }
  if (id.empty()) return "";
  std::string kind = "chat";
  if (type == "personal_chat" || type == "bot_chat" || type == "saved_messages" || type == "replies" ||
      type == "verification_codes") {
    kind = "user";
  } else if (type == "private_supergroup" || type == "public_supergroup" || type == "private_channel" ||
             type == "public_channel") {
    kind = "channel";
  }
  return std::string(kTelegramRefPrefix) + kind + std::string(id);
}

bool IsNotExportedSentence(std::string_view value) {
  if (value.empty() || value.front() != '(') return false;
  return value.find("not included") != std::string_view::npos ||
         value.find("exceeds maximum size") != std::string_view::npos ||
         value.find("unavailable") != std::string_view::npos;
}

std::string JoinName(std::string_view first, std::string_view last) {
  first = Trim(first);
  last = Trim(last);
  std::string out(first);
  if (!first.empty() && !last.empty()) out.push_back(' ');
  out.append(last);
  return out;
}

}  // namespace casegraph::ingest
