// The whatsapp-txt importer end to end on in-memory exports: records and locators, deleted and
// edited markers, the owner, Show, sniffing against other formats, and bad input (no --tz,
// empty, truncated, bit-flipped, invalid UTF-8, a damaged ZIP) giving a located Error or
// warnings, never a crash.
#include "ingest/whatsapp_txt.h"

#include <gtest/gtest.h>

#include <fstream>

#include "base/time_util.h"
#include "ingest/registry.h"
#include "ingest/source.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

using testing::CaptureSink;
using testing::MemFileSystem;

struct Run {
  Result<ImportSummary> summary = Error::Internal("not run");
  CaptureSink sink;
  Diagnostics diagnostics;
};

std::unique_ptr<Run> ImportText(const std::string& text, const std::string& tz = "Europe/London",
                                const std::string& name = "/x/WhatsApp Chat with Sample.txt") {
  MemFileSystem fs;
  fs.Add(name, text);
  auto run = std::make_unique<Run>();
  ImportOptions options;
  options.tz = tz;
  run->summary = WhatsAppTxtImporter().Import(Source{&fs, name, false}, options, run->sink, run->diagnostics);
  return run;
}

const char kAndroid[] =
    "12/01/2024, 09:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
    "WhatsApp, can read or listen to them. Tap to learn more.\n"
    "12/01/2024, 09:01 - Alex Sample: first line\n"
    "second line: with a colon\n"
    "\n"
    "13/01/2024, 10:00 - You: This message was deleted\n"
    "13/01/2024, 10:01 - Alex Sample: fixed typo <This message was edited>\n"
    "13/01/2024, 10:02 - Alex Sample: IMG-20240113-WA0001.jpg (file attached)\n"
    "the caption\n"
    "13/01/2024, 10:03 - Alex Sample: <Media omitted>\n"
    "13/01/2024, 10:04 - Alex Sample: Данное сообщение удалено\n"
    "13/01/2024, 10:05 - Robin: Ratio: 3: 1\n";

// A chat file renamed by the examiner, with no group subject: its own name titles the chat.
TEST(WhatsAppTxtTest, RenamedFileIsTitledByItsName) {
  auto run = ImportText("12/01/2024, 09:01 - Alex Sample: hi\n", "Europe/London", "/x/evidence_07.txt");
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().ToString();
  ASSERT_EQ(run->sink.conversations.size(), 1u);
  EXPECT_EQ(run->sink.conversations[0].title, "evidence_07");
}

TEST(WhatsAppTxtTest, ImportsMessagesWithLocatorsAndMarkers) {
  auto run = ImportText(kAndroid);
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().ToString();
  const auto& ms = run->sink.messages;
  ASSERT_EQ(ms.size(), 8u);
  EXPECT_EQ(run->summary->messages, 8u);
  ASSERT_EQ(run->sink.conversations.size(), 1u);
  EXPECT_EQ(run->sink.conversations[0].title, "Sample");
  EXPECT_EQ(run->sink.conversations[0].kind, "personal_chat");
  EXPECT_EQ(ms[0].kind, "service");
  EXPECT_EQ(ms[0].action, "e2e_notice");
  EXPECT_TRUE(ms[0].sender_ref.empty());
  EXPECT_EQ(ms[1].locator, "line 2");
  EXPECT_EQ(ms[1].text, "first line\nsecond line: with a colon");
  EXPECT_EQ(ms[1].sender_ref, "whatsapp-contact:{exhibit}/Alex Sample");
  ASSERT_TRUE(ms[1].sent_at_utc.has_value());
  EXPECT_EQ(FormatUtc(*ms[1].sent_at_utc), "2024-01-12T09:01:00Z");
  EXPECT_EQ(ms[1].time_basis, "examiner-tz");
  EXPECT_EQ(ms[1].utc_offset_seconds, 0);
  EXPECT_EQ(ms[2].locator, "line 5");
  EXPECT_TRUE(ms[2].deleted);
  EXPECT_EQ(ms[2].deleted_detail, "This message was deleted");
  EXPECT_EQ(ms[2].text, "");
  EXPECT_EQ(ms[2].sender_ref, "whatsapp-owner:{exhibit}");
  EXPECT_EQ(run->summary->owner_ref, "whatsapp-owner:{exhibit}");
  EXPECT_EQ(ms[3].text, "fixed typo");
  ASSERT_EQ(ms[3].edits.size(), 1u);
  EXPECT_EQ(ms[3].edits[0].text, "");
  EXPECT_FALSE(ms[3].edits[0].edited_at_utc.has_value());
  ASSERT_EQ(ms[4].attachments.size(), 1u);
  EXPECT_EQ(ms[4].attachments[0].kind, "photo");
  EXPECT_EQ(ms[4].attachments[0].file_name, "IMG-20240113-WA0001.jpg");
  EXPECT_EQ(ms[4].attachments[0].status, model::AttachmentStatus::kMissing);  // a lone file
  EXPECT_EQ(ms[4].text, "the caption");
  ASSERT_EQ(ms[5].attachments.size(), 1u);
  EXPECT_EQ(ms[5].attachments[0].status, model::AttachmentStatus::kNotExported);
  EXPECT_EQ(ms[5].attachments[0].status_detail, "<Media omitted>");
  EXPECT_TRUE(ms[6].deleted);
  EXPECT_EQ(ms[7].text, "Ratio: 3: 1");  // names split on the first ": "
  EXPECT_NE(run->summary->time_note.find("dmy"), std::string::npos) << run->summary->time_note;
}

