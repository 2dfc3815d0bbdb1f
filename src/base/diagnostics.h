// Collects warnings about damage that an import can skip (after leveldb's log::Reader
// Reporter): a malformed record, a refused attachment path. Each warning carries its place
// in the exhibit. Not thread-safe: one per import run.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"

namespace casegraph {

struct Warning {
  Location where;
  std::string message;
};

class Diagnostics {
 public:
  // Warnings beyond this many are counted but not kept, so a badly damaged file cannot
  // exhaust memory.
  static constexpr size_t kMaxKept = 1000;

  void Warn(Location where, std::string message);
  const std::vector<Warning>& warnings() const { return warnings_; }
  size_t count() const { return count_; }

 private:
  std::vector<Warning> warnings_;
  size_t count_ = 0;
};

}  // namespace casegraph
