#include "report/graph_layout.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace casegraph::report {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kNodeSpacing = 64;  // along a community's circle
constexpr double kMinRadius = 70;
constexpr double kVerticalMargin = 30;
constexpr double kLabelRoom = 170;   // each side of a circle: labels run outwards (≈28 chars at 11px)

}  // namespace

GraphLayout LayoutByCommunity(const LinkGraph& graph) {
  GraphLayout out;
  out.positions.resize(graph.nodes.size());
  out.label_left.resize(graph.nodes.size(), false);
  if (graph.nodes.empty()) return out;

  // Communities with their members: subjects first, then by ref (nodes are sorted by ref).
  std::map<int64_t, std::vector<size_t>> by_community;
  for (size_t i = 0; i < graph.nodes.size(); ++i) by_community[graph.nodes[i].community].push_back(i);
  std::vector<std::vector<size_t>> groups;
  for (auto& [community, members] : by_community) {
    std::stable_sort(members.begin(), members.end(), [&](size_t a, size_t b) {
      return !graph.nodes[a].subject.empty() && graph.nodes[b].subject.empty();
    });
    groups.push_back(std::move(members));
  }
  std::stable_sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });

  // Shelf packing: circles left to right, a new row when the next one does not fit.
  const double max_radius = (kLayoutWidth - 2 * kLabelRoom) / 2;
  double x = 0, y = 0, row_height = 0, used_width = 0;
  for (const auto& members : groups) {
    // One subject in a community sits in its middle, its contacts around it (an ego network);
    // with several subjects (or none) everyone is on the circle.
    const bool one_subject = members.size() > 1 && !graph.nodes[members[0]].subject.empty() &&
                             graph.nodes[members[1]].subject.empty();
    const size_t on_ring = members.size() - (one_subject ? 1 : 0);
    const double n = static_cast<double>(on_ring);
    const double radius = members.size() == 1 ? 0 : std::clamp(n * kNodeSpacing / (2 * kPi), kMinRadius, max_radius);
    const double cell_width = 2 * (kLabelRoom + radius), cell_height = 2 * (kVerticalMargin + radius);
    if (x > 0 && x + cell_width > kLayoutWidth) {
      x = 0;
      y += row_height;
      row_height = 0;
    }
    const double cx = x + kLabelRoom + radius, cy = y + cell_height / 2;
    size_t ring_index = 0;
    for (size_t k = 0; k < members.size(); ++k) {
      if (one_subject && k == 0) {
        out.positions[members[k]] = {cx, cy};
        continue;
      }
      // Start at the top and go clockwise; a half step keeps nobody exactly at the top or bottom,
      // where labels on both sides would meet.
      const double angle = -kPi / 2 + 2 * kPi * (static_cast<double>(ring_index) + 0.5) / n;
      ++ring_index;
      out.positions[members[k]] = {cx + radius * std::cos(angle), cy + radius * std::sin(angle)};
      out.label_left[members[k]] = std::cos(angle) < -1e-9;
    }
    x += cell_width;
    row_height = std::max(row_height, cell_height);
    used_width = std::max(used_width, x);
  }
  out.width = used_width;
  out.height = y + row_height;
  return out;
}

}  // namespace casegraph::report
