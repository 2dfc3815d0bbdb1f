// Properties of Extractor::Scan over whole texts: hits sorted with in-bounds spans, locator
// invariance under a prefix (every offset shifts by the prefix length, values unchanged; after
// bulk_extractor's position tests), and robustness against arbitrary bytes.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "extract/identifier.h"
#include "extract_test_util.h"

namespace casegraph::extract {
namespace {

using testing::Describe;

const char* const kSamples[] = {
    "ara beni 0532 000 00 00 akşam",
    "call +90 (532) 000-00-03 now or \xE2\x80\xAA+90\xC2\xA0"
    "532 000 00 06\xE2\x80\xAC",
    "mail john.doe@example.org and see https://Example.org:443/x?y=1).",
    "join t.me/Example_Channel, https://t.me/+AbCdEf_123 and "
    "t.me/joinchat/AAAAAE_xYz1",
    "@some_user says hi to @alice:matrix.example.org in #room:example.org",
    "btc 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa "
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    "eth 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed www.example.com/path/",
    "",
    "no identifiers here, just words. 12:30 2024-01-15",
};

void ExpectWellFormed(std::string_view text, const std::vector<IdentifierHit>& hits) {
  for (size_t k = 0; k < hits.size(); ++k) {
    EXPECT_LT(hits[k].start, hits[k].end) << Describe(hits);
    EXPECT_LE(hits[k].end, text.size()) << Describe(hits);
    EXPECT_FALSE(hits[k].value.empty());
    if (k > 0) {
      EXPECT_LE(hits[k - 1].start, hits[k].start) << Describe(hits);
    }
  }
}

TEST(ScanInvarianceTest, SamplesProduceExpectedKinds) {
  Extractor extractor{ExtractorOptions{}};
  size_t total = 0;
  for (const char* sample : kSamples) {
    auto hits = extractor.Scan(sample);
    ExpectWellFormed(sample, hits);
    total += hits.size();
  }
  EXPECT_GE(total, 18u);
}

TEST(ScanInvarianceTest, PrefixShiftsEveryOffsetBy65) {
  Extractor extractor{ExtractorOptions{}};
  // 65 bytes ending in a separator, with a non-ASCII letter inside.
  std::string prefix = "Bu bir önek metnidir, tanımlayıcı içermez ve tam altmış beş";
  prefix.resize(64, '.');
  prefix += ' ';
  ASSERT_EQ(prefix.size(), 65u);
  for (const char* sample : kSamples) {
    auto base = extractor.Scan(sample);
    auto shifted = extractor.Scan(prefix + sample);
    ASSERT_EQ(base.size(), shifted.size()) << sample << "\n" << Describe(shifted);
    for (size_t k = 0; k < base.size(); ++k) {
      EXPECT_EQ(base[k].kind, shifted[k].kind);
      EXPECT_EQ(base[k].value, shifted[k].value);
      EXPECT_EQ(base[k].start + 65, shifted[k].start);
      EXPECT_EQ(base[k].end + 65, shifted[k].end);
    }
  }
}

TEST(ScanInvarianceTest, RandomBytesNeverCrash) {
  Extractor extractor{ExtractorOptions{}};
  std::mt19937 rng(12345);
  const std::string alphabet = "0123456789 +-().@#:/abcXYZ_\xC2\xA0\xE2\x80\xAA\xFF";
  for (int round = 0; round < 500; ++round) {
    std::string text;
    size_t length = rng() % 200;
    for (size_t k = 0; k < length; ++k) {
      text.push_back(round % 2 == 0 ? static_cast<char>(rng() & 0xFF)
                                    : alphabet[rng() % alphabet.size()]);
    }
    ExpectWellFormed(text, extractor.Scan(text));
    (void)extractor.NormalizePhone(text);
  }
}

TEST(ScanInvarianceTest, BoundaryTruncations) {
  Extractor extractor{ExtractorOptions{}};
  for (const char* sample : kSamples) {
    std::string text = sample;
    for (size_t cut = 0; cut <= text.size(); ++cut) {
      std::string head = text.substr(0, cut);
      ExpectWellFormed(head, extractor.Scan(head));
      std::string tail = text.substr(cut);
      ExpectWellFormed(tail, extractor.Scan(tail));
    }
  }
}

}  // namespace
}  // namespace casegraph::extract
