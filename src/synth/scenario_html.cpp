// tdesktop-style HTML layout (see scenario_html.h).
#include "synth/scenario_html.h"

namespace casegraph::synth {

namespace {

// Bytes that may need escaping: control characters, " & ' < >, and 0xE2 (U+2028/U+2029).
struct EscapeTable {
  bool special[256] = {};
  constexpr EscapeTable() {
    for (int c = 0; c < 0x20; ++c) special[c] = true;
    special[static_cast<unsigned char>('"')] = special[static_cast<unsigned char>('&')] = true;
    special[static_cast<unsigned char>('\'')] = special[static_cast<unsigned char>('<')] = true;
    special[static_cast<unsigned char>('>')] = special[0xE2] = true;
  }
};
constexpr EscapeTable kEscape;

}  // namespace

void AppendHtmlEscaped(std::string_view text, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  size_t run = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!kEscape.special[c]) continue;
    std::string_view replacement;
    size_t consumed = 1;
    char control[8] = {};
    switch (c) {
      case '\n': replacement = "<br>"; break;
      case '"': replacement = "&quot;"; break;
      case '&': replacement = "&amp;"; break;
      case '\'': replacement = "&apos;"; break;
      case '<': replacement = "&lt;"; break;
      case '>': replacement = "&gt;"; break;
      case 0xE2:
        if (i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
          replacement = "<br>";  // line and paragraph separators
          consumed = 3;
        }
        break;
      default:  // the other control characters
        control[0] = '&';
        control[1] = '#';
        control[2] = 'x';
        control[3] = kHex[c >> 4];
        control[4] = kHex[c & 0xF];
        control[5] = ';';
        replacement = std::string_view(control, 6);
    }
    if (replacement.empty()) continue;
    out->append(text.data() + run, i - run);
    out->append(replacement);
    i += consumed - 1;
    run = i + 1;
  }
  out->append(text.data() + run, text.size() - run);
}

void HtmlTags::OpenTag(std::string_view tag, HtmlAttributes attributes, bool empty) {
  out_->push_back('\n');
  out_->append(depth(), ' ');
  out_->push_back('<');
  out_->append(tag);
  for (const auto& [name, value] : attributes) {
    out_->push_back(' ');
    out_->append(name);
    out_->append("=\"");
    AppendHtmlEscaped(value, out_);
    out_->push_back('"');
  }
  out_->append(empty ? "/>\n" : ">\n");
}

void HtmlTags::Push(std::string_view tag, HtmlAttributes attributes) {
  OpenTag(tag, attributes, false);
  open_.push_back(tag);
}

void HtmlTags::Empty(std::string_view tag, HtmlAttributes attributes) { OpenTag(tag, attributes, true); }

void HtmlTags::Inline(std::string_view tag, std::string_view raw_text) {
  out_->push_back('<');
  out_->append(tag);
  out_->push_back('>');
  out_->append(raw_text);
  out_->append("</");
  out_->append(tag);
  out_->push_back('>');
}

void HtmlTags::Pop() {
  if (open_.empty()) return;
  const std::string_view tag = open_.back();
  open_.pop_back();
  out_->push_back('\n');
  out_->append(depth(), ' ');
  out_->append("</");
  out_->append(tag);
  out_->append(">\n");
}

void HtmlTags::PageStart(std::string_view base) {
  out_->append("<!DOCTYPE html>");
  Push("html");
  Push("head");
  Empty("meta", {{"charset", "utf-8"}});
  Inline("title", "Exported Data");
  Empty("meta", {{"content", "width=device-width, initial-scale=1.0"}, {"name", "viewport"}});
  const std::string css = std::string(base) + "css/style.css";
  const std::string js = std::string(base) + "js/script.js";
  Empty("link", {{"href", css}, {"rel", "stylesheet"}});
  Push("script", {{"src", js}, {"type", "text/javascript"}});
  Pop();
  Pop();
  Push("body", {{"onload", "CheckLocation();"}});
  PushDiv("page_wrap");
}

void HtmlTags::PageHeader(std::string_view title, std::string_view back) {
  PushDiv("page_header");
  if (back.empty()) {
    PushDiv("content");
  } else {
    Push("a", {{"class", "content block_link"}, {"href", back}, {"onclick", "return GoBack(this)"}});
  }
  PushDiv("text bold");
  Text(title);
  Pop();
  Pop();
  Pop();
}

}  // namespace casegraph::synth
