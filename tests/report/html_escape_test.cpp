// Escaping of evidence text: markup and script in messages render as text, attribute values
// cannot be broken out of, invalid UTF-8 and control characters never reach the page, and
// right-to-left, Arabic and Turkish text survives unchanged.
#include "report/html_escape.h"

#include <gtest/gtest.h>

#include "report/html_parts.h"
#include "report/report_data.h"

namespace casegraph::report {
namespace {

TEST(HtmlEscapeTest, ScriptAndImgRenderAsText) {
  EXPECT_EQ(EscapeText("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  const std::string img = EscapeText("<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">");
  EXPECT_EQ(img, "&lt;img src=x onerror=&quot;document.body.setAttribute(&#39;data-pwned&#39;,&#39;1&#39;)&quot;&gt;");
  EXPECT_EQ(img.find('<'), std::string::npos);
  EXPECT_EQ(EscapeText("a & b"), "a &amp; b");
  EXPECT_EQ(EscapeText("&lt;"), "&amp;lt;");  // an entity in evidence stays the text it is
}

TEST(HtmlEscapeTest, AttributesCannotBeClosed) {
  const std::string v = EscapeAttribute("x\" onmouseover=\"alert(1)' onclick='y");
  EXPECT_EQ(v.find('"'), std::string::npos);
  EXPECT_EQ(v.find('\''), std::string::npos);
  EXPECT_EQ(v, "x&quot; onmouseover=&quot;alert(1)&#39; onclick=&#39;y");
}

TEST(HtmlEscapeTest, CdataEndAndCommentMarkersAreInert) {
  EXPECT_EQ(EscapeText("]]>"), "]]&gt;");
  EXPECT_EQ(EscapeText("<![CDATA[x]]>"), "&lt;![CDATA[x]]&gt;");
  EXPECT_EQ(EscapeText("--><!--"), "--&gt;&lt;!--");
}

TEST(HtmlEscapeTest, InvalidUtf8BecomesReplacementCharacters) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(SanitizeUtf8("a\xFF" "b"), "a" + fffd + "b");                     // never-valid byte
  EXPECT_EQ(SanitizeUtf8("\xC0\xBC"), fffd + fffd);                            // overlong '<'
  EXPECT_EQ(SanitizeUtf8("\xED\xA0\x80"), fffd + fffd + fffd);                 // a UTF-16 surrogate
  EXPECT_EQ(SanitizeUtf8("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);      // beyond U+10FFFF
  EXPECT_EQ(SanitizeUtf8("ok\xE2\x82"), "ok" + fffd + fffd);                   // truncated at the end
  // An overlong '<' must not become a tag after escaping.
  EXPECT_EQ(EscapeText("\xC0\xBCscript>").find('<'), std::string::npos);
}

TEST(HtmlEscapeTest, ControlCharactersAreReplacedButTabsAndNewlinesKept) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(SanitizeUtf8(std::string("a\0b", 3)), "a" + fffd + "b");
  EXPECT_EQ(SanitizeUtf8("a\x1B[31mb"), "a" + fffd + "[31mb");
  EXPECT_EQ(SanitizeUtf8("a\x7F" "b"), "a" + fffd + "b");
  EXPECT_EQ(SanitizeUtf8("a\xC2\x85" "b"), "a" + fffd + "b");  // C1 NEL
  EXPECT_EQ(SanitizeUtf8("line 1\n\tline 2\r"), "line 1\n\tline 2" + fffd);
}

TEST(HtmlEscapeTest, RightToLeftArabicAndTurkishSurvive) {
  const std::string arabic = "مرحبا بالعالم";
  const std::string turkish = "KİMSEYE SÖYLEME, ığüşöç ĞÜŞİÖÇ";
  const std::string hebrew = "שלום";
  const std::string emoji = "\xF0\x9F\x99\x82";
  for (const std::string& s : {arabic, turkish, hebrew, emoji}) {
    EXPECT_EQ(SanitizeUtf8(s), s);
    EXPECT_EQ(EscapeText(s), s);
  }
  // Bidi controls are kept (they are evidence) but Ev isolates them from the text around.
  const std::string rlo = "\xE2\x80\xAE" "abc";
  EXPECT_EQ(Ev(rlo), "<bdi>" + rlo + "</bdi>");
}

TEST(HtmlEscapeTest, SafeIdKeepsOnlyLowerAlphanumericsAndDashes) {
  EXPECT_EQ(SafeId("S1"), "s1");
  EXPECT_EQ(SafeId("a\"><script>"), "a---script-");
  EXPECT_EQ(SafeId("Ö/x"), "---x");
}

TEST(HtmlEscapeTest, CitationLinkEscapesItsTextAndPointsAtTheAppendix) {
  model::Citation c{"C1", "ex<1>", std::string(64, 'a'), "/chats/list/0/messages/\"1\""};
  const std::string link = CitationLink(c);
  EXPECT_EQ(link.find("<1>"), std::string::npos);
  EXPECT_NE(link.find("ex&lt;1&gt;@aaaaaaaaaaaa#/chats/list/0/messages/&quot;1&quot;"), std::string::npos);
  EXPECT_NE(link.find("href=\"#" + CitationAnchor(c) + "\""), std::string::npos);
  EXPECT_EQ(CitationAnchor(c).size(), std::string("cite-").size() + 16);
  model::Citation other = c;
  other.locator += "x";
  EXPECT_NE(CitationAnchor(other), CitationAnchor(c));
}

}  // namespace
}  // namespace casegraph::report
