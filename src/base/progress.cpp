#include "base/progress.h"

#include <unistd.h>

#include <cstdio>

namespace casegraph {

Progress::Progress(std::string label, uint64_t total, bool enabled)
    : label_(std::move(label)), total_(total), enabled_(enabled && StderrIsTerminal()) {}

Progress::~Progress() { Finish(); }

bool Progress::StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

void Progress::Set(uint64_t done) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  last_ = done;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw(done);
}

void Progress::SetText(const std::string& text) {
  if (!enabled_) return;
  std::lock_guard<std::mutex> lock(mu_);
  text_ = text;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw(last_);
}

void Progress::Draw(uint64_t done) {
  constexpr int kWidth = 30;
  if (!text_.empty()) {
    std::fprintf(stderr, "\r%s %s\033[K", label_.c_str(), text_.c_str());
  } else if (total_ == 0) {
    std::fprintf(stderr, "\r%s %llu", label_.c_str(), static_cast<unsigned long long>(done));
  } else {
    double frac = done >= total_ ? 1.0 : static_cast<double>(done) / static_cast<double>(total_);
    int filled = static_cast<int>(frac * kWidth);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(kWidth - filled), '.');
    std::fprintf(stderr, "\r%s [%s] %3d%% %.1f/%.1f MB", label_.c_str(), bar.c_str(),
                 static_cast<int>(frac * 100), static_cast<double>(done) / 1e6,
                 static_cast<double>(total_) / 1e6);
  }
  std::fflush(stderr);
}

void Progress::Finish() {
  if (!enabled_ || finished_) return;
  std::lock_guard<std::mutex> lock(mu_);
  finished_ = true;
  Draw(total_ != 0 ? total_ : last_);
  std::fprintf(stderr, "\n");
}

}  // namespace casegraph
