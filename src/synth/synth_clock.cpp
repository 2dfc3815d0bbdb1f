// The two text forms of local time that tdesktop writes (see synth_clock.h); the civil-time
// arithmetic is base/time_util's.
#include "synth/synth_clock.h"

#include "base/time_util.h"

namespace casegraph::synth {
namespace {

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
  const LocalDateTime c = UnixToCivil(unix_seconds + offset_seconds);
  return CivilTime{c.year, c.month, c.day, c.hour, c.minute, c.second};
}

int64_t FromCivilUtc(int year, int month, int day, int hour, int minute, int second) {
  return CivilToUnix(LocalDateTime{year, month, day, hour, minute, second});
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
