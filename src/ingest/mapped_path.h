// Paths of the mapping language: a JSON pointer (RFC 6901) whose "*" tokens match every member
// of an array or object ("/rooms/*/messages/*"). A path is always relative to the record it is
// applied to; "" is the record itself. For CSV rows, "/Column name" reads a column.
// Evaluation walks simdjson On-Demand values (forward only, nothing copied but matches).
#pragma once

#include <simdjson.h>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ingest/json_raw.h"

namespace casegraph::ingest::mapped {

struct PathToken {
  std::string key;  // unescaped (~0 -> '~', ~1 -> '/')
  bool wildcard = false;
};

struct Path {
  std::vector<PathToken> tokens;
  std::string text;  // as written in the mapping
  bool HasWildcard() const;
};

// Parses a path as written in a mapping; nullopt (with `why`) when it is not a JSON pointer.
std::optional<Path> ParsePath(std::string_view text, std::string* why);

// "~" and "/" escaped as a JSON pointer token.
std::string EscapeToken(std::string_view key);

// A scalar read from a record, as text. Numbers keep their exact digits (ids never pass
// through a double); objects and arrays read as their raw JSON.
struct Scalar {
  enum class Type { kString, kNumber, kBool, kStructured };
  Type type = Type::kString;
  std::string text;
};

namespace od = simdjson::ondemand;

// Called for every value that a path matches, with its pointer relative to where the walk
// began. Returning an error stops the walk with it.
using MatchFn = std::function<simdjson::error_code(od::value& value, const std::string& pointer)>;

// Walks `path` from `value`; values that the path does not reach are skipped silently (absent
// fields are normal). Malformed JSON gives the parser's error.
simdjson::error_code WalkPath(od::value value, const Path& path, const MatchFn& fn);

// The scalar at `value` (null -> nullopt).
simdjson::error_code ReadScalar(od::value& value, std::optional<Scalar>& out);

}  // namespace casegraph::ingest::mapped
