// Time policy of the Telegram importer: `date_unixtime` is UTC; `date` is the exporting
// computer's wall clock without an offset. Per timestamp this picks the UTC instant and its
// basis ("unixtime", "examiner-tz", "inferred-offset", "none"), infers the exporter's offset
// from date/date_unixtime pairs, and words the summary's time note. One object per import run.
// Background: docs/formats/telegram-json.md#time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casegraph::ingest {

// Seconds since the epoch from a date_unixtime value's digits ("1692821483"); nullopt if it is
// not a plain (optionally negative) integer of at most 12 digits.
std::optional<int64_t> ParseUnixtimeDigits(std::string_view digits);

// "UTC-07:00", "UTC+05:30", "UTC+00:00".
std::string FormatUtcOffset(int32_t offset_seconds);

// The most common offset (local − UTC) over every `"date": "…", "date_unixtime": "…"` pair
// written the way Telegram Desktop writes them (adjacent keys); nullopt when there is none.
// A cheap text scan, run only when an export mixes in messages that have only `date`.
std::optional<int32_t> InferOffsetFromPairs(std::string_view json);

struct ResolvedTime {
  enum class Outcome { kOk, kNoTime, kBadDate, kNeedsZone };
  Outcome outcome = Outcome::kOk;
  std::optional<int64_t> utc;
  std::optional<int32_t> offset_seconds;  // local − UTC
  const char* basis = "none";
};

class TelegramClock {
 public:
  // `tz` is the examiner's IANA zone or empty; `json` the whole file, for the lazy pair scan.
  TelegramClock(std::string tz, std::string_view json) : tz_(std::move(tz)), json_(json) {}

  // `date` is empty when absent. kNeedsZone: only a local date, and neither --tz nor any pair
  // in the file to infer the offset from.
  ResolvedTime Resolve(std::string_view date, std::optional<int64_t> unixtime);
  // As Resolve, for secondary times (edited, a contact's date): never fails, nullopt when unknown.
  std::optional<int64_t> ResolveLenient(std::string_view date, std::optional<int64_t> unixtime);

  // Most common offset seen in pairs (or, failing that, the one inferred by the scan).
  std::optional<int32_t> SummaryOffset() const;
  std::string Note() const;
  // True once, the first time a date-only message was converted with the inferred offset.
  bool TakeInferredNotice();
  const std::string& tz() const { return tz_; }

 private:
  std::optional<int32_t> InferredOffset();
  void CountOffset(int32_t offset);

  std::string tz_;
  std::string_view json_;
  bool scanned_ = false;
  std::optional<int32_t> scanned_offset_;
  bool notice_pending_ = false;
  bool notice_given_ = false;
  uint64_t inferred_uses_ = 0, tz_uses_ = 0;
  std::vector<std::pair<int32_t, uint64_t>> offsets_;  // few distinct values (DST)
};

}  // namespace casegraph::ingest
