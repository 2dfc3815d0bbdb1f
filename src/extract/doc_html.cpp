// HTML: decoded to UTF-8 (doc_plain.cpp's guess), parsed by gumbo (which decodes entities),
// and walked iteratively: script/style/template content dropped, block elements on their
// own lines, white space collapsed outside <pre>.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <memory>
#include <vector>

#include "extract/doc_formats.h"

namespace casegraph::extract::doc {
namespace {

// gumbo 0.10 frees its tree recursively, so nesting is bounded before parsing.
constexpr size_t kMaxDepth = 1000;

bool IsVoid(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                               "hr",    "img",    "input", "link", "meta",
                                               "param", "source", "track", "wbr"};
  for (auto v : kVoid) {
    if (name.size() != v.size()) continue;
    bool same = true;
    for (size_t i = 0; i < v.size() && same; ++i)
      same = std::tolower(static_cast<unsigned char>(name[i])) == v[i];
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
         tag == GUMBO_TAG_NOSCRIPT;
}

bool IsBlock(GumboTag tag) {
  static constexpr GumboTag kBlocks[] = {
      GUMBO_TAG_P,      GUMBO_TAG_DIV,     GUMBO_TAG_BR,         GUMBO_TAG_LI,
      GUMBO_TAG_TR,     GUMBO_TAG_H1,      GUMBO_TAG_H2,         GUMBO_TAG_H3,
      GUMBO_TAG_H4,     GUMBO_TAG_H5,      GUMBO_TAG_H6,         GUMBO_TAG_TABLE,
      GUMBO_TAG_UL,     GUMBO_TAG_OL,      GUMBO_TAG_DL,         GUMBO_TAG_DT,
      GUMBO_TAG_DD,     GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE,    GUMBO_TAG_HEADER,
      GUMBO_TAG_FOOTER, GUMBO_TAG_NAV,     GUMBO_TAG_ASIDE,      GUMBO_TAG_BLOCKQUOTE,
      GUMBO_TAG_PRE,    GUMBO_TAG_HR,      GUMBO_TAG_TITLE,      GUMBO_TAG_BODY,
      GUMBO_TAG_FORM,   GUMBO_TAG_FIGURE,  GUMBO_TAG_FIGCAPTION, GUMBO_TAG_ADDRESS,
      GUMBO_TAG_MAIN,   GUMBO_TAG_CAPTION};
  return std::find(std::begin(kBlocks), std::end(kBlocks), tag) != std::end(kBlocks);
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
        if (step.in_pre)
          out.Append(node->v.text.text);
        else
          out.AppendCollapsed(node->v.text.text);
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
          if (IsSkipped(tag)) break;
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
