// Shared by the content indicator tests (known_content, secrecy, rule_groups): a workspace in a
// temp folder, small Telegram Desktop exports (synthetic people, neutral placeholder text) with
// attached files written by the test, hash sets, rules files and scanned folders, all through
// the store's own ingest / hashset / scan APIs and graph::Refresh (never filling derived
// tables by hand), and a check that every citation a finding carries resolves.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/time_util.h"
#include "graph/citation_source.h"
#include "graph/refresh.h"
#include "hashing/digest.h"
#include "indicators/content_indicators.h"
#include "rules/rules_file.h"
#include "store/hashset_store.h"
#include "store/ingest_exhibit.h"
#include "store/scan_exhibit.h"
#include "store/workspace.h"
#include "testutil/testutil.h"

namespace casegraph::indicators::testing {

// 2024-05-01T12:00:00Z: S1 (born 2010) is a minor, S2 (born 1990) is not.
inline constexpr int64_t kT0 = 1714564800;

struct Msg {
  Msg(int64_t id_in, int64_t at_in, std::string from, std::string text_in, std::string file_in = "")
      : id(id_in), at(at_in), from_id(std::move(from)), text(std::move(text_in)), file(std::move(file_in)) {}
  int64_t id = 0;
  int64_t at = kT0;
  std::string from_id;  // "user200"
  std::string text;
  std::string file;     // "files/x.bin" or ""
};

inline std::string TelegramMessage(const Msg& m) {
  std::string date = FormatUtc(m.at);
  date.pop_back();  // the export's local time; date_unixtime is the instant
  std::string out = R"({"id": )" + std::to_string(m.id) + R"(, "type": "message", "date": ")" + date +
                    R"(", "date_unixtime": ")" + std::to_string(m.at) + R"(", "from": "Person )" + m.from_id +
                    R"(", "from_id": ")" + m.from_id + R"(", "text": ")" + m.text + R"(")";
  if (!m.file.empty()) {
    out += R"(, "file": ")" + m.file + R"(", "file_name": ")" + m.file.substr(m.file.rfind('/') + 1) +
           R"(", "mime_type": "application/octet-stream")";
  }
  return out + "}";
}

inline std::string TelegramChat(const std::string& type, int64_t id, const std::vector<Msg>& messages) {
  std::string out = R"({"name": "Chat )" + std::to_string(id) + R"(", "type": ")" + type + R"(", "id": )" +
                    std::to_string(id) + R"(, "messages": [)";
  for (size_t i = 0; i < messages.size(); ++i) out += (i ? ", " : "") + TelegramMessage(messages[i]);
  return out + "]}";
}

