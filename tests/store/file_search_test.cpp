// Search over document text of files: hits say kind "file", carry the file's path, digest,
// MIME type and extractor, and cite one place the file sits in the --case scope (a scanned
// file's row, else the message that carried it). The scan command is not needed: rows are
// written here as the scan and ingest write them.
#include <gtest/gtest.h>

#include "store/file_texts.h"
#include "store/queries.h"
#include "store/workspace.h"
#include "testutil/testutil.h"

namespace casegraph::store {
namespace {

const std::string kDocSha = std::string(64, 'd');

class FileSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ws = Workspace::Open(testing::MakeTempDir("cg-filesearch") + "/w.db", true);
    ASSERT_TRUE(ws.ok()) << ws.error().ToString();
    ws_ = std::move(*ws);
    for (const char* code : {"C1", "C2", "C3"}) ASSERT_TRUE(ws_->AddCase(code, "", "t").ok());
    // Exhibits 1 and 2: scanned disks of C1; exhibit 3: a chat export of C2.
    Exec(
        "INSERT INTO exhibits(id, case_id, label, path, is_folder, size_bytes, sha256, format, "
        "importer, "
        "importer_version, examiner, ingested_at) VALUES"
        "(1, 1, 'disk-1', '/e/disk1.dd', 0, 1, '" +
        std::string(64, '1') +
        "', 'raw-image', 'scan', '1', 't', 'now'),"
        "(2, 1, 'disk-2', '/e/folder', 1, 1, '" +
        std::string(64, '2') +
        "', 'folder', 'scan', '1', 't', 'now'),"
        "(3, 2, 'phone', '/e/chat', 1, 1, '" +
        std::string(64, '3') + "', 'telegram-json', 'telegram-json', '1', 't', 'now')");
    Exec(
        "INSERT INTO messages(id, exhibit_id, kind, text, locator) VALUES"
        "(1, 3, 'message', 'the tomatoes are in the shared folder', '/messages/0'),"
        "(2, 3, 'message', 'see the attached minutes', '/messages/1')");
    Exec("INSERT INTO messages_fts(rowid, text) SELECT id, text FROM messages");
    Exec("UPDATE exhibits SET first_message_id = 1, last_message_id = 2 WHERE id = 3");
    Exec(
        "INSERT INTO files(id, sha256, sha1, md5, size_bytes, mime_type) VALUES"
        "(1, '" +
        kDocSha +
        "', 's1', 'm1', 100, "
        "'application/vnd.openxmlformats-officedocument.wordprocessingml.document'),"
        "(2, '" +
        std::string(64, 'e') +
        "', 's2', 'm2', 50, NULL),"
        "(3, '" +
        std::string(64, 'f') + "', 's3', 'm3', 10, 'text/plain')");
    // File 1 sits twice on disk-2 and once on disk-1; the citation is disk-1's row (first exhibit).
    Exec(
        "INSERT INTO scan_files(exhibit_id, path, file_type, size_bytes, file_id, status, locator) "
        "VALUES"
        "(2, 'a/copy.docx', 'file', 100, 1, 'read', 'a/copy.docx'),"
        "(2, 'b/copy.docx', 'file', 100, 1, 'read', 'b/copy.docx'),"
        "(1, 'Users/x/report.docx', 'file', 100, 1, 'read', 'offset 1048576 inode 12 "
        "Users/x/report.docx')");
    // File 2 was sent in C2's chat; file 3 sits nowhere (no place: never listed).
    Exec(
        "INSERT INTO attachments(message_id, exhibit_id, kind, declared_path, file_name, "
        "mime_type, status, file_id, "
        "locator) VALUES(2, 3, 'file', 'files/minutes.html', 'minutes.html', 'text/html', "
        "'present', 2, '/messages/1/file')");
    Store(1, "docx",
          "Garden club minutes: the tomatoes ripened early.\n"
          "Satranç kulübünde saldırı ve savunma açılışları çalışıldı.\n");
    Store(2, "html", "Minutes of the tomatoes meeting\n");
    Store(3, "text", "tomatoes nowhere in scope\n");
  }
  void Exec(const std::string& sql) {
    ASSERT_TRUE(ws_->db().Exec(sql).ok()) << ws_->db().LastError() << "\n" << sql;
  }
  void Store(int64_t file_id, const std::string& extractor, const std::string& text) {
    extract::DocumentText t;
    t.extractor = extractor;
    t.text = text;
    ASSERT_TRUE(StoreFileText(ws_->db(), file_id, t).ok());
  }
  SearchResult Find(const std::string& query, const std::string& case_code = "", int limit = 20,
                    bool rank = false) {
    auto r = Search(*ws_, query, case_code, limit, rank);
    EXPECT_TRUE(r.ok()) << r.error().ToString();
    return r.ok() ? *r : SearchResult{};
  }
  std::unique_ptr<Workspace> ws_;
};

