#include "model/citation.h"

namespace casegraph::model {

std::string Citation::ToText() const {
  return exhibit + "@" + sha256.substr(0, 12) + "#" + locator;
}

std::optional<CitationRef> ParseCitation(std::string_view text) {
  size_t hash = text.find('#');
  if (hash == std::string_view::npos) return std::nullopt;
  CitationRef out;
  std::string_view head = text.substr(0, hash);
  out.locator = std::string(text.substr(hash + 1));
  size_t at = head.rfind('@');
  bool hex_tail = at != std::string_view::npos && at + 1 < head.size();
  if (hex_tail) {
    for (char c : head.substr(at + 1)) {
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) hex_tail = false;
    }
  }
  if (hex_tail) {
    out.exhibit = std::string(head.substr(0, at));
    out.sha256_prefix = std::string(head.substr(at + 1));
  } else {
    out.exhibit = std::string(head);
  }
  if (out.exhibit.empty()) return std::nullopt;
  return out;
}

}  // namespace casegraph::model
