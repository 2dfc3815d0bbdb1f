// The section renderers from hand-built data (no workspace): flags with their explanation,
// basis and citation links; the appendix anchors those links point at; evidence escaped in
// every section; the SVG graph deterministic and escaped; the page's CSP and no fetches.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>

#include "report/graph_layout.h"
#include "report/html_document.h"
#include "report/html_sections.h"
#include "report/svg_graph.h"

namespace casegraph::report {
namespace {

const std::string kEvil = "<script>document.title='PWNED'</script>";
const std::string kEvilImg = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";

model::Citation Cite(const std::string& locator) { return {"C1", "phone-1", std::string(64, 'b'), locator}; }

indicators::Finding Flag(indicators::Severity severity, const std::string& kind, const std::string& locator) {
  indicators::Finding f;
  f.kind = kind;
  f.severity = severity;
  f.case_code = "C1";
  f.subject = "S1";
  f.accounts = {"telegram:user200", "telegram:user100"};
  f.summary = "summary " + kEvil;
  f.explanation = "explanation " + kEvilImg;
  f.severity_basis = {"basis line one", "basis line two"};
  f.first_at = 1717236000;
  f.last_at = 1717236060;
  f.citations = {Cite(locator)};
  f.total_citations = 3;
  return f;
}

ReportData SampleData() {
  ReportData d;
  d.case_code = "C1";
  d.title = "title " + kEvil;
  d.generated_by = "tester";
  d.generated_at = "2024-06-02T00:00:00Z";
  d.workspace = "/tmp/w.db";
  d.subjects = {{"S1", "2010", "victim", {"telegram:user100"}}};
  d.exhibits = {{"phone-1", "telegram-json", "telegram-json", std::string(64, 'b'), "S1", 1234}};
  d.findings = {Flag(indicators::Severity::kHigh, "unsolicited-contact-minor", "/m/1"),
                Flag(indicators::Severity::kLow, "secrecy", "/m/2")};
  d.graph.nodes = {{"telegram:user100", "S1", 0, 0.5, 0}, {"telegram:user200", "", 0, 0.3, 3},
                   {"telegram:" + kEvilImg, "", 1, 0.1, 0}};
  d.graph.edges = {{0, 1, true, 12}, {0, 2, false, 1}};
  for (const char* loc : {"/m/1", "/m/2"}) {
    CitedRecord r;
    r.kind = CitedRecord::Kind::kMessage;
    r.citation = Cite(loc);
    r.anchor = CitationAnchor(r.citation);
    r.at = 1717236000;
    r.sender = "telegram:user200";
    r.conversation = "chat " + kEvilImg;
    r.text = kEvil;
    r.files = {{"photo.jpg", std::string(64, 'c'), {"set-a (known-bad, exact)"}}};
    d.appendix.push_back(r);
  }
  return d;
}

std::set<std::string> Matches(const std::string& html, const std::string& pattern) {
  std::set<std::string> out;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1].str());
  }
  return out;
}

TEST(ReportSectionsTest, FlagsShowEverythingAndLinkIntoTheAppendix) {
  const ReportData d = SampleData();
  const std::string flags = RenderFlags(d.findings);
  EXPECT_NE(flags.find("sev-high"), std::string::npos);
  EXPECT_NE(flags.find("unsolicited-contact-minor"), std::string::npos);
  EXPECT_NE(flags.find("basis line two"), std::string::npos);
  EXPECT_NE(flags.find("telegram:user200"), std::string::npos);
  EXPECT_NE(flags.find("1 of 3"), std::string::npos);  // capped citations are said to be capped
  EXPECT_NE(flags.find("2024-06-01T10:01:00Z"), std::string::npos);
  // High before low, as given.
  EXPECT_LT(flags.find("sev-high"), flags.find("sev-low"));
  // Every citation link resolves to an appendix entry's id.
  const std::string appendix = RenderAppendix(d.appendix);
  const auto links = Matches(flags, "href=\"#(cite-[0-9a-f]{16})\"");
  const auto ids = Matches(appendix, "id=\"(cite-[0-9a-f]{16})\"");
  ASSERT_EQ(links.size(), 2u);
  for (const auto& l : links) EXPECT_TRUE(ids.count(l)) << l;
}

TEST(ReportSectionsTest, NoFlagsSaysSo) {
  EXPECT_NE(RenderFlags({}).find("No flags for this case."), std::string::npos);
}

TEST(ReportSectionsTest, EvidenceIsEscapedInEverySection) {
  const std::string page = RenderReport(SampleData());
  EXPECT_EQ(page.find(kEvil), std::string::npos);
  EXPECT_EQ(page.find(kEvilImg), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("onerror=\""), std::string::npos);
  EXPECT_NE(page.find("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"), std::string::npos);
  // Escaped in the appendix text, the flag summary, the title and the SVG label.
  size_t escaped = 0;
  for (size_t at = page.find("&lt;script&gt;"); at != std::string::npos; at = page.find("&lt;script&gt;", at + 1)) ++escaped;
  EXPECT_GE(escaped, 5u);
}

TEST(ReportSectionsTest, PageHasTheStrictPolicyAndFetchesNothing) {
  const std::string page = RenderReport(SampleData());
  EXPECT_NE(page.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                      "'unsafe-inline'; img-src data:;"),
            std::string::npos);
  EXPECT_EQ(page.find("script-src"), std::string::npos);
  EXPECT_NE(page.find("@media print"), std::string::npos);
  for (const auto& value : Matches(page, "(?:src|href)=\"([^\"]*)\"")) {
    EXPECT_EQ(value.rfind("#", 0), 0u) << "only in-page links: " << value;
  }
  EXPECT_EQ(page.find("http://"), std::string::npos);
  EXPECT_EQ(page.find("https://"), std::string::npos);
}

