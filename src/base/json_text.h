// Minimal JSON text helpers for values the store keeps as JSON (audit parameters, entity
// lists, member lists). Output-only; parsing JSON is simdjson's job.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casegraph::store {

// A JSON string literal of `s` (assumed UTF-8), with quotes; control characters escaped.
std::string JsonQuote(std::string_view s);
std::string JsonStringArray(const std::vector<std::string>& items);

}  // namespace casegraph::store
