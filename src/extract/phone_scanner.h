// Internal to extract/: phone numbers. Candidates are found by hand (digits with separators and
// invisible bidi marks), then validated and formatted to E.164 by libphonenumber, whose
// PhoneNumberUtil singleton is thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/identifier.h"
#include "extract/scan_util.h"

namespace casegraph::extract::internal {

struct RegionRules;

class PhoneParser {
 public:
  explicit PhoneParser(std::string region);

  // `number` is digits with an optional leading '+'; national numbers use the region. E.164
  // ("+905321234567") if libphonenumber parses it and calls it valid. Answered by PhoneRulebook
  // (phone_rules.h) from libphonenumber's metadata, by libphonenumber itself when that can't.
  std::optional<std::string> ToE164(std::string_view number) const;

  // ToE164 computed the slow way only, with libphonenumber's Parse and IsValidNumber (for tests).
  std::optional<std::string> ToE164WithLibphonenumber(std::string_view number) const;

  // A number from a profile field: separators and invisible marks are allowed, letters are not.
  // Digits without '+' are tried in national form first, then (>= 10 digits, no leading 0) as
  // international, since Telegram exports omit the '+'.
  std::optional<std::string> NormalizeField(std::string_view raw) const;

 private:
  // Cheap length check on metadata (no regular expressions) before the costly Parse.
  bool PlausibleLength(std::string_view number, bool use_rulebook) const;
  std::optional<std::string> LibphonenumberE164(std::string_view number) const;

  std::string region_;
  const RegionRules* rules_ = nullptr;  // of region_ in PhoneRulebook; null: libphonenumber only
  int country_code_ = 0;         // of region_, 0 if unknown
  std::string national_prefix_;  // e.g. "0" for TR
};

// Appends phone hits of `text`. `taken` holds the merged, sorted spans of other identifiers (URLs,
// e-mails, wallets ...): digits inside them are never reported as phones.
void ScanPhones(std::string_view text, const PhoneParser& parser, const std::vector<Span>& taken,
                std::vector<IdentifierHit>& hits);

}  // namespace casegraph::extract::internal
