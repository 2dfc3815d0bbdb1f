// Wall-clock timing of job phases for benchmarks: with CASEGRAPH_TIMING set in the
// environment, Mark and Report print to stderr; otherwise they print nothing. Not thread-safe:
// one timer per thread.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>

namespace casegraph {

inline bool TimingEnabled() { return std::getenv("CASEGRAPH_TIMING") != nullptr; }

class PhaseTimer {
 public:
  PhaseTimer() : enabled_(TimingEnabled()), last_(std::chrono::steady_clock::now()) {}
  // Seconds since construction or the previous Mark.
  double Lap() {
    const auto now = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(now - last_).count();
    last_ = now;
    return seconds;
  }
  // Prints the time since the previous mark under `phase`.
  void Mark(const char* phase) {
    const double seconds = Lap();
    if (enabled_) std::fprintf(stderr, "timing: %-10s %.3f s\n", phase, seconds);
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace casegraph
