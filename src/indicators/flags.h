// `flags`: runs every indicator over the cases in scope and returns their findings, sorted
// severity first (high, medium, low), then case, subject, kind, first time and accounts, so the
// same workspace gives the same list. The order the indicators run in is fixed here:
// unsolicited-contact-minor runs last and reads the others' findings (IndicatorContext::earlier).
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "indicators/indicator.h"
#include "store/workspace.h"

namespace casegraph::indicators {

struct FlagsRequest {
  std::vector<std::string> cases;       // empty: every case (the reader has access to all)
  Severity min_severity = Severity::kLow;
};

// NotFound for an unknown case code. Reads only (one snapshot).
Result<std::vector<Finding>> ComputeFlags(store::Workspace& ws, const FlagsRequest& request);

// The registered indicators in the order they run.
const std::vector<const Indicator*>& AllIndicators();

}  // namespace casegraph::indicators
