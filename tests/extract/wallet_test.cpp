// Bitcoin (base58check, bech32, bech32m) and Ethereum (EIP-55) addresses, and Keccak-256. Vectors:
// BIP-173, BIP-350, EIP-55 and well-known public addresses.
#include <gtest/gtest.h>

#include <cstdio>

#include "extract/identifier.h"
#include "extract/keccak.h"
#include "extract/wallet_checksums.h"
#include "extract_test_util.h"

namespace casegraph::extract {
namespace {

using testing::ValuesOf;
using Strings = std::vector<std::string>;

std::string Hex(const std::array<uint8_t, 32>& digest) {
  std::string out;
  char buf[3];
  for (uint8_t byte : digest) {
    std::snprintf(buf, sizeof(buf), "%02x", byte);
    out += buf;
  }
  return out;
}

TEST(KeccakTest, StandardVectors) {
  EXPECT_EQ(Hex(internal::Keccak256("")),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  EXPECT_EQ(Hex(internal::Keccak256("abc")),
            "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  // Multi-block input (200 bytes > rate of 136).
  EXPECT_EQ(Hex(internal::Keccak256(std::string(200, 'a'))).size(), 64u);
}

TEST(Base58CheckTest, ValidAndInvalid) {
  EXPECT_TRUE(internal::IsValidBase58CheckAddress("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
  EXPECT_TRUE(internal::IsValidBase58CheckAddress("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"));
  EXPECT_TRUE(internal::IsValidBase58CheckAddress("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"));
  EXPECT_FALSE(internal::IsValidBase58CheckAddress("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb"));
  EXPECT_FALSE(internal::IsValidBase58CheckAddress("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"));
  EXPECT_FALSE(internal::IsValidBase58CheckAddress("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfN0"));
  EXPECT_FALSE(internal::IsValidBase58CheckAddress("11111111111111111111111111111111"));
}

TEST(SegwitTest, Bip173AndBip350Vectors) {
  EXPECT_TRUE(internal::IsValidSegwitAddress("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"));
  EXPECT_TRUE(internal::IsValidSegwitAddress("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"));
  EXPECT_TRUE(internal::IsValidSegwitAddress(
      "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"));
  EXPECT_TRUE(
      internal::IsValidSegwitAddress("bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d"
                                     "6qejxtdg4y5r3zarvary0c5xw7kt5nd6y"));
  EXPECT_TRUE(internal::IsValidSegwitAddress("BC1SW50QGDZ25J"));
  EXPECT_TRUE(internal::IsValidSegwitAddress(
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"));
  // Wrong checksum character.
  EXPECT_FALSE(internal::IsValidSegwitAddress("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"));
  // Mixed case.
  EXPECT_FALSE(internal::IsValidSegwitAddress("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kV8F3T4"));
  // v0 program with a bech32m checksum, v1 with a bech32 checksum (BIP-350 invalid list).
  EXPECT_FALSE(internal::IsValidSegwitAddress("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh"));
  EXPECT_FALSE(internal::IsValidSegwitAddress(
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd"));
  // Testnet hrp is not Bitcoin mainnet.
  EXPECT_FALSE(internal::IsValidSegwitAddress("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx"));
}

TEST(Eip55Test, ChecksumCases) {
  for (const char* address :
       {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "0x52908400098527886E0F7030069857D2E4169EE7",
        "0xde709f2102306220921060314715629080e2fb77"}) {
    EXPECT_TRUE(internal::IsValidEthereumAddress(address)) << address;
  }
  EXPECT_FALSE(internal::IsValidEthereumAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"));
  EXPECT_FALSE(internal::IsValidEthereumAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe"));
  EXPECT_FALSE(internal::IsValidEthereumAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg"));
}

TEST(WalletScanTest, FindsValidAddressesOnly) {
  Extractor extractor{ExtractorOptions{}};
  std::string text =
      "send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa or "
      "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4, "
      "not 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb; eth "
      "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed "
      "bad 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";
  auto hits = extractor.Scan(text);
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kBitcoin),
            (Strings{"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
                     "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"}));
  EXPECT_EQ(ValuesOf(hits, IdentifierKind::kEthereum),
            Strings{"0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"});
  EXPECT_TRUE(ValuesOf(hits, IdentifierKind::kPhone).empty());
}

TEST(WalletScanTest, GluedTokensAreIgnored) {
  Extractor extractor{ExtractorOptions{}};
  EXPECT_TRUE(extractor.Scan("x1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").empty());
  EXPECT_TRUE(extractor.Scan("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00").empty());
  EXPECT_TRUE(extractor.Scan("_0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").empty());
}

}  // namespace
}  // namespace casegraph::extract
