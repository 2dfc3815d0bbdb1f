#include "model/citation.h"

#include <gtest/gtest.h>

namespace casegraph::model {
namespace {

TEST(CitationTest, TextFormRoundTrips) {
  Citation c{"C1", "eb-phone", "3f2a9c1b0d4e5566778899aabbccddeeff00112233445566778899aabbccddee", "/chats/list/3/messages/1207"};
  EXPECT_EQ(c.ToText(), "eb-phone@3f2a9c1b0d4e#/chats/list/3/messages/1207");
  auto ref = ParseCitation(c.ToText());
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(ref->exhibit, "eb-phone");
  EXPECT_EQ(ref->sha256_prefix, "3f2a9c1b0d4e");
  EXPECT_EQ(ref->locator, "/chats/list/3/messages/1207");
}

TEST(CitationTest, LabelsWithAtSignsAndLocatorsWithHashes) {
  auto ref = ParseCitation("user@example-phone@abc123#photos/photo_1@10-03-2024.jpg");
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(ref->exhibit, "user@example-phone");
  EXPECT_EQ(ref->sha256_prefix, "abc123");
  EXPECT_EQ(ref->locator, "photos/photo_1@10-03-2024.jpg");
  auto no_hash = ParseCitation("plain-label#line 4");
  ASSERT_TRUE(no_hash.has_value());
  EXPECT_EQ(no_hash->exhibit, "plain-label");
  EXPECT_TRUE(no_hash->sha256_prefix.empty());
  EXPECT_FALSE(ParseCitation("no locator here").has_value());
  EXPECT_FALSE(ParseCitation("#/messages/1").has_value());
}

}  // namespace
}  // namespace casegraph::model
