// Golden end-to-end tests: each tests/golden/<platform>/*.expect names a real export (from
// ../shared/fixtures, or the repository's own tests/fixtures) and lists hand-written
// expectations. The runner ingests the fixture into a fresh workspace through the same code
// the CLI uses, then checks each line. Expectations are written by reading the fixture, never
// generated from this code. Directives, one per line ('#' starts a comment):
//   fixture shared:REL | repo:REL      the exhibit (a file or an export folder)
//   option tz ZONE | region XX | instance NAME | date-order dmy | format NAME | mapping REPO-REL
//                                      ingest options (mapping: a file under tests/fixtures)
//   status ingested|failed             and: error-contains TEXT
//   count messages|accounts|conversations|attachments|identifiers N   (stats of the case)
//   account REF                        the account was seen in this exhibit
//   name REF TEXT                      one of the account's display names
//   identifier KIND VALUE              an identifier occurrence exists
//   (a LOCATOR with spaces is written in double quotes: "line 12")
//   message LOCATOR FIELD VALUE        FIELD: text, sent_at, sender, kind, source_id, offset, reply_to,
//                                      thread_root, action, forwarded_from, deleted (0/1), edits (count),
//                                      reactions (count), attachments (count)
//   attachment LOCATOR STATUS          the attachment at LOCATOR has that status
//   search QUERY N                     total hits
//   show LOCATOR TEXT                  the source record at LOCATOR contains TEXT
#include <dirent.h>
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "base/time_util.h"
#include "ingest/registry.h"
#include "ingest/source.h"
#include "store/ingest_exhibit.h"
#include "store/queries.h"
#include "testutil/testutil.h"

namespace casegraph {
namespace {

std::vector<std::string> ExpectFiles() {
  std::vector<std::string> out;
  std::vector<std::string> platforms;
  if (DIR* root = opendir(CASEGRAPH_GOLDEN_DIR)) {
    while (dirent* e = readdir(root)) {
      if (e->d_name[0] != '.' && e->d_type == DT_DIR) platforms.push_back(e->d_name);
    }
    closedir(root);
  }
  for (const auto& platform : platforms) {
    std::string dir = std::string(CASEGRAPH_GOLDEN_DIR) + "/" + platform;
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) continue;
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 7 && name.substr(name.size() - 7) == ".expect") out.push_back(dir + "/" + name);
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// "word rest of line" -> ("word", "rest of line")
std::pair<std::string, std::string> Split(const std::string& line) {
  size_t sp = line.find(' ');
  if (sp == std::string::npos) return {line, ""};
  return {line.substr(0, sp), line.substr(sp + 1)};
}

// A LOCATOR then the rest: text locators hold a space ("line 12", "_chat.txt:line 12"), so a
// first word "line" or ending in ":line" takes the next word too; a "quoted locator" also works.
std::pair<std::string, std::string> SplitLocator(const std::string& rest) {
  if (!rest.empty() && rest[0] == '"') {
    const size_t close = rest.find('"', 1);
    if (close != std::string::npos) {
      return {rest.substr(1, close - 1), close + 2 <= rest.size() ? rest.substr(close + 2) : ""};
    }
  }
  auto [first, tail] = Split(rest);
  if (first == "line" || (first.size() > 5 && first.substr(first.size() - 5) == ":line")) {
    auto [number, after] = Split(tail);
    return {first + " " + number, after};
  }
  return {first, tail};
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, Expectations) {
  std::ifstream in(GetParam());
  ASSERT_TRUE(in) << GetParam();
  std::vector<std::pair<int, std::string>> lines;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    lines.push_back({n, line});
  }
  store::IngestRequest req;
  req.case_code = "GOLDEN";
  req.options.region = "TR";
  for (const auto& [n, l] : lines) {
    auto [verb, rest] = Split(l);
    if (verb == "fixture") {
      if (rest.rfind("shared:", 0) == 0) {
        req.path = testing::SharedFixture(rest.substr(7));
        if (req.path.empty()) {
          if (testing::SharedRequired()) FAIL() << "missing shared fixture " << rest;
          GTEST_SKIP() << "../shared/fixtures not present: " << rest;
        }
      } else {
        req.path = testing::RepoFixture(rest.substr(5));
      }
    } else if (verb == "option") {
      auto [key, value] = Split(rest);
      if (key == "tz") req.options.tz = value;
      if (key == "region") req.options.region = value;
      if (key == "instance") req.options.instance = value;
      if (key == "date-order") req.options.date_order = value;
      if (key == "format") req.format = value;
      if (key == "owner") req.owner_subject = value;
      if (key == "mapping") {
        req.options.mapping_path = testing::RepoFixture(value);
        std::ifstream m(req.options.mapping_path);
        ASSERT_TRUE(m) << req.options.mapping_path;
        std::stringstream text;
        text << m.rdbuf();
        req.options.mapping_text = text.str();
      }
    }
  }
  ASSERT_FALSE(req.path.empty()) << GetParam() << ": no fixture line";
  auto ws = store::Workspace::Open(testing::MakeTempDir("cg-golden") + "/w.db", true);
  ASSERT_TRUE(ws.ok());
  ASSERT_TRUE((*ws)->AddCase("GOLDEN", "", "golden").ok());
  if (!req.owner_subject.empty()) {
    ASSERT_TRUE((*ws)->AddSubject("GOLDEN", req.owner_subject, "", "subject", "golden").ok());
  }
  store::IngestOutcome o = store::IngestExhibit(**ws, req);
  auto& db = (*ws)->db();