// A full account export of user<owner_id> with these chats (JSON objects from TelegramChat).
inline std::string TelegramAccount(int64_t owner_id, const std::vector<std::string>& chats) {
  std::string out = R"({"personal_information": {"user_id": )" + std::to_string(owner_id) +
                    R"(, "first_name": "Owner", "last_name": "Test", "phone_number": "", "username": "", "bio": ""},
 "contacts": {"about": "x", "list": []}, "chats": {"about": "x", "list": [)";
  for (size_t i = 0; i < chats.size(); ++i) out += (i ? ", " : "") + chats[i];
  return out + "]}}";
}

class ContentWorld : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = casegraph::testing::MakeTempDir("cg-content");
    auto ws = store::Workspace::Open(dir_ + "/w.db", true);
    ASSERT_TRUE(ws.ok()) << ws.error().ToString();
    ws_ = std::move(*ws);
    ASSERT_TRUE(ws_->AddCase("C1", "", "t").ok());
    ASSERT_TRUE(ws_->AddSubject("C1", "S1", "2010", "victim", "t").ok());
    ASSERT_TRUE(ws_->AddSubject("C1", "S2", "1990", "witness", "t").ok());
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // Writes an export folder: result.json and the attached files (relative path -> bytes).
  std::string WriteExport(const std::string& name, const std::string& result_json,
                          const std::vector<std::pair<std::string, std::string>>& files = {}) {
    const std::string root = dir_ + "/" + name;
    std::filesystem::create_directories(root);
    casegraph::testing::WriteFile(root + "/result.json", result_json);
    for (const auto& [rel, bytes] : files) {
      std::filesystem::create_directories(std::filesystem::path(root + "/" + rel).parent_path());
      casegraph::testing::WriteFile(root + "/" + rel, bytes);
    }
    return root;
  }

  std::string WriteRules(const std::string& toml) {
    const std::string path = dir_ + "/rules-" + std::to_string(++rules_files_) + ".toml";
    casegraph::testing::WriteFile(path, toml);
    return path;
  }

  // Ingests an export folder (with `rules_path` when given) and refreshes the link tables.
  void Ingest(const std::string& folder, const std::string& owner_subject, const std::string& rules_path = "") {
    std::optional<rules::RuleSet> rules;
    if (!rules_path.empty()) {
      auto loaded = rules::RuleSet::Load(RealFileSystem(), rules_path);
      ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
      rules = std::move(*loaded);
    }
    store::IngestRequest req;
    req.case_code = "C1";
    req.path = folder;
    req.owner_subject = owner_subject;
    req.examiner = "t";
    req.options.region = "TR";
    req.options.instance = "default";
    req.rules = rules ? &*rules : nullptr;
    store::IngestOutcome o = store::IngestExhibit(*ws_, req);
    ASSERT_EQ(o.status, "ingested") << folder << ": " << (o.error ? o.error->ToString() : "");
    Status s = graph::Refresh(*ws_);
    ASSERT_TRUE(s.ok()) << s.error().ToString();
  }

  // Scans a folder as a seized device of `owner_subject` ("" = no owner).
  void Scan(const std::string& folder, const std::string& owner_subject, const std::string& rules_path = "") {
    std::optional<rules::RuleSet> rules;
    if (!rules_path.empty()) {
      auto loaded = rules::RuleSet::Load(RealFileSystem(), rules_path);
      ASSERT_TRUE(loaded.ok()) << loaded.error().ToString();
      rules = std::move(*loaded);
    }
    store::ScanRequest req;
    req.case_code = "C1";
    req.path = folder;
    req.owner_subject = owner_subject;
    req.examiner = "t";
    req.rules = rules ? &*rules : nullptr;
    req.workers = 1;
    store::ScanOutcome o = store::ScanExhibit(*ws_, req);
    ASSERT_EQ(o.status, "scanned") << folder << ": " << (o.error ? o.error->ToString() : "");
    Status s = graph::Refresh(*ws_);
    ASSERT_TRUE(s.ok()) << s.error().ToString();
  }

  // A hash set (sha256sum format) listing these file contents; matched against stored files.
  void ImportSet(const std::string& name, const std::string& kind, const std::vector<std::string>& contents) {
    std::string text;
    for (const auto& c : contents) text += hashing::Sha256Hex(c) + "  " + name + ".bin\n";
    const std::string path = dir_ + "/" + name + ".sha256";
    casegraph::testing::WriteFile(path, text);
    store::HashSetImportRequest req;
    req.name = name;
    req.kind = kind;
    req.path = path;
    req.examiner = "t";
    auto out = store::ImportHashSet(*ws_, req);
    ASSERT_TRUE(out.ok()) << out.error().ToString();
  }

  // Runs one indicator over `cases` (empty: all) and checks that every citation resolves.
  std::vector<Finding> Run(const Indicator& indicator, std::vector<std::string> cases = {}) {
    auto cite = graph::CitationSource::Load(*ws_);
    EXPECT_TRUE(cite.ok());
    if (!cite.ok()) return {};
    IndicatorContext ctx{*ws_, *cite, std::move(cases), nullptr};
    auto found = indicator.Find(ctx);
    EXPECT_TRUE(found.ok()) << found.error().ToString();
    if (!found.ok()) return {};
    for (const Finding& f : *found) {
      EXPECT_EQ(f.kind, indicator.kind());
      EXPECT_FALSE(f.summary.empty());
      EXPECT_FALSE(f.explanation.empty());
      EXPECT_FALSE(f.citations.empty()) << f.summary;
      EXPECT_LE(f.citations.size(), 20u);
      EXPECT_GE(f.total_citations, static_cast<int64_t>(f.citations.size()));
      if (f.severity != Severity::kLow) {
        EXPECT_FALSE(f.severity_basis.empty()) << f.summary;
      }
      for (const model::Citation& c : f.citations) EXPECT_TRUE(Resolves(c)) << c.ToText() << " in " << f.summary;
    }
    return std::move(*found);
  }

  // The cited exhibit exists in the case with this hash, and the locator names one of its
  // messages, scanned entries or manifest files (what `casegraph show` answers).
  bool Resolves(const model::Citation& c) {
    auto stmt = ws_->db().Prepare(
        "SELECT (SELECT COUNT(*) FROM messages m WHERE m.exhibit_id = e.id AND m.locator = ?4) + "
        "(SELECT COUNT(*) FROM scan_files s WHERE s.exhibit_id = e.id AND s.locator = ?4) + "
        "(SELECT COUNT(*) FROM exhibit_manifest f WHERE f.exhibit_id = e.id AND f.rel_path = ?4) "
        "FROM exhibits e JOIN cases k ON k.id = e.case_id WHERE k.code = ?1 AND e.label = ?2 AND e.sha256 = ?3");
    if (!stmt.ok()) return false;
    stmt->Bind(1, c.case_code).Bind(2, c.exhibit).Bind(3, c.sha256).Bind(4, c.locator);
    auto row = stmt->Step();
    return row.ok() && *row && stmt->Int(0) > 0;
  }

  std::string dir_;
  std::unique_ptr<store::Workspace> ws_;
  int rules_files_ = 0;
};

// The findings about one subject.
inline std::vector<Finding> Of(const std::vector<Finding>& all, const std::string& subject) {
  std::vector<Finding> out;
  for (const Finding& f : all) {
    if (f.subject == subject) out.push_back(f);
  }
  return out;
}

}  // namespace casegraph::indicators::testing
