// Gathering the report's data from a real (small) workspace: the link-query world of the graph
// tests (three cases; the operative user200 writes first to S1 and S2, joins S3's group).
// Citations resolve to their messages and files (with matched hash sets); another case's
// citation is never looked up; the link graph and cross-case links stay scoped to the case;
// writing a report changes nothing in the workspace.
#include <gtest/gtest.h>

#include <filesystem>

#include "graph/citation_source.h"
#include "graph/link_world.h"
#include "report/html_report.h"
#include "report/report_data.h"

namespace casegraph::report {
namespace {

class ReportDataTest : public graph::testing::LinkWorldTest {
 protected:
  model::Citation CiteIn(const std::string& case_code, const std::string& locator) {
    auto rows = Rows("SELECT e.label, e.sha256 FROM exhibits e JOIN cases c ON c.id=e.case_id WHERE c.code='" +
                     case_code + "' ORDER BY e.id LIMIT 1");
    EXPECT_EQ(rows.size(), 1u);
    const auto bar = rows[0].find('|');
    return {case_code, rows[0].substr(0, bar), rows[0].substr(bar + 1), locator};
  }
};

TEST_F(ReportDataTest, CitationsResolveToMessagesAndFilesWithTheirHashSets) {
  // A file attached to S1's first message, matched by a known-bad set (rows as scan/hashset write them).
  ASSERT_TRUE(ws_->db()
                  .Exec("INSERT INTO files(id, sha256, sha1, md5, size_bytes) VALUES(900, '" + std::string(64, 'f') +
                        "', 'x', 'y', 10);"
                        "INSERT INTO attachments(message_id, exhibit_id, kind, file_name, status, file_id, locator) "
                        "SELECT id, exhibit_id, 'photo', 'p<1>.jpg', 'ok', 900, locator || '/photo' FROM messages "
                        "WHERE locator='/chats/list/0/messages/0' AND exhibit_id=1;"
                        "INSERT INTO hashsets(id, name, kind, format, source_path, entries, imported_at, examiner) "
                        "VALUES(5, 'set-a', 'known-bad', 'sha256', 'x', 1, 't', 't');"
                        "INSERT INTO hash_matches(file_id, hashset_id, match_kind, algorithm, value) "
                        "VALUES(900, 5, 'exact', 'sha256', 'v')")
                  .ok());
  const model::Citation message = CiteIn("C1", "/chats/list/0/messages/0");
  const model::Citation file = CiteIn("C1", "/chats/list/0/messages/0/photo");
  const model::Citation unknown = CiteIn("C1", "/no/such/record");
  const model::Citation foreign = CiteIn("C2", "/chats/list/0/messages/0");
  auto records = ResolveCitations(*ws_, "C1", {foreign, file, message, unknown, message});
  ASSERT_TRUE(records.ok()) << records.error().ToString();
  ASSERT_EQ(records->size(), 4u);  // the duplicate collapsed; sorted by case, exhibit, locator
  EXPECT_EQ((*records)[0].citation.locator, "/chats/list/0/messages/0");
  EXPECT_EQ((*records)[0].kind, CitedRecord::Kind::kMessage);
  EXPECT_EQ((*records)[0].text, "hello");
  EXPECT_EQ((*records)[0].sender, "telegram:user200 (Deniz)");
  EXPECT_EQ((*records)[0].conversation, "Deniz");
  EXPECT_EQ((*records)[0].at, graph::testing::kWorldT0);
  ASSERT_EQ((*records)[0].files.size(), 1u);
  EXPECT_EQ((*records)[0].anchor, CitationAnchor(message));
  const CitedRecord& f = (*records)[1];
  EXPECT_EQ(f.kind, CitedRecord::Kind::kFile);
  ASSERT_EQ(f.files.size(), 1u);
  EXPECT_EQ(f.files[0].name, "p<1>.jpg");
  EXPECT_EQ(f.files[0].sha256, std::string(64, 'f'));
  EXPECT_EQ(f.files[0].matched_sets, std::vector<std::string>{"set-a (known-bad, exact)"});
  EXPECT_EQ(f.text, "hello");  // the carrying message, for context
  EXPECT_EQ((*records)[2].kind, CitedRecord::Kind::kOther);
  EXPECT_FALSE((*records)[2].other_case);
  EXPECT_TRUE((*records)[3].other_case);  // C2: named, never looked up
  EXPECT_TRUE((*records)[3].text.empty());
  EXPECT_EQ((*records)[3].kind, CitedRecord::Kind::kOther);
}

TEST_F(ReportDataTest, LinkGraphIsTheCaseAndColoursFlaggedAccounts) {
  indicators::Finding f;
  f.kind = "secrecy";
  f.severity = indicators::Severity::kMedium;
  f.accounts = {graph::testing::kOperative};
  auto g = GatherLinkGraph(*ws_, *ws_->db().QueryInt("SELECT id FROM cases WHERE code='C1'"), {f});
  ASSERT_TRUE(g.ok()) << g.error().ToString();
  std::vector<std::string> refs;
  for (const auto& n : g->nodes) refs.push_back(n.ref);
  EXPECT_EQ(refs, (std::vector<std::string>{"telegram:user100", "telegram:user101", "telegram:user200"}));
  EXPECT_EQ(g->nodes[0].subject, "S1");
  EXPECT_EQ(g->nodes[2].severity, 2);
  EXPECT_EQ(g->nodes[1].severity, 0);
  ASSERT_EQ(g->edges.size(), 2u);  // two private chats; the broadcast channel is no tie
  for (const auto& e : g->edges) EXPECT_TRUE(e.direct);
  // C3: the group ties S3 to its co-members, dashed.
  auto g3 = GatherLinkGraph(*ws_, *ws_->db().QueryInt("SELECT id FROM cases WHERE code='C3'"), {});
  ASSERT_TRUE(g3.ok());
  EXPECT_EQ(g3->nodes.size(), 3u);
  ASSERT_EQ(g3->edges.size(), 2u);
  for (const auto& e : g3->edges) EXPECT_FALSE(e.direct);
}

TEST_F(ReportDataTest, CrossCaseNamesOtherCasesAndCitesOnlyThisOne) {
  auto links = GatherCrossCase(*ws_, "C1");
  ASSERT_TRUE(links.ok()) << links.error().ToString();
  const CrossCaseLink* operative = nullptr;
  for (const auto& l : *links) {
    if (l.kind == "account" && l.value == graph::testing::kOperative) operative = &l;
    ASSERT_FALSE(l.citations.empty()) << l.value;
    for (const auto& c : l.citations) EXPECT_EQ(c.case_code, "C1") << l.value;
    for (const auto& other : l.other_cases) EXPECT_NE(other, "C1");
  }
  ASSERT_NE(operative, nullptr);
  EXPECT_EQ(operative->other_cases, (std::vector<std::string>{"C2", "C3"}));
  // The person (user200 + its WhatsApp phone, only in C2) shows only the account C1 holds.
  for (const auto& l : *links) {
    if (l.kind != "person") continue;
    for (const auto& ref : l.accounts) EXPECT_NE(ref, graph::testing::kOperativeWhatsApp);
  }
  EXPECT_FALSE(GatherCrossCase(*ws_, "C9").ok());
}

TEST_F(ReportDataTest, WritingAReportChangesNothingInTheWorkspace) {
  const int64_t audit = Int("SELECT COUNT(*) FROM audit_log");
  const int before = sqlite3_total_changes(ws_->db().raw());
  ReportRequest request{"C1", dir_ + "/r.html", "tester"};
  auto summary = WriteHtmlReport(*ws_, request);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(sqlite3_total_changes(ws_->db().raw()), before);
  EXPECT_EQ(Int("SELECT COUNT(*) FROM audit_log"), audit);
  EXPECT_EQ(summary->path, dir_ + "/r.html");
  EXPECT_EQ(summary->bytes, static_cast<int64_t>(std::filesystem::file_size(dir_ + "/r.html")));
  EXPECT_GE(summary->cited_messages, 1);
  auto unknown = WriteHtmlReport(*ws_, {"C9", dir_ + "/r9.html", "tester"});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind(), ErrorKind::kNotFound);
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/r9.html"));
  EXPECT_FALSE(WriteHtmlReport(*ws_, {"C1", "", "tester"}).ok());
}

}  // namespace
}  // namespace casegraph::report
