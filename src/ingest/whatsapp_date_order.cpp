#include "ingest/whatsapp_date_order.h"

namespace casegraph::ingest::whatsapp {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeap(year)) return 29;
  return kDays[month - 1];
}

int Year(uint16_t value, uint8_t digits, char era) {
  switch (era) {
    case 'B': return digits <= 2 ? 2000 + value : value - 543;  // Thai Buddhist era
    case 'R': return 2018 + value;                              // Reiwa 1 = 2019
    case 'H': return 1988 + value;                              // Heisei 1 = 1989
    case 'S': return 1925 + value;                              // Showa 1 = 1926
    case 'T': return 1911 + value;                              // Taisho 1 = 1912
    case 'M': return 1867 + value;                              // Meiji 1 = 1868
    default: return digits <= 2 ? 2000 + value : value;
  }
}

}  // namespace

const char* DateOrderName(DateOrder order) {
  switch (order) {
    case DateOrder::kDmy: return "dmy";
    case DateOrder::kMdy: return "mdy";
    case DateOrder::kYmd: return "ymd";
  }
  return "dmy";
}

std::optional<DateOrder> ParseDateOrder(std::string_view text) {
  if (text == "dmy") return DateOrder::kDmy;
  if (text == "mdy") return DateOrder::kMdy;
  if (text == "ymd") return DateOrder::kYmd;
  return std::nullopt;
}

std::optional<LocalDateTime> ToLocal(const Header& h, DateOrder order) {
  LocalDateTime t;
  if (h.year_first) order = DateOrder::kYmd;
  switch (order) {
    case DateOrder::kDmy:
      t.day = h.field[0], t.month = h.field[1], t.year = Year(h.field[2], h.digits[2], h.era);
      break;
    case DateOrder::kMdy:
      t.month = h.field[0], t.day = h.field[1], t.year = Year(h.field[2], h.digits[2], h.era);
      break;
    case DateOrder::kYmd:
      t.year = Year(h.field[0], h.digits[0], h.era), t.month = h.field[1], t.day = h.field[2];
      break;
  }
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > DaysIn(t.year, t.month)) return std::nullopt;
  if (t.year < 1900 || t.year > 2200) return std::nullopt;
  t.hour = h.hour == 24 ? 0 : h.hour;
  t.minute = h.minute;
  t.second = h.second;
  return t;
}

void DateOrderVote::Score(Candidate& c, const Header& h, DateOrder order, uint32_t line) {
  const int64_t seconds = h.hour * 3600 + h.minute * 60 + h.second;
  if (c.same_date) {  // the date of the previous header: only the time of day changed
    if (c.last_day_valid) {
      const int64_t key = c.last_day + seconds;
      if (key < c.last_key) ++c.backward;
      c.last_key = key;
    } else {
      ++c.invalid;
    }
    return;
  }
  auto t = ToLocal(h, order);
  c.last_day_valid = t.has_value();
  if (!t) {
    if (c.invalid++ == 0) {
      c.first_invalid_line = line;
      c.first_invalid_month = order == DateOrder::kDmy ? h.field[1] : h.field[0];
    }
    return;
  }
  const int64_t key = CivilToUnix(*t);
  c.last_day = key - seconds;
  if (key < c.last_key) ++c.backward;
  c.last_key = key;
}

void DateOrderVote::Add(const Header& h, uint32_t line) {
  if (h.year_first) {
    ++year_first_;
    return;
  }
  ++numeric_;
  if (h.meridiem != Meridiem::kNone && h.date_sep == '/') ++twelve_hour_slash_;
  const bool same = numeric_ > 1 && h.field[0] == last_fields_[0] && h.field[1] == last_fields_[1] &&
                    h.field[2] == last_fields_[2] && h.era == last_era_;
  last_fields_[0] = h.field[0], last_fields_[1] = h.field[1], last_fields_[2] = h.field[2], last_era_ = h.era;
  dmy_.same_date = mdy_.same_date = same;
  Score(dmy_, h, DateOrder::kDmy, line);
  Score(mdy_, h, DateOrder::kMdy, line);
}

DateOrderVote::Decision DateOrderVote::Decide(std::optional<DateOrder> forced) const {
  Decision d;
  if (forced) {
    d.order = *forced;
    d.reason = std::string("day/month order ") + DateOrderName(*forced) + " set by --date-order";
    return d;
  }
  if (numeric_ == 0) {
    d.order = DateOrder::kYmd;
    d.reason = year_first_ > 0 ? "dates are written year first (ymd)" : "no dated lines";
    return d;
  }
  auto ruled_out = [](const char* name, const Candidate& c) {
    return std::string(name) + " would give month " + std::to_string(c.first_invalid_month) + " at line " +
           std::to_string(c.first_invalid_line);
  };
  const bool dmy_ok = dmy_.invalid == 0, mdy_ok = mdy_.invalid == 0;
  if (dmy_ok != mdy_ok) {
    d.order = dmy_ok ? DateOrder::kDmy : DateOrder::kMdy;
    d.reason = std::string("day/month order ") + DateOrderName(d.order) + " (" +
               (dmy_ok ? ruled_out("mdy", mdy_) : ruled_out("dmy", dmy_)) + ")";
    return d;
  }
  if (!dmy_ok && !mdy_ok) {
    d.order = dmy_.invalid <= mdy_.invalid ? DateOrder::kDmy : DateOrder::kMdy;
    d.ambiguous = true;
    d.reason = std::string("day/month order ") + DateOrderName(d.order) +
               " (neither order fits every date: dmy fails on " + std::to_string(dmy_.invalid) + ", mdy on " +
               std::to_string(mdy_.invalid) + " lines)";
    return d;
  }
  if (dmy_.backward != mdy_.backward) {
    d.order = dmy_.backward < mdy_.backward ? DateOrder::kDmy : DateOrder::kMdy;
    d.reason = std::string("day/month order ") + DateOrderName(d.order) + " (dates run forward: " +
               std::to_string(std::min(dmy_.backward, mdy_.backward)) + " backward steps against " +
               std::to_string(std::max(dmy_.backward, mdy_.backward)) + " for " +
               (d.order == DateOrder::kDmy ? "mdy" : "dmy") + ")";
    return d;
  }
  d.ambiguous = true;
  const bool us_style = twelve_hour_slash_ * 2 > numeric_;
  d.order = us_style ? DateOrder::kMdy : DateOrder::kDmy;
  d.reason = std::string("day/month order ambiguous (every date fits both dmy and mdy); took ") +
             DateOrderName(d.order) +
             (us_style ? " because the headers use a 12-hour clock with '/' (en-US style)" : " by default") +
             "; pass --date-order to be sure";
  return d;
}

}  // namespace casegraph::ingest::whatsapp
