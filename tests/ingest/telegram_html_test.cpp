// telegram-html importer on inline pages (MemFileSystem): joined senders, service actions,
// replies across pages, forwards, via bot, link entities, media, page order, locators and
// show, the result.json link, and sniffing.
#include <gtest/gtest.h>

#include "base/time_util.h"
#include "ingest/telegram_html.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

using testing::CaptureSink;
using testing::MemFileSystem;

std::string Page(const std::string& title, const std::string& blocks) {
  return "<!DOCTYPE html>\n<html>\n <head>\n  <meta charset=\"utf-8\"/>\n<title>Exported Data</title>\n </head>\n"
         " <body onload=\"CheckLocation();\">\n  <div class=\"page_wrap\">\n   <div class=\"page_header\">\n"
         "    <div class=\"content\">\n     <div class=\"text bold\">\n" + title + "\n     </div>\n    </div>\n"
         "   </div>\n   <div class=\"page_body chat_page\">\n    <div class=\"history\">\n" + blocks +
         "\n    </div>\n   </div>\n  </div>\n </body>\n</html>\n";
}

std::string Block(const std::string& id, const std::string& date, const std::string& from, const std::string& inner,
                  bool joined = false) {
  std::string out = "<div class=\"message default clearfix" + std::string(joined ? " joined" : "") + "\" id=\"message" +
                    id + "\">\n <div class=\"body\">\n  <div class=\"pull_right date details\" title=\"" + date +
                    "\">\n00:00\n  </div>\n";
  if (!from.empty()) out += "  <div class=\"from_name\">\n" + from + "\n  </div>\n";
  return out + inner + " </div>\n</div>\n";
}

std::string Text(const std::string& html) { return "  <div class=\"text\">\n" + html + "\n  </div>\n"; }

std::string Service(const std::string& id, const std::string& text) {
  return "<div class=\"message service\" id=\"message" + id + "\">\n <div class=\"body details\">\n" + text +
         "\n </div>\n</div>\n";
}

struct Run {
  CaptureSink sink;
  Diagnostics diagnostics;
  Result<ImportSummary> result = Error::Internal("not run");
  const model::MessageRecord* ById(const std::string& id) const {
    for (const auto& m : sink.messages) {
      if (m.source_id == id) return &m;
    }
    return nullptr;
  }
};

std::unique_ptr<Run> Import(const MemFileSystem& fs, const std::string& path, bool dir, const std::string& tz = "") {
  auto run = std::make_unique<Run>();
  ImportOptions options;
  options.tz = tz;
  run->result = TelegramHtmlImporter().Import(Source{&fs, path, dir}, options, run->sink, run->diagnostics);
  return run;
}

constexpr const char* kDate = "10.03.2024 10:00:00 UTC+03:00";

