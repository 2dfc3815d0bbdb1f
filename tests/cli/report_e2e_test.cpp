// End-to-end: `report --case C -o FILE.html` through the binary on two small Telegram cases
// whose evidence carries script and markup. The report is opened in headless Chromium (Debian's
// `chromium`): it must render (a real screenshot), show the evil messages as text, and run none
// of them (the title stays ours, no data-pwned attribute appears). Also: no network fetches,
// every in-page link resolves, the same workspace gives the same report apart from the
// generated-at line, and an unknown case or unwritable path exits 1 and writes nothing.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>

#include "indicators/flags.h"
#include "testutil/testutil.h"

namespace casegraph {
namespace {

using testing::RunCli;

constexpr long long kT0 = 1717236000;  // 2024-06-01T10:00:00Z
const std::string kEvilScript = "<script>document.title='PWNED'</script>";
const std::string kEvilImg = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";
const std::string kArabicTurkish = "مرحبا — KİMSEYE SÖYLEME ığüşöç";

std::string Quote(const std::string& s) { return "'" + s + "'"; }

std::string JsonString(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

struct Msg {
  int id;
  long long from;
  std::string text;
  long long at;
};

// A Telegram Desktop export (result.json) of user<owner> with private chats {peer, name, msgs}.
std::string TelegramExport(long long owner, const std::vector<std::tuple<long long, std::string, std::vector<Msg>>>& chats) {
  std::string out = R"({"personal_information": {"user_id": )" + std::to_string(owner) +
                    R"(, "first_name": "Owner", "last_name": "", "phone_number": "", "username": "", "bio": ""},
 "contacts": {"about": "x", "list": []}, "chats": {"about": "x", "list": [)";
  for (size_t c = 0; c < chats.size(); ++c) {
    const auto& [peer, name, msgs] = chats[c];
    out += std::string(c ? "," : "") + R"({"name": )" + JsonString(name) + R"(, "type": "personal_chat", "id": )" +
           std::to_string(peer) + R"(, "messages": [)";
    for (size_t m = 0; m < msgs.size(); ++m) {
      out += std::string(m ? "," : "") + R"({"id": )" + std::to_string(msgs[m].id) +
             R"(, "type": "message", "date": "2024-06-01T10:00:00", "date_unixtime": ")" + std::to_string(msgs[m].at) +
             R"(", "from": "Someone", "from_id": "user)" + std::to_string(msgs[m].from) + R"(", "text": )" +
             JsonString(msgs[m].text) + "}";
    }
    out += "]}";
  }
  return out + "]}}";
}

std::string Chromium() {
  for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (std::filesystem::exists(candidate)) return candidate;
  }
  return "";
}

std::set<std::string> Captures(const std::string& text, const std::string& pattern) {
  std::set<std::string> out;
  std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1].str());
  }
  return out;
}

// The report without its generated-at line (the one line that differs between runs).
std::string WithoutGeneratedAt(const std::string& html) {
  return std::regex_replace(html, std::regex("<tr class=\"generated-at\">[^\n]*\n"), "");
}

// C1/S1 (born 2010): user200 (its chat named in Arabic and Turkish) writes the script first, user300 (chat named with markup) the
// img; C2/S2 also talks to user200, so C1 links to C2 through it.
class ReportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("cg-report");
    ws_ = "-w " + Quote(dir_ + "/w.db");
    std::filesystem::create_directories(dir_ + "/s1");
    std::filesystem::create_directories(dir_ + "/s2");
    testing::WriteFile(dir_ + "/s1/result.json",
                       TelegramExport(100, {{200, kArabicTurkish, {{1, 200, kEvilScript, kT0}, {2, 100, "ok", kT0 + 60}}},
                                            {300, kEvilImg, {{3, 300, kEvilImg, kT0 + 120}, {4, 100, "ok", kT0 + 180}}}}));
    testing::WriteFile(dir_ + "/s2/result.json",
                       TelegramExport(102, {{200, "Deniz", {{1, 200, "placeholder of case two", kT0 + 3600}}}}));
    for (const char* c : {"C1", "C2"}) ASSERT_EQ(RunCli(ws_ + " case add " + c).exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " subject add --case C1 S1 --born 2010 --role victim").exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " subject add --case C2 S2 --born 2011").exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " ingest --case C1 --owner S1 " + Quote(dir_ + "/s1")).exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " ingest --case C2 --owner S2 " + Quote(dir_ + "/s2")).exit_code, 0);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes the report of C1 to `path` with --json; checks the document and returns the HTML.
  std::string WriteReport(const std::string& path) {
    testing::CliRun run = RunCli(ws_ + " report --case C1 -o " + Quote(path) + " --json");
    EXPECT_EQ(run.exit_code, 0) << run.out;
    simdjson::dom::parser parser;
    simdjson::dom::element doc;
    EXPECT_EQ(parser.parse(run.out).get(doc), simdjson::SUCCESS) << run.out;
    EXPECT_EQ(std::string_view(doc["report"]["path"]), path);
    EXPECT_GE(int64_t(doc["report"]["cited_messages"]), 2);  // the two first contacts at least
    EXPECT_EQ(int64_t(doc["report"]["cited_files"]), 0);
    EXPECT_GE(int64_t(doc["report"]["flags"]), 0);
    const std::string html = testing::ReadFileOrDie(path);
    EXPECT_EQ(int64_t(doc["report"]["bytes"]), static_cast<int64_t>(html.size()));
    return html;
  }

  std::string dir_, ws_;
};