TEST(WhatsAppTxtTest, ShowGivesTheWholeMessageAsInTheFile) {
  MemFileSystem fs;
  fs.Add("/x/c.txt", kAndroid);
  const WhatsAppTxtImporter importer;
  auto shown = importer.Show(Source{&fs, "/x/c.txt", false}, "line 2");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(*shown, "12/01/2024, 09:01 - Alex Sample: first line\nsecond line: with a colon\n");
  EXPECT_FALSE(importer.Show(Source{&fs, "/x/c.txt", false}, "line 3").ok());  // a continuation line
  EXPECT_FALSE(importer.Show(Source{&fs, "/x/c.txt", false}, "line 999").ok());
  EXPECT_FALSE(importer.Show(Source{&fs, "/x/c.txt", false}, "/messages/1").ok());
  fs.Add("/y/_chat.txt", "[1/2/24, 10:00:00] A: one\r\n[1/2/24, 10:01:00] A: two\r\nmore\r\n");
  shown = importer.Show(Source{&fs, "/y", true}, "_chat.txt:line 2");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(*shown, "[1/2/24, 10:01:00] A: two\r\nmore");
}

TEST(WhatsAppTxtTest, GroupSystemLinesAndIosAttribution) {
  auto run = ImportText(
      "[12/01/2024, 09:00:00] Book Club: \u200EMessages and calls are end-to-end encrypted. No one outside of "
      "this chat, not even WhatsApp, can read or listen to them.\n"
      "\u200E[12/01/2024, 09:00:01] Book Club: \u200EAlex Sample created group \u201CBook Club\u201D\n"
      "\u200E[12/01/2024, 09:00:02] Book Club: \u200EAlex Sample added Robin Sample and you\n"
      "[13/01/2024, 09:00:03] Alex Sample: hi\n"
      "\u200E[13/01/2024, 09:00:04] Book Club: \u200ERobin Sample left\n");
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().ToString();
  const auto& ms = run->sink.messages;
  ASSERT_EQ(ms.size(), 5u);
  EXPECT_EQ(ms[0].kind, "service");
  EXPECT_TRUE(ms[0].sender_ref.empty());
  EXPECT_EQ(ms[1].action, "create_group");
  EXPECT_EQ(ms[1].sender_ref, "whatsapp-contact:{exhibit}/Alex Sample");
  EXPECT_EQ(ms[2].action, "add_members");
  EXPECT_EQ(ms[2].members, (std::vector<std::string>{"Robin Sample", "you"}));
  EXPECT_EQ(ms[4].action, "leave");
  EXPECT_EQ(run->sink.conversations[0].kind, "group");
  for (const auto& a : run->sink.accounts) EXPECT_NE(a.ref, "whatsapp-contact:{exhibit}/Book Club");
}

