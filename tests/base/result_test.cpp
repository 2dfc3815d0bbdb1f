#include "base/result.h"

#include <gtest/gtest.h>

namespace casegraph {
namespace {

Result<int> Half(int v) {
  if (v % 2 != 0) return Error::InvalidArgument("odd", Location{"f.json", "/x/1"});
  return v / 2;
}

Status Chain(int v) {
  CASEGRAPH_RETURN_IF_ERROR(Half(v));
  return Ok();
}

TEST(ResultTest, ValuesAndErrorsCarryTheirPlace) {
  EXPECT_EQ(*Half(4), 2);
  auto odd = Half(3);
  ASSERT_FALSE(odd.ok());
  EXPECT_EQ(odd.error().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(odd.error().ToString(), "odd (f.json at /x/1)");
  EXPECT_TRUE(Chain(2).ok());
  EXPECT_EQ(Chain(1).error().where().place, "/x/1");
  EXPECT_EQ(Error::Io("x").WithFile("a.json").where().file, "a.json");
  EXPECT_EQ(Error::Io("x", Location{"b.json", ""}).WithFile("a.json").where().file, "b.json");
}

}  // namespace
}  // namespace casegraph
