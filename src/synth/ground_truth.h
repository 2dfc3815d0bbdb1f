// Reads back the ground truth a synthetic scenario was planted with (ground-truth.json, written
// by WriteScenario; the structs are in scenario_truth.h), for the demo and the end-to-end
// tests: which cases, subjects and exhibits to create and ingest, and what link analysis must
// then find.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"
#include "synth/scenario_truth.h"

namespace casegraph::synth {

// Reads `path`; a missing key is an error naming the JSON path, unknown keys are ignored.
Result<GroundTruth> ReadGroundTruth(const std::string& path);

}  // namespace casegraph::synth
