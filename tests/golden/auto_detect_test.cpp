// `ingest --format auto` over every chat-export fixture in ../shared/fixtures: each one is
// recognised by the right importer and ingests (or, for the files that are not chat exports,
// is refused with a clear message). A fixture that no rule below names fails the test, so a
// new sample cannot slip in unchecked. Folders holding several exports are refused by name.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/ingest_exhibit.h"
#include "testutil/testutil.h"

namespace casegraph {
namespace {

struct Rule {
  const char* prefix;     // path relative to shared/fixtures
  const char* format;     // the importer that must be chosen
  const char* status;     // "ingested", or "failed" with `error` in the message
  const char* error = "";
};

// First matching prefix wins.
const Rule kRules[] = {
    {"telegram/langchain-community/telegram_chat_html/", "telegram-html", "ingested"},
    {"telegram/", "telegram-json", "ingested"},
    {"whatsapp/", "whatsapp-txt", "ingested"},
    {"discord/", "discord-json", "ingested"},
    {"rocketchat/rocketchat-exporter/", "rocketchat-rest", "ingested"},
    {"rocketchat/rocketchat2matrix/", "rocketchat-mongo", "ingested"},
    {"element/matrix-events-not-element-export/room_messages.json", "element-json", "ingested"},
    {"element/matrix-events-not-element-export/", "element-json", "failed", "single Matrix event"},
    {"signal/", "signal-export", "ingested"},
};

const Rule* RuleFor(const std::string& rel) {
  for (const auto& r : kRules) {
    if (rel.rfind(r.prefix, 0) == 0) return &r;
  }
  return nullptr;
}

store::IngestOutcome IngestAuto(const std::string& path) {
  auto ws = store::Workspace::Open(testing::MakeTempDir("cg-auto") + "/w.db", true);
  EXPECT_TRUE(ws.ok());
  EXPECT_TRUE((*ws)->AddCase("AUTO", "", "test").ok());
  store::IngestRequest req;
  req.case_code = "AUTO";
  req.path = path;
  req.format = "auto";
  req.options.tz = "Europe/London";  // the text formats need one; the JSON ones ignore it
  req.options.region = "TR";
  return store::IngestExhibit(**ws, req);
}

TEST(AutoDetectTest, EveryChatFixtureFindsItsImporter) {
  CASEGRAPH_SHARED_OR_SKIP(root, "");
  size_t checked = 0;
  for (const char* platform : {"telegram", "whatsapp", "discord", "rocketchat", "element", "signal"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root + "/" + platform)) {
      if (!entry.is_regular_file()) continue;
      const std::string rel = std::filesystem::relative(entry.path(), root).string();
      if (rel.rfind("rocketchat/rocketchat2matrix/", 0) == 0) continue;  // one export in three files: below
      SCOPED_TRACE(rel);
      const Rule* rule = RuleFor(rel);
      ASSERT_NE(rule, nullptr) << "no detection rule for fixture " << rel;
      store::IngestOutcome o = IngestAuto(entry.path().string());
      EXPECT_EQ(o.format, rule->format) << (o.error ? o.error->ToString() : "");
      EXPECT_EQ(o.status, rule->status) << (o.error ? o.error->ToString() : "");
      if (*rule->error) {
        ASSERT_TRUE(o.error.has_value());
        EXPECT_NE(o.error->ToString().find(rule->error), std::string::npos) << o.error->ToString();
      }
      ++checked;
    }
  }
  store::IngestOutcome rc = IngestAuto(root + "/rocketchat/rocketchat2matrix");
  EXPECT_EQ(rc.format, "rocketchat-mongo");
  EXPECT_EQ(rc.status, "ingested") << (rc.error ? rc.error->ToString() : "");
  EXPECT_GE(checked, 50u);
}

TEST(AutoDetectTest, FolderOfSeveralExportsIsRefusedByName) {
  CASEGRAPH_SHARED_OR_SKIP(folder, "discord/chat-analytics");
  store::IngestOutcome o = IngestAuto(folder);
  EXPECT_EQ(o.status, "failed");
  ASSERT_TRUE(o.error.has_value());
  const std::string text = o.error->ToString();
  EXPECT_NE(text.find("holds 3 exports"), std::string::npos) << text;
  for (const char* name : {"DM_2A_2M.json", "GC_3A_5M.json", "SV_5A_5M.json"}) {
    EXPECT_NE(text.find(name), std::string::npos) << text;
  }
  CASEGRAPH_SHARED_OR_SKIP(chats, "whatsapp/chat-miner");
  o = IngestAuto(chats);
  ASSERT_TRUE(o.error.has_value());
  EXPECT_NE(o.error->ToString().find("holds 5 exports"), std::string::npos) << o.error->ToString();
}

TEST(AutoDetectTest, UnknownBytesListTheCandidates) {
  const std::string dir = testing::MakeTempDir("cg-auto-unknown");
  testing::WriteFile(dir + "/notes.txt", "shopping list\nmilk\n");
  store::IngestOutcome o = IngestAuto(dir + "/notes.txt");
  EXPECT_EQ(o.status, "failed");
  ASSERT_TRUE(o.error.has_value());
  EXPECT_NE(o.error->ToString().find("no importer recognises"), std::string::npos);
  EXPECT_NE(o.error->ToString().find("telegram-json"), std::string::npos);  // every candidate is listed
  EXPECT_NE(o.error->ToString().find("--format"), std::string::npos);
}

}  // namespace
}  // namespace casegraph
