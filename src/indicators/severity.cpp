#include "indicators/indicator.h"

namespace casegraph::indicators {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kLow: return "low";
    case Severity::kMedium: return "medium";
    case Severity::kHigh: return "high";
  }
  return "low";
}

}  // namespace casegraph::indicators
