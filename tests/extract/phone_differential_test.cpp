// The fast phone validator (phone_rules.h) against libphonenumber itself, on random candidates:
// example numbers of every region and non-geographical entity, mutated (digits changed, dropped or
// added) and written in the forms chat text uses (+CC, IDD, national prefix, bare), parsed with
// several default regions. Set CASEGRAPH_PHONE_DIFF_N for a longer run (default 8000 per test;
// about 3 s under ASan; 500000 over every default region agreed at the time of writing).
#include <gtest/gtest.h>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <cstdlib>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "extract/phone_rules.h"
#include "extract/phone_scanner.h"

namespace casegraph::extract::internal {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

size_t SampleCount() {
  const char* env = std::getenv("CASEGRAPH_PHONE_DIFF_N");
  return env != nullptr ? std::strtoul(env, nullptr, 10) : 8000;
}

// Parse + IsValidNumber + Format(E164), the plain libphonenumber way.
std::optional<std::string> Libphonenumber(const std::string& number, const std::string& region) {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber parsed;
  if (util->Parse(number, region, &parsed) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util->IsValidNumber(parsed)) {
    return std::nullopt;
  }
  std::string e164;
  util->Format(parsed, PhoneNumberUtil::E164, &e164);
  return e164;
}

// A valid number to start from: calling code and national significant number.
struct Seed {
  int country_code;
  std::string nsn;
};

std::vector<Seed> ExampleNumbers() {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  std::vector<Seed> seeds;
  auto add = [&](const PhoneNumber& number) {
    std::string nsn;
    util->GetNationalSignificantNumber(number, &nsn);
    seeds.push_back({number.country_code(), nsn});
  };
  std::set<std::string> regions;
  util->GetSupportedRegions(&regions);
  for (const std::string& region : regions) {
    for (int type = PhoneNumberUtil::FIXED_LINE; type <= PhoneNumberUtil::VOICEMAIL; ++type) {
      PhoneNumber number;
      if (util->GetExampleNumberForType(region, static_cast<PhoneNumberUtil::PhoneNumberType>(type),
                                        &number)) {
        add(number);
      }
    }
  }
  std::set<int> global;
  util->GetSupportedGlobalNetworkCallingCodes(&global);
  for (int code : global) {
    PhoneNumber number;
    if (util->GetExampleNumberForNonGeoEntity(code, &number)) add(number);
  }
  return seeds;
}

class CandidateMaker {
 public:
  explicit CandidateMaker(uint32_t seed) : rng_(seed), seeds_(ExampleNumbers()) {}

  // Digits with an optional leading '+', as the scanner hands them to the parser.
  std::string Next(const std::string& region) {
    const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
    // Half of the time a number of the default region, mostly Turkish mobiles for TR.
    Seed seed = seeds_[rng_() % seeds_.size()];
    if (Chance(2)) {
      std::string sample = RandomNumberOf(region);
      if (!sample.empty()) seed = {util->GetCountryCodeForRegion(region), sample};
    }
    std::string nsn = Mutate(seed.nsn);
    std::string code = std::to_string(seed.country_code);
    std::string prefix;
    util->GetNddPrefixForRegion(region, true, &prefix);
    switch (rng_() % 9) {
      case 0:
      case 1:
        return "+" + code + nsn;
      case 2:
        return "00" + code + nsn;
      case 3:
        return "011" + code + nsn;
      case 4:
        return prefix + nsn;
      case 5:
        return nsn;
      case 6:
        return code + nsn;
      case 7:
        return code + prefix + nsn;
      default:
        return RandomDigits();
    }
  }

 private:
  bool Chance(uint32_t one_in) { return rng_() % one_in == 0; }

  std::string RandomNumberOf(const std::string& region) {
    if (region == "TR") {
      static const char* const kStarts[] = {"5", "53", "532", "54", "55", "212", "216", "312",
                                            "850", "444", "800", "900", "0"};
      std::string out = kStarts[rng_() % std::size(kStarts)];
      while (out.size() < 10) out.push_back(static_cast<char>('0' + rng_() % 10));
      return out;
    }
    return {};
  }

  std::string Mutate(std::string nsn) {
    switch (rng_() % 6) {
      case 0:  // change one digit
        nsn[rng_() % nsn.size()] = static_cast<char>('0' + rng_() % 10);
        break;
      case 1:  // drop one
        if (nsn.size() > 1) nsn.erase(rng_() % nsn.size(), 1);
        break;
      case 2:  // add one
        nsn.insert(nsn.begin() + static_cast<long>(rng_() % (nsn.size() + 1)),
                   static_cast<char>('0' + rng_() % 10));
        break;
      case 3:  // change the last digits: a distinct number of the same block
        for (size_t k = nsn.size() > 4 ? nsn.size() - 4 : 0; k < nsn.size(); ++k) {
          nsn[k] = static_cast<char>('0' + rng_() % 10);
        }
        break;
      default:  // unchanged
        break;
    }
    return nsn;
  }

  std::string RandomDigits() {
    static const char* const kStarts[] = {"+", "+0", "0", "00", "000", "1", "9", "90", "+90", "+1",
                                          "+44", "+49", "+7", "+800", "+999", "8", "810"};
    std::string out = kStarts[rng_() % std::size(kStarts)];
    size_t length = 3 + rng_() % 16;
    while (out.size() < length) out.push_back(static_cast<char>('0' + rng_() % 10));
    return out;
  }

