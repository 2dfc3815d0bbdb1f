#include "hashing/pdq_hash.h"

#include <gtest/gtest.h>

namespace casegraph::hashing {
namespace {

TEST(PdqHash, HexRoundTripAndBitLayout) {
  // The last hex digit's lowest bit is bit 0 (DCT coefficient 1,1); the first digit's highest is bit 255.
  auto h = PdqFromHex("8000000000000000000000000000000000000000000000000000000000000001");
  ASSERT_TRUE(h);
  EXPECT_TRUE(h->Bit(0));
  EXPECT_TRUE(h->Bit(255));
  EXPECT_FALSE(h->Bit(1));
  EXPECT_EQ(h->Slot(0), 1);
  EXPECT_EQ(h->Slot(15), 0x8000);
  const std::string hex = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
  auto b = PdqFromHex("hash=" + std::string("F8F8F0CEE0F4A84F06370A22038F63F0B36E2ED596621E1D33E6B39C4E9C9B22"));
  ASSERT_TRUE(b);
  EXPECT_EQ(PdqToHex(*b), hex);
  EXPECT_EQ(b->Slot(0), 0x9b22);  // word 0 is the last four digits
}

TEST(PdqHash, HammingDistance) {
  auto a = PdqFromHex(std::string(64, '0'));
  auto b = PdqFromHex(std::string(63, '0') + "f");
  auto c = PdqFromHex(std::string(64, 'f'));
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(HammingDistance(*a, *b), 4);
  EXPECT_EQ(HammingDistance(*a, *c), 256);
  EXPECT_EQ(HammingDistance(*c, *c), 0);
}

TEST(PdqHash, RejectsMalformedText) {
  EXPECT_FALSE(PdqFromHex(""));
  EXPECT_FALSE(PdqFromHex(std::string(63, 'a')));
  EXPECT_FALSE(PdqFromHex(std::string(65, 'a')));
  EXPECT_FALSE(PdqFromHex(std::string(63, 'a') + "g"));
}

}  // namespace
}  // namespace casegraph::hashing
