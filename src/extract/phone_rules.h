// Internal to extract/: a fast, exact re-implementation of the part of libphonenumber that
// phone_scanner needs, i.e. PhoneNumberUtil::Parse(number, region) + IsValidNumber + Format(E164)
// for a number written as ASCII digits with an optional leading '+'.
//
// Debian builds libphonenumber with ICU regular expressions and no RE2; Parse and IsValidNumber
// then cost 10-20 us per number, which dominated extraction on chat text where most numbers are
// distinct. Here the same metadata (libphonenumber's compiled-in PhoneMetadataCollection, read
// once) drives the same steps, with the metadata's patterns compiled by RE2 and the type patterns
// of a region merged per number length, so a verdict costs well under a microsecond.
//
// The steps mirror phonenumberutil.cc (MaybeExtractCountryCode, MaybeStripNationalPrefixAndCarrier-
// Code, TestNumberLength, GetRegionCodeForNumberFromRegionList, GetNumberTypeHelper) and are checked
// against libphonenumber itself by tests/extract/phone_differential_test.cpp. Anything outside that
// scope (metadata missing, a pattern RE2 cannot compile, an unusual input) is reported as
// kUnsupported and the caller asks libphonenumber.
#pragma once

#include <string>
#include <string_view>

namespace casegraph::extract::internal {

struct RegionRules;

enum class PhoneVerdict { kValid, kInvalid, kUnsupported };

class PhoneRulebook {
 public:
  // The process-wide rulebook; its tables are built on first use and never change afterwards
  // (per calling code, the compiled patterns are built on first need, under a lock).
  static const PhoneRulebook& Get();

  // False when libphonenumber's metadata could not be read or did not agree with its public API;
  // every query then answers kUnsupported / nullptr.
  bool available() const { return available_; }

  // Rules of a region as a default region for parsing ("TR"); nullptr if unknown or unsupported.
  const RegionRules* ForRegion(const std::string& region) const;

  // Parse(number, default region) then IsValidNumber, like libphonenumber; `number` is ASCII digits
  // with an optional leading '+'. On kValid, *e164 is Format(E164) of the parsed number.
  PhoneVerdict ParseValid(const RegionRules& default_region, std::string_view number,
                          std::string* e164) const;

  // PhoneNumberUtil::IsPossibleNumber for country calling code `country_code` and national
  // significant number `nsn` (digits, leading zeros kept): kValid when possible, kInvalid when not
  // (or the calling code is unknown), kUnsupported when the rulebook is unavailable.
  PhoneVerdict IsPossible(int country_code, std::string_view nsn) const;

  // GetRegionCodeForCountryCode(cc) != "ZZ".
  bool IsKnownCallingCode(int country_code) const;

  struct Tables;

 private:
  PhoneRulebook();
  bool available_ = false;
  Tables* tables_ = nullptr;  // process lifetime
};

}  // namespace casegraph::extract::internal
