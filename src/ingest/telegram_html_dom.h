// Small helpers over gumbo's DOM for the telegram-html importer: an owning parsed document
// that keeps the source bytes' positions, class and attribute tests, iterative (stack-safe)
// searches, text with <br> as newlines, and an element's exact source span (for `show`).
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casegraph::ingest {

// A parsed HTML page. `source` must outlive the document (gumbo points into it).
class HtmlDocument {
 public:
  // Nesting deeper than this is refused before gumbo sees the bytes: gumbo frees its tree
  // recursively, and a Telegram page nests about a dozen levels.
  static constexpr size_t kMaxDepth = 1000;

  // Nullopt when the bytes nest deeper than kMaxDepth; `deep_at` then holds the byte offset.
  static std::unique_ptr<HtmlDocument> Parse(std::string_view source, size_t* deep_at);
  ~HtmlDocument();
  HtmlDocument(const HtmlDocument&) = delete;
  HtmlDocument& operator=(const HtmlDocument&) = delete;

  const GumboNode* root() const { return output_->root; }
  std::string_view source() const { return source_; }

 private:
  HtmlDocument(std::string_view source, GumboOutput* output) : source_(source), output_(output) {}
  std::string_view source_;
  GumboOutput* output_;
};

bool IsElement(const GumboNode* node, GumboTag tag);
// True when the element's class attribute lists `name` (whitespace separated).
bool HasClass(const GumboNode* node, std::string_view name);
// The attribute's (entity-decoded) value; nullopt when absent or not an element.
std::optional<std::string_view> Attribute(const GumboNode* node, const char* name);
std::vector<const GumboNode*> ChildElements(const GumboNode* node);

// Elements below `node` (not `node` itself) in document order for which `match` is true; the
// subtree of a matched element is not searched when `descend_into_matches` is false.
std::vector<const GumboNode*> FindAll(const GumboNode* node, const std::function<bool(const GumboNode*)>& match,
                                      bool descend_into_matches = false);
// The first such element, or nullptr.
const GumboNode* FindFirst(const GumboNode* node, const std::function<bool(const GumboNode*)>& match);
// A div (or any element) with class `name`: a common predicate.
std::function<bool(const GumboNode*)> WithClass(std::string_view name);

// The decoded text below `node`; <br> becomes "\n". Elements for which `skip` is true are left out.
std::string TextOf(const GumboNode* node, const std::function<bool(const GumboNode*)>& skip = nullptr);
// Text with ASCII blanks (space, tab, CR, LF) trimmed at both ends.
std::string Trimmed(std::string_view text);

// The element's bytes in `source`, from its start tag through its end tag (or as far as the
// parser read it when the end tag is missing, as in a truncated file).
std::string_view SourceSpan(std::string_view source, const GumboNode* node);

}  // namespace casegraph::ingest
