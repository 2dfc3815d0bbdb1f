// The demo's first half: from a synthetic scenario's ground-truth.json, create its cases and
// subjects and ingest every exhibit with the options an examiner would give (owner subject and
// account, time zone, date order, server label), as `case add`, `subject add` and `ingest`
// would, then rebuild the link graph once.
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "store/workspace.h"
#include "synth/ground_truth.h"

namespace casegraph::cli {

struct DemoIngestTotals {
  uint64_t exhibits = 0, messages = 0, accounts = 0, warnings = 0;
  uint64_t matched_files = 0, rule_hits = 0;  // attachments matching the known list; rules-file hits
  double ingest_seconds = 0, refresh_seconds = 0;
};

// `root`: the scenario folder (exhibit paths in the truth are relative to it). Prints one line
// per exhibit when `verbose`. Any exhibit that fails is an error naming it.
Result<DemoIngestTotals> IngestScenario(store::Workspace& ws, const synth::GroundTruth& truth, const std::string& root,
                                        bool verbose);

}  // namespace casegraph::cli
