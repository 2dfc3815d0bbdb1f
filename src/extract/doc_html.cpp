// HTML: decoded to UTF-8 (doc_plain.cpp's guess), parsed by gumbo (which decodes entities),
// and walked iteratively: script/style/template content dropped, block elements on their
// own lines, white space collapsed outside <pre>.
#include <gumbo.h>

#include <cctype>
#include <memory>
#include <vector>

#include "extract/doc_formats.h"

namespace casegraph::extract::doc {
namespace {

// gumbo 0.10 frees its tree recursively, so nesting is bounded before parsing.
constexpr size_t kMaxDepth = 1000;

bool IsVoid(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br", "col", "embed", "hr", "img",
                                               "input", "link", "meta", "param", "source", "track", "wbr"};
  for (auto v : kVoid) {
    if (name.size() != v.size()) continue;
    bool same = true;
    for (size_t i = 0; i < v.size() && same; ++i) same = std::tolower(static_cast<unsigned char>(name[i])) == v[i];
    if (same) return true;
  }
  return false;
}

// An upper bound of element nesting (implied end tags are not modelled, so it over-counts):
// the byte offset where kMaxDepth is passed, or npos.
size_t TooDeepAt(std::string_view s) {
  size_t depth = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '<') continue;
    const char next = s[i + 1];
    if (next == '/') {
      if (depth > 0) --depth;
      continue;
    }
    if (next == '!' && s.substr(i, 4) == "<!--") {
      const size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) return std::string_view::npos;
      i = end + 2;
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(next))) continue;
    size_t j = i + 1;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    const size_t close = s.find('>', j);
    const bool self_closed = close != std::string_view::npos && s[close - 1] == '/';
    if (IsVoid(s.substr(i + 1, j - i - 1)) || self_closed) continue;
    if (++depth > kMaxDepth) return i;
  }
  return std::string_view::npos;
}

bool IsSkipped(GumboTag tag) {
  return tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE ||
         tag == GUMBO_TAG_NOSCRIPT || tag == GUMBO_TAG_HEAD;
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI: case GUMBO_TAG_TR:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TABLE: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_HR: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_BODY: case GUMBO_TAG_FORM: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_MAIN: case GUMBO_TAG_CAPTION:
      return true;
    default:
      return false;
  }
}

struct GumboDeleter {
  void operator()(GumboOutput* o) const { gumbo_destroy_output(&kGumboDefaultOptions, o); }
};

// One step of the walk: a node to enter, or the end of an element (to close its line).
struct Step {
  const GumboNode* node;
  bool leave;
  bool in_pre;
};

void Walk(const GumboNode* root, TextBuilder& out) {
  std::vector<Step> stack{{root, false, false}};
  while (!stack.empty() && !out.full()) {
    const Step step = stack.back();
    stack.pop_back();
    const GumboNode* node = step.node;
    if (step.leave) {
      if (IsBlock(node->v.element.tag)) out.EndLine();
      continue;
    }
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        if (step.in_pre) out.Append(node->v.text.text);
        else out.AppendCollapsed(node->v.text.text);
        break;
      case GUMBO_NODE_DOCUMENT:
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboVector* children = nullptr;
        bool in_pre = step.in_pre;
        if (node->type == GUMBO_NODE_DOCUMENT) {
          children = &node->v.document.children;
        } else {
          const GumboTag tag = node->v.element.tag;
          if (IsSkipped(tag) && tag != GUMBO_TAG_HEAD) break;
          if (tag == GUMBO_TAG_HEAD) {
            // Of the head, only the title is text a reader sees.
            for (unsigned i = node->v.element.children.length; i-- > 0;) {
              const auto* child = static_cast<const GumboNode*>(node->v.element.children.data[i]);
              if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_TITLE) {
                stack.push_back({child, false, false});
              }
            }
            break;
          }
          if (IsBlock(tag)) out.EndLine();
          in_pre = in_pre || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA;
          stack.push_back({node, true, in_pre});
          children = &node->v.element.children;
        }
        for (unsigned i = children->length; i-- > 0;) {
          stack.push_back({static_cast<const GumboNode*>(children->data[i]), false, in_pre});
        }
        break;
      }
      case GUMBO_NODE_COMMENT:
        break;
    }
  }
}

}  // namespace

Result<DocumentText> ExtractHtml(std::string_view bytes, const DocumentLimits& limits) {
  auto utf8 = DecodeToUtf8(bytes, "html");
  if (!utf8) return utf8.error();
  const size_t deep = TooDeepAt(*utf8);
  if (deep != std::string_view::npos) {
    return Error::Unsupported("html: elements nest deeper than " + std::to_string(kMaxDepth),
                              Location{"", "byte " + std::to_string(deep)});
  }
  std::unique_ptr<GumboOutput, GumboDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8->data(), utf8->size()));
  if (!output) return Error::Corrupt("html: the parser gave no document");
  TextBuilder out(limits.max_text_bytes);
  Walk(output->document, out);
  out.EndLine();
  return out.Finish("html");
}

}  // namespace casegraph::extract::doc
