#include "ingest/signal_export.h"

#include <gtest/gtest.h>

#include "base/time_util.h"
#include "ingest/registry.h"
#include "ingest/signal_line.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

TEST(SignalLineTest, ParsesBothHeaderFormsAndRejectsOthers) {
  auto old_form = ParseSignalLine("[2019-12-24, 12:23] Jane Doe: Hello: there");
  ASSERT_TRUE(old_form);
  EXPECT_EQ(old_form->sender, "Jane Doe");
  EXPECT_EQ(old_form->body, "Hello: there");
  EXPECT_EQ(old_form->local.hour, 12);
  auto new_form = ParseSignalLine("[2024-02-29 23:59:58] Me: ok");
  ASSERT_TRUE(new_form);
  EXPECT_EQ(new_form->local.second, 58);
  EXPECT_FALSE(ParseSignalLine("[12/24/19, 12:23:00] Jane: WhatsApp, not Signal"));
  EXPECT_FALSE(ParseSignalLine("[2019-13-24, 12:23] Jane: month 13"));
  EXPECT_FALSE(ParseSignalLine("continuation line"));
  EXPECT_FALSE(ParseSignalLine("[2019-12-24, 12:2"));
}

TEST(SignalLineTest, StripsReactions) {
  std::vector<SignalReaction> reactions;
  EXPECT_EQ(StripSignalReactions("see you (- Ali: 👍 -) (- Me: ❤️ -)", reactions), "see you");
  ASSERT_EQ(reactions.size(), 2u);
  EXPECT_EQ(reactions[0].name, "Me");
  EXPECT_EQ(reactions[1].emoji, "👍");
}

class SignalImportTest : public ::testing::Test {
 protected:
  Result<ImportSummary> Run(const std::string& path, bool dir, const std::string& tz = "Europe/Istanbul") {
    ImportOptions options;
    options.tz = tz;
    return SignalExportImporter().Import(Source{&fs_, path, dir, false}, options, sink_, diagnostics_);
  }
  testing::MemFileSystem fs_;
  testing::CaptureSink sink_;
  Diagnostics diagnostics_;
};

TEST_F(SignalImportTest, FolderWithMediaReactionsDeletionAndOwner) {
  fs_.Add("/ex/Deniz/chat.md",
          "[2025-03-01 12:00:00] Deniz: merhaba\nikinci satır\n"
          "[2025-03-01 12:01:00] Me: ![photo.jpg](./media/photo.jpg) (- Deniz: 👍 -)\n"
          "[2025-03-01 12:02:00] Deniz: (This message was deleted)\n"
          "[2025-03-01 12:03:00] Me: [notes.pdf](./media/missing.pdf)\n");
  fs_.Add("/ex/Deniz/media/photo.jpg", "JPEGDATA");
  auto summary = Run("/ex/Deniz", true);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(summary->messages, 4u);
  EXPECT_EQ(summary->owner_ref, "signal-contact:{exhibit}/Me");
  ASSERT_EQ(sink_.messages.size(), 4u);
  const auto& first = sink_.messages[0];
  EXPECT_EQ(first.text, "merhaba\nikinci satır");
  EXPECT_EQ(first.locator, "line 1");
  EXPECT_EQ(first.sender_ref, "signal-contact:{exhibit}/Deniz");
  EXPECT_EQ(first.sent_at_utc, int64_t{1740819600});  // 12:00 in Istanbul (+03:00) = 09:00Z
  EXPECT_EQ(first.utc_offset_seconds, 3 * 3600);
  const auto& photo = sink_.messages[1];
  ASSERT_EQ(photo.attachments.size(), 1u);
  EXPECT_EQ(photo.attachments[0].status, model::AttachmentStatus::kPresent);
  ASSERT_EQ(photo.reactions.size(), 1u);
  EXPECT_EQ(photo.reactions[0].user_refs[0], "signal-contact:{exhibit}/Deniz");
  EXPECT_TRUE(sink_.messages[2].deleted);
  EXPECT_EQ(sink_.messages[2].text, "");
  EXPECT_NE(sink_.messages[3].attachments.at(0).status, model::AttachmentStatus::kPresent);
  auto shown = SignalExportImporter().Show(Source{&fs_, "/ex/Deniz", true, false}, "line 1");
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(*shown, "[2025-03-01 12:00:00] Deniz: merhaba\nikinci satır");
}

TEST_F(SignalImportTest, NeedsTimeZoneAndAMessage) {
  fs_.Add("/c.md", "[2025-03-01 12:00:00] Deniz: hi\n");
  auto no_tz = Run("/c.md", false, "");
  ASSERT_FALSE(no_tz.ok());
  EXPECT_NE(no_tz.error().ToString().find("--tz"), std::string::npos);
  fs_.Add("/empty.md", "");
  EXPECT_FALSE(Run("/empty.md", false).ok());
  fs_.Add("/folder/other.txt", "x");
  EXPECT_FALSE(Run("/folder", true).ok());
}

TEST_F(SignalImportTest, SurvivesEveryTruncation) {
  const std::string text = "[2025-03-01 12:00:00] Deniz: merhaba (- Me: ❤️ -)\n[2025-03-01, 12:01] Me: ![a](./media/a.jpg)\n";
  for (size_t n = 0; n <= text.size(); ++n) {
    fs_.Add("/t.md", text.substr(0, n));
    testing::CaptureSink sink;
    Diagnostics diagnostics;
    ImportOptions options;
    options.tz = "UTC";
    (void)SignalExportImporter().Import(Source{&fs_, "/t.md", false, false}, options, sink, diagnostics);
  }
}

TEST(SignalSniffTest, ClaimsChatMdButNotWhatsAppOrJson) {
  SignalExportImporter importer;
  Probe probe;
  probe.path = "/x/chat.md";
  probe.head = "[2019-12-24, 12:23] Jane Doe: Hello John!\n";
  EXPECT_GE(importer.Sniff(probe).confidence, 0.9);
  probe.path = "/x/export.txt";
  EXPECT_GE(importer.Sniff(probe).confidence, 0.5);
  probe.head = "[12/24/19, 12:23:00] Jane Doe: Hello\n";
  EXPECT_EQ(importer.Sniff(probe).confidence, 0);
  probe.head = "{\"messages\": []}";
  EXPECT_EQ(importer.Sniff(probe).confidence, 0);
}

}  // namespace
}  // namespace casegraph::ingest