TEST(TelegramHtmlTest, JoinedServiceReplyForwardViaAndLinks) {
  MemFileSystem fs;
  fs.Add("/x/messages.html",
         Page("Team", Service("-1", "10 March 2024") +
                          Service("1", "Ana Ruiz created group &laquo;Team&raquo; with members Bo Li, Cy Ng and Di Oh") +
                          Block("2", kDate, "Ana Ruiz via @pollbot", Text("Vote <a href=\"https://example.org/v\">here</a>")) +
                          Block("3", kDate, "", Text("again<br>and <em>again</em>"), true) +
                          Block("4", kDate, "Bo Li",
                                "  <div class=\"reply_to details\">\nIn reply to <a href=\"#go_to_message2\" "
                                "onclick=\"return GoToMessage(2)\">this message</a>\n  </div>\n" +
                                    Text("ok @ana_r <a href=\"mailto:a@example.org\">a@example.org</a>")) +
                          Block("5", kDate, "Cy Ng",
                                "  <div class=\"pull_left forwarded userpic_wrap\"><div class=\"userpic\"></div></div>\n"
                                "  <div class=\"forwarded body\">\n   <div class=\"from_name\">\nOld Source<span "
                                "class=\"date details\" title=\"x\"> 01.01.2024 10:00:00</span>\n   </div>\n" +
                                    Text("fwd text") + "  </div>\n") +
                          Service("6", "Bo Li joined group by link from Ana Ruiz")));
  auto run = Import(fs, "/x", true);
  ASSERT_TRUE(run->result.ok()) << run->result.error().ToString();
  ASSERT_EQ(run->sink.messages.size(), 6u);
  ASSERT_EQ(run->sink.conversations.size(), 1u);
  EXPECT_EQ(run->sink.conversations[0].title, "Team");

  const auto* created = run->ById("1");
  EXPECT_EQ(created->kind, "service");
  EXPECT_EQ(created->action, "create_group");
  EXPECT_EQ(created->sender_ref, "telegram-name:{exhibit}/Team/Ana Ruiz");
  EXPECT_EQ(created->members, (std::vector<std::string>{"Bo Li", "Cy Ng", "Di Oh"}));
  EXPECT_EQ(created->time_basis, "none");

  const auto* voted = run->ById("2");
  EXPECT_EQ(voted->sender_name, "Ana Ruiz");
  EXPECT_EQ(voted->via_bot, "@pollbot");
  EXPECT_EQ(voted->text, "Vote here");
  ASSERT_EQ(voted->entities.size(), 1u);
  EXPECT_EQ(voted->entities[0].type, "text_link");
  EXPECT_EQ(voted->entities[0].href, "https://example.org/v");
  EXPECT_EQ(voted->entities[0].offset, 5u);
  EXPECT_EQ(voted->entities[0].length, 4u);
  EXPECT_EQ(FormatUtc(*voted->sent_at_utc), "2024-03-10T07:00:00Z");
  EXPECT_EQ(voted->time_basis, "label-offset");
  EXPECT_EQ(voted->locator, "/messages.html#message2");

  const auto* joined = run->ById("3");
  EXPECT_EQ(joined->sender_ref, "telegram-name:{exhibit}/Team/Ana Ruiz");
  EXPECT_EQ(joined->text, "again\nand again");
  EXPECT_EQ(joined->via_bot, "@pollbot");

  const auto* reply = run->ById("4");
  EXPECT_EQ(reply->reply_to, "2");
  EXPECT_EQ(reply->text, "ok @ana_r a@example.org");
  ASSERT_EQ(reply->entities.size(), 1u);
  EXPECT_EQ(reply->entities[0].type, "email");

  const auto* fwd = run->ById("5");
  EXPECT_EQ(fwd->forwarded_from, "Old Source");
  EXPECT_EQ(fwd->text, "fwd text");
  EXPECT_EQ(fwd->sender_name, "Cy Ng");

  const auto* joined_by_link = run->ById("6");
  EXPECT_EQ(joined_by_link->action, "join_group_by_link");
  EXPECT_EQ(joined_by_link->members, (std::vector<std::string>{"Ana Ruiz"}));

  EXPECT_EQ(run->sink.accounts.size(), 3u);
  EXPECT_NE(run->result->time_note.find("one hour"), std::string::npos);
  EXPECT_EQ(run->result->main_file, "messages.html");
}

TEST(TelegramHtmlTest, PagesInNumericOrderAndShowGivesTheSourceBlock) {
  MemFileSystem fs;
  for (int n : {1, 2, 9, 10, 11}) {
    const std::string name = n == 1 ? "messages.html" : "messages" + std::to_string(n) + ".html";
    fs.Add("/x/" + name, Page("Chat", Block(std::to_string(n * 100), kDate, "Ed Po", Text("page " + std::to_string(n)))));
  }
  fs.Add("/x/messages01.html", "not a page name");
  auto run = Import(fs, "/x", true);
  ASSERT_TRUE(run->result.ok()) << run->result.error().ToString();
  std::vector<std::string> order;
  for (const auto& m : run->sink.messages) order.push_back(m.source_id);
  EXPECT_EQ(order, (std::vector<std::string>{"100", "200", "900", "1000", "1100"}));
  EXPECT_EQ(run->ById("1000")->locator, "/messages10.html#message1000");

  auto shown = TelegramHtmlImporter().Show(Source{&fs, "/x", true}, "/messages10.html#message1000");
  ASSERT_TRUE(shown.ok()) << shown.error().ToString();
  EXPECT_EQ(shown->rfind("<div class=\"message default clearfix\" id=\"message1000\">", 0), 0u) << *shown;
  EXPECT_EQ(shown->substr(shown->size() - 6), "</div>");
  EXPECT_NE(shown->find("page 10"), std::string::npos);
  EXPECT_FALSE(TelegramHtmlImporter().Show(Source{&fs, "/x", true}, "/messages10.html#message5").ok());
  EXPECT_FALSE(TelegramHtmlImporter().Show(Source{&fs, "/x", true}, "/../etc/messages.html#message5").ok());
  EXPECT_FALSE(TelegramHtmlImporter().Show(Source{&fs, "/x", true}, "line 4").ok());
}