TEST_F(ReportCliTest, ReportIsSelfContainedEscapedAndLinked) {
  const std::string html = WriteReport(dir_ + "/r.html");
  // Evidence shows as text, never as markup.
  EXPECT_EQ(html.find(kEvilScript), std::string::npos);
  EXPECT_EQ(html.find(kEvilImg), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find(kArabicTurkish), std::string::npos);
  // No fetches: every src/href stays in the page.
  for (const auto& value : Captures(html, "(?:src|href)\\s*=\\s*\"([^\"]*)\"")) {
    EXPECT_EQ(value.rfind("#", 0), 0u) << value;
  }
  EXPECT_EQ(std::regex_search(html, std::regex("https?://")), false);
  EXPECT_NE(html.find("Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:;"),
            std::string::npos);
  // Every section is there, and every in-page link (flags' citations included) has its target.
  for (const char* id : {"summary", "subjects", "flags", "graph", "timeline", "cross-case", "appendix"}) {
    EXPECT_NE(html.find("<section id=\"" + std::string(id) + "\">"), std::string::npos) << id;
  }
  const auto ids = Captures(html, "id=\"([^\"]+)\"");
  for (const auto& target : Captures(html, "href=\"#([^\"]+)\"")) EXPECT_TRUE(ids.count(target)) << target;
  const size_t flags_at = html.find("<section id=\"flags\">");
  const std::string flags = html.substr(flags_at, html.find("</section>", flags_at) - flags_at);
  const auto flag_cites = Captures(flags, "href=\"#(cite-[0-9a-f]{16})\"");
  for (const auto& anchor : flag_cites) EXPECT_TRUE(ids.count(anchor)) << anchor;
  // With the indicators registered (the temporary stub has none), user200's and user300's
  // unsolicited first messages to S1 (born 2010) are flags here, each citing the appendix.
  if (!indicators::AllIndicators().empty()) {
    EXPECT_EQ(flags.find("No flags for this case."), std::string::npos);
    EXPECT_NE(flags.find("unsolicited-contact-minor"), std::string::npos);
    EXPECT_FALSE(flag_cites.empty());
  }
  // The graph is our SVG; the timeline cites the first contacts; C2 is named, its content absent.
  EXPECT_NE(html.find("<svg "), std::string::npos);
  EXPECT_NE(html.find("first_contact"), std::string::npos);
  const size_t cross_at = html.find("<section id=\"cross-case\">");
  const std::string cross = html.substr(cross_at, html.find("</section>", cross_at) - cross_at);
  EXPECT_NE(cross.find("telegram:user200"), std::string::npos);
  EXPECT_NE(cross.find("<bdi>C2</bdi>"), std::string::npos);
  EXPECT_EQ(html.find("placeholder of case two"), std::string::npos);
  EXPECT_EQ(html.find("s2/result.json"), std::string::npos);
}

