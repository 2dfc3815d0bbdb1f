// Writing JSON string literals: for the values the store keeps as JSON (audit parameters,
// entity and member lists) and for the CLI's --json output. Invalid UTF-8 bytes become U+FFFD
// so the result always parses. Output-only; parsing JSON is simdjson's job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casegraph {

// Appends `s` as a JSON string literal (with quotes); control characters, U+2028 and U+2029
// escaped.
void AppendJsonString(std::string& out, std::string_view s);
std::string JsonQuote(std::string_view s);
std::string JsonStringArray(const std::vector<std::string>& items);

}  // namespace casegraph
