// A deterministic layout for the report's link graph, written here so the picture is the same
// on every machine and needs no script: accounts are grouped by their community (Leiden, from
// g_account_metrics), each community is a circle of its accounts (by ref; a community's only
// subject in its middle), and the circles are packed in rows, largest community first. Labels
// point outwards. No randomness, no iteration.
// Pure functions, thread-safe.
#pragma once

#include <vector>

#include "report/report_data.h"

namespace casegraph::report {

struct Point {
  double x = 0, y = 0;
};

struct GraphLayout {
  std::vector<Point> positions;  // one per LinkGraph::nodes entry
  std::vector<bool> label_left;  // per node: its label goes left of it (the circle's left half)
  double width = 0, height = 0;  // the extent used (at most kLayoutWidth wide)
};

inline constexpr double kLayoutWidth = 1000;

GraphLayout LayoutByCommunity(const LinkGraph& graph);

}  // namespace casegraph::report
