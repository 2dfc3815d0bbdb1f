// gumbo DOM helpers (see telegram_html_dom.h). Every walk is iterative so that a hostile page
// cannot exhaust the stack.
#include "ingest/telegram_html_dom.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace casegraph::ingest {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool IsVoidTag(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area", "base", "br",   "col",   "embed", "hr",    "img",
                                               "input", "link", "meta", "param", "source", "track", "wbr"};
  for (auto v : kVoid) {
    if (name.size() == v.size() &&
        std::equal(name.begin(), name.end(), v.begin(),
                   [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; })) {
      return true;
    }
  }
  return false;
}

// An upper bound of the element nesting (implied end tags are not modelled, so it only
// over-counts). Returns the byte offset where kMaxDepth is passed, or npos.
size_t TooDeepAt(std::string_view s, size_t max_depth) {
  size_t depth = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] != '<') continue;
    const char next = s[i + 1];
    if (next == '/') {
      if (depth > 0) --depth;
      continue;
    }
    if (next == '!') {
      if (s.substr(i, 4) == "<!--") {
        const size_t end = s.find("-->", i + 4);
        if (end == std::string_view::npos) return std::string_view::npos;
        i = end + 2;
      }
      continue;
    }
    if (!std::isalpha(static_cast<unsigned char>(next))) continue;
    size_t j = i + 1;
    while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    const std::string_view name = s.substr(i + 1, j - i - 1);
    const size_t close = s.find('>', j);
    const bool self_closed = close != std::string_view::npos && close > 0 && s[close - 1] == '/';
    if (IsVoidTag(name) || self_closed) continue;
    if (++depth > max_depth) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::unique_ptr<HtmlDocument> HtmlDocument::Parse(std::string_view source, size_t* deep_at) {
  const size_t deep = TooDeepAt(source, kMaxDepth);
  if (deep != std::string_view::npos) {
    if (deep_at != nullptr) *deep_at = deep;
    return nullptr;
  }
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, source.data(), source.size());
  return std::unique_ptr<HtmlDocument>(new HtmlDocument(source, output));
}

HtmlDocument::~HtmlDocument() { gumbo_destroy_output(&kGumboDefaultOptions, output_); }

bool IsElement(const GumboNode* node, GumboTag tag) {
  return node != nullptr && node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag;
}

std::optional<std::string_view> Attribute(const GumboNode* node, const char* name) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return std::nullopt;
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, name);
  if (attr == nullptr || attr->value == nullptr) return std::nullopt;
  return std::string_view(attr->value);
}

bool HasClass(const GumboNode* node, std::string_view name) {
  auto classes = Attribute(node, "class");
  if (!classes) return false;
  std::string_view rest = *classes;
  while (!rest.empty()) {
    size_t start = 0;
    while (start < rest.size() && IsBlank(rest[start])) ++start;
    size_t end = start;
    while (end < rest.size() && !IsBlank(rest[end])) ++end;
    if (rest.substr(start, end - start) == name) return true;
    rest.remove_prefix(end);
  }
  return false;
}

std::vector<const GumboNode*> ChildElements(const GumboNode* node) {
  std::vector<const GumboNode*> out;
  if (node == nullptr || (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT)) return out;
  const GumboVector& children =
      node->type == GUMBO_NODE_ELEMENT ? node->v.element.children : node->v.document.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT) out.push_back(child);
  }
  return out;
}

std::vector<const GumboNode*> FindAll(const GumboNode* node, const std::function<bool(const GumboNode*)>& match,
                                      bool descend_into_matches) {
  std::vector<const GumboNode*> out;
  std::vector<const GumboNode*> stack;
  auto push_children = [&](const GumboNode* n) {
    const auto children = ChildElements(n);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  };
  push_children(node);
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    const bool matched = match(n);
    if (matched) out.push_back(n);
    if (!matched || descend_into_matches) push_children(n);
  }
  return out;
}

const GumboNode* FindFirst(const GumboNode* node, const std::function<bool(const GumboNode*)>& match) {
  std::vector<const GumboNode*> stack;
  auto push_children = [&](const GumboNode* n) {
    const auto children = ChildElements(n);
    for (auto it = children.rbegin(); it != children.rend(); ++it) stack.push_back(*it);
  };
  push_children(node);
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (match(n)) return n;
    push_children(n);
  }
  return nullptr;
}

std::function<bool(const GumboNode*)> WithClass(std::string_view name) {
  return [name](const GumboNode* n) { return HasClass(n, name); };
}

std::string TextOf(const GumboNode* node, const std::function<bool(const GumboNode*)>& skip) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    switch (n->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        if (n->v.text.text != nullptr) out.append(n->v.text.text);
        break;
      case GUMBO_NODE_ELEMENT: {
        if (n != node && skip && skip(n)) break;
        if (n->v.element.tag == GUMBO_TAG_BR) {
          out.push_back('\n');
          break;
        }
        const GumboVector& children = n->v.element.children;
        for (unsigned i = children.length; i > 0; --i) stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

std::string Trimmed(std::string_view text) {
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsBlank(text.back())) text.remove_suffix(1);
  return std::string(text);
}

std::string_view SourceSpan(std::string_view source, const GumboNode* node) {
  if (node == nullptr || node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboElement& e = node->v.element;
  const size_t begin = std::min<size_t>(e.start_pos.offset, source.size());
  size_t end = 0;
  if (e.original_end_tag.length > 0) {
    end = e.end_pos.offset + e.original_end_tag.length;
  } else {
    // No end tag in the source: as far as the last descendant that has a position.
    end = std::max<size_t>(e.end_pos.offset, begin + e.original_tag.length);
    std::vector<const GumboNode*> stack{node};
    while (!stack.empty()) {
      const GumboNode* n = stack.back();
      stack.pop_back();
      if (n->type == GUMBO_NODE_ELEMENT) {
        const GumboElement& c = n->v.element;
        end = std::max<size_t>(end, c.start_pos.offset + c.original_tag.length);
        if (c.original_end_tag.length > 0) end = std::max<size_t>(end, c.end_pos.offset + c.original_end_tag.length);
        for (unsigned i = 0; i < c.children.length; ++i) stack.push_back(static_cast<const GumboNode*>(c.children.data[i]));
      } else if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA ||
                 n->type == GUMBO_NODE_COMMENT) {
        end = std::max<size_t>(end, n->v.text.start_pos.offset + n->v.text.original_text.length);
      }
    }
  }
  end = std::min(end, source.size());
  if (end < begin) return {};
  return source.substr(begin, end - begin);
}

}  // namespace casegraph::ingest
