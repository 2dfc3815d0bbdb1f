// End-to-end: `search --json` lists document text of files beside messages, each hit with its
// kind, and a file hit with path, digest, MIME type, extractor and a citation `show` accepts.
#include <gtest/gtest.h>
#include <simdjson.h>

#include "store/file_texts.h"
#include "store/workspace.h"
#include "testutil/testutil.h"

namespace casegraph {
namespace {

using testing::RunCli;

TEST(SearchFilesCliTest, FileHitsInJsonWithKindAndCitation) {
  const std::string dir = testing::MakeTempDir("cg-cli-files");
  const std::string db_path = dir + "/w.db";
  const std::string ws = "-w '" + db_path + "'";
  ASSERT_EQ(RunCli(ws + " case add CASE-1 --title 'files'").exit_code, 0);
  {
    auto w = store::Workspace::Open(db_path, false);
    ASSERT_TRUE(w.ok());
    store::Db& db = (*w)->db();
    ASSERT_TRUE(
        db.Exec(
              "INSERT INTO exhibits(case_id, label, path, is_folder, size_bytes, sha256, format, "
              "importer, "
              "importer_version, examiner, ingested_at) VALUES(1, 'laptop', '/e/laptop', 1, 1, '" +
              std::string(64, 'a') + "', 'folder', 'scan', '1', 't', 'now')")
            .ok());
    ASSERT_TRUE(
        db.Exec("INSERT INTO files(id, sha256, sha1, md5, size_bytes, mime_type) VALUES(1, '" +
                std::string(64, 'b') + "', 's', 'm', 9, 'application/pdf')")
            .ok());
    ASSERT_TRUE(
        db.Exec("INSERT INTO scan_files(exhibit_id, path, file_type, file_id, status, locator) "
                "VALUES(1, 'Documents/plan.pdf', 'file', 1, 'read', 'Documents/plan.pdf')")
            .ok());
    extract::DocumentText text{"pdf", "Kitap kulübü saldırı oyunu\fİkinci sayfa", false};
    ASSERT_TRUE(store::StoreFileText(db, 1, text).ok());
  }
  testing::CliRun search = RunCli(ws + " search SALDIRI --case CASE-1 --json");
  ASSERT_EQ(search.exit_code, 0) << search.out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(search.out).get(doc), simdjson::SUCCESS) << search.out;
  EXPECT_EQ(int64_t(doc["total"]), 1);
  simdjson::dom::element hit = doc["hits"].at(0);
  EXPECT_EQ(std::string_view(hit["kind"]), "file");
  EXPECT_EQ(std::string_view(hit["path"]), "Documents/plan.pdf");
  EXPECT_EQ(std::string_view(hit["file_sha256"]), std::string(64, 'b'));
  EXPECT_EQ(std::string_view(hit["mime_type"]), "application/pdf");
  EXPECT_EQ(std::string_view(hit["extractor"]), "pdf");
  EXPECT_TRUE(hit["sender"].is_null());
  EXPECT_TRUE(hit["text"].is_null());
  EXPECT_NE(std::string_view(hit["snippet"]).find("[saldırı]"), std::string_view::npos);
  EXPECT_EQ(std::string_view(hit["citation"]["exhibit"]), "laptop");
  EXPECT_EQ(std::string_view(hit["citation"]["locator"]), "Documents/plan.pdf");

  testing::CliRun plain = RunCli(ws + " search saldiri");
  ASSERT_EQ(plain.exit_code, 0);
  EXPECT_NE(plain.out.find("file  Documents/plan.pdf (pdf)"), std::string::npos) << plain.out;

  // Twice the same answer, byte for byte.
  EXPECT_EQ(RunCli(ws + " search SALDIRI --case CASE-1 --json").out, search.out);
}

}  // namespace
}  // namespace casegraph
