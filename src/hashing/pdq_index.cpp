#include "hashing/pdq_index.h"

#include <algorithm>

namespace casegraph::hashing {
namespace {

constexpr size_t kValues = size_t{1} << 16;

bool HitLess(const PdqIndex::Hit& a, const PdqIndex::Hit& b) {
  return a.distance != b.distance ? a.distance < b.distance : a.id < b.id;
}

}  // namespace

void PdqIndex::Add(const Pdq256& hash, uint32_t id) {
  hashes_.push_back(hash);
  ids_.push_back(id);
  built_ = false;
}

void PdqIndex::Build() {
  const size_t n = hashes_.size();
  for (int s = 0; s < kSlots; ++s) {
    std::vector<uint32_t>& starts = starts_[s];
    starts.assign(kValues + 1, 0);
    for (size_t r = 0; r < n; ++r) ++starts[size_t{hashes_[r].Slot(s)} + 1];
    for (size_t v = 0; v < kValues; ++v) starts[v + 1] += starts[v];
    std::vector<uint32_t> next(starts.begin(), starts.end() - 1);
    std::vector<uint32_t>& rows = rows_[s];
    rows.assign(n, 0);
    for (size_t r = 0; r < n; ++r) rows[next[hashes_[r].Slot(s)]++] = static_cast<uint32_t>(r);
  }
  built_ = true;
}

void PdqIndex::ProbeSlot(int slot, uint16_t value, const Pdq256& q, int max_distance, std::vector<Hit>& hits) const {
  const std::vector<uint32_t>& starts = starts_[slot];
  const std::vector<uint32_t>& rows = rows_[slot];
  constexpr uint32_t kAhead = 8;  // rows point all over hashes_: fetch a few ahead (gcc and clang)
  for (uint32_t i = starts[value], end = starts[size_t{value} + 1]; i < end; ++i) {
    if (i + kAhead < end) __builtin_prefetch(&hashes_[rows[i + kAhead]]);
    const uint32_t row = rows[i];
    const int d = HammingDistance(q, hashes_[row]);
    if (d <= max_distance) hits.push_back({row, d});  // row for now; ids after dedupe
  }
}

std::vector<PdqIndex::Hit> PdqIndex::Query(const Pdq256& q, int max_distance) const {
  if (max_distance < 0) return {};
  if (!built_ || max_distance > kMaxIndexedDistance) return QueryLinear(q, max_distance);
  const int radius = max_distance / kSlots;  // bits to flip per slot
  std::vector<Hit> hits;
  for (int s = 0; s < kSlots; ++s) {
    const uint16_t base = q.Slot(s);
    ProbeSlot(s, base, q, max_distance, hits);
    for (int i = 0; i < 16 && radius >= 1; ++i) {
      const auto v1 = static_cast<uint16_t>(base ^ (1u << i));
      ProbeSlot(s, v1, q, max_distance, hits);
      for (int j = i + 1; j < 16 && radius >= 2; ++j) {
        ProbeSlot(s, static_cast<uint16_t>(v1 ^ (1u << j)), q, max_distance, hits);
      }
    }
  }
  // A near hash usually agrees in several slots, so it was found several times.
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.id < b.id; });
  hits.erase(std::unique(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.id == b.id; }), hits.end());
  for (Hit& h : hits) h.id = ids_[h.id];
  std::sort(hits.begin(), hits.end(), HitLess);
  return hits;
}

std::vector<PdqIndex::Hit> PdqIndex::QueryLinear(const Pdq256& q, int max_distance) const {
  std::vector<Hit> hits;
  for (size_t r = 0; r < hashes_.size(); ++r) {
    const int d = HammingDistance(q, hashes_[r]);
    if (d <= max_distance) hits.push_back({ids_[r], d});
  }
  std::sort(hits.begin(), hits.end(), HitLess);
  return hits;
}

}  // namespace casegraph::hashing
