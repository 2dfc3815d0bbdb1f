// Writing XML text for the GraphML and GEXF exports, and the one place that makes evidence text
// safe for any export: invalid UTF-8 bytes and characters XML 1.0 forbids (most C0 controls,
// U+FFFE/U+FFFF) become U+FFFD, and markup characters are escaped, so a display name such as
// `<script>` or `a & "b"` stays text in every reader. Not thread-safe (a writer per document).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casegraph::report {

// Valid UTF-8 holding only characters XML 1.0 allows (tab, LF, CR and U+0020 on).
std::string CleanText(std::string_view text);

class XmlWriter {
 public:
  XmlWriter();  // writes the XML declaration
  // <name attributes…>; attributes are added with Attr until the next Open/Text/Close.
  XmlWriter& Open(std::string_view name);
  XmlWriter& Attr(std::string_view name, std::string_view value);
  XmlWriter& Text(std::string_view text);
  // Closes the innermost open element (as <x/> when it has no content).
  XmlWriter& Close();
  // Open + Text + Close.
  XmlWriter& Leaf(std::string_view name, std::string_view text);
  // Closes every open element and returns the document.
  std::string Finish();

 private:
  void EndStartTag();
  void Indent();
  std::string out_;
  std::vector<std::string> open_;
  bool in_start_tag_ = false;
  bool has_children_ = false;  // the innermost element has element children
};

}  // namespace casegraph::report
