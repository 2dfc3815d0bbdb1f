// URLs, e-mails, Telegram usernames and links, Matrix user ids and room aliases.
#include <gtest/gtest.h>

#include "extract/identifier.h"
#include "extract_test_util.h"

namespace casegraph::extract {
namespace {

using testing::Describe;
using testing::SpanOf;
using testing::ValuesOf;

class UrlHandleTest : public ::testing::Test {
 protected:
  std::vector<std::string> Values(std::string_view text, IdentifierKind kind) {
    return ValuesOf(extractor_.Scan(text), kind);
  }
  using Strings = std::vector<std::string>;
  Extractor extractor_{ExtractorOptions{}};
};

TEST_F(UrlHandleTest, UrlsAreNormalised) {
  EXPECT_EQ(Values("go to HTTPS://Example.ORG:443/Path?q=A now", IdentifierKind::kUrl),
            Strings{"https://example.org/Path?q=A"});
  EXPECT_EQ(Values("http://example.org:80/", IdentifierKind::kUrl), Strings{"http://example.org"});
  EXPECT_EQ(Values("http://example.org:8080/a/", IdentifierKind::kUrl),
            Strings{"http://example.org:8080/a"});
  EXPECT_EQ(Values("www.Example.com/x", IdentifierKind::kUrl), Strings{"www.example.com/x"});
}

TEST_F(UrlHandleTest, TrailingPunctuationIsStripped) {
  std::string text = "(see https://example.org/a_(b)), or http://example.net/x.";
  auto hits = extractor_.Scan(text);
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kUrl),
            (Strings{"https://example.org/a_(b)", "http://example.net/x"}));
  EXPECT_EQ(SpanOf(text, hits, IdentifierKind::kUrl), "https://example.org/a_(b)");
  EXPECT_EQ(Values("\"https://example.org/q?a=1\"!?", IdentifierKind::kUrl),
            Strings{"https://example.org/q?a=1"});
}

TEST_F(UrlHandleTest, UrlStopsAtUnicodeSpaceAndBidiMarks) {
  EXPECT_EQ(Values("https://example.org/a\xC2\xA0next", IdentifierKind::kUrl),
            Strings{"https://example.org/a"});
  EXPECT_EQ(Values("\xE2\x80\xAAhttps://example.org/b\xE2\x80\xAC", IdentifierKind::kUrl),
            Strings{"https://example.org/b"});
}

TEST_F(UrlHandleTest, NotUrls) {
  EXPECT_TRUE(Values("http:// nothing", IdentifierKind::kUrl).empty());
  EXPECT_TRUE(Values("xhttps://example.org", IdentifierKind::kUrl).empty());
  EXPECT_TRUE(Values("end of sentence.Next one", IdentifierKind::kUrl).empty());
  EXPECT_TRUE(Values("art.me/xyz", IdentifierKind::kUrl).empty());
}

TEST_F(UrlHandleTest, TelegramLinks) {
  std::string text = "join t.me/Example_Channel or https://telegram.me/another_one/12";
  auto hits = extractor_.Scan(text);
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kTelegramUsername),
            (Strings{"@example_channel", "@another_one"}));
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kUrl),
            (Strings{"t.me/Example_Channel", "https://telegram.me/another_one/12"}));
  // URL and username hits share the span.
  ASSERT_GE(hits.size(), 2u);
  EXPECT_EQ(hits[0].kind, IdentifierKind::kUrl);
  EXPECT_EQ(hits[1].kind, IdentifierKind::kTelegramUsername);
  EXPECT_EQ(hits[0].start, hits[1].start);
  EXPECT_EQ(hits[0].end, hits[1].end);
  EXPECT_EQ(Values("https://t.me/s/news_feed_x", IdentifierKind::kTelegramUsername),
            Strings{"@news_feed_x"});
  EXPECT_TRUE(
      Values("https://t.me/addstickers/SomePack", IdentifierKind::kTelegramUsername).empty());
  EXPECT_TRUE(Values("https://t.me/abc", IdentifierKind::kTelegramUsername).empty());
}

TEST_F(UrlHandleTest, TelegramInvites) {
  EXPECT_EQ(Values("https://t.me/+AbCdEf_123-xyz", IdentifierKind::kTelegramInvite),
            Strings{"t.me/+AbCdEf_123-xyz"});
  EXPECT_EQ(Values("t.me/joinchat/AAAAAE_xYz123", IdentifierKind::kTelegramInvite),
            Strings{"t.me/joinchat/AAAAAE_xYz123"});
  EXPECT_TRUE(Values("https://t.me/+AbCdEf", IdentifierKind::kTelegramUsername).empty());
  // t.me/+<digits> is a phone link.
  auto hits = extractor_.Scan("t.me/+905320000014");
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kPhone), Strings{"+905320000014"}) << Describe(hits);
  EXPECT_TRUE(ValuesOf(hits, IdentifierKind::kTelegramInvite).empty());
}

