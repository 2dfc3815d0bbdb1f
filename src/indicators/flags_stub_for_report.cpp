// TEMPORARY stub so the report branch links before the indicators branch is merged: no
// findings. The lead drops this file at merge (the indicators helper implements flags.h).
#include "indicators/flags.h"

namespace casegraph::indicators {

const char* SeverityName(Severity s) {
  switch (s) {
    case Severity::kHigh: return "high";
    case Severity::kMedium: return "medium";
    case Severity::kLow: return "low";
  }
  return "low";
}

Result<std::vector<Finding>> ComputeFlags(store::Workspace&, const FlagsRequest&) {
  return std::vector<Finding>{};
}

const std::vector<const Indicator*>& AllIndicators() {
  static const std::vector<const Indicator*> none;
  return none;
}

}  // namespace casegraph::indicators
