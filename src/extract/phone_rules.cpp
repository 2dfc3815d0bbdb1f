// Fast exact Parse + IsValidNumber on libphonenumber's own metadata (see phone_rules.h). Function
// names in comments refer to libphonenumber's phonenumberutil.cc, whose steps are mirrored here.
#include "extract/phone_rules.h"

#include <phonenumbers/phonenumberutil.h>
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

// libphonenumber's compiled-in metadata (a serialized PhoneMetadataCollection), exported by
// libphonenumber.so but declared only in an uninstalled header. Weak, so that a build without them
// links and simply runs without the fast path.
namespace i18n::phonenumbers {
int metadata_size() __attribute__((weak));
const void* metadata_get() __attribute__((weak));
}  // namespace i18n::phonenumbers

namespace casegraph::extract::internal {
namespace {

using i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kMaxLengthForNsn = 17;  // PhoneNumberUtil::kMaxLengthForNsn
constexpr size_t kMinLengthForNsn = 2;
constexpr size_t kMaxInputDigits = 32;
constexpr int kMaxCallingCode = 999;

// PhoneMetadata's PhoneNumberDesc fields used by validation, in one array.
enum Desc {
  kGeneral,
  kFixedLine,
  kMobile,
  kTollFree,
  kPremiumRate,
  kSharedCost,
  kPersonalNumber,
  kVoip,
  kPager,
  kUan,
  kVoicemail,
  kDescCount
};

int DescForField(uint32_t field) {
  switch (field) {
    case 1:
      return kGeneral;
    case 2:
      return kFixedLine;
    case 3:
      return kMobile;
    case 4:
      return kTollFree;
    case 5:
      return kPremiumRate;
    case 6:
      return kSharedCost;
    case 7:
      return kPersonalNumber;
    case 8:
      return kVoip;
    case 21:
      return kPager;
    case 25:
      return kUan;
    case 28:
      return kVoicemail;
    default:
      return -1;
  }
}

struct RawDesc {
  std::string pattern;  // national_number_pattern
  std::vector<int> lengths;
  std::vector<int> local_lengths;
};

struct RawRegion {
  std::string id;
  int country_code = 0;
  std::string international_prefix;
  std::string national_prefix;
  std::string national_prefix_for_parsing;
  std::string transform_rule;
  bool has_leading_digits = false;
  std::string leading_digits;
  bool same_mobile_and_fixed_line_pattern = false;
  RawDesc descs[kDescCount];
};

// ---- Minimal protobuf wire-format reader (proto2, the fields above only) ----

class WireReader {
 public:
  explicit WireReader(std::string_view bytes)
      : p_(reinterpret_cast<const uint8_t*>(bytes.data())), end_(p_ + bytes.size()) {}

  bool ok() const { return ok_; }
  bool done() const { return !ok_ || p_ >= end_; }

  uint64_t Varint() {
    uint64_t value = 0;
    for (int shift = 0; shift < 64 && p_ < end_; shift += 7) {
      uint8_t byte = *p_++;
      value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    ok_ = false;
    return 0;
  }

  std::string_view Bytes() {
    uint64_t size = Varint();
    if (!ok_ || size > static_cast<uint64_t>(end_ - p_)) {
      ok_ = false;
      return {};
    }
    std::string_view out(reinterpret_cast<const char*>(p_), size);
    p_ += size;
    return out;
  }

  void Skip(uint32_t wire_type) {
    switch (wire_type) {
      case 0:
        Varint();
        return;
      case 1:
        Advance(8);
        return;
      case 2:
        Bytes();
        return;
      case 5:
        Advance(4);
        return;
      default:
        ok_ = false;
    }
  }

 private:
  void Advance(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) {
      ok_ = false;
      return;
    }
    p_ += n;
  }