TEST(ReportSectionsTest, SummaryCountsFlagsBySeverity) {
  const std::string summary = RenderSummary(SampleData());
  EXPECT_NE(summary.find("high 1"), std::string::npos);
  EXPECT_NE(summary.find("medium 0"), std::string::npos);
  EXPECT_NE(summary.find("low 1"), std::string::npos);
  EXPECT_NE(summary.find("title &lt;script&gt;"), std::string::npos);
  // The generated-at line is one line of its own.
  EXPECT_NE(summary.find("\n<tr class=\"generated-at\"><th scope=\"row\">Generated at</th><td><bdi>2024-06-02T00:00:00Z"
                         "</bdi></td></tr>\n"),
            std::string::npos);
}

TEST(ReportSectionsTest, SubjectsAndExhibitsShowFullHashes) {
  const std::string s = RenderSubjectsAndExhibits(SampleData());
  EXPECT_NE(s.find(std::string(64, 'b')), std::string::npos);
  EXPECT_NE(s.find("1,234"), std::string::npos);
  EXPECT_NE(s.find("victim"), std::string::npos);
}

TEST(ReportSectionsTest, AppendixShowsFilesAndTheirMatchedSets) {
  const std::string a = RenderAppendix(SampleData().appendix);
  EXPECT_NE(a.find("set-a (known-bad, exact)"), std::string::npos);
  EXPECT_NE(a.find(std::string(64, 'c')), std::string::npos);
  EXPECT_NE(a.find("phone-1@bbbbbbbbbbbb#/m/1"), std::string::npos);
  CitedRecord foreign;
  foreign.citation = {"C2", "x", std::string(64, 'd'), "/m/9"};
  foreign.anchor = CitationAnchor(foreign.citation);
  foreign.other_case = true;
  foreign.text = "content of another case";
  const std::string other = RenderAppendix({foreign});
  EXPECT_EQ(other.find("content of another case"), std::string::npos);
  EXPECT_NE(other.find("not shown"), std::string::npos);
}

TEST(ReportSectionsTest, CrossCaseNamesOtherCases) {
  CrossCaseLink l;
  l.kind = "account";
  l.value = "telegram:user200";
  l.other_cases = {"C2", "C3"};
  l.citations = {Cite("/m/1")};
  const std::string s = RenderCrossCase({l});
  EXPECT_NE(s.find("<bdi>C2</bdi>, <bdi>C3</bdi>"), std::string::npos);
  EXPECT_NE(s.find("href=\"#" + CitationAnchor(Cite("/m/1")) + "\""), std::string::npos);
  EXPECT_NE(RenderCrossCase({}).find("Nothing in this case"), std::string::npos);
}

TEST(ReportSectionsTest, GraphSvgIsDeterministicEscapedAndColoured) {
  const LinkGraph g = SampleData().graph;
  const std::string svg = RenderGraphSvg(g);
  EXPECT_EQ(svg, RenderGraphSvg(g));
  EXPECT_EQ(svg.rfind("<svg ", 0), 0u);
  EXPECT_EQ(svg.find("<img"), std::string::npos);
  EXPECT_NE(svg.find("&lt;img"), std::string::npos);
  EXPECT_NE(svg.find("#b3261e"), std::string::npos);  // the high-flagged account
  EXPECT_NE(svg.find("#1a73e8"), std::string::npos);  // the subject's ring
  EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos);  // the shared group
  EXPECT_EQ(RenderGraphSvg({}), "");
}

TEST(ReportSectionsTest, LayoutKeepsCommunitiesTogetherAndInsideTheCanvas) {
  LinkGraph g;
  for (int i = 0; i < 30; ++i) g.nodes.push_back({"r" + std::to_string(100 + i), "", i % 3, 0, 0});
  for (int i = 0; i < 90; ++i) g.nodes.push_back({"s" + std::to_string(100 + i), "", 7, 0, 0});  // one crowded
  const GraphLayout layout = LayoutByCommunity(g);
  ASSERT_EQ(layout.positions.size(), 120u);
  EXPECT_LE(layout.width, kLayoutWidth);
  std::set<std::pair<int, int>> distinct;
  for (const Point& p : layout.positions) {
    EXPECT_GE(p.x, 0);
    EXPECT_LE(p.x, kLayoutWidth);
    EXPECT_LE(p.x, layout.width);
    EXPECT_GE(p.y, 0);
    EXPECT_LE(p.y, layout.height);
    distinct.insert({static_cast<int>(p.x), static_cast<int>(p.y)});
  }
  EXPECT_EQ(distinct.size(), 120u);  // no two accounts on one spot
  // The crowded graph labels only subjects and flagged accounts.
  g.nodes[5].severity = 2;
  const std::string svg = RenderGraphSvg(g);
  size_t labels = 0;
  for (size_t at = svg.find("<text"); at != std::string::npos; at = svg.find("<text", at + 1)) ++labels;
  EXPECT_EQ(labels, 1u);
}

TEST(ReportSectionsTest, TruncateCharsCountsCodePoints) {
  EXPECT_EQ(TruncateChars("abc", 5), "abc");
  EXPECT_EQ(TruncateChars("ığüşöç", 6), "ığüşöç");
  EXPECT_EQ(TruncateChars("ığüşöç", 4), "ı\xE2\x80\xA6öç");
  EXPECT_EQ(TruncateChars("whatsapp-contact:C001/s1-whatsapp/Ayşe", 15), "whatsap" "\xE2\x80\xA6" "pp/Ayşe");
  EXPECT_EQ(TruncateChars("مرحبا", 3), "م\xE2\x80\xA6ا");
}

}  // namespace
}  // namespace casegraph::report
