// `show` for Rocket.Chat records: a document (or a value inside it, by JSON pointer) exactly
// as it stands in the file, except that a top-level `services` object (password hashes,
// login tokens, TOTP secrets of a users document) is replaced by a redaction note. A
// document that cannot be parsed is not shown when it may hold such secrets.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace casegraph::ingest::rocketchat {

inline constexpr std::string_view kRedactedServices = "\"[redacted by casegraph: login services and secrets]\"";

// `pointer` ("" for the whole document, else "/attachments/0") inside the object `doc`.
// `where` names the document in errors.
Result<std::string> ShowInDocument(std::string_view doc, std::string_view pointer, const Location& where);

}  // namespace casegraph::ingest::rocketchat
