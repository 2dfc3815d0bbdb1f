// Telegram identity and media rules: account refs from from_id/actor_id/user_id values,
// conversation refs from a chat's type and id, and the "(File not included…)" sentences that
// stand in for media that was not exported. Pure functions; docs/formats/telegram-json.md.
#pragma once

#include <string>
#include <string_view>

namespace casegraph::ingest {

inline constexpr std::string_view kTelegramRefPrefix = "telegram:";

// "user123" / "channel5" / "chat7" → "telegram:user123" …; a bare number (pre-2021 exports)
// → "telegram:user<N>". False (and `out` cleared) for anything else.
bool PeerRefFromText(std::string_view peer, std::string& out);

// "telegram:user<digits>"; false for ids that are not positive integers.
bool UserRefFromId(std::string_view digits, std::string& out);

// The conversation ref for a chat of `type` with bare id `id` (may be empty): personal and bot
// chats are users, basic groups chats, supergroups and channels channels, Saved Messages the
// export owner. Empty when nothing identifies the chat.
std::string ChatRef(std::string_view type, std::string_view id, std::string_view owner_ref);

// True for Telegram's stand-in sentences: "(File not included. …)", "(File exceeds maximum
// size. …)", "(File unavailable, …)", "(Photo not included…)".
bool IsNotExportedSentence(std::string_view value);

// "first last" with blanks trimmed and a single space between.
std::string JoinName(std::string_view first, std::string_view last);

}  // namespace casegraph::ingest
