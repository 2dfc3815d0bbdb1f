// Dates of the Telegram HTML export. Each message's `div.date` title holds the exporting
// computer's wall-clock time, "13.05.2023 11:42:27 UTC-08:00" (since 2021: with the zone's
// STANDARD-time offset even in summer, so it is an hour off in daylight-saving months),
// "13.05.2023 11:42:27" before that, and "2018.05.13 11:42:27" in the first exporter.
// HtmlClock applies the policy of docs/formats/telegram-html.md#time: the examiner's --tz
// when given (warning once if the label disagrees), else the label's offset (with a note),
// else no time can be known and the import needs --tz. One clock per import run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/time_util.h"

namespace casegraph::ingest {

struct HtmlDateTitle {
  LocalDateTime local;
  std::string local_text;                       // "2023-05-13T11:42:27"
  std::optional<int32_t> label_offset_seconds;  // from "UTC-08:00"; nullopt without a label
  std::string label;                            // the label as written, may be empty
};

// Nullopt when `title` is not one of the forms above (or names an impossible date).
std::optional<HtmlDateTitle> ParseHtmlDateTitle(std::string_view title);

struct HtmlTime {
  enum class Outcome { kOk, kNeedsZone, kZoneFailed };
  Outcome outcome = Outcome::kOk;
  std::optional<int64_t> utc;
  std::optional<int32_t> offset_seconds;  // local − UTC as applied
  const char* basis = "none";
  // With --tz: the label's offset differs from the zone's real offset at that instant.
  bool label_disagrees = false;
  std::optional<int32_t> zone_offset_seconds;
};

class HtmlClock {
 public:
  explicit HtmlClock(std::string tz) : tz_(std::move(tz)) {}

  HtmlTime Resolve(const HtmlDateTitle& title);
  // True the first time a label disagreed with --tz (the caller warns once).
  bool TakeDisagreementNotice();

  // The summary's offset: the label's (without --tz) or the most recent applied offset.
  std::optional<int32_t> SummaryOffset() const { return last_offset_; }
  std::string Note() const;

 private:
  std::string tz_;
  std::optional<int32_t> last_offset_;
  std::string first_label_;
  uint64_t label_uses_ = 0, tz_uses_ = 0, disagreements_ = 0;
  bool notice_pending_ = false, notice_given_ = false;
};

}  // namespace casegraph::ingest
