// Phone number scanning. A candidate starts at '+', '(' or a digit that is not glued to a word and
// runs over digits and separators (at most 3 visible separators in a row, invisible bidi marks
// ignored). Prefixes of the run that end after a digit group are tried longest first, so "ref 12
// 0532 123 45 67" still yields the number. To stay conservative, a candidate needs a leading '+', a
// leading 0 (national or international prefix) or an inner separator: a bare 10-digit run such as a
// Unix timestamp is never parsed.
#include "extract/phone_scanner.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <functional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "extract/phone_rules.h"

namespace casegraph::extract::internal {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kMinDigits = 7;
constexpr size_t kMaxDigits = 17;
constexpr int kMaxSeparatorsInRow = 3;
constexpr int kMaxParseAttempts = 4;

enum class SepKind { kNone, kVisible, kInvisible };

// Separator at `pos` (and its byte length) inside a phone number.
SepKind SeparatorAt(std::string_view text, size_t pos, size_t* length) {
  char c = text[pos];
  *length = 1;
  if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') return SepKind::kVisible;
  if (static_cast<unsigned char>(c) < 0x80) return SepKind::kNone;
  int32_t cp = CodePointAt(text, pos, length);
  switch (cp) {
    case 0x00A0:  // no-break space
    case 0x2007:  // figure space
    case 0x2009:  // thin space
    case 0x202F:  // narrow no-break space
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:  // dashes and minus
      return SepKind::kVisible;
    case 0x200E:
    case 0x200F:  // LRM, RLM
    case 0x202A:
    case 0x202B:
    case 0x202C:
    case 0x202D:
    case 0x202E:  // embeddings and overrides
    case 0x2066:
    case 0x2067:
    case 0x2068:
    case 0x2069:  // isolates
    case 0x2060:  // word joiner
    case 0xFEFF:
      return SepKind::kInvisible;
    default:
      return SepKind::kNone;
  }
}

// May a number start at `pos` given what precedes it?
bool StartAllowed(std::string_view text, size_t pos) {
  char c = text[pos];
  if (c == '+' || c == '(') {
    if (pos + 1 >= text.size() || !IsAsciiDigit(text[pos + 1])) return false;
  }
  if (pos == 0) return true;
  char prev = text[pos - 1];
  static constexpr std::string_view kGluePrefix = "./-_@#&=%$+\\,";
  if (kGluePrefix.find(prev) != std::string_view::npos) return false;
  return !IsWordBefore(text, pos);
}

// May a number end at `end` given what follows it?
bool EndAllowed(std::string_view text, size_t end) {
  if (end >= text.size()) return true;
  char next = text[end];
  if (next == '@' || next == '_') return false;
  if ((next == '.' || next == '-' || next == '/' || next == ',' || next == ':') &&
      end + 1 < text.size() && IsAsciiDigit(text[end + 1])) {
    return false;  // part of a longer numeric token (IP, date, decimal)
  }
  return !IsWordAt(text, end);
}

bool Overlaps(const std::vector<Span>& taken, size_t start, size_t end) {
  auto it = std::upper_bound(taken.begin(), taken.end(), start,
                             [](size_t value, const Span& span) { return value < span.end; });
  return it != taken.end() && it->start < end;
}

constexpr std::array<bool, 256> MakeCanStartTable() {
  std::array<bool, 256> table{};
  for (char c : std::string_view("0123456789+(")) table[static_cast<unsigned char>(c)] = true;
  return table;
}
constexpr std::array<bool, 256> kCanStart = MakeCanStartTable();

// First byte at or after `i` that may start a number ('0'-'9', '+', '('), or `n`. Most chat text
// has none, so this skip loop is the phone scanner's main cost: 16 bytes per step with SSE2.
size_t NextCandidate(const unsigned char* data, size_t i, size_t n) {
#if defined(__SSE2__)
  if (n >= 16) {
    const __m128i zero = _mm_set1_epi8('0');
    const __m128i nine = _mm_set1_epi8(9);
    const __m128i plus = _mm_set1_epi8('+');
    const __m128i paren = _mm_set1_epi8('(');
    auto candidates = [&](size_t at) {
      __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
      __m128i offset = _mm_sub_epi8(bytes, zero);
      __m128i digit = _mm_cmpeq_epi8(_mm_min_epu8(offset, nine), offset);
      __m128i sign = _mm_or_si128(_mm_cmpeq_epi8(bytes, plus), _mm_cmpeq_epi8(bytes, paren));
      return static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(digit, sign)));
    };
    for (; i + 16 <= n; i += 16) {
      unsigned mask = candidates(i);
      if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
    }
    if (i >= n) return n;
    // Tail: the last 16 bytes, ignoring those before i.
    unsigned mask = candidates(n - 16) >> (i - (n - 16));
    return mask != 0 ? i + static_cast<size_t>(__builtin_ctz(mask)) : n;
  }
