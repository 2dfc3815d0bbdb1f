// The demo's second half: ask the workspace the investigators' questions — which accounts and
// persons link the cases and why, who reached each minor first and when, and the evidence
// path between subjects — print the answers with their citations, and return them in the form
// the ground-truth check compares.
#pragma once

#include "base/result.h"
#include "cli/demo_check.h"
#include "store/workspace.h"
#include "synth/ground_truth.h"

namespace casegraph::cli {

// Subjects and path ends are taken from the truth file (the examiner's own case list); every
// answer comes from the workspace.
Result<DemoFindings> InvestigateAndPrint(store::Workspace& ws, const synth::GroundTruth& truth);

}  // namespace casegraph::cli
