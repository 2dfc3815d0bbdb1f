#include "base/diagnostics.h"

namespace casegraph {

void Diagnostics::Warn(Location where, std::string message) {
  ++count_;
  if (warnings_.size() < kMaxKept) warnings_.push_back({std::move(where), std::move(message)});
}

}  // namespace casegraph
