// Telegram time policy (see telegram_time.h).
#include "ingest/telegram_time.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "base/time_util.h"
#include "ingest/json_repair.h"

namespace casegraph::ingest {
namespace {

constexpr int32_t kMaxOffsetSeconds = 18 * 3600;
constexpr size_t kMaxDistinctOffsets = 64;

bool IsJsonBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Offset of the pair whose `"date_unixtime"` key starts at `key_pos`, if `"date": "…",`
// directly precedes it and its value is a digit string.
std::optional<int32_t> PairOffsetAt(std::string_view json, size_t key_pos) {
  // Backwards: blanks, ',', blanks, '"', 19 chars of date, '"', blanks, ':', blanks, "date".
  size_t i = key_pos;
  auto skip_back = [&] {
    while (i > 0 && IsJsonBlank(json[i - 1])) --i;
  };
  skip_back();
  if (i == 0 || json[i - 1] != ',') return std::nullopt;
  --i;
  skip_back();
  if (i < 21 || json[i - 1] != '"' || json[i - 21] != '"') return std::nullopt;
  auto local = ParseIsoLocal(json.substr(i - 20, 19));
  if (!local) return std::nullopt;
  i -= 21;
  skip_back();
  if (i == 0 || json[i - 1] != ':') return std::nullopt;
  --i;
  skip_back();
  constexpr std::string_view kDateKey = "\"date\"";
  if (i < kDateKey.size() || json.substr(i - kDateKey.size(), kDateKey.size()) != kDateKey) {
    return std::nullopt;
  }
  // Forwards: "date_unixtime", blanks, ':', blanks, '"', digits, '"'.
  size_t j = key_pos + std::string_view("\"date_unixtime\"").size();
  while (j < json.size() && IsJsonBlank(json[j])) ++j;
  if (j >= json.size() || json[j] != ':') return std::nullopt;
  ++j;
  while (j < json.size() && IsJsonBlank(json[j])) ++j;
  if (j >= json.size() || json[j] != '"') return std::nullopt;
  const size_t end = json.find('"', j + 1);
  if (end == std::string_view::npos) return std::nullopt;
  auto unixtime = ParseUnixtimeDigits(json.substr(j + 1, end - j - 1));
  if (!unixtime) return std::nullopt;
  const int64_t offset = CivilToUnix(*local) - *unixtime;
  if (offset < -kMaxOffsetSeconds || offset > kMaxOffsetSeconds) return std::nullopt;
  return static_cast<int32_t>(offset);
}

}  // namespace

std::optional<int64_t> ParseUnixtimeDigits(std::string_view digits) {
  bool negative = false;
  if (!digits.empty() && digits[0] == '-') {
    negative = true;
    digits.remove_prefix(1);
  }
  if (digits.empty() || digits.size() > 12) return std::nullopt;
  int64_t value = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return negative ? -value : value;
}

std::string FormatUtcOffset(int32_t offset_seconds) {
  const char sign = offset_seconds < 0 ? '-' : '+';
  const int32_t magnitude = std::abs(offset_seconds);
  char buf[24];
  std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", sign, magnitude / 3600, magnitude / 60 % 60);
  return buf;
}

std::optional<int32_t> InferOffsetFromPairs(std::string_view json) {
  constexpr std::string_view kKey = "\"date_unixtime\"";
  std::vector<std::pair<int32_t, uint64_t>> counts;
  for (size_t pos = FindBytes(json, kKey, 0); pos != std::string_view::npos; pos = FindBytes(json, kKey, pos + 1)) {
    auto offset = PairOffsetAt(json, pos);
    if (!offset) continue;
    bool found = false;
    for (auto& [value, count] : counts) {
      if (value == *offset) {
        ++count;
        found = true;
        break;
      }
    }
    if (!found && counts.size() < kMaxDistinctOffsets) counts.emplace_back(*offset, 1);
  }
  std::optional<int32_t> best;
  uint64_t best_count = 0;
  for (const auto& [value, count] : counts) {
    if (count > best_count) {
      best = value;
      best_count = count;
    }
  }
  return best;
}

void TelegramClock::CountOffset(int32_t offset) {
  for (auto& [value, count] : offsets_) {
    if (value == offset) {
      ++count;
      return;
    }
  }
  if (offsets_.size() < kMaxDistinctOffsets) offsets_.emplace_back(offset, 1);
}

std::optional<int32_t> TelegramClock::InferredOffset() {
  if (!scanned_) {
    scanned_ = true;
    scanned_offset_ = InferOffsetFromPairs(json_);
  }
  return scanned_offset_;
}

ResolvedTime TelegramClock::Resolve(std::string_view date, std::optional<int64_t> unixtime) {
  ResolvedTime out;
  std::optional<LocalDateTime> local;
  if (!date.empty()) local = ParseIsoLocal(date);
  if (unixtime) {
    out.utc = unixtime;
    out.basis = "unixtime";
    if (local) {
      const int64_t offset = CivilToUnix(*local) - *unixtime;
      if (offset >= -kMaxOffsetSeconds && offset <= kMaxOffsetSeconds) {
        out.offset_seconds = static_cast<int32_t>(offset);
        CountOffset(*out.offset_seconds);
      }
    }
    return out;
  }
  if (date.empty()) {
    out.outcome = ResolvedTime::Outcome::kNoTime;
    return out;
  }
  if (!local) {
    out.outcome = ResolvedTime::Outcome::kBadDate;
    return out;
  }
  if (!tz_.empty()) {
    auto utc = LocalToUtc(*local, tz_);
    if (!utc) {
      out.outcome = ResolvedTime::Outcome::kBadDate;
      return out;
    }
    out.utc = *utc;
    out.offset_seconds = static_cast<int32_t>(CivilToUnix(*local) - *utc);
    out.basis = "examiner-tz";
    ++tz_uses_;
    return out;
  }
  auto inferred = InferredOffset();
  if (!inferred) {
    out.outcome = ResolvedTime::Outcome::kNeedsZone;
    return out;
  }
  out.utc = CivilToUnix(*local) - *inferred;
  out.offset_seconds = inferred;
  out.basis = "inferred-offset";
  if (inferred_uses_++ == 0) notice_pending_ = true;
  return out;
}

std::optional<int64_t> TelegramClock::ResolveLenient(std::string_view date, std::optional<int64_t> unixtime) {
  if (unixtime) return unixtime;
  if (date.empty()) return std::nullopt;
  auto local = ParseIsoLocal(date);
  if (!local) return std::nullopt;
  if (!tz_.empty()) {
    auto utc = LocalToUtc(*local, tz_);
    if (utc) return *utc;
    return std::nullopt;
  }
  auto inferred = InferredOffset();
  if (!inferred) return std::nullopt;
  return CivilToUnix(*local) - *inferred;
}

std::optional<int32_t> TelegramClock::SummaryOffset() const {
  std::optional<int32_t> best;
  uint64_t best_count = 0;
  for (const auto& [value, count] : offsets_) {
    if (count > best_count) {
      best = value;
      best_count = count;
    }
  }
  if (!best) return scanned_offset_;
  return best;
}

bool TelegramClock::TakeInferredNotice() {
  if (!notice_pending_ || notice_given_) return false;
  notice_given_ = true;
  return true;
}

std::string TelegramClock::Note() const {
  std::string note;
  auto offset = SummaryOffset();
  if (!offsets_.empty() && offset) {
    note = "local time of the exporting computer inferred as " + FormatUtcOffset(*offset) +
           " from date/date_unixtime pairs";
    // Other offsets (daylight saving, a move), the most frequent first, at most three named.
    auto others = offsets_;
    std::sort(others.begin(), others.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    size_t named = 0;
    uint64_t rest_timestamps = 0, rest_offsets = 0;
    for (const auto& [value, count] : others) {
      if (value == *offset) continue;
      if (named++ < 3) {
        note += "; " + FormatUtcOffset(value) + " in " + std::to_string(count) + " timestamps";
      } else {
        ++rest_offsets;
        rest_timestamps += count;
      }
    }
    if (rest_offsets > 0) {
      note += "; " + std::to_string(rest_offsets) + " other offsets in " + std::to_string(rest_timestamps) +
              " timestamps";
    }
    if (named > 0) note += " (daylight saving, a zone change, or an edited file)";
  }
  if (inferred_uses_ > 0 && scanned_offset_) {
    if (!note.empty()) note += "; ";
    note += std::to_string(inferred_uses_) + " messages with only a local date converted with the inferred " +
            FormatUtcOffset(*scanned_offset_);
  }
  if (tz_uses_ > 0) {
    if (!note.empty()) note += "; ";
    note += std::to_string(tz_uses_) + " messages with only a local date converted with the examiner's time zone " + tz_;
  }
  return note;
}

}  // namespace casegraph::ingest