  const uint8_t* p_;
  const uint8_t* end_;
  bool ok_ = true;
};

// repeated int32, packed or not.
void ReadInt32s(WireReader& reader, uint32_t wire_type, std::vector<int>* out) {
  if (wire_type == 0) {
    out->push_back(static_cast<int>(static_cast<int64_t>(reader.Varint())));
  } else if (wire_type == 2) {
    WireReader packed(reader.Bytes());
    while (!packed.done()) out->push_back(static_cast<int>(static_cast<int64_t>(packed.Varint())));
    if (!packed.ok()) reader.Skip(7);  // marks the outer reader as failed
  } else {
    reader.Skip(7);
  }
}

bool ReadDesc(std::string_view bytes, RawDesc* desc) {
  WireReader reader(bytes);
  while (!reader.done()) {
    uint64_t tag = reader.Varint();
    auto field = static_cast<uint32_t>(tag >> 3);
    auto wire_type = static_cast<uint32_t>(tag & 7);
    if (field == 2 && wire_type == 2) {
      desc->pattern.assign(reader.Bytes());
    } else if (field == 9) {
      ReadInt32s(reader, wire_type, &desc->lengths);
    } else if (field == 10) {
      ReadInt32s(reader, wire_type, &desc->local_lengths);
    } else {
      reader.Skip(wire_type);
    }
  }
  return reader.ok();
}

bool ReadRegion(std::string_view bytes, RawRegion* region) {
  WireReader reader(bytes);
  while (!reader.done()) {
    uint64_t tag = reader.Varint();
    auto field = static_cast<uint32_t>(tag >> 3);
    auto wire_type = static_cast<uint32_t>(tag & 7);
    int desc = DescForField(field);
    if (desc >= 0 && wire_type == 2) {
      if (!ReadDesc(reader.Bytes(), &region->descs[desc])) return false;
      continue;
    }
    std::string* text = nullptr;
    switch (field) {
      case 9:
        text = &region->id;
        break;
      case 11:
        text = &region->international_prefix;
        break;
      case 12:
        text = &region->national_prefix;
        break;
      case 15:
        text = &region->national_prefix_for_parsing;
        break;
      case 16:
        text = &region->transform_rule;
        break;
      case 23:
        text = &region->leading_digits;
        region->has_leading_digits = true;
        break;
      default:
        break;
    }
    if (text != nullptr && wire_type == 2) {
      text->assign(reader.Bytes());
    } else if (field == 10 && wire_type == 0) {
      region->country_code = static_cast<int>(reader.Varint());
    } else if (field == 18 && wire_type == 0) {
      region->same_mobile_and_fixed_line_pattern = reader.Varint() != 0;
    } else {
      reader.Skip(wire_type);
    }
  }
  return reader.ok();
}

// ---- Lengths (TestNumberLength with type UNKNOWN) ----

enum class LengthResult { kPossible, kLocalOnly, kTooShort, kTooLong, kInvalidLength };

bool Contains(const std::vector<int>& values, int value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// `lengths` is never empty (checked when the tables are built).
LengthResult TestLength(size_t size, const std::vector<int>& lengths,
                        const std::vector<int>& local_lengths) {
  if (lengths.front() == -1) return LengthResult::kInvalidLength;
  int actual = static_cast<int>(size);
  if (Contains(local_lengths, actual)) return LengthResult::kLocalOnly;
  if (lengths.front() == actual) return LengthResult::kPossible;
  if (lengths.front() > actual) return LengthResult::kTooShort;
  if (lengths.back() < actual) return LengthResult::kTooLong;
  return Contains(lengths, actual) ? LengthResult::kPossible : LengthResult::kInvalidLength;
}

re2::StringPiece Piece(std::string_view text) { return re2::StringPiece(text.data(), text.size()); }

bool FullMatch(const RE2& re, std::string_view text) {
  return re.Match(Piece(text), 0, text.size(), RE2::ANCHOR_BOTH, nullptr, 0);
}

// Length of the match anchored at the start of `text` (RegExp::Consume), or -1.
int PrefixMatch(const RE2& re, std::string_view text) {
  re2::StringPiece match;
  if (!re.Match(Piece(text), 0, text.size(), RE2::ANCHOR_START, &match, 1)) return -1;
  return static_cast<int>(match.size());
}

std::unique_ptr<RE2> Compile(const std::string& pattern, bool* ok) {
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) *ok = false;
  return re;
}

// A transform rule is literal digits and "$1".."$9" references; anything else (escapes, "$12") is
// left to libphonenumber.
bool TransformRuleSupported(const std::string& rule, int groups) {
  for (size_t k = 0; k < rule.size(); ++k) {
    char c = rule[k];
    if (c >= '0' && c <= '9') continue;
    if (c != '$' || k + 1 >= rule.size()) return false;
    int group = rule[k + 1] - '0';
    if (group < 1 || group > groups) return false;
    if (k + 2 < rule.size() && rule[k + 2] >= '0' && rule[k + 2] <= '9') return false;
    ++k;
  }
  return true;
}

}  // namespace

// A region's metadata with its patterns compiled.
struct RegionRules {
  const RawRegion* raw = nullptr;
  int country_code = 0;
  std::string country_code_string;
  const std::vector<int>* lengths = nullptr;        // general_desc.possible_length, non-empty
  const std::vector<int>* local_lengths = nullptr;  // general_desc.possible_length_local_only
  std::unique_ptr<RE2> general;                     // null when the pattern is empty
  // Per national number length, the alternation of the patterns of every number type whose
  // possible lengths admit that length (GetNumberTypeHelper's chain, minus the order, which only
  // matters for the type and not for validity); null when no type admits it.
  std::array<const RE2*, kMaxLengthForNsn + 1> types_by_length{};
  std::vector<std::unique_ptr<RE2>> owned;
  std::unique_ptr<RE2> leading_digits;   // null unless the metadata has leading_digits
  std::unique_ptr<RE2> national_prefix;  // national_prefix_for_parsing, null when empty
  int national_prefix_groups = 0;
  std::unique_ptr<RE2> international_prefix;

