// Byte-level checks on JSON text that a parser's error code alone does not answer: whether a
// document was cut short (a crashed export), where the first invalid UTF-8 byte is, and the
// trimmed text of a scalar token. Used on error paths and by Show; pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace casegraph::ingest {

// For a document cut short (it ends inside a string or with objects/arrays still open, or holds
// nothing but blanks): the JSON pointer of the innermost value being written where the data
// ends ("/chats/list/3/messages/7/text"; "" for the root). Nullopt for a complete document.
// One pass over the bytes; keys are taken as written (Telegram's keys have no escapes).
std::optional<std::string> TruncationPointer(std::string_view json);

// Offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values past
// U+10FFFF count as broken), or nullopt when `text` is valid.
std::optional<size_t> FirstInvalidUtf8(std::string_view text);

// `token` without trailing JSON whitespace (simdjson's raw tokens run up to the next token).
std::string_view TrimJsonToken(std::string_view token);

}  // namespace casegraph::ingest