  std::mt19937 rng_;
  std::vector<Seed> seeds_;
};

TEST(PhoneRulebookTest, AvailableForCommonRegions) {
  const PhoneRulebook& rulebook = PhoneRulebook::Get();
  ASSERT_TRUE(rulebook.available());
  for (const char* region : {"TR", "US", "DE", "GB", "RU", "BR", "AR", "IN", "GG", "CA"}) {
    EXPECT_NE(rulebook.ForRegion(region), nullptr) << region;
  }
  EXPECT_EQ(rulebook.ForRegion("ZZ"), nullptr);
  EXPECT_EQ(rulebook.ForRegion("001"), nullptr);
  EXPECT_TRUE(rulebook.IsKnownCallingCode(90));
  EXPECT_TRUE(rulebook.IsKnownCallingCode(800));
  EXPECT_FALSE(rulebook.IsKnownCallingCode(999));
}

TEST(PhoneRulebookTest, HandPickedCases) {
  const PhoneRulebook& rulebook = PhoneRulebook::Get();
  const RegionRules* tr = rulebook.ForRegion("TR");
  ASSERT_NE(tr, nullptr);
  std::string e164;
  EXPECT_EQ(rulebook.ParseValid(*tr, "05320000000", &e164), PhoneVerdict::kValid);
  EXPECT_EQ(e164, "+905320000000");
  EXPECT_EQ(rulebook.ParseValid(*tr, "+905320000001", &e164), PhoneVerdict::kValid);
  EXPECT_EQ(e164, "+905320000001");
  EXPECT_EQ(rulebook.ParseValid(*tr, "00905320000002", &e164), PhoneVerdict::kValid);
  EXPECT_EQ(e164, "+905320000002");
  EXPECT_EQ(rulebook.ParseValid(*tr, "905320000003", &e164), PhoneVerdict::kValid);  // too long
  EXPECT_EQ(e164, "+905320000003");
  EXPECT_EQ(rulebook.ParseValid(*tr, "+12025550123", &e164), PhoneVerdict::kValid);
  EXPECT_EQ(e164, "+12025550123");
  EXPECT_EQ(rulebook.ParseValid(*tr, "+15555555555", &e164), PhoneVerdict::kInvalid);
  EXPECT_EQ(rulebook.ParseValid(*tr, "+9053200000", &e164), PhoneVerdict::kInvalid);
  EXPECT_EQ(rulebook.ParseValid(*tr, "+999123456789", &e164), PhoneVerdict::kInvalid);
  EXPECT_EQ(rulebook.ParseValid(*tr, "12", &e164), PhoneVerdict::kUnsupported);
  EXPECT_EQ(rulebook.ParseValid(*tr, "05320a00000", &e164), PhoneVerdict::kUnsupported);
  // Transform rules: a 7-digit Antigua number dialled in national form from AG.
  const RegionRules* ag = rulebook.ForRegion("AG");
  ASSERT_NE(ag, nullptr);
  EXPECT_EQ(rulebook.ParseValid(*ag, "4641234", &e164) == PhoneVerdict::kValid,
            Libphonenumber("4641234", "AG").has_value());
}

// Fast verdict == libphonenumber's verdict for the same string and default region.
TEST(PhoneRulebookTest, AgreesWithLibphonenumberOnRandomCandidates) {
  const PhoneRulebook& rulebook = PhoneRulebook::Get();
  ASSERT_TRUE(rulebook.available());
  const std::vector<std::string> regions = {"TR", "TR", "TR", "US", "DE", "GB", "RU", "BR",
                                            "AR", "IN", "GG", "CA", "AG", "IT", "FR", "MX"};
  CandidateMaker maker(20240601);
  const size_t samples = SampleCount();
  size_t valid = 0;
  size_t unsupported = 0;
  size_t mismatches = 0;
  for (size_t k = 0; k < samples; ++k) {
    const std::string& region = regions[k % regions.size()];
    const RegionRules* rules = rulebook.ForRegion(region);
    ASSERT_NE(rules, nullptr) << region;
    std::string number = maker.Next(region);
    std::string e164;
    PhoneVerdict verdict = rulebook.ParseValid(*rules, number, &e164);
    if (verdict == PhoneVerdict::kUnsupported) {
      ++unsupported;
      continue;
    }
    std::optional<std::string> expected = Libphonenumber(number, region);
    std::optional<std::string> actual;
    if (verdict == PhoneVerdict::kValid) actual = e164;
    valid += expected.has_value();
    if (actual != expected && ++mismatches <= 20) {
      ADD_FAILURE() << "region " << region << " number " << number << ": fast "
                    << actual.value_or("invalid") << ", libphonenumber "
                    << expected.value_or("invalid");
    }
  }
  EXPECT_EQ(mismatches, 0u);
  // The comparison must not be vacuous: many valid numbers, few left to libphonenumber.
  EXPECT_GT(valid, samples / 5);
  EXPECT_LT(unsupported, samples / 50);
}

// PhoneParser::ToE164 (length filter + rulebook) == the same filter + libphonenumber.
TEST(PhoneRulebookTest, PhoneParserAgreesWithLibphonenumberPath) {
  CandidateMaker maker(7);
  const size_t samples = SampleCount() / 2;
  size_t mismatches = 0;
  size_t valid = 0;
  for (const char* region : {"TR", "US", "DE", "GB"}) {
    PhoneParser parser(region);
    for (size_t k = 0; k < samples / 4; ++k) {
      std::string number = maker.Next(region);
      auto expected = parser.ToE164WithLibphonenumber(number);
      auto actual = parser.ToE164(number);
      valid += expected.has_value();
      if (actual != expected && ++mismatches <= 20) {
        ADD_FAILURE() << "region " << region << " number " << number << ": fast "
                      << actual.value_or("invalid") << ", libphonenumber "
                      << expected.value_or("invalid");
      }
    }
  }
  EXPECT_EQ(mismatches, 0u);
  EXPECT_GT(valid, samples / 10);
}

}  // namespace
}  // namespace casegraph::extract::internal
