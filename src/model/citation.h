// A citation: the exhibit (label and SHA-256) and the locator inside it that a statement
// rests on. Text form "EXHIBIT@SHA256PREFIX#LOCATOR", which `casegraph show` takes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace casegraph::model {

struct Citation {
  std::string case_code;
  std::string exhibit;   // label
  std::string sha256;    // full hex
  std::string locator;

  // "eb-phone@3f2a9c1b0d4e#/chats/list/3/messages/1207" (12 hex digits of the hash).
  std::string ToText() const;
};

struct CitationRef {
  std::string exhibit;
  std::string sha256_prefix;  // may be empty
  std::string locator;
};

// Parses the text form; nullopt when it has no '#'. The label may itself contain '@'; the
// last '@' before '#' separates it from the hash prefix.
std::optional<CitationRef> ParseCitation(std::string_view text);

}  // namespace casegraph::model
