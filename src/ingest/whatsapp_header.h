// The message-start grammar of WhatsApp "Export chat" text (docs/formats/whatsapp-txt.md): a
// hand-written scanner over the bytes of one line, no regex, no allocation. It recognises the
// Android form `DATE, TIME - ` and the iOS form `[DATE, TIME] ` (and `[TIME, DATE] `) in all
// their locale variants: '/', '.', '-' date separators, 2/4-digit, Buddhist (`2565 BE`) and
// Japanese-era (`R4`) years, 12/24 h clocks with AM/PM-style markers after a space, U+00A0 or
// U+202F (or before the time: 오후, 下午, 午後), Arabic comma and Arabic-Indic digits, and the
// invisible LRM/RLM marks WhatsApp puts around dates. Day/month order is NOT decided here
// (see whatsapp_date_order.h): the date is kept as three numbers in written order.
#pragma once

#include <cstdint>
#include <string_view>

namespace casegraph::ingest::whatsapp {

enum class Meridiem : uint8_t { kNone, kAm, kPm };

struct Header {
  uint16_t field[3] = {0, 0, 0};   // date numbers in written order (era years as written)
  uint8_t digits[3] = {0, 0, 0};   // how many digits each was written with
  char era = 0;                    // 'B' Buddhist (year field), or a Japanese era letter M T S H R
  bool era_first = false;          // the era letter was on the first field ("R4/3/18")
  bool year_first = false;         // the first field is the year (4 digits or an era year)
  uint8_t hour = 0, minute = 0, second = 0;  // hour already on a 24 h clock
  bool has_seconds = false;
  bool bracketed = false;          // iOS `[...]`
  bool time_first = false;         // `[HH:MM:SS, M/D/YY]`
  char date_sep = 0;               // '/', '.', '-'
  Meridiem meridiem = Meridiem::kNone;
  uint16_t length = 0;             // bytes from the line start to the sender / system text
};

// Parses a header at the start of `line` (without its line terminator). False when the line is
// not a message start (it is then a continuation line).
bool ParseHeader(std::string_view line, Header* out);

// True when the line is not a header but looks like a damaged one (a date and a time followed
// by something other than the expected separator, e.g. `3:22_AM - `): worth a warning.
bool LooksLikeBrokenHeader(std::string_view line);

// Invisible marks WhatsApp writes: LRM, RLM, ALM, U+202A-U+202E, U+2066-U+2069, BOM. The length
// of the mark at `s[i]`, or 0.
size_t MarkLength(std::string_view s, size_t i);
// `s` without marks at both ends and without ASCII/NBSP/NNBSP spaces at both ends.
std::string_view TrimMarks(std::string_view s);
// True if `s` contains any mark.
bool HasMark(std::string_view s);

}  // namespace casegraph::ingest::whatsapp
