// Union-find over account ids with "cannot link" pairs (the examiner's rejections): a union
// that would put a rejected pair into one set is refused. Small and header-only; used by
// identity resolution only. Not thread-safe.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <utility>

namespace casegraph::graph {

class AccountUnionFind {
 public:
  int64_t Find(int64_t x) {
    auto it = parent_.find(x);
    if (it == parent_.end()) return x;
    int64_t root = Find(it->second);
    it->second = root;
    return root;
  }

  // Joins the sets of x and y unless a cannot-link pair would end up inside one set.
  // Returns false when refused; true when joined or already joined.
  bool Union(int64_t x, int64_t y) {
    int64_t rx = Find(x), ry = Find(y);
    if (rx == ry) return true;
    for (const auto& [p, q] : cannot_link_) {
      const int64_t rp = Find(p), rq = Find(q);
      if ((rp == rx && rq == ry) || (rp == ry && rq == rx)) return false;
    }
    // The smaller id becomes the root: the same edges give the same roots in any order.
    if (ry < rx) std::swap(rx, ry);
    parent_[ry] = rx;
    return true;
  }

  void CannotLink(int64_t x, int64_t y) { cannot_link_.insert(std::minmax(x, y)); }
  bool IsCannotLink(int64_t x, int64_t y) const { return cannot_link_.count(std::minmax(x, y)) > 0; }

 private:
  std::map<int64_t, int64_t> parent_;
  std::set<std::pair<int64_t, int64_t>> cannot_link_;
};

}  // namespace casegraph::graph
