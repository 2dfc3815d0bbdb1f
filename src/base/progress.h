// A one-line progress bar on stderr for long jobs. It draws only when stderr is a terminal
// and the caller allows it (never with --json), at most ten times a second. Thread-safe:
// Advance may be called from a worker thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace casegraph {

class Progress {
 public:
  // `total` in `unit`s (e.g. bytes); 0 when unknown.
  Progress(std::string label, uint64_t total, bool enabled);
  ~Progress();
  void Set(uint64_t done);
  // Replaces the bar with a free text line (e.g. "1234 files, 567.8 MB"), drawn at the same rate.
  void SetText(const std::string& text);
  void Finish();
  static bool StderrIsTerminal();

 private:
  void Draw(uint64_t done);
  std::string label_;
  std::string text_;  // when set, drawn instead of the bar
  uint64_t total_;
  bool enabled_;
  bool finished_ = false;
  uint64_t last_ = 0;
  std::mutex mu_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace casegraph
