#include "report/graph_layout.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace casegraph::report {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kNodeSpacing = 46;  // along a community's circle
constexpr double kLabelMargin = 90;  // around a circle, room for the labels
constexpr double kMinRadius = 36;

}  // namespace

GraphLayout LayoutByCommunity(const LinkGraph& graph) {
  GraphLayout out;
  out.positions.resize(graph.nodes.size());
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
  double x = 0, y = 0, row_height = 0, used_width = 0;
  for (const auto& members : groups) {
    const double n = static_cast<double>(members.size());
    const double radius = members.size() == 1 ? 0 : std::max(kMinRadius, n * kNodeSpacing / (2 * kPi));
    const double cell = std::min(2 * (radius + kLabelMargin), kLayoutWidth);
    if (x > 0 && x + cell > kLayoutWidth) {
      x = 0;
      y += row_height;
      row_height = 0;
    }
    const double cx = x + cell / 2, cy = y + cell / 2;
    for (size_t k = 0; k < members.size(); ++k) {
      const double angle = -kPi / 2 + 2 * kPi * static_cast<double>(k) / n;
      out.positions[members[k]] = {cx + radius * std::cos(angle), cy + radius * std::sin(angle)};
    }
    x += cell;
    row_height = std::max(row_height, cell);
    used_width = std::max(used_width, x);
  }
  out.width = used_width;
  out.height = y + row_height;
  return out;
}

}  // namespace casegraph::report
