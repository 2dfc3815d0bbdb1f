#include <gmock/gmock.h>

#include "contact_world.h"
#include "indicators/platform_names.h"

namespace casegraph::indicators {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::kDay;
using testing::kT0;
using testing::TgChat;

// On Telegram user200 writes first to S1 (user100) at kT0 and, an hour later, `push`.
TgChat Push(const std::string& push) {
  return {"Deniz", "personal_chat", 200,
          {{1, "user200", "x", "hello", kT0}, {2, "user100", "y", "hi", kT0 + 120}, {3, "user200", "x", push, kT0 + 3600}}};
}

constexpr char kWhatsAppFirst[] = "6/14/24, 10:00 AM - +90 532 999 88 77: hi there\n6/14/24, 10:01 AM - You: hello\n";

class MigrationTest : public testing::ContactWorldTest {
 protected:
  void SetUp() override {
    ContactWorldTest::SetUp();
    Subject("C1", "S1", "2010");
  }
  std::vector<Finding> Find() { return ContactWorldTest::Find(PlatformMigrationIndicator()); }
};

TEST_F(MigrationTest, APhoneNumberFollowedByThatNumberWritingFirstIsHigh) {
  Telegram("C1", "S1", 100, {}, {Push("write to me at +90 532 999 88 77")});
  WhatsApp("C1", "S1", kWhatsAppFirst);
  auto f = Find();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, "platform-migration");
  EXPECT_EQ(f[0].severity, Severity::kHigh);
  EXPECT_EQ(f[0].subject, "S1");
  EXPECT_THAT(f[0].accounts, ElementsAre("telegram:user200", "whatsapp:+905329998877"));
  ASSERT_EQ(f[0].citations.size(), 2u);
  EXPECT_EQ(f[0].citations[0].locator, "/chats/list/0/messages/2");  // the push
  EXPECT_THAT(f[0].citations[1].exhibit, HasSubstr("S1-wa-"));        // the first WhatsApp message
  EXPECT_EQ(f[0].first_at, kT0 + 3600);
  ASSERT_EQ(f[0].severity_basis.size(), 1u);
  EXPECT_THAT(f[0].severity_basis[0], HasSubstr("within 30 days"));
}

TEST_F(MigrationTest, AnAppNameIsAPushToo) {
  Telegram("C1", "S1", 100, {}, {Push("bundan sonra WhatsApp üzerinden yazalım")});
  WhatsApp("C1", "S1", kWhatsAppFirst);
  auto f = Find();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_THAT(f[0].explanation, HasSubstr("WhatsApp"));
}

TEST_F(MigrationTest, TheSubjectWritingFirstThereIsMedium) {
  Telegram("C1", "S1", 100, {}, {Push("write to me at +90 532 999 88 77")});
  WhatsApp("C1", "S1", "6/14/24, 10:00 AM - You: hi\n6/14/24, 10:01 AM - +90 532 999 88 77: hello\n");
  auto f = Find();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kMedium);
  EXPECT_TRUE(f[0].severity_basis.empty());
}

TEST_F(MigrationTest, ContactMoreThanThirtyDaysLaterIsMedium) {
  Telegram("C1", "S1", 100, {}, {Push("write to me at +90 532 999 88 77")});
  WhatsApp("C1", "S1", "7/20/24, 10:00 AM - +90 532 999 88 77: hi there\n7/20/24, 10:01 AM - You: hello\n");
  auto f = Find();
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].severity, Severity::kMedium);
}

TEST_F(MigrationTest, APushWithoutLaterContactIsNoFlag) {
  Telegram("C1", "S1", 100, {}, {Push("write to me at +90 532 999 88 77")});
  EXPECT_TRUE(Find().empty());
}

TEST_F(MigrationTest, ContactThereBeforeThePushIsNoFlag) {
  Telegram("C1", "S1", 100, {}, {Push("write to me at +90 532 999 88 77")});
  WhatsApp("C1", "S1", "6/13/24, 7:00 AM - +90 532 999 88 77: hi there\n6/13/24, 7:01 AM - You: hello\n");
  EXPECT_TRUE(Find().empty());
}

TEST_F(MigrationTest, TheSubjectsOwnMessageIsNoPush) {
  Telegram("C1", "S1", 100, {},
           {{"Deniz", "personal_chat", 200,
             {{1, "user200", "x", "hello", kT0}, {2, "user100", "y", "my number +90 532 999 88 77", kT0 + 120}}}});
  WhatsApp("C1", "S1", kWhatsAppFirst);
  EXPECT_TRUE(Find().empty());
}

TEST_F(MigrationTest, ASavedContactThereIsNoFlag) {
  Telegram("C1", "S1", 100, {}, {Push("bundan sonra WhatsApp üzerinden yazalım")});
  WhatsApp("C1", "S1", "6/14/24, 10:00 AM - Ali: hi there\n6/14/24, 10:01 AM - You: hello\n");  // a saved name
  EXPECT_TRUE(Find().empty());
}

TEST(PlatformNames, AppNamesAndCommonWords) {
  auto platforms = [](std::string_view text) {
    std::vector<std::string> out;
    for (const auto& m : PlatformsNamedIn(text)) out.push_back(m.platform);
    return out;
  };
  EXPECT_THAT(platforms("bundan sonra WhatsApp üzerinden"), ElementsAre("whatsapp"));
  EXPECT_THAT(platforms("whatsapptan yaz, ya da Element"), ElementsAre("whatsapp", "matrix"));
  EXPECT_THAT(platforms("Rocket.Chat'e gel, Discord da olur"), ElementsAre("rocketchat", "discord"));
  EXPECT_TRUE(platforms("an element of the session; a signal wire").empty());  // ordinary words
  EXPECT_TRUE(platforms("Elemental Signals").empty());
  EXPECT_TRUE(platforms("mytelegram").empty());
}

TEST(PlatformNames, Identifiers) {
  EXPECT_THAT(PlatformsOfIdentifier("matrix-user", "@x:example.org"), ElementsAre("matrix"));
  EXPECT_THAT(PlatformsOfIdentifier("telegram-invite", "t.me/+abc"), ElementsAre("telegram"));
  EXPECT_THAT(PlatformsOfIdentifier("url", "https://discord.gg/abc"), ElementsAre("discord"));
  EXPECT_THAT(PlatformsOfIdentifier("url", "https://www.wa.me/905329998877"), ElementsAre("whatsapp"));
  EXPECT_TRUE(PlatformsOfIdentifier("url", "https://example.org/discord.gg/").empty());
  EXPECT_TRUE(PlatformsOfIdentifier("email", "a@example.org").empty());
  EXPECT_EQ(AccountRefOfIdentifier("phone", "+905329998877", "whatsapp"), "whatsapp:+905329998877");
  EXPECT_EQ(AccountRefOfIdentifier("phone", "+905329998877", "signal"), "");
}

}  // namespace
}  // namespace casegraph::indicators
