// HTML as Telegram Desktop's export writer lays it out (export_output_html.cpp, HtmlContext):
// every block tag opens as "\n<indent><tag attrs>\n" and closes as "\n<indent></tag>\n", the
// indent being one space per open tag; inline tags add no line breaks; attribute values and
// text are escaped the way SerializeString does (newline as <br>). Used by the telegram-html
// scenario writer for chat pages, the chat list and the summary page. Appends to a caller's
// string; not thread-safe.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casegraph::synth {

// Appends `text` escaped as tdesktop's SerializeString: & " ' < > as entities, '\n' and
// U+2028/U+2029 as <br>, other control characters as &#xNN;.
void AppendHtmlEscaped(std::string_view text, std::string* out);

using HtmlAttributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

class HtmlTags {
 public:
  explicit HtmlTags(std::string* out) : out_(out) {}
  // For a fragment that will sit inside `base_depth` open tags (indentation only).
  HtmlTags(std::string* out, size_t base_depth) : out_(out), base_depth_(base_depth) {}

  // Attributes are written in the order given: pass them sorted by name, as tdesktop's
  // std::map does.
  void Push(std::string_view tag, HtmlAttributes attributes = {});
  void PushDiv(std::string_view classes) { Push("div", {{"class", classes}}); }
  // A self-closing block tag ("<meta …/>"): nothing to pop.
  void Empty(std::string_view tag, HtmlAttributes attributes);
  // An inline tag and its text on the current line ("<title>Exported Data</title>").
  void Inline(std::string_view tag, std::string_view raw_text);
  void Pop();
  void PopAll() {
    while (!open_.empty()) Pop();
  }
  // Raw bytes (already escaped) and escaped text at the current position.
  void Raw(std::string_view bytes) { out_->append(bytes); }
  void Text(std::string_view text) { AppendHtmlEscaped(text, out_); }
  size_t depth() const { return base_depth_ + open_.size(); }

  // The opening of every export page: doctype, head (stylesheet and script under `base`,
  // "../../" for a page two folders down), body and div.page_wrap.
  void PageStart(std::string_view base);
  // div.page_header with the title; a link back to `back` (relative) unless it is empty.
  void PageHeader(std::string_view title, std::string_view back);

 private:
  void OpenTag(std::string_view tag, HtmlAttributes attributes, bool empty);
  std::string* out_;
  size_t base_depth_ = 0;
  std::vector<std::string_view> open_;  // tag names are string literals
};

}  // namespace casegraph::synth
