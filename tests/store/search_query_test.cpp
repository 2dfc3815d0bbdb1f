#include <gtest/gtest.h>

#include "store/queries.h"

namespace casegraph::store {
namespace {

TEST(BuildFtsQueryTest, QuotesWordsAndKeepsOperators) {
  EXPECT_EQ(*BuildFtsQuery("ışık izmir"), "\"ışık\" \"izmir\"");
  EXPECT_EQ(*BuildFtsQuery("\"tell no one\""), "\"tell no one\"");
  EXPECT_EQ(*BuildFtsQuery("görüş*"), "\"görüş\"*");
  EXPECT_EQ(*BuildFtsQuery("a OR b NOT c"), "\"a\" OR \"b\" NOT \"c\"");
  EXPECT_EQ(*BuildFtsQuery("col:value -x"), "\"col:value\" \"-x\"");
  EXPECT_EQ(*BuildFtsQuery("say \"hi\"\"there\""), "\"say\" \"hi\" \"there\"");
}

TEST(BuildFtsQueryTest, RejectsEmptyAndUnbalanced) {
  EXPECT_FALSE(BuildFtsQuery("").ok());
  EXPECT_FALSE(BuildFtsQuery("   ").ok());
  EXPECT_FALSE(BuildFtsQuery("\"open").ok());
}

}  // namespace
}  // namespace casegraph::store