TEST(WhatsAppTxtTest, PhoneSendersBecomeE164Refs) {
  auto run = ImportText(
      "1/5/24, 9:03\u202FAM - \u202A+44\u00A07700\u00A0900123\u202C: hello\n"
      "1/5/24, 9:04\u202FAM - ~\u202F+1 202-555-0143: hi\n");
  ASSERT_TRUE(run->summary.ok()) << run->summary.error().ToString();
  ASSERT_EQ(run->sink.messages.size(), 2u);
  EXPECT_EQ(run->sink.messages[0].sender_ref, "whatsapp:+447700900123");
  EXPECT_EQ(run->sink.messages[1].sender_ref, "whatsapp:+12025550143");
  ASSERT_EQ(run->sink.accounts.size(), 2u);
  EXPECT_EQ(run->sink.accounts[0].phone, "+44\u00A07700\u00A0900123");
}

TEST(WhatsAppTxtTest, AmbiguousOrderWarnsAndDateOrderOverrides) {
  const std::string text = "01/02/2024, 10:00 - A: x\n03/04/2024, 10:00 - A: y\n";
  auto run = ImportText(text);
  ASSERT_TRUE(run->summary.ok());
  ASSERT_GE(run->diagnostics.warnings().size(), 1u);
  EXPECT_NE(run->diagnostics.warnings()[0].message.find("ambiguous"), std::string::npos);
  EXPECT_EQ(run->diagnostics.warnings()[0].where.file, "WhatsApp Chat with Sample.txt");
  EXPECT_EQ(FormatUtc(*run->sink.messages[0].sent_at_utc), "2024-02-01T10:00:00Z");
  MemFileSystem fs;
  fs.Add("/c.txt", text);
  CaptureSink sink;
  Diagnostics diagnostics;
  ImportOptions options;
  options.tz = "UTC";
  options.date_order = "mdy";
  auto s = WhatsAppTxtImporter().Import(Source{&fs, "/c.txt", false}, options, sink, diagnostics);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(FormatUtc(*sink.messages[0].sent_at_utc), "2024-01-02T10:00:00Z");
  EXPECT_TRUE(diagnostics.warnings().empty());
  options.date_order = "dym";
  EXPECT_FALSE(WhatsAppTxtImporter().Import(Source{&fs, "/c.txt", false}, options, sink, diagnostics).ok());
}

TEST(WhatsAppTxtTest, RequiresTz) {
  auto run = ImportText(kAndroid, "");
  ASSERT_FALSE(run->summary.ok());
  EXPECT_NE(run->summary.error().message().find("--tz"), std::string::npos);
  EXPECT_EQ(run->summary.error().where().file, "WhatsApp Chat with Sample.txt");
  run = ImportText(kAndroid, "Mars/Olympus");
  EXPECT_FALSE(run->summary.ok());
}

TEST(WhatsAppTxtTest, BadInputGivesLocatedErrorsOrWarnings) {
  auto run = ImportText("");
  ASSERT_FALSE(run->summary.ok());
  EXPECT_EQ(run->summary.error().where().file, "WhatsApp Chat with Sample.txt");
  run = ImportText("\n\r\n  \n");
  EXPECT_FALSE(run->summary.ok());
  run = ImportText("{\"messages\": []}");
  ASSERT_FALSE(run->summary.ok());
  EXPECT_EQ(run->summary.error().where().place, "line 1");
  // Truncated mid-line: the last message keeps what is there.
  const std::string text(kAndroid);
  run = ImportText(text.substr(0, text.find("Ratio") + 3));
  ASSERT_TRUE(run->summary.ok());
  EXPECT_EQ(run->sink.messages.back().text, "Rat");
  for (size_t cut = 0; cut < text.size(); cut += 7) (void)ImportText(text.substr(0, cut));
  // Bit flips anywhere: never a crash.
  for (size_t i = 0; i < text.size(); i += 3) {
    std::string flipped = text;
    flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    (void)ImportText(flipped);
  }
  // Invalid UTF-8 is repaired in the record, with a warning at its line.
  run = ImportText("12/01/2024, 09:01 - A: bad \xC3\x28 byte\n");
  ASSERT_TRUE(run->summary.ok());
  EXPECT_EQ(run->sink.messages[0].text, "bad \xEF\xBF\xBD( byte");
  ASSERT_FALSE(run->diagnostics.warnings().empty());
  EXPECT_EQ(run->diagnostics.warnings().back().where.place, "line 1");
  // A damaged header line is continuation text, with a warning.
  run = ImportText("1/23/23, 3:19 AM - A: Bye!\n1/23/23, 3:22_AM - B: later\n");
  ASSERT_TRUE(run->summary.ok());
  ASSERT_EQ(run->sink.messages.size(), 1u);
  EXPECT_EQ(run->sink.messages[0].text, "Bye!\n1/23/23, 3:22_AM - B: later");
}