  // IsMatch(number, general_desc): pattern only, no length check.
  bool MatchesGeneralPattern(std::string_view number) const {
    return general != nullptr && FullMatch(*general, number);
  }

  // GetNumberTypeHelper(nsn) != UNKNOWN.
  bool HasValidType(std::string_view nsn) const {
    if (nsn.size() > kMaxLengthForNsn) return false;
    int size = static_cast<int>(nsn.size());
    if (!lengths->empty() && !Contains(*lengths, size)) return false;
    if (!MatchesGeneralPattern(nsn)) return false;
    const RE2* types = types_by_length[nsn.size()];
    return types != nullptr && FullMatch(*types, nsn);
  }

  LengthResult Length(size_t size) const { return TestLength(size, *lengths, *local_lengths); }
};

struct CallingCodeRules {
  bool ok = true;
  // In GetRegionCodesForCountryCallingCode order (main country first); one entry for a
  // non-geographical entity.
  std::vector<std::unique_ptr<RegionRules>> regions;
};

struct PhoneRulebook::Tables {
  std::vector<RawRegion> raw;
  std::unordered_map<std::string, const RawRegion*> by_region;
  std::array<const RawRegion*, kMaxCallingCode + 1> non_geographical{};
  std::array<std::vector<std::string>, kMaxCallingCode + 1> region_ids;
  std::array<const RawRegion*, kMaxCallingCode + 1> main_region{};  // of region_ids.front()

  std::mutex mutex;
  std::array<std::atomic<const CallingCodeRules*>, kMaxCallingCode + 1> compiled{};
  std::vector<std::unique_ptr<CallingCodeRules>> owned;

  const RawRegion* RawFor(int country_code, const std::string& region) const {
    if (region == "001") return non_geographical[country_code];
    auto it = by_region.find(region);
    return it == by_region.end() ? nullptr : it->second;
  }