#endif
  while (i < n && !kCanStart[data[i]]) ++i;
  return i;
}

constexpr size_t kCacheSize = 512;

struct CacheEntry {
  bool used = false;
  bool valid = false;
  std::string number;
  std::string region;
  std::string e164;
};

// Left uninitialised in bulk (only entries written for the current candidate are read).
struct GroupEnd {
  size_t end;          // byte offset after the group's last digit
  size_t digit_count;  // digits from the start of the candidate
  size_t groups;       // digit groups from the start of the candidate
};

}  // namespace

PhoneParser::PhoneParser(std::string region) : region_(std::move(region)) {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  country_code_ = util->GetCountryCodeForRegion(region_);
  util->GetNddPrefixForRegion(region_, /*strip_non_digits=*/true, &national_prefix_);
  rules_ = PhoneRulebook::Get().ForRegion(region_);
}

// libphonenumber's Parse and IsValidNumber run several ICU regular expressions (Debian builds it
// without RE2), about 20 us per call, so most candidates (dates, amounts, ids) were rejected here
// first: the country calling code must exist and the national significant number must have a
// possible length for it. Only a rejection is trusted; a pass goes on to Parse. (The rulebook now
// makes Parse cheap, but this filter stays in front of it: it defines which numbers are reported.)
bool PhoneParser::PlausibleLength(std::string_view number, bool use_rulebook) const {
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  const PhoneRulebook& rulebook = PhoneRulebook::Get();
  auto possible = [&](int country_code, std::string_view nsn) {
    if (nsn.empty() || nsn.size() > 17) return false;
    size_t zeros = nsn.find_first_not_of('0');
    if (zeros == std::string_view::npos) return false;
    if (use_rulebook) {
      PhoneVerdict verdict = rulebook.IsPossible(country_code, nsn);
      if (verdict != PhoneVerdict::kUnsupported) return verdict == PhoneVerdict::kValid;
    }
    PhoneNumber candidate;
    candidate.set_country_code(country_code);
    uint64_t value = 0;
    for (char c : nsn) value = value * 10 + static_cast<uint64_t>(c - '0');
    candidate.set_national_number(value);
    if (zeros > 0) {
      candidate.set_italian_leading_zero(true);
      candidate.set_number_of_leading_zeros(static_cast<int32_t>(zeros));
    }
    return util->IsPossibleNumber(candidate);
  };
  auto known = [&](int country_code) {
    if (use_rulebook && rulebook.available()) return rulebook.IsKnownCallingCode(country_code);
    std::string region;
    util->GetRegionCodeForCountryCode(country_code, &region);
    return region != "ZZ";
  };
  if (!number.empty() && number[0] == '+') {
    for (size_t cc_len = 1; cc_len <= 3 && cc_len < number.size(); ++cc_len) {
      int country_code = 0;
      for (size_t k = 1; k <= cc_len; ++k) country_code = country_code * 10 + (number[k] - '0');
      // Calling codes are prefix-free: the first known one is the only candidate.
      if (known(country_code)) return possible(country_code, number.substr(1 + cc_len));
    }
    return false;
  }
  if (country_code_ == 0 || number.substr(0, 2) == "00") return true;  // let Parse decide
  if (possible(country_code_, number)) return true;
  return !national_prefix_.empty() &&
         number.substr(0, national_prefix_.size()) == national_prefix_ &&
         possible(country_code_, number.substr(national_prefix_.size()));
}

std::optional<std::string> PhoneParser::ToE164(std::string_view number) const {
  if (!PlausibleLength(number, /*use_rulebook=*/true)) return std::nullopt;
  if (rules_ != nullptr) {
    std::string e164;
    switch (PhoneRulebook::Get().ParseValid(*rules_, number, &e164)) {
      case PhoneVerdict::kValid:
        return e164;
      case PhoneVerdict::kInvalid:
        return std::nullopt;
      case PhoneVerdict::kUnsupported:
        break;
    }
  }
  return LibphonenumberE164(number);
}

std::optional<std::string> PhoneParser::ToE164WithLibphonenumber(std::string_view number) const {
  if (!PlausibleLength(number, /*use_rulebook=*/false)) return std::nullopt;
  return LibphonenumberE164(number);
}