TEST(TelegramHtmlTest, MediaPresentMissingAndNotIncluded) {
  MemFileSystem fs;
  fs.Add("/x/photos/p1.jpg", "jpegbytes");
  fs.Add("/x/messages.html",
         Page("Chat",
              Block("1", kDate, "Ed Po",
                    "<div class=\"media_wrap clearfix\"><a class=\"photo_wrap clearfix pull_left\" "
                    "href=\"photos/p1.jpg\"><img class=\"photo\" src=\"photos/p1_thumb.jpg\"/></a></div>\n") +
                  Block("2", kDate, "Ed Po",
                        "<div class=\"media_wrap clearfix\"><a class=\"media clearfix pull_left block_link "
                        "media_voice_message\" href=\"voice_messages/audio_1.ogg\"><div class=\"body\"><div "
                        "class=\"title bold\">Voice message</div></div></a></div>\n",
                        true) +
                  Block("3", kDate, "Ed Po",
                        "<div class=\"media_wrap clearfix\"><div class=\"media clearfix pull_left media_video\"><div "
                        "class=\"body\"><div class=\"title bold\">Video message</div><div class=\"description\">"
                        "Exceeds maximum size, change data exporting settings to download.</div></div></div></div>\n",
                        true) +
                  Block("4", kDate, "Ed Po",
                        "<div class=\"media_wrap clearfix\"><a class=\"media clearfix pull_left block_link "
                        "media_file\" href=\"../../secret.txt\"><div class=\"body\"><div class=\"title bold\">"
                        "secret.txt</div></div></a></div>\n",
                        true)));
  auto run = Import(fs, "/x", true);
  ASSERT_TRUE(run->result.ok()) << run->result.error().ToString();
  const auto& photo = run->ById("1")->attachments.at(0);
  EXPECT_EQ(photo.kind, "photo");
  EXPECT_EQ(photo.status, model::AttachmentStatus::kPresent);
  ASSERT_TRUE(photo.digests);
  EXPECT_EQ(photo.locator, "/messages.html#message1/media/0");
  const auto& voice = run->ById("2")->attachments.at(0);
  EXPECT_EQ(voice.kind, "voice_message");
  EXPECT_EQ(voice.status, model::AttachmentStatus::kMissing);
  const auto& video = run->ById("3")->attachments.at(0);
  EXPECT_EQ(video.kind, "video_message");
  EXPECT_EQ(video.status, model::AttachmentStatus::kNotExported);
  EXPECT_NE(video.status_detail.find("Exceeds maximum size"), std::string::npos);
  EXPECT_EQ(run->ById("4")->attachments.at(0).status, model::AttachmentStatus::kRefused);
  auto media = TelegramHtmlImporter().Show(Source{&fs, "/x", true}, "/messages.html#message1/media/0");
  ASSERT_TRUE(media.ok());
  EXPECT_EQ(media->rfind("<a class=\"photo_wrap", 0), 0u) << *media;
}

TEST(TelegramHtmlTest, ResultJsonBesideThePagesGivesRealIds) {
  MemFileSystem fs;
  fs.Add("/x/messages.html", Page("Ed Po", Block("1", kDate, "Ed Po", Text("hi")) +
                                               Block("2", kDate, "Fa Qi", Text("hello")) +
                                               Block("3", kDate, "Renamed", Text("who"))));
  fs.Add("/x/result.json", R"j({"name": "Ed Po", "type": "personal_chat", "id": 7, "messages": [
    {"id": 1, "type": "message", "from": "Ed Po", "from_id": "user111", "text": "hi"},
    {"id": 2, "type": "message", "from": "Fa Qi", "from_id": "user222", "text": "hello"},
    {"id": 3, "type": "message", "from": "Someone Else", "from_id": "user333", "text": "who"}]})j");
  auto run = Import(fs, "/x", true);
  ASSERT_TRUE(run->result.ok()) << run->result.error().ToString();
  EXPECT_EQ(run->ById("1")->sender_ref, "telegram:user111");
  EXPECT_EQ(run->ById("2")->sender_ref, "telegram:user222");
  EXPECT_EQ(run->ById("3")->sender_ref, "telegram-name:{exhibit}/Ed Po/Renamed");  // names disagree: not linked
  // A damaged result.json only costs the link.
  fs.Add("/x/result.json", R"j({"messages": [{"id": 1, "from": "Ed Po", "from_id": "user111"}, {"id": )j");
  auto damaged = Import(fs, "/x", true);
  ASSERT_TRUE(damaged->result.ok()) << damaged->result.error().ToString();
  EXPECT_EQ(damaged->sink.messages.size(), 3u);
}

