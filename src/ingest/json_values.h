// Small readers over simdjson On-Demand values with Telegram's tolerance rules (null reads as
// absent) and located errors for wrong types. Every reader uses simdjson's error-code API, so
// nothing throws. Used by the Telegram walker and message reader; stateless.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "ingest/telegram_context.h"

namespace casegraph::ingest {

namespace od = simdjson::ondemand;

// The key of `field` as written (keys with escapes are compared raw; Telegram writes none).
std::string_view KeyOf(const od::field& field);

// "pointer/key" for error messages.
std::string ChildPointer(std::string_view pointer, std::string_view key);

// Appends the text of the JSON string whose bytes start at `raw` (just past its opening quote)
// to `out`, decoding escapes exactly as simdjson does, and also Telegram Desktop's invalid
// `\xNN` (as U+00NN, what the old repaired copy's `\u00NN` meant). Stops at the first
// unescaped quote, which must lie within `raw`. False, with `out` partly appended, for any other
// invalid escape or when `raw` holds no closing quote.
bool AppendJsonString(std::string_view raw, std::string& out);

// The text of a string value (the caller has seen json_type::string) into `out`, replacing its
// content or, with `append`, after it. Decodes from the original bytes with
// AppendJsonString: no copy through simdjson's string buffer (which grows over the whole
// document) and `\xNN` tolerated without a repaired copy of the file. Anything it cannot
// decode goes through simdjson's get_string, so errors (STRING_ERROR) are simdjson's own.
simdjson::error_code GetString(od::value& value, std::string& out, bool append = false);

// The type of `value`, or a located parse error.
Result<od::json_type> TypeOf(od::value& value, const JsonErrors& errors, std::string_view pointer);

// A string into `out`; null clears it. Other types: "expected a string at pointer/key".
Status ReadString(od::value& value, std::string& out, const JsonErrors& errors,
                  std::string_view pointer, std::string_view key);

// An integer id (number, or string of digits as some converters write) as text; null clears.
Status ReadIdText(od::value& value, std::string& out, const JsonErrors& errors,
                  std::string_view pointer, std::string_view key);

// A *_unixtime value: Telegram writes a string of digits; a number is tolerated; null and
// unparseable strings give nullopt. Objects, arrays, booleans are errors.
Status ReadUnixtime(od::value& value, std::optional<int64_t>& out, const JsonErrors& errors,
                    std::string_view pointer, std::string_view key);

// The raw token of a scalar (number, string with its quotes, true/false/null), trimmed.
Result<std::string_view> RawScalar(od::value& value, const JsonErrors& errors, std::string_view pointer);

// True when `text` is an optionally negative run of ASCII digits.
bool IsIntegerText(std::string_view text);

}  // namespace casegraph::ingest
