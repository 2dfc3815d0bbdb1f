// Graph facts of the ground truth: the automatic same-phone persons (refs joined by an E.164
// number the exports show) and the shortest evidence paths between subjects, counted in hops
// as the issue-4 spec defines them: subject - own account, account - account in a direct or
// group conversation, account - account of one confirmed person (one hop each).
#pragma once

#include <vector>

#include "synth/scenario_truth.h"
#include "synth/scenario_visible.h"

namespace casegraph::synth {

std::vector<TruthGroup> SamePhonePersons(const Scenario& s, const Visibility& v);

// Paths between consecutive subjects (and the first and last); pairs without a path are left out.
std::vector<TruthPath> SubjectPaths(const Scenario& s, const Visibility& v, const std::vector<TruthGroup>& persons,
                                    const std::vector<TruthCase>& cases);

}  // namespace casegraph::synth
