// Civil-time conversion (Howard Hinnant's days_from_civil / civil_from_days) and the two text
// forms tdesktop writes (see synth_clock.h).
#include "synth/synth_clock.h"

namespace casegraph::synth {
namespace {

int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void Two(int v, std::string* out) {
  out->push_back(static_cast<char>('0' + v / 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

void Four(int v, std::string* out) {
  Two(v / 100, out);
  Two(v % 100, out);
}

}  // namespace

CivilTime ToCivil(int64_t unix_seconds, int offset_seconds) {
  const int64_t t = unix_seconds + offset_seconds;
  int64_t days = t / 86400;
  int64_t secs = t % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400 + (m <= 2);
  return CivilTime{static_cast<int>(y),         static_cast<int>(m),
                   static_cast<int>(d),         static_cast<int>(secs / 3600),
                   static_cast<int>(secs / 60 % 60), static_cast<int>(secs % 60)};
}

int64_t FromCivilUtc(int year, int month, int day, int hour, int minute, int second) {
  return DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 +
         hour * 3600 + minute * 60 + second;
}

void AppendIsoLocal(int64_t unix_seconds, int offset_seconds, std::string* out) {
  const CivilTime c = ToCivil(unix_seconds, offset_seconds);
  Four(c.year, out);
  out->push_back('-');
  Two(c.month, out);
  out->push_back('-');
  Two(c.day, out);
  out->push_back('T');
  Two(c.hour, out);
  out->push_back(':');
  Two(c.minute, out);
  out->push_back(':');
  Two(c.second, out);
}

void AppendFileStamp(int64_t unix_seconds, int offset_seconds, std::string* out) {
  const CivilTime c = ToCivil(unix_seconds, offset_seconds);
  Two(c.day, out);
  out->push_back('-');
  Two(c.month, out);
  out->push_back('-');
  Four(c.year, out);
  out->push_back('_');
  Two(c.hour, out);
  out->push_back('-');
  Two(c.minute, out);
  out->push_back('-');
  Two(c.second, out);
}

}  // namespace casegraph::synth
