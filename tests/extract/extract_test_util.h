// Helpers shared by the extract tests: pick hits of one kind, render hits for messages, and
// the Token value that folding tests compare.
#pragma once

#include <ostream>
#include <string>
#include <tuple>
#include <string_view>
#include <vector>

#include "extract/identifier.h"

namespace casegraph::extract::testing {

// One token from TokenizeFolded: folded text and byte offsets in the input.
struct Token {
  std::string text;
  size_t start;
  size_t end;
  bool operator==(const Token& other) const {
    return std::tie(text, start, end) == std::tie(other.text, other.start, other.end);
  }
};

inline std::ostream& operator<<(std::ostream& os, const Token& token) {
  return os << "{" << token.text << "," << token.start << "," << token.end << "}";
}


inline std::vector<std::string> ValuesOf(const std::vector<IdentifierHit>& hits,
                                         IdentifierKind kind) {
  std::vector<std::string> values;
  for (const IdentifierHit& hit : hits) {
    if (hit.kind == kind) values.push_back(hit.value);
  }
  return values;
}

// The raw text covered by the first hit of `kind`, or "<none>".
inline std::string SpanOf(std::string_view text, const std::vector<IdentifierHit>& hits,
                          IdentifierKind kind) {
  for (const IdentifierHit& hit : hits) {
    if (hit.kind == kind) return std::string(text.substr(hit.start, hit.end - hit.start));
  }
  return "<none>";
}

inline std::string Describe(const std::vector<IdentifierHit>& hits) {
  std::string out;
  for (const IdentifierHit& hit : hits) {
    out += std::string(IdentifierKindName(hit.kind)) + "=" + hit.value + "[" +
           std::to_string(hit.start) + "," + std::to_string(hit.end) + ") ";
  }
  return out;
}

}  // namespace casegraph::extract::testing
