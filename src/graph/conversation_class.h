// The class of a conversation for link analysis (direct, group, channel, self) from the chat
// kind its importer wrote. One table for every importer's kinds, so adding a format means one
// line here. Kinds that say nothing about size (Element "room", Signal "conversation", mapped
// kinds, Telegram HTML's empty kind) are "generic": graph_build decides them by member count.
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace casegraph::graph {

inline constexpr std::string_view kClassDirect = "direct";
inline constexpr std::string_view kClassGroup = "group";
inline constexpr std::string_view kClassChannel = "channel";
inline constexpr std::string_view kClassSelf = "self";
inline constexpr std::string_view kClassGeneric = "generic";  // never stored: resolved by members

// The class of `kind`, or kClassGeneric when the kind does not decide it.
std::string_view ConversationClassOfKind(std::string_view kind);

// Every (kind, class) pair of the table, for loading into SQL.
const std::vector<std::pair<std::string_view, std::string_view>>& ConversationKindTable();

}  // namespace casegraph::graph
