// Damaged and wrong input for telegram-html: truncated, bit-flipped, empty, too deep, a page
// that is not a Telegram export, broken dates. Each gives warnings or a located Error, never a
// crash.
#include <gtest/gtest.h>

#include <random>

#include "ingest/telegram_html.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

using testing::CaptureSink;
using testing::MemFileSystem;

// The repository's two-page fixture, page 1, as the damaged base.
std::string FixturePage() {
  return testing::ReadFileOrDie(testing::RepoFixture("telegram_html/two_pages/messages.html"));
}

struct Outcome {
  CaptureSink sink;
  Diagnostics diagnostics;
  Result<ImportSummary> result = Error::Internal("not run");
};

std::unique_ptr<Outcome> ImportPage(const std::string& bytes, const std::string& tz = "") {
  auto out = std::make_unique<Outcome>();
  MemFileSystem fs;
  fs.Add("/e/messages.html", bytes);
  ImportOptions options;
  options.tz = tz;
  out->result = TelegramHtmlImporter().Import(Source{&fs, "/e/messages.html", false}, options, out->sink, out->diagnostics);
  return out;
}

TEST(TelegramHtmlBadInputTest, EmptyFileIsALocatedError) {
  for (const char* bytes : {"", "   \n\t", "\xEF\xBB\xBF"}) {
    auto out = ImportPage(bytes);
    ASSERT_FALSE(out->result.ok());
    EXPECT_EQ(out->result.error().kind(), ErrorKind::kCorrupt);
    EXPECT_EQ(out->result.error().where().file, "messages.html");
    EXPECT_EQ(out->result.error().where().place, "byte 0");
  }
}

TEST(TelegramHtmlBadInputTest, PageThatIsNotATelegramExport) {
  auto out = ImportPage("<!DOCTYPE html><html><head><title>Shop</title></head><body><div class=\"message\">hi</div>"
                        "</body></html>");
  ASSERT_FALSE(out->result.ok());
  EXPECT_EQ(out->result.error().kind(), ErrorKind::kUnsupported);
  EXPECT_NE(out->result.error().message().find("not a Telegram Desktop chat page"), std::string::npos);
  auto json = ImportPage(R"j({"messages": []})j");
  ASSERT_FALSE(json->result.ok());
}

TEST(TelegramHtmlBadInputTest, TruncatedPageKeepsTheBlocksBeforeTheCutAndWarns) {
  const std::string page = FixturePage();
  const size_t cut = page.find("id=\"message6\"");
  ASSERT_NE(cut, std::string::npos);
  auto out = ImportPage(page.substr(0, cut + 200));
  ASSERT_TRUE(out->result.ok()) << out->result.error().ToString();
  EXPECT_GE(out->sink.messages.size(), 4u);
  bool warned = false;
  for (const auto& w : out->diagnostics.warnings()) warned |= w.message.find("truncated") != std::string::npos;
  EXPECT_TRUE(warned);
  // Every cut point: no crash, and either records or a located error.
  for (size_t n = 0; n < page.size(); n += 97) {
    auto cut_out = ImportPage(page.substr(0, n));
    if (!cut_out->result.ok()) {
      EXPECT_FALSE(cut_out->result.error().where().file.empty()) << n;
    }
  }
}

TEST(TelegramHtmlBadInputTest, BitFlipsNeverCrash) {
  const std::string page = FixturePage();
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string flipped = page;
    for (int k = 0; k < 8; ++k) flipped[rng() % flipped.size()] ^= static_cast<char>(1u << (rng() % 8));
    auto out = ImportPage(flipped);
    if (!out->result.ok()) {
      EXPECT_FALSE(out->result.error().where().file.empty());
    }
  }
}

TEST(TelegramHtmlBadInputTest, BadDatesAndIdsAreWarnings) {
  std::string page = FixturePage();
  page.replace(page.find("10.03.2024 10:00:00 UTC+03:00"), 29, "99.99.2024 10:00:00 UTC+03:00");
  page.replace(page.find("id=\"message3\""), 13, "id=\"messageX\"");
  auto out = ImportPage(page);
  ASSERT_TRUE(out->result.ok()) << out->result.error().ToString();
  EXPECT_EQ(out->sink.messages.size(), 5u);  // message3 skipped
  bool date_warned = false, id_warned = false;
  for (const auto& w : out->diagnostics.warnings()) {
    date_warned |= w.message.find("unreadable date") != std::string::npos;
    id_warned |= w.message.find("usable id") != std::string::npos;
    EXPECT_EQ(w.where.file, "messages.html");
    EXPECT_EQ(w.where.place.rfind("byte ", 0), 0u);
  }
  EXPECT_TRUE(date_warned);
  EXPECT_TRUE(id_warned);
}

TEST(TelegramHtmlBadInputTest, DatesWithoutOffsetNeedTz) {
  std::string page = FixturePage();
  for (size_t at = page.find(" UTC+03:00"); at != std::string::npos; at = page.find(" UTC+03:00")) page.erase(at, 10);
  auto out = ImportPage(page);
  ASSERT_FALSE(out->result.ok());
  EXPECT_EQ(out->result.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_NE(out->result.error().message().find("--tz"), std::string::npos);
  EXPECT_EQ(out->result.error().where().file, "messages.html");
  auto with_tz = ImportPage(page, "Europe/Istanbul");
  EXPECT_TRUE(with_tz->result.ok());
  auto bad_tz = ImportPage(page, "Mars/Olympus");
  EXPECT_FALSE(bad_tz->result.ok());
}

TEST(TelegramHtmlBadInputTest, DeepNestingIsRefusedBeforeParsing) {
  std::string page = "<!DOCTYPE html><html><body><div class=\"page_body chat_page\">";
  for (int i = 0; i < 5000; ++i) page += "<div>";
  auto out = ImportPage(page);
  ASSERT_FALSE(out->result.ok());
  EXPECT_EQ(out->result.error().kind(), ErrorKind::kCorrupt);
  EXPECT_EQ(out->result.error().where().place.rfind("byte ", 0), 0u);
}

TEST(TelegramHtmlBadInputTest, MissingPageInFolderAndBadSecondPage) {
  MemFileSystem fs;
  fs.Add("/e/index.html", "<html></html>");
  CaptureSink sink;
  Diagnostics diagnostics;
  auto none = TelegramHtmlImporter().Import(Source{&fs, "/e", true}, ImportOptions{}, sink, diagnostics);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().kind(), ErrorKind::kNotFound);
  fs.Add("/e/messages.html", FixturePage());
  fs.Add("/e/messages2.html", "garbage \x01\x02 not html");
  auto second = TelegramHtmlImporter().Import(Source{&fs, "/e", true}, ImportOptions{}, sink, diagnostics);
  ASSERT_TRUE(second.ok()) << second.error().ToString();
  EXPECT_EQ(second->messages, 6u);
}

}  // namespace
}  // namespace casegraph::ingest