TEST_F(FileSearchTest, DocumentWordIsAFileHitWithItsPlaceCited) {
  const SearchResult r = Find("ripened");
  ASSERT_EQ(r.total, 1);
  ASSERT_EQ(r.hits.size(), 1u);
  const SearchHit& h = r.hits[0];
  EXPECT_EQ(h.kind, "file");
  EXPECT_EQ(h.path, "Users/x/report.docx");
  EXPECT_EQ(h.file_sha256, kDocSha);
  EXPECT_EQ(h.mime_type, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(h.extractor, "docx");
  EXPECT_NE(h.snippet.find("[ripened]"), std::string::npos) << h.snippet;
  EXPECT_EQ(h.case_code, "C1");
  EXPECT_EQ(h.exhibit, "disk-1");
  EXPECT_EQ(h.citation.case_code, "C1");
  EXPECT_EQ(h.citation.exhibit, "disk-1");
  EXPECT_EQ(h.citation.sha256, std::string(64, '1'));
  EXPECT_EQ(h.citation.locator, "offset 1048576 inode 12 Users/x/report.docx");
  EXPECT_TRUE(h.sender.empty());
  EXPECT_TRUE(h.conversation.empty());
}

TEST_F(FileSearchTest, TurkishFoldingFindsDocumentText) {
  const std::pair<const char*, const char*> cases[] = {
      {"SALDIRI", "[saldırı]"},
      {"saldiri", "[saldırı]"},
      {"SATRANÇ kulübü*", "[Satranç] [kulübünde]"},
      {"\"saldırı ve savunma\"", "[saldırı ve savunma]"}};
  for (const auto& [query, marked] : cases) {
    const SearchResult r = Find(query);
    ASSERT_EQ(r.total, 1) << query;
    EXPECT_EQ(r.hits[0].kind, "file") << query;
    EXPECT_NE(r.hits[0].snippet.find(marked), std::string::npos)
        << query << ": " << r.hits[0].snippet;
  }
  EXPECT_EQ(Find("saldırgan").total, 0);
}

TEST_F(FileSearchTest, CaseScopeFiltersFilesAndPicksAPlaceInside) {
  // C1 sees file 1 through its scans; C2 sees file 2 through the chat; C3 sees nothing.
  SearchResult c1 = Find("tomatoes", "C1");
  ASSERT_EQ(c1.total, 1);
  EXPECT_EQ(c1.hits[0].path, "Users/x/report.docx");

  SearchResult c2 = Find("tomatoes", "C2");
  ASSERT_EQ(c2.total, 2);  // the message and the attached document
  ASSERT_EQ(c2.hits.size(), 2u);
  EXPECT_EQ(c2.hits[0].kind, "message");
  EXPECT_EQ(c2.hits[0].citation.locator, "/messages/0");
  const SearchHit& attached = c2.hits[1];
  EXPECT_EQ(attached.kind, "file");
  EXPECT_EQ(attached.path, "files/minutes.html");
  EXPECT_EQ(attached.mime_type, "text/html");  // from the attachment: the files row has none
  EXPECT_EQ(attached.extractor, "html");
  EXPECT_EQ(attached.citation.exhibit, "phone");
  EXPECT_EQ(attached.citation.locator, "/messages/1");  // the message that carried it

  EXPECT_EQ(Find("tomatoes", "C3").total, 0);
  EXPECT_FALSE(Search(*ws_, "tomatoes", "NO-SUCH-CASE", 20).ok());
}

TEST_F(FileSearchTest, MessagesFirstThenFilesByPathAndLimitOnTheMergedList) {
  const SearchResult all = Find("tomatoes");
  ASSERT_EQ(all.total, 3);  // message 1, file 1 (C1), file 2 (C2); file 3 has no place
  ASSERT_EQ(all.hits.size(), 3u);
  EXPECT_EQ(all.hits[0].kind, "message");
  EXPECT_EQ(all.hits[1].path, "Users/x/report.docx");  // "U" < "f" in byte order
  EXPECT_EQ(all.hits[2].path, "files/minutes.html");

  const SearchResult one = Find("tomatoes", "", 1);
  EXPECT_EQ(one.total, 3);
  ASSERT_EQ(one.hits.size(), 1u);
  EXPECT_EQ(one.hits[0].kind, "message");
  const SearchResult two = Find("tomatoes", "", 2);
  ASSERT_EQ(two.hits.size(), 2u);
  EXPECT_EQ(two.hits[1].kind, "file");

  const SearchResult ranked = Find("tomatoes", "", 20, /*rank=*/true);
  EXPECT_EQ(ranked.total, 3);
  EXPECT_EQ(ranked.hits.size(), 3u);
  const SearchResult ranked_again = Find("tomatoes", "", 20, /*rank=*/true);
  ASSERT_EQ(ranked_again.hits.size(), 3u);
  for (size_t i = 0; i < 3; ++i)
    EXPECT_EQ(ranked.hits[i].citation.locator, ranked_again.hits[i].citation.locator);
}

TEST_F(FileSearchTest, StoringTheSameTextTwiceIndexesItOnce) {
  Store(1, "docx", "different text that must not replace the first");
  EXPECT_EQ(*ws_->db().QueryInt("SELECT COUNT(*) FROM file_texts WHERE file_id = 1"), 1);
  EXPECT_EQ(Find("ripened").total, 1);
  EXPECT_EQ(Find("replace").total, 0);
  EXPECT_EQ(*ws_->db().QueryInt(
                "SELECT COUNT(*) FROM file_texts_fts WHERE file_texts_fts MATCH 'ripened'"),
            1);
  // The external-content index agrees with its table.
  EXPECT_TRUE(
      ws_->db()
          .Exec("INSERT INTO file_texts_fts(file_texts_fts, rank) VALUES('integrity-check', 1)")
          .ok())
      << ws_->db().LastError();
}

}  // namespace
}  // namespace casegraph::store