TEST(TelegramHtmlTest, FullAccountExportReadsEveryChatFolder) {
  MemFileSystem fs;
  fs.Add("/x/export_results.html", "<!DOCTYPE html><html><head><title>Exported Data</title></head></html>");
  fs.Add("/x/chats/chat_001/messages.html", Page("Ed Po", Block("1", kDate, "Ed Po", Text("one"))));
  fs.Add("/x/chats/chat_002/messages.html", Page("Club", Block("1", kDate, "Ed Po", Text("two"))));
  fs.Add("/x/chats/chat_002/photos/p.jpg", "x");
  auto run = Import(fs, "/x", true);
  ASSERT_TRUE(run->result.ok()) << run->result.error().ToString();
  ASSERT_EQ(run->sink.conversations.size(), 2u);
  ASSERT_EQ(run->sink.messages.size(), 2u);
  EXPECT_EQ(run->sink.messages[1].locator, "/chats/chat_002/messages.html#message1");
  EXPECT_EQ(run->sink.messages[1].sender_ref, "telegram-name:{exhibit}/Club/Ed Po");
  auto shown = TelegramHtmlImporter().Show(Source{&fs, "/x", true}, "/chats/chat_002/messages.html#message1");
  ASSERT_TRUE(shown.ok());
  EXPECT_NE(shown->find("two"), std::string::npos);
  // The summary page alone, or a full export without chats, is refused clearly.
  auto lone = Import(fs, "/x/export_results.html", false);
  ASSERT_FALSE(lone->result.ok());
  EXPECT_NE(lone->result.error().message().find("export folder"), std::string::npos);
  MemFileSystem empty;
  empty.Add("/y/export_results.html", "<html></html>");
  empty.Add("/y/lists/contacts.html", "<html></html>");
  auto none = Import(empty, "/y", true);
  ASSERT_FALSE(none->result.ok());
  EXPECT_NE(none->result.error().message().find("no chat histories"), std::string::npos);
}

TEST(TelegramHtmlTest, SniffClaimsHtmlAndLeavesJson) {
  Probe file;
  file.path = "/x/messages.html";
  file.head = Page("Chat", Block("1", kDate, "Ed Po", Text("x")));
  EXPECT_GE(SniffTelegramHtml(file).confidence, 0.9);
  Probe json;
  json.path = "/x/result.json";
  json.head = R"j({"name": "A", "type": "personal_chat", "messages": []})j";
  EXPECT_EQ(SniffTelegramHtml(json).confidence, 0);
  Probe other;
  other.path = "/x/index.html";
  other.head = "<!DOCTYPE html><html><body><p>hello</p></body></html>";
  EXPECT_EQ(SniffTelegramHtml(other).confidence, 0);
  Probe folder;
  folder.path = "/x";
  folder.is_directory = true;
  folder.top_names = {"css", "js", "messages.html", "photos"};
  folder.files = {{"messages.html", file.head}};
  EXPECT_GE(SniffTelegramHtml(folder).confidence, 0.9);
  folder.top_names.push_back("result.json");
  EXPECT_LT(SniffTelegramHtml(folder).confidence, 0.7);  // the JSON twin is preferred
  Probe full;
  full.path = "/x";
  full.is_directory = true;
  full.top_names = {"chats", "css", "export_results.html", "lists"};
  EXPECT_GE(SniffTelegramHtml(full).confidence, 0.9);
}

}  // namespace
}  // namespace casegraph::ingest
