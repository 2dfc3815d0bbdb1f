// A message text as Telegram Desktop exports it: a sequence of parts, each plain or an entity
// (bold, link, mention_name with user_id, text_link with href...), written either as a plain
// JSON string (one plain part), or as an array mixing strings and entity objects, plus the
// "text_entities" array where plain runs are objects typed "plain". Reuses its buffers across
// messages. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "synth/json_output.h"

namespace casegraph::synth {

class TextBuilder {
 public:
  void Clear() {
    text_.clear();
    hrefs_.clear();
    parts_.clear();
  }
  bool empty() const { return parts_.empty(); }
  // Callers append raw bytes to buffer() and then claim them with Plain/Entity(mark).
  std::string* buffer() { return &text_; }
  size_t Mark() const { return text_.size(); }
  // Claims text appended since `mark` as plain text (merged into a preceding plain part).
  void Plain(size_t mark);
  void AppendPlain(std::string_view s) {
    const size_t mark = Mark();
    text_.append(s);
    Plain(mark);
  }
  // Claims text appended since `mark` as one entity of `type` ("bold", "link", ...).
  void Entity(const char* type, size_t mark);
  void MentionName(size_t mark, uint64_t user_id);
  void TextLink(size_t mark, std::string_view href);
  // Replaces the first ' ' after byte `from` by `separator` (a newline or U+2028).
  void BreakLine(size_t from, std::string_view separator);

  // Writes "text" and "text_entities" members. `x_escapes`: tdesktop's invalid \xNN escapes
  // for control characters (the quirk) instead of \u00NN.
  void Write(JsonFileWriter* out, bool x_escapes) const;

 private:
  struct Part {
    const char* type;  // nullptr = plain
    size_t begin, end;
    uint64_t user_id;             // mention_name
    size_t href_begin, href_end;  // text_link, into hrefs_
  };
  std::string_view Slice(const Part& p) const { return {text_.data() + p.begin, p.end - p.begin}; }
  void WriteEntityObject(JsonFileWriter* out, const Part& p, bool x_escapes) const;

  std::string text_;
  std::string hrefs_;
  std::vector<Part> parts_;
};

}  // namespace casegraph::synth
