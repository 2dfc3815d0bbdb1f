// Telegram HTML date titles and time policy (see telegram_html_date.h).
#include "ingest/telegram_html_date.h"

#include <cctype>
#include <cstdio>


namespace casegraph::ingest {
namespace {

constexpr int32_t kMaxOffsetSeconds = 18 * 3600;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Reads exactly `width` digits at `pos` (width 0: one or more).
std::optional<int> Digits(std::string_view s, size_t& pos, size_t min_width, size_t max_width) {
  size_t n = 0;
  int value = 0;
  while (pos + n < s.size() && n < max_width && std::isdigit(static_cast<unsigned char>(s[pos + n]))) {
    value = value * 10 + (s[pos + n] - '0');
    ++n;
  }
  if (n < min_width) return std::nullopt;
  pos += n;
  return value;
}

bool Expect(std::string_view s, size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

bool ValidCivil(const LocalDateTime& t) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (t.year < 1970 || t.year > 2200 || t.month < 1 || t.month > 12 || t.day < 1) return false;
  if (t.day > kDays[t.month - 1]) return false;
  if (t.month == 2 && t.day == 29 && !((t.year % 4 == 0 && t.year % 100 != 0) || t.year % 400 == 0)) return false;
  return t.hour <= 23 && t.minute <= 59 && t.second <= 60;
}

// "UTC", "UTC+03:00", "UTC-08", "GMT+0530" → seconds east of UTC.
std::optional<int32_t> ParseOffsetLabel(std::string_view label) {
  if (label.size() < 3) return std::nullopt;
  const std::string_view prefix = label.substr(0, 3);
  if (prefix != "UTC" && prefix != "GMT") return std::nullopt;
  std::string_view rest = label.substr(3);
  if (rest.empty()) return 0;
  int sign = 0;
  if (rest[0] == '+') sign = 1;
  if (rest[0] == '-' || rest.substr(0, 3) == "\xE2\x88\x92") sign = -1;  // ASCII or U+2212 minus
  if (sign == 0) return std::nullopt;
  size_t pos = rest[0] == '+' || rest[0] == '-' ? 1 : 3;
  auto hours = Digits(rest, pos, 1, 2);
  if (!hours) return std::nullopt;
  int minutes = 0;
  if (pos < rest.size()) {
    if (rest[pos] == ':') ++pos;
    auto m = Digits(rest, pos, 2, 2);
    if (!m || *m > 59) return std::nullopt;
    minutes = *m;
  }
  if (pos != rest.size()) return std::nullopt;
  const int32_t seconds = sign * (*hours * 3600 + minutes * 60);
  if (seconds > kMaxOffsetSeconds || seconds < -kMaxOffsetSeconds) return std::nullopt;
  return seconds;
}

}  // namespace

std::optional<HtmlDateTitle> ParseHtmlDateTitle(std::string_view title) {
  while (!title.empty() && IsBlank(title.front())) title.remove_prefix(1);
  while (!title.empty() && IsBlank(title.back())) title.remove_suffix(1);
  HtmlDateTitle out;
  size_t pos = 0;
  auto first = Digits(title, pos, 1, 4);
  if (!first) return std::nullopt;
  const bool year_first = pos == 4;  // "2018.05.13" (the first exporter) vs "13.05.2023"
  if (!Expect(title, pos, '.')) return std::nullopt;
  auto second = Digits(title, pos, 1, 2);
  if (!second || !Expect(title, pos, '.')) return std::nullopt;
  auto third = Digits(title, pos, year_first ? 1 : 4, year_first ? 2 : 4);
  if (!third) return std::nullopt;
  out.local.year = year_first ? *first : *third;
  out.local.month = *second;
  out.local.day = year_first ? *third : *first;
  if (!Expect(title, pos, ' ')) return std::nullopt;
  auto hour = Digits(title, pos, 1, 2);
  if (!hour || !Expect(title, pos, ':')) return std::nullopt;
  auto minute = Digits(title, pos, 2, 2);
  if (!minute || !Expect(title, pos, ':')) return std::nullopt;
  auto second_of_minute = Digits(title, pos, 2, 2);
  if (!second_of_minute) return std::nullopt;
  out.local.hour = *hour;
  out.local.minute = *minute;
  out.local.second = *second_of_minute;
  if (!ValidCivil(out.local)) return std::nullopt;
  std::string_view rest = title.substr(pos);
  while (!rest.empty() && IsBlank(rest.front())) rest.remove_prefix(1);
  if (!rest.empty()) {
    // A later line ("\nEdited: …" in some builds) is not part of the label.
    const size_t line_end = rest.find_first_of("\r\n");
    std::string_view label = rest.substr(0, line_end);
    while (!label.empty() && IsBlank(label.back())) label.remove_suffix(1);
    auto offset = ParseOffsetLabel(label);
    if (!offset) return std::nullopt;
    out.label = std::string(label);
    out.label_offset_seconds = offset;
  }
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d", out.local.year, out.local.month, out.local.day,
                out.local.hour, out.local.minute, out.local.second);
  out.local_text = text;
  return out;
}

HtmlTime HtmlClock::Resolve(const HtmlDateTitle& title) {
  HtmlTime out;
  const int64_t as_utc = CivilToUnix(title.local);
  if (!tz_.empty()) {
    auto utc = LocalToUtc(title.local, tz_);
    if (!utc) {
      out.outcome = HtmlTime::Outcome::kZoneFailed;
      return out;
    }
    out.utc = *utc;
    out.offset_seconds = static_cast<int32_t>(as_utc - *utc);
    out.basis = "examiner-tz";
    out.zone_offset_seconds = out.offset_seconds;
    if (title.label_offset_seconds && *title.label_offset_seconds != *out.offset_seconds) {
      out.label_disagrees = true;
      ++disagreements_;
      if (!notice_given_) notice_pending_ = true;
    }
    ++tz_uses_;
    last_offset_ = out.offset_seconds;
    return out;
  }
  if (!title.label_offset_seconds) {
    out.outcome = HtmlTime::Outcome::kNeedsZone;
    return out;
  }
  out.offset_seconds = title.label_offset_seconds;
  out.utc = as_utc - *title.label_offset_seconds;
  out.basis = "label-offset";
  if (first_label_.empty()) first_label_ = title.label;
  ++label_uses_;
  last_offset_ = out.offset_seconds;
  return out;
}

bool HtmlClock::TakeDisagreementNotice() {
  if (!notice_pending_) return false;
  notice_pending_ = false;
  notice_given_ = true;
  return true;
}

std::string HtmlClock::Note() const {
  if (tz_uses_ > 0) {
    std::string note = "local times interpreted in " + tz_ + " (--tz)";
    if (disagreements_ > 0) {
      note += "; " + std::to_string(disagreements_) +
              " date labels disagree with that zone's offset (Telegram labels the standard-time offset even in "
              "summer)";
    }
    return note;
  }
  if (label_uses_ > 0) {
    return "times use the HTML export's offset label (" + first_label_ +
           "); Telegram Desktop writes the zone's standard-time offset even in summer, so times in daylight-saving "
           "months may be off by one hour: give the exporting computer's zone with --tz for exact times";
  }
  return {};
}

}  // namespace casegraph::ingest
