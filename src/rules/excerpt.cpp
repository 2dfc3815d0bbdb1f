// Excerpt (declared in rule_hit.h): the words around a hit, for listing a hit without opening
// the message or document.
#include <algorithm>

#include "rules/rule_hit.h"

namespace casegraph::rules {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

}  // namespace

std::string Excerpt(std::string_view text, size_t start, size_t end, size_t context_bytes) {
  end = std::min(end, text.size());
  start = std::min(start, end);
  size_t left = start > context_bytes ? start - context_bytes : 0;
  size_t right = std::min(text.size(), end + context_bytes);
  // Prefer whole words: cut after the first space inside the left context and before the last
  // space inside the right context, when there is one.
  if (left > 0) {
    size_t space = left;
    while (space < start && !IsSpace(text[space])) ++space;
    if (space < start) left = space + 1;
  }
  if (right < text.size()) {
    size_t space = right;
    while (space > end && !IsSpace(text[space - 1])) --space;
    if (space > end) right = space - 1;
  }
  // Never split a UTF-8 sequence.
  while (left < start && IsContinuation(text[left])) ++left;
  while (right > end && right < text.size() && IsContinuation(text[right])) --right;

  std::string out;
  out.reserve(right - left + 8);
  if (left > 0) out += "…";
  for (size_t i = left; i < right; ++i) out += IsSpace(text[i]) ? ' ' : text[i];
  if (right < text.size()) out += "…";
  return out;
}

}  // namespace casegraph::rules