  const CallingCodeRules* Compiled(int country_code);
  std::unique_ptr<RegionRules> Build(const RawRegion& raw, bool* ok) const;
};

std::unique_ptr<RegionRules> PhoneRulebook::Tables::Build(const RawRegion& region, bool* ok) const {
  auto rules = std::make_unique<RegionRules>();
  rules->raw = &region;
  rules->country_code = region.country_code;
  rules->country_code_string = std::to_string(region.country_code);
  const RawDesc& general = region.descs[kGeneral];
  rules->lengths = &general.lengths;
  rules->local_lengths = &general.local_lengths;
  if (general.lengths.empty()) *ok = false;  // libphonenumber would read past the end
  if (!general.pattern.empty()) rules->general = Compile(general.pattern, ok);

  std::map<uint32_t, const RE2*> by_mask;
  for (size_t length = 0; length <= kMaxLengthForNsn; ++length) {
    uint32_t mask = 0;
    std::string alternation;
    for (int desc = kFixedLine; desc < kDescCount; ++desc) {
      if (desc == kMobile && region.same_mobile_and_fixed_line_pattern) continue;
      const RawDesc& type = region.descs[desc];
      if (type.pattern.empty()) continue;
      if (!type.lengths.empty() && !Contains(type.lengths, static_cast<int>(length))) continue;
      mask |= 1u << desc;
      if (!alternation.empty()) alternation += '|';
      alternation += "(?:" + type.pattern + ")";
    }
    if (mask == 0) continue;
    auto found = by_mask.find(mask);
    if (found == by_mask.end()) {
      rules->owned.push_back(Compile(alternation, ok));
      found = by_mask.emplace(mask, rules->owned.back().get()).first;
    }
    rules->types_by_length[length] = found->second;
  }

  if (region.has_leading_digits) rules->leading_digits = Compile(region.leading_digits, ok);
  if (!region.national_prefix_for_parsing.empty()) {
    rules->national_prefix = Compile(region.national_prefix_for_parsing, ok);
    rules->national_prefix_groups = rules->national_prefix->NumberOfCapturingGroups();
    if (rules->national_prefix_groups > 9) *ok = false;
    if (!region.transform_rule.empty() &&
        !TransformRuleSupported(region.transform_rule, rules->national_prefix_groups)) {
      *ok = false;
    }
  }
  rules->international_prefix = Compile(region.international_prefix, ok);
  return rules;
}

const CallingCodeRules* PhoneRulebook::Tables::Compiled(int country_code) {
  if (country_code <= 0 || country_code > kMaxCallingCode) return nullptr;
  const CallingCodeRules* done = compiled[country_code].load(std::memory_order_acquire);
  if (done != nullptr) return done;
  std::lock_guard<std::mutex> lock(mutex);
  done = compiled[country_code].load(std::memory_order_relaxed);
  if (done != nullptr) return done;
  auto rules = std::make_unique<CallingCodeRules>();
  rules->ok = !region_ids[country_code].empty();
  for (const std::string& id : region_ids[country_code]) {
    const RawRegion* raw_region = RawFor(country_code, id);
    if (raw_region == nullptr) {
      rules->ok = false;
      break;
    }
    rules->regions.push_back(Build(*raw_region, &rules->ok));
  }
  done = rules.get();
  owned.push_back(std::move(rules));
  compiled[country_code].store(done, std::memory_order_release);
  return done;
}

namespace {

// MaybeStripNationalPrefixAndCarrierCode (carrier code dropped). `*number` may end up pointing
// into `*storage` when a transform rule applies.
bool StripNationalPrefix(const RegionRules& region, std::string_view* number,
                         std::string* storage) {
  if (number->empty() || region.national_prefix == nullptr) return false;
  const bool viable_original = region.MatchesGeneralPattern(*number);
  re2::StringPiece groups[10];
  const int group_count = region.national_prefix_groups;
  if (!region.national_prefix->Match(Piece(*number), 0, number->size(), RE2::ANCHOR_START, groups,
                                     1 + group_count)) {
    return false;
  }
  const std::string& transform = region.raw->transform_rule;
  if (!transform.empty() && group_count >= 1) {
    // Consume(&carrier, &captured) needs two groups, else Consume(&captured) one.
    re2::StringPiece captured = group_count >= 2 ? groups[2] : groups[1];
    if (!captured.empty()) {
      // Replace the (first) match, the one at the start, with the expanded rule.
      std::string transformed;
      for (size_t k = 0; k < transform.size(); ++k) {
        if (transform[k] == '$') {
          const re2::StringPiece& group = groups[transform[k + 1] - '0'];
          transformed.append(group.data(), group.size());
          ++k;
        } else {
          transformed.push_back(transform[k]);
        }
      }
      transformed.append(number->substr(groups[0].size()));
      if (viable_original && !region.MatchesGeneralPattern(transformed)) return false;
      *storage = std::move(transformed);
      *number = *storage;
      return true;
    }
  }
  std::string_view stripped = number->substr(groups[0].size());
  if (viable_original && !region.MatchesGeneralPattern(stripped)) return false;
  *number = stripped;
  return true;
}

}  // namespace

PhoneRulebook::PhoneRulebook() {
  using i18n::phonenumbers::metadata_get;
  using i18n::phonenumbers::metadata_size;
  if (&metadata_get == nullptr || &metadata_size == nullptr) return;
  const void* bytes = metadata_get();
  int size = metadata_size();
  if (bytes == nullptr || size <= 0) return;

  auto tables = std::make_unique<Tables>();
  WireReader collection(std::string_view(static_cast<const char*>(bytes), size));
  while (!collection.done()) {
    uint64_t tag = collection.Varint();
    if ((tag >> 3) == 1 && (tag & 7) == 2) {
      RawRegion region;
      if (!ReadRegion(collection.Bytes(), &region)) return;
      tables->raw.push_back(std::move(region));
    } else {
      collection.Skip(static_cast<uint32_t>(tag & 7));
    }
  }
  if (!collection.ok() || tables->raw.empty()) return;

  // Cross-check the decoded metadata with libphonenumber's public API.
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  std::set<std::string> supported;
  util->GetSupportedRegions(&supported);
  size_t geographical = 0;
  for (const RawRegion& region : tables->raw) {
    int code = region.country_code;
    if (code <= 0 || code > kMaxCallingCode) return;
    if (region.id == "001") {
      tables->non_geographical[code] = &region;
      continue;
    }
    ++geographical;
    std::string national_prefix;
    util->GetNddPrefixForRegion(region.id, /*strip_non_digits=*/false, &national_prefix);
    if (supported.count(region.id) == 0 || util->GetCountryCodeForRegion(region.id) != code ||
        national_prefix != region.national_prefix) {
      return;
    }
    tables->by_region.emplace(region.id, &region);
  }
  if (geographical != supported.size()) return;
  for (int code = 1; code <= kMaxCallingCode; ++code) {
    std::list<std::string> ids;
    util->GetRegionCodesForCountryCallingCode(code, &ids);
    tables->region_ids[code].assign(ids.begin(), ids.end());
    if (!ids.empty()) tables->main_region[code] = tables->RawFor(code, ids.front());
  }
  tables_ = tables.release();  // process lifetime, like libphonenumber's own singleton
  available_ = true;
}

const PhoneRulebook& PhoneRulebook::Get() {
  static const PhoneRulebook* rulebook = new PhoneRulebook();
  return *rulebook;
}

bool PhoneRulebook::IsKnownCallingCode(int country_code) const {
  return available_ && country_code > 0 && country_code <= kMaxCallingCode &&
         !tables_->region_ids[country_code].empty();
}

const RegionRules* PhoneRulebook::ForRegion(const std::string& region) const {
  if (!available_ || region == "001") return nullptr;
  const RawRegion* raw_region = tables_->RawFor(0, region);
  if (raw_region == nullptr) return nullptr;
  const CallingCodeRules* rules = tables_->Compiled(raw_region->country_code);
  if (rules == nullptr || !rules->ok) return nullptr;
  for (const auto& candidate : rules->regions) {
    if (candidate->raw == raw_region) return candidate.get();
  }
  return nullptr;
}

PhoneVerdict PhoneRulebook::IsPossible(int country_code, std::string_view nsn) const {
  if (!available_) return PhoneVerdict::kUnsupported;
  if (!IsKnownCallingCode(country_code)) return PhoneVerdict::kInvalid;
  const RawRegion* main = tables_->main_region[country_code];
  if (main == nullptr || main->descs[kGeneral].lengths.empty()) return PhoneVerdict::kUnsupported;
  LengthResult result =
      TestLength(nsn.size(), main->descs[kGeneral].lengths, main->descs[kGeneral].local_lengths);
  return result == LengthResult::kPossible || result == LengthResult::kLocalOnly
             ? PhoneVerdict::kValid
             : PhoneVerdict::kInvalid;
}

namespace {

// ExtractCountryCode: {code, digits used}, code 0 when none.
std::pair<int, size_t> ExtractCountryCode(const PhoneRulebook& rulebook, std::string_view digits) {
  if (digits.empty() || digits[0] == '0') return {0, 0};
  int code = 0;
  for (size_t k = 0; k < 3 && k < digits.size(); ++k) {
    code = code * 10 + (digits[k] - '0');
    if (rulebook.IsKnownCallingCode(code)) return {code, k + 1};
  }
  return {0, 0};
}

// MaybeExtractCountryCode for a number without '+'. False on a parsing error; otherwise
// *country_code is the extracted code or 0 and *national the rest.
bool ExtractFromDefaultRegion(const PhoneRulebook& rulebook, const RegionRules& region,
                              std::string_view digits, int* country_code,
                              std::string_view* national, std::string* storage) {
  // MaybeStripInternationalPrefixAndNormalize + ParsePrefixAsIdd.
  int idd = PrefixMatch(*region.international_prefix, digits);
  if (idd >= 0) {
    std::string_view rest = digits.substr(static_cast<size_t>(idd));
    if (rest.empty() || rest[0] != '0') {
      if (rest.size() <= kMinLengthForNsn) return false;  // TOO_SHORT_AFTER_IDD
      auto [code, used] = ExtractCountryCode(rulebook, rest);
      if (code == 0) return false;  // INVALID_COUNTRY_CODE_ERROR
      *country_code = code;
      *national = rest.substr(used);
      return true;
    }
  }
  // Starts with the default region's calling code?
  const std::string& code_string = region.country_code_string;
  if (digits.substr(0, code_string.size()) == code_string) {
    std::string_view potential = digits.substr(code_string.size());
    StripNationalPrefix(region, &potential, storage);
    if ((!region.MatchesGeneralPattern(digits) && region.MatchesGeneralPattern(potential)) ||
        region.Length(digits.size()) == LengthResult::kTooLong) {
      *country_code = region.country_code;
      *national = potential;
      return true;
    }
  }
  *country_code = 0;
  *national = digits;
  return true;
}

}  // namespace

PhoneVerdict PhoneRulebook::ParseValid(const RegionRules& default_region, std::string_view number,
                                       std::string* e164) const {
  std::string_view digits = number;
  const bool plus = !digits.empty() && digits[0] == '+';
  if (plus) digits.remove_prefix(1);
  // Shorter inputs meet IsViablePhoneNumber's special cases; longer ones are never seen here.
  if (digits.size() < 3 || digits.size() > kMaxInputDigits) return PhoneVerdict::kUnsupported;
  for (char c : digits) {
    if (c < '0' || c > '9') return PhoneVerdict::kUnsupported;
  }

  // ParseHelper.
  int country_code = 0;
  std::string_view national;
  std::string storage;
  if (plus) {
    auto [code, used] = ExtractCountryCode(*this, digits);
    if (code != 0) {
      country_code = code;
      national = digits.substr(used);
    } else {
      // INVALID_COUNTRY_CODE_ERROR after a '+': libphonenumber retries without the '+' and keeps
      // the result only if that finds a calling code.
      ExtractFromDefaultRegion(*this, default_region, digits, &country_code, &national, &storage);
      if (country_code == 0) return PhoneVerdict::kInvalid;
    }
  } else if (!ExtractFromDefaultRegion(*this, default_region, digits, &country_code, &national,
                                       &storage)) {
    return PhoneVerdict::kInvalid;
  }

  const RegionRules* country = &default_region;
  if (country_code != 0) {
    if (tables_->main_region[country_code] != default_region.raw) {
      const CallingCodeRules* rules = tables_->Compiled(country_code);
      if (rules == nullptr || !rules->ok) return PhoneVerdict::kUnsupported;
      country = rules->regions.front().get();
    }
  } else {
    country_code = default_region.country_code;
  }
  if (national.size() < kMinLengthForNsn) return PhoneVerdict::kInvalid;
  std::string_view potential = national;
  std::string potential_storage;
  StripNationalPrefix(*country, &potential, &potential_storage);
  LengthResult length = country->Length(potential.size());
  if (length != LengthResult::kTooShort && length != LengthResult::kLocalOnly &&
      length != LengthResult::kInvalidLength) {
    national = potential;
  }
  if (national.size() < kMinLengthForNsn || national.size() > kMaxLengthForNsn) {
    return PhoneVerdict::kInvalid;
  }
  // The national significant number libphonenumber rebuilds from national_number and its leading
  // zeros is `national` itself.

  // IsValidNumber: GetRegionCodeForNumber, then IsValidNumberForRegion.
  const CallingCodeRules* rules = tables_->Compiled(country_code);
  if (rules == nullptr || !rules->ok) return PhoneVerdict::kUnsupported;
  const RegionRules* region = nullptr;
  if (rules->regions.size() == 1) {
    region = rules->regions.front().get();
  } else {
    for (const auto& candidate : rules->regions) {
      if (candidate->leading_digits != nullptr) {
        if (PrefixMatch(*candidate->leading_digits, national) >= 0) {
          region = candidate.get();
          break;
        }
      } else if (candidate->HasValidType(national)) {
        region = candidate.get();
        break;
      }
    }
  }
  if (region == nullptr || !region->HasValidType(national)) return PhoneVerdict::kInvalid;

  e164->clear();
  e164->reserve(1 + region->country_code_string.size() + national.size());
  e164->push_back('+');
  e164->append(region->country_code_string);
  e164->append(national);
  return PhoneVerdict::kValid;
}

}  // namespace casegraph::extract::internal
