// Shared by the graph tests: a fresh workspace in a temp folder, tiny hand-written exports in
// real formats (synthetic people) ingested through the store's ingest API from an in-memory
// file system, and small query helpers.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "graph/refresh.h"
#include "store/ingest_exhibit.h"
#include "store/workspace.h"
#include "testutil/testutil.h"

namespace casegraph::graph::testing {

class GraphTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = casegraph::testing::MakeTempDir("cg-graph");
    auto ws = store::Workspace::Open(dir_ + "/w.db", true);
    ASSERT_TRUE(ws.ok());
    ws_ = std::move(*ws);
  }

  void AddCase(const std::string& code) { ASSERT_TRUE(ws_->AddCase(code, "", "t").ok()); }
  void AddSubject(const std::string& case_code, const std::string& label) {
    ASSERT_TRUE(ws_->AddSubject(case_code, label, "2010", "victim", "t").ok());
  }

  // Ingests `content` as file `path` (in memory) and refreshes; fails the test on error.
  store::IngestOutcome Ingest(const std::string& case_code, const std::string& path, const std::string& content,
                              const std::string& owner = "", const std::string& tz = "") {
    fs_.Add(path, content);
    store::IngestRequest req;
    req.case_code = case_code;
    req.path = path;
    req.owner_subject = owner;
    req.fs = &fs_;
    req.examiner = "t";
    req.options.region = "TR";
    req.options.tz = tz;
    req.options.instance = "default";
    store::IngestOutcome o = store::IngestExhibit(*ws_, req);
    EXPECT_EQ(o.status, "ingested") << path << ": " << (o.error ? o.error->ToString() : "");
    Status s = Refresh(*ws_);
    EXPECT_TRUE(s.ok()) << s.error().ToString();
    return o;
  }

  int64_t Int(const std::string& sql) {
    auto v = ws_->db().QueryInt(sql);
    EXPECT_TRUE(v.ok()) << sql;
    return v.ok() ? *v : -1;
  }

  // The rows of a query, each as its columns joined by '|' (NULL as "-").
  std::vector<std::string> Rows(const std::string& sql) {
    std::vector<std::string> out;
    sqlite3_stmt* stmt = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(ws_->db().raw(), sql.c_str(), -1, &stmt, nullptr), SQLITE_OK) << sql;
    while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
      std::string line;
      for (int c = 0; c < sqlite3_column_count(stmt); ++c) {
        if (c) line += '|';
        const unsigned char* text = sqlite3_column_text(stmt, c);
        line += text == nullptr ? std::string("-") : std::string(reinterpret_cast<const char*>(text));
      }
      out.push_back(line);
    }
    sqlite3_finalize(stmt);
    return out;
  }

  int64_t AccountId(const std::string& ref) { return Int("SELECT COALESCE((SELECT id FROM accounts WHERE ref='" + ref + "'),0)"); }

  std::string dir_;
  casegraph::testing::MemFileSystem fs_;
  std::unique_ptr<store::Workspace> ws_;
};

}  // namespace casegraph::graph::testing