TEST_F(UrlHandleTest, TelegramMentions) {
  std::string text = "ask @Some_User, or (@another_user5)";
  auto hits = extractor_.Scan(text);
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kTelegramUsername),
            (Strings{"@some_user", "@another_user5"}));
  EXPECT_EQ(SpanOf(text, hits, IdentifierKind::kTelegramUsername), "@Some_User");
  EXPECT_TRUE(Values("@abcd too short", IdentifierKind::kTelegramUsername).empty());
  EXPECT_TRUE(Values("@1abcdef digit first", IdentifierKind::kTelegramUsername).empty());
  EXPECT_TRUE(Values("@abcdef_ trailing underscore", IdentifierKind::kTelegramUsername).empty());
  EXPECT_TRUE(Values("word@handle_name", IdentifierKind::kTelegramUsername).empty());
  EXPECT_TRUE(Values("@" + std::string(33, 'a'), IdentifierKind::kTelegramUsername).empty());
  EXPECT_TRUE(Values("@example.org", IdentifierKind::kTelegramUsername).empty());
}

TEST_F(UrlHandleTest, Emails) {
  std::string text = "mail John.Doe+tag@Example.ORG. or x_y@sub.example.co.uk";
  auto hits = extractor_.Scan(text);
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kEmail),
            (Strings{"john.doe+tag@example.org", "x_y@sub.example.co.uk"}));
  EXPECT_EQ(SpanOf(text, hits, IdentifierKind::kEmail), "John.Doe+tag@Example.ORG");
  EXPECT_TRUE(ValuesOf(hits, IdentifierKind::kTelegramUsername).empty());
  EXPECT_TRUE(Values("user@localhost", IdentifierKind::kEmail).empty());
  EXPECT_TRUE(Values("user@example.c0m", IdentifierKind::kEmail).empty());
  EXPECT_TRUE(Values("user.@example.org", IdentifierKind::kEmail).empty());
}

TEST_F(UrlHandleTest, MatrixUsersAreNotTelegramUsernames) {
  std::string text = "DM @Alice.W:matrix.example.org or @bob_smith:example.com:8448.";
  auto hits = extractor_.Scan(text);
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kMatrixUser),
            (Strings{"@alice.w:matrix.example.org", "@bob_smith:example.com:8448"}))
      << Describe(hits);
  EXPECT_TRUE(ValuesOf(hits, IdentifierKind::kTelegramUsername).empty());
  EXPECT_TRUE(ValuesOf(hits, IdentifierKind::kEmail).empty());
  EXPECT_EQ(Values("@user:[::1]:8008", IdentifierKind::kMatrixUser), Strings{"@user:[::1]:8008"});
  // "@name: text" is a mention followed by a colon.
  EXPECT_EQ(Values("@someone: hello", IdentifierKind::kTelegramUsername), Strings{"@someone"});
  EXPECT_TRUE(Values("@someone: hello", IdentifierKind::kMatrixUser).empty());
}

TEST_F(UrlHandleTest, MatrixRoomAliases) {
  EXPECT_EQ(Values("join #General-Chat:example.org!", IdentifierKind::kMatrixRoomAlias),
            Strings{"#general-chat:example.org"});
  EXPECT_EQ(Values("https://matrix.to/#/#room:example.org", IdentifierKind::kMatrixRoomAlias),
            Strings{"#room:example.org"});
  EXPECT_TRUE(Values("C#:example.org", IdentifierKind::kMatrixRoomAlias).empty());
  EXPECT_TRUE(Values("#hashtag only", IdentifierKind::kMatrixRoomAlias).empty());
}

TEST_F(UrlHandleTest, KindNamesAreStable) {
  EXPECT_STREQ(IdentifierKindName(IdentifierKind::kPhone), "phone");
  EXPECT_STREQ(IdentifierKindName(IdentifierKind::kTelegramInvite), "telegram-invite");
  EXPECT_STREQ(IdentifierKindName(IdentifierKind::kMatrixRoomAlias), "matrix-room");
  EXPECT_STREQ(IdentifierKindName(IdentifierKind::kBitcoin), "btc");
  EXPECT_STREQ(IdentifierKindName(IdentifierKind::kEthereum), "eth");
}

}  // namespace
}  // namespace casegraph::extract