  auto message_field = [&](const std::string& locator, const std::string& field) -> std::optional<std::string> {
    static const std::map<std::string, std::string> kColumns = {
        {"text", "m.text"}, {"kind", "m.kind"}, {"source_id", "COALESCE(m.source_id,'')"},
        {"sender", "COALESCE(a.ref,'')"}, {"offset", "COALESCE(m.utc_offset_seconds,'')"},
        {"reply_to", "COALESCE(m.reply_to,'')"}, {"thread_root", "COALESCE(m.thread_root,'')"},
        {"action", "COALESCE(m.action,'')"}, {"forwarded_from", "COALESCE(m.forwarded_from,'')"},
        {"deleted", "m.deleted"}, {"edits", "COALESCE(json_array_length(m.edits),0)"},
        {"reactions", "COALESCE(json_array_length(m.reactions),0)"}, {"attachments", "(SELECT COUNT(*) FROM attachments t WHERE t.message_id=m.id)"},
        {"sent_at", "m.sent_at_utc"}};
    auto it = kColumns.find(field);
    if (it == kColumns.end()) return "unknown field " + field;
    const std::string& col = it->second;
    auto stmt = db.Prepare("SELECT " + col + " FROM messages m LEFT JOIN accounts a ON a.id=m.sender_account_id WHERE m.locator=?");
    if (!stmt) return std::nullopt;
    stmt->Bind(1, locator);
    if (!*stmt->Step()) return std::nullopt;
    if (field == "sent_at") return stmt->IsNull(0) ? std::string("-") : FormatUtc(stmt->Int(0));
    return stmt->Text(0);
  };

  for (const auto& [n, l] : lines) {
    SCOPED_TRACE(GetParam() + ":" + std::to_string(n) + ": " + l);
    auto [verb, rest] = Split(l);
    if (verb == "status") {
      EXPECT_EQ(o.status, rest) << (o.error ? o.error->ToString() : "");
    } else if (verb == "error-contains") {
      ASSERT_TRUE(o.error.has_value());
      EXPECT_NE(o.error->ToString().find(rest), std::string::npos) << o.error->ToString();
    } else if (verb == "count") {
      auto [what, value] = Split(rest);
      auto stats = store::QueryStats(**ws);
      ASSERT_TRUE(stats.ok());
      ASSERT_EQ(stats->size(), 1u);
      const auto& s = (*stats)[0];
      int64_t got = what == "messages" ? s.messages : what == "accounts" ? s.accounts : what == "conversations" ? s.conversations
                    : what == "attachments" ? s.attachments : what == "identifiers" ? s.identifiers : -1;
      EXPECT_EQ(got, std::stoll(value)) << what;
    } else if (verb == "account") {
      auto stmt = db.Prepare("SELECT COUNT(*) FROM accounts a JOIN exhibit_accounts ea ON ea.account_id=a.id WHERE a.ref=?");
      stmt->Bind(1, rest);
      ASSERT_TRUE(*stmt->Step());
      EXPECT_EQ(stmt->Int(0), 1) << rest;
    } else if (verb == "name") {
      auto [ref, name] = Split(rest);
      auto stmt = db.Prepare("SELECT COUNT(*) FROM account_attributes aa JOIN accounts a ON a.id=aa.account_id WHERE a.ref=? AND aa.kind='display_name' AND aa.value=?");
      stmt->Bind(1, ref).Bind(2, name);
      ASSERT_TRUE(*stmt->Step());
      EXPECT_EQ(stmt->Int(0), 1) << ref << " " << name;
    } else if (verb == "identifier") {
      auto [kind, value] = Split(rest);
      auto stmt = db.Prepare("SELECT COUNT(*) FROM identifier_occurrences o JOIN identifiers i ON i.id=o.identifier_id WHERE i.kind=? AND i.value=?");
      stmt->Bind(1, kind).Bind(2, value);
      ASSERT_TRUE(*stmt->Step());
      EXPECT_GE(stmt->Int(0), 1) << kind << " " << value;
    } else if (verb == "message") {
      auto [locator, tail] = SplitLocator(rest);
      auto [field, value] = Split(tail);
      auto got = message_field(locator, field);
      ASSERT_TRUE(got.has_value()) << "no message at " << locator;
      EXPECT_EQ(*got, value);
    } else if (verb == "attachment") {
      auto [locator, status] = SplitLocator(rest);
      auto stmt = db.Prepare("SELECT status FROM attachments WHERE locator=?");
      stmt->Bind(1, locator);
      ASSERT_TRUE(*stmt->Step()) << "no attachment at " << locator;
      EXPECT_EQ(stmt->Text(0), status);
    } else if (verb == "search") {
      size_t sp = rest.rfind(' ');
      auto r = store::Search(**ws, rest.substr(0, sp), "", 5);
      ASSERT_TRUE(r.ok()) << r.error().ToString();
      EXPECT_EQ(r->total, std::stoll(rest.substr(sp + 1)));
    } else if (verb == "show") {
      auto [locator, text] = SplitLocator(rest);
      const ingest::Importer* importer = ingest::FindImporter(o.format);
      ASSERT_NE(importer, nullptr);
      auto opened = ingest::OpenSource(RealFileSystem(), req.path);
      ASSERT_TRUE(opened.ok());
      auto record = importer->Show(opened->source, locator);
      ASSERT_TRUE(record.ok()) << record.error().ToString();
      EXPECT_NE(record->find(text), std::string::npos) << *record;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenTest, ::testing::ValuesIn(ExpectFiles()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = info.param.substr(info.param.rfind('/') + 1);
                           name = name.substr(0, name.size() - 7);
                           for (char& c : name) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

}  // namespace
}  // namespace casegraph
