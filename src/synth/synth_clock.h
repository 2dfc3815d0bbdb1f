// Fixed-offset wall-clock formatting for synthetic exports, without the C library's time-zone
// state (so output never depends on the machine's TZ). Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace casegraph::synth {

// Civil date of a UTC instant shifted by `offset_seconds`.
struct CivilTime {
  int year, month, day, hour, minute, second;
};
CivilTime ToCivil(int64_t unix_seconds, int offset_seconds);

// Seconds since the epoch of a civil UTC time.
int64_t FromCivilUtc(int year, int month, int day, int hour, int minute, int second);

// "2025-03-01T09:00:00" (local, no offset), appended.
void AppendIsoLocal(int64_t unix_seconds, int offset_seconds, std::string* out);
// "01-03-2025_09-00-00" as tdesktop puts into media file names, appended.
void AppendFileStamp(int64_t unix_seconds, int offset_seconds, std::string* out);

}  // namespace casegraph::synth
