// The shared escaping of every export: evil names stay text, invalid UTF-8 and XML-illegal
// control characters are replaced, and the writer's output is well-formed.
#include <gtest/gtest.h>

#include "report/xml_writer.h"

namespace casegraph::report {
namespace {

TEST(ExportXmlText, CleanTextReplacesInvalidUtf8AndControls) {
  EXPECT_EQ(CleanText("plain ü 🎮"), "plain ü 🎮");
  EXPECT_EQ(CleanText(std::string("a\0b", 3)), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(CleanText("x\x01\x1By"), "x\xEF\xBF\xBD\xEF\xBF\xBDy");
  EXPECT_EQ(CleanText("tab\tnl\ncr\r"), "tab\tnl\ncr\r");
  EXPECT_EQ(CleanText("bad\xC3("), "bad\xEF\xBF\xBD(");           // truncated sequence
  EXPECT_EQ(CleanText("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");     // overlong '/'
  EXPECT_EQ(CleanText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(CleanText("\xEF\xBF\xBF"), "\xEF\xBF\xBD");             // U+FFFF is not XML
}

TEST(ExportXmlText, MarkupInTextAndAttributesIsEscaped) {
  XmlWriter x;
  x.Open("root").Attr("name", "<script>alert(\"1\")</script> & 'q'\n").Text("<img src=x onerror=alert(1)> & done");
  const std::string doc = x.Finish();
  EXPECT_NE(doc.find("name=\"&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &apos;q&apos;&#10;\""),
            std::string::npos)
      << doc;
  EXPECT_NE(doc.find("&lt;img src=x onerror=alert(1)&gt; &amp; done"), std::string::npos) << doc;
  EXPECT_EQ(doc.find("<script"), std::string::npos);
  EXPECT_EQ(doc.find("<img"), std::string::npos);
}

TEST(ExportXmlText, NestingAndEmptyElements) {
  XmlWriter x;
  x.Open("a").Open("b").Attr("k", "v").Close().Leaf("c", "t").Open("d").Open("e");
  EXPECT_EQ(x.Finish(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n  <b k=\"v\"/>\n  <c>t</c>\n  <d>\n    <e/>\n  </d>\n</a>\n");
}

}  // namespace
}  // namespace casegraph::report
