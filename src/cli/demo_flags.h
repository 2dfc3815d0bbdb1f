// The demo's risk indicators: runs `flags` over every case, prints how many fired of each kind
// and severity and the high ones with their first citation, and checks them against the ground
// truth: every planted operative has a high flag on one of its accounts, and no decoy (same-name
// twins, the saved "Ali", the strangers who wrote once) has a flag above low.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "store/workspace.h"
#include "synth/ground_truth.h"

namespace casegraph::cli {

struct FlagsCheck {
  size_t flags = 0, operatives = 0, operatives_high = 0, decoys_flagged = 0, decoys_above_low = 0;
  std::vector<std::string> citations;  // the first citation of every flag (the demo resolves them)
  std::vector<std::string> problems;   // one line per difference from the truth
};

Result<FlagsCheck> PrintAndCheckFlags(store::Workspace& ws, const synth::GroundTruth& truth);

}  // namespace casegraph::cli
