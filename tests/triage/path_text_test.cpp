#include "triage/path_text.h"

#include <gtest/gtest.h>

namespace casegraph::triage {
namespace {

TEST(PathTextTest, ValidUtf8IsKept) {
  bool valid = false;
  EXPECT_EQ(EscapePathBytes("dir/\xc3\xa7\xe2\x82\xac\xf0\x9f\x99\x82.txt", &valid),
            "dir/\xc3\xa7\xe2\x82\xac\xf0\x9f\x99\x82.txt");
  EXPECT_TRUE(valid);
}

TEST(PathTextTest, InvalidBytesAreEscaped) {
  bool valid = true;
  EXPECT_EQ(EscapePathBytes("a\xff" "b", &valid), "a\\xffb");
  EXPECT_FALSE(valid);
  EXPECT_EQ(EscapePathBytes("\xc0\xaf", nullptr), "\\xc0\\xaf");          // overlong '/'
  EXPECT_EQ(EscapePathBytes("\xed\xa0\x80", nullptr), "\\xed\\xa0\\x80");  // surrogate
  EXPECT_EQ(EscapePathBytes("\xe2\x82", nullptr), "\\xe2\\x82");          // cut short
  EXPECT_EQ(EscapePathBytes("\xf4\x90\x80\x80", nullptr), "\\xf4\\x90\\x80\\x80");  // > U+10FFFF
}

TEST(PathTextTest, HexRoundTrip) {
  std::string bytes("\x00\xff\x10 a", 5);
  std::string back;
  ASSERT_TRUE(BytesOfHex(HexOfBytes(bytes), &back));
  EXPECT_EQ(back, bytes);
  EXPECT_EQ(HexOfBytes("\xab\x01"), "ab01");
  EXPECT_FALSE(BytesOfHex("abc", &back));
  EXPECT_FALSE(BytesOfHex("zz", &back));
}

}  // namespace
}  // namespace casegraph::triage