TEST(WhatsAppTxtTest, DamagedZipEntryIsALocatedError) {
  const std::string zip = testing::ReadFileOrDie(testing::RepoFixture("whatsapp/WhatsApp Chat - Sample Group.zip"));
  // The first entry (_chat.txt) starts with its local header; flip bytes in its deflated data.
  std::string damaged = zip;
  for (size_t i = 60; i < 120 && i < damaged.size(); ++i) damaged[i] = static_cast<char>(damaged[i] ^ 0xFF);
  const std::string dir = testing::MakeTempDir("cg-wa-zip");
  testing::WriteFile(dir + "/export.zip", damaged);
  auto opened = OpenSource(RealFileSystem(), dir + "/export.zip");
  if (!opened) return;  // refusing the archive as a whole is fine too
  CaptureSink sink;
  Diagnostics diagnostics;
  ImportOptions options;
  options.tz = "UTC";
  auto s = WhatsAppTxtImporter().Import(opened->source, options, sink, diagnostics);
  if (!s.ok()) {
    EXPECT_FALSE(s.error().where().file.empty()) << s.error().ToString();
  }
  // Truncated archive.
  testing::WriteFile(dir + "/short.zip", zip.substr(0, zip.size() / 2));
  auto half = OpenSource(RealFileSystem(), dir + "/short.zip");
  if (half) (void)WhatsAppTxtImporter().Import(half->source, options, sink, diagnostics);
}

TEST(WhatsAppTxtTest, SniffsWhatsAppAndNotOtherFormats) {
  const WhatsAppTxtImporter importer;
  Probe probe;
  probe.path = "/x/chat.txt";
  probe.head = kAndroid;
  EXPECT_GE(importer.Sniff(probe).confidence, 0.8);
  probe.head = "[3/18/22, 14:56:01] Elon Musk: \u200EMessages and calls are end-to-end encrypted.\r\n";
  EXPECT_GE(importer.Sniff(probe).confidence, 0.5);
  // Signal markdown: "[YYYY-MM-DD, HH:MM] Name: text".
  probe.head = "[2019-12-24, 12:23] Jane Doe: Hello John!\n[2020-01-17, 21:49] John Doe: Hello\nJane!\n";
  EXPECT_LT(importer.Sniff(probe).confidence, 0.5);
  probe.head = "{\"name\": \"Chat\", \"type\": \"personal_chat\", \"messages\": []}";
  EXPECT_EQ(importer.Sniff(probe).confidence, 0);
  probe.head = "";
  EXPECT_EQ(importer.Sniff(probe).confidence, 0);
  Probe folder;
  folder.path = "/x/export.zip";
  folder.is_directory = true;
  folder.in_zip = true;
  folder.files = {{"_chat.txt", "[3/18/22, 14:56:01] A: hi\r\n"}, {"00000001-PHOTO-2022.jpg", "xx"}};
  EXPECT_GE(importer.Sniff(folder).confidence, 0.9);
  folder.files = {{"result.json", "{}"}};
  EXPECT_EQ(importer.Sniff(folder).confidence, 0);
}

TEST(WhatsAppTxtTest, SniffAgainstSharedSamplesOfOtherFormats) {
  CASEGRAPH_SHARED_OR_SKIP(signal, "signal/chat-miner/test_export.txt");
  Probe probe;
  probe.path = signal;
  probe.head = testing::ReadFileOrDie(signal);
  EXPECT_LT(WhatsAppTxtImporter().Sniff(probe).confidence, 0.5);
  for (const char* rel : {"telegram/chat-analytics/DM_2A_7M.json", "discord/chat-analytics/DM_2A_2M.json"}) {
    const std::string path = testing::SharedFixture(rel);
    if (path.empty()) continue;
    probe.path = path;
    probe.head = testing::ReadFileOrDie(path).substr(0, Probe::kHeadBytes);
    EXPECT_LT(WhatsAppTxtImporter().Sniff(probe).confidence, 0.05) << rel;
  }
}

}  // namespace
}  // namespace casegraph::ingest