TEST_F(ReportCliTest, ChromiumRendersTheReportAndRunsNoEvidenceScript) {
  const std::string chromium = Chromium();
  if (chromium.empty()) {
    if (std::getenv("CASEGRAPH_REQUIRE_SHARED") != nullptr) FAIL() << "chromium is required (scripts/setup-debian.sh)";
    GTEST_SKIP() << "chromium not installed (apt-get install chromium)";
  }
  const std::string report = dir_ + "/r.html", png = dir_ + "/r.png";
  WriteReport(report);
  const std::string common = "timeout 180 " + chromium + " --headless=new --no-sandbox --disable-gpu --no-first-run " +
                             "--user-data-dir=" + Quote(dir_ + "/profile") + " ";
  // Screenshot: a real PNG of some size (a blank page is a few KB).
  std::system((common + "--screenshot=" + Quote(png) + " --window-size=1280,2000 " + Quote("file://" + report) +
               " >/dev/null 2>&1").c_str());
  ASSERT_TRUE(std::filesystem::exists(png));
  EXPECT_GT(std::filesystem::file_size(png), 30u * 1024);
  EXPECT_EQ(testing::ReadFileOrDie(png).substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // The DOM after scripts would have run: the evil strings are text, nothing ran.
  const std::string dom_file = dir_ + "/dom.html";
  std::system((common + "--dump-dom --virtual-time-budget=2000 " + Quote("file://" + report) + " >" + Quote(dom_file) +
               " 2>/dev/null").c_str());
  const std::string dom = testing::ReadFileOrDie(dom_file);
  ASSERT_NE(dom.find("</html>"), std::string::npos) << dom.substr(0, 500);
  EXPECT_NE(dom.find("&lt;script&gt;document.title='PWNED'&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(dom.find("&lt;img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"&gt;"), std::string::npos);
  const auto titles = Captures(dom.substr(0, dom.find("</head>")), "<title>([^<]*)</title>");
  ASSERT_EQ(titles.size(), 1u);
  EXPECT_EQ(titles.count("Case report C1 — casegraph"), 1u);
  EXPECT_EQ(dom.find("PWNED</title>"), std::string::npos);
  EXPECT_EQ(dom.find("data-pwned=\""), std::string::npos);
  EXPECT_NE(dom.find("<body>"), std::string::npos);  // no attribute was set on it
  EXPECT_EQ(dom.find("<img"), std::string::npos);
  EXPECT_EQ(dom.find("<script"), std::string::npos);
  EXPECT_NE(dom.find(kArabicTurkish), std::string::npos);
}

TEST_F(ReportCliTest, SameWorkspaceGivesTheSameReport) {
  const std::string a = WriteReport(dir_ + "/a.html"), b = WriteReport(dir_ + "/b.html");
  ASSERT_NE(a.find("class=\"generated-at\""), std::string::npos);
  EXPECT_EQ(WithoutGeneratedAt(a), WithoutGeneratedAt(b));
  EXPECT_NE(WithoutGeneratedAt(a), a);
  // Text output: the path alone.
  EXPECT_EQ(RunCli(ws_ + " report --case C1 -o " + Quote(dir_ + "/c.html")).out, dir_ + "/c.html\n");
}

TEST_F(ReportCliTest, UnknownCaseOrUnwritablePathWritesNothing) {
  const std::string path = dir_ + "/none.html";
  testing::CliRun unknown = RunCli(ws_ + " report --case C9 -o " + Quote(path), "2>&1");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.out.find("C9"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path));
  testing::CliRun unwritable = RunCli(ws_ + " report --case C1 -o " + Quote(dir_ + "/no/such/r.html"), "2>&1");
  EXPECT_EQ(unwritable.exit_code, 1);
  EXPECT_NE(unwritable.out.find(dir_ + "/no/such/r.html"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/no"));
  // An existing file stays as it was when the report fails.
  testing::WriteFile(path, "earlier");
  EXPECT_EQ(RunCli(ws_ + " report --case C9 -o " + Quote(path)).exit_code, 1);
  EXPECT_EQ(testing::ReadFileOrDie(path), "earlier");
  // A missing workspace is bad input; missing options are usage errors.
  EXPECT_EQ(RunCli("-w " + Quote(dir_ + "/nope.db") + " report --case C1 -o " + Quote(path)).exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/nope.db"));
  EXPECT_EQ(RunCli(ws_ + " report --case C1").exit_code, 2);
  EXPECT_EQ(RunCli(ws_ + " report -o " + Quote(path)).exit_code, 2);
}

}  // namespace
}  // namespace casegraph
