// Multi-index hashing over PDQ hashes (Norouzi et al.; HASHING.md §3): the 256 bits are cut
// into 16 slots of 16 bits, and a hash within distance d of the query is within ⌊d/16⌋ bits of
// it in at least one slot (pigeonhole). Each slot keeps its rows sorted by the slot's value,
// so each hash costs 16 × 4 bytes beside its own 36 (10 M hashes: about 1 GB); a query probes
// every slot value within ⌊d/16⌋ bits, dedupes the candidates and verifies the full distance.
// Above kMaxIndexedDistance the neighbour count explodes and a linear scan is faster, so
// Query falls back to it: the answer is always exactly QueryLinear's.
// Build once, then query from any number of threads (queries do not modify the index).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "hashing/pdq_hash.h"

namespace casegraph::hashing {

class PdqIndex {
 public:
  static constexpr int kSlots = 16;
  // ⌊47/16⌋ = 2 bits per slot: 1 + 16 + 120 = 137 probes per slot; at 3 bits it is 697.
  static constexpr int kMaxIndexedDistance = 47;

  struct Hit {
    uint32_t id = 0;
    int distance = 0;
    friend bool operator==(const Hit&, const Hit&) = default;
  };

  void Add(const Pdq256& hash, uint32_t id);
  // Sorts the slot tables; call once after the last Add and before any Query.
  void Build();
  // Every added hash within max_distance of q, sorted by (distance, id). A hash added twice
  // under two ids gives two hits.
  std::vector<Hit> Query(const Pdq256& q, int max_distance) const;
  // The same answer by comparing q with every hash (tests, bench, and large distances).
  std::vector<Hit> QueryLinear(const Pdq256& q, int max_distance) const;
  size_t size() const { return hashes_.size(); }
  bool built() const { return built_; }

 private:
  // Verifies the rows whose slot `slot` holds `value` and appends those within max_distance.
  void ProbeSlot(int slot, uint16_t value, const Pdq256& q, int max_distance, std::vector<Hit>& hits) const;

  std::vector<Pdq256> hashes_;
  std::vector<uint32_t> ids_;
  // Per slot: the rows (indexes into hashes_/ids_) ordered by that slot's 16-bit value, and
  // where each value's run begins (65,537 offsets), so a probe is one array lookup: a counting
  // sort, 4 bytes per hash per slot.
  std::vector<uint32_t> rows_[kSlots];
  std::vector<uint32_t> starts_[kSlots];
  bool built_ = false;
};

}  // namespace casegraph::hashing