std::optional<std::string> PhoneParser::LibphonenumberE164(std::string_view number) const {
  // Chats repeat the same few numbers over and over: remember recent answers per thread.
  thread_local std::array<CacheEntry, kCacheSize> cache;
  size_t slot =
      (std::hash<std::string_view>{}(number) ^ std::hash<std::string>{}(region_)) % kCacheSize;
  CacheEntry& entry = cache[slot];
  if (entry.used && entry.number == number && entry.region == region_) {
    if (!entry.valid) return std::nullopt;
    return entry.e164;
  }
  entry.used = true;
  entry.number.assign(number);
  entry.region.assign(region_);
  entry.e164.clear();
  entry.valid = false;

  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  PhoneNumber parsed;
  if (util->Parse(entry.number, region_, &parsed) != PhoneNumberUtil::NO_PARSING_ERROR ||
      !util->IsValidNumber(parsed)) {
    return std::nullopt;
  }
  util->Format(parsed, PhoneNumberUtil::E164, &entry.e164);
  entry.valid = true;
  return entry.e164;
}

std::optional<std::string> PhoneParser::NormalizeField(std::string_view raw) const {
  std::string digits;
  bool plus = false;
  size_t pos = 0;
  while (pos < raw.size()) {
    char c = raw[pos];
    if (IsAsciiDigit(c)) {
      digits.push_back(c);
      ++pos;
      continue;
    }
    if (c == '+' && digits.empty() && !plus) {
      plus = true;
      ++pos;
      continue;
    }
    size_t length = 0;
    bool is_space = c == '\t' || c == '\n' || c == '\r';
    if (!is_space && SeparatorAt(raw, pos, &length) == SepKind::kNone) return std::nullopt;
    pos += std::max<size_t>(length, 1);
  }
  if (digits.size() < kMinDigits || digits.size() > kMaxDigits) return std::nullopt;
  if (plus) return ToE164(Concat("+", digits));
  if (auto national = ToE164(digits)) return national;
  if (digits.size() >= 10 && digits[0] != '0') return ToE164(Concat("+", digits));
  return std::nullopt;
}

void ScanPhones(std::string_view text, const PhoneParser& parser, const std::vector<Span>& taken,
                std::vector<IdentifierHit>& hits) {
  const size_t n = text.size();
  auto taken_it = taken.begin();
  std::string number;
  GroupEnd group_ends[kMaxDigits + 1];
  size_t i = 0;
  while (i < n) {
    i = NextCandidate(reinterpret_cast<const unsigned char*>(text.data()), i, n);
    if (i >= n) break;
    char c = text[i];
    // Skip spans of other identifiers wholesale.
    while (taken_it != taken.end() && taken_it->end <= i) ++taken_it;
    if (taken_it != taken.end() && taken_it->start <= i) {
      i = taken_it->end;
      continue;
    }
    const size_t start = i;
    if (!StartAllowed(text, start)) {
      ++i;
      while (i < n && IsAsciiAlnum(text[i])) ++i;
      continue;
    }

    // Collect the candidate run: digit groups and separators.
    number.clear();
    bool plus = c == '+';
    if (plus) number.push_back('+');
    size_t j = (c == '+' || c == '(') ? start + 1 : start;
    size_t group_count = 0;
    size_t digit_count = 0;
    int separators_in_row = 0;
    while (j < n) {
      if (IsAsciiDigit(text[j])) {
        while (j < n && IsAsciiDigit(text[j]) && digit_count <= kMaxDigits) {
          number.push_back(text[j]);
          ++digit_count;
          ++j;
        }
        if (digit_count > kMaxDigits) break;
        group_ends[group_count] = GroupEnd{j, digit_count, group_count + 1};
        ++group_count;
        separators_in_row = 0;
        continue;
      }
      size_t length = 0;
      SepKind sep = SeparatorAt(text, j, &length);
      if (sep == SepKind::kNone) break;
      if (sep == SepKind::kVisible && ++separators_in_row > kMaxSeparatorsInRow) break;
      j += length;
    }
    if (group_count == 0) {
      i = start + 1;
      continue;
    }

    // Try prefixes ending after a digit group, longest first.
    bool found = false;
    int attempts = 0;
    const size_t offset = plus ? 1 : 0;
    for (size_t g = group_count; g-- > 0 && attempts < kMaxParseAttempts;) {
      const GroupEnd& candidate = group_ends[g];
      if (candidate.digit_count < kMinDigits) break;
      bool conservative_ok = plus || number[offset] == '0' || candidate.groups >= 2;
      if (!conservative_ok || !EndAllowed(text, candidate.end) ||
          Overlaps(taken, start, candidate.end)) {
        continue;
      }
      ++attempts;
      auto e164 = parser.ToE164(std::string_view(number).substr(0, offset + candidate.digit_count));
      if (e164) {
        AddHit(hits, IdentifierKind::kPhone, std::move(*e164), start, candidate.end);
        i = candidate.end;
        found = true;
        break;
      }
    }
    // After a failed international candidate, never reread its tail as a national number.
    if (!found) i = plus ? group_ends[group_count - 1].end : group_ends[0].end;
  }
}

}  // namespace casegraph::extract::internal
