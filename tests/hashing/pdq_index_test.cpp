// The multi-index must answer exactly as the linear scan for every distance, including the
// slot boundaries (15/16, 31/32, 47/48) and the fallback above the indexed range.
#include "hashing/pdq_index.h"

#include <gtest/gtest.h>

#include <random>

namespace casegraph::hashing {
namespace {

Pdq256 RandomHash(std::mt19937_64& rng) {
  Pdq256 h;
  for (auto& w : h.words) w = rng();
  return h;
}

// `base` with `bits` distinct random bits flipped.
Pdq256 FlipBits(Pdq256 h, int bits, std::mt19937_64& rng) {
  std::vector<int> positions(256);
  for (int i = 0; i < 256; ++i) positions[static_cast<size_t>(i)] = i;
  std::shuffle(positions.begin(), positions.end(), rng);
  for (int i = 0; i < bits; ++i) {
    const int k = positions[static_cast<size_t>(i)];
    h.words[static_cast<size_t>(k >> 6)] ^= uint64_t{1} << (k & 63);
  }
  return h;
}

class PdqIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::mt19937_64 rng(20261129);
    for (int i = 0; i < 200; ++i) queries_.push_back(RandomHash(rng));
    uint32_t id = 0;
    for (int i = 0; i < 3000; ++i) index_.Add(RandomHash(rng), id++);
    // Planted neighbours of every query at distances 0..40.
    for (const Pdq256& q : queries_) {
      for (int d = 0; d <= 40; d += 1 + static_cast<int>(rng() % 3)) index_.Add(FlipBits(q, d, rng), id++);
    }
    index_.Build();
  }
  std::vector<Pdq256> queries_;
  PdqIndex index_;
};

TEST_F(PdqIndexTest, IndexEqualsLinearForEveryDistance) {
  size_t total_hits = 0;
  for (int d : {0, 10, 15, 16, 31, 32, 47, 48, 64}) {
    for (const Pdq256& q : queries_) {
      std::vector<PdqIndex::Hit> linear = index_.QueryLinear(q, d);
      ASSERT_EQ(index_.Query(q, d), linear) << "distance " << d;
      total_hits += linear.size();
    }
  }
  EXPECT_GT(total_hits, 200u * 9);  // the planted neighbours are there to be found
}

TEST_F(PdqIndexTest, HitsSortedByDistanceThenIdAndFindPlantedExactCopy) {
  std::vector<PdqIndex::Hit> hits = index_.Query(queries_[0], 31);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].distance, 0);
  for (size_t i = 1; i < hits.size(); ++i) {
    EXPECT_TRUE(hits[i - 1].distance < hits[i].distance ||
                (hits[i - 1].distance == hits[i].distance && hits[i - 1].id < hits[i].id));
    EXPECT_LE(hits[i].distance, 31);
  }
}

TEST(PdqIndex, DuplicateHashesUnderTwoIdsGiveTwoHits) {
  PdqIndex index;
  Pdq256 h;
  h.words = {1, 2, 3, 4};
  index.Add(h, 7);
  index.Add(h, 3);
  index.Build();
  std::vector<PdqIndex::Hit> hits = index.Query(h, 0);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].id, 3u);
  EXPECT_EQ(hits[1].id, 7u);
  EXPECT_EQ(index.size(), 2u);
}

TEST(PdqIndex, EmptyIndexAndNegativeDistance) {
  PdqIndex index;
  index.Build();
  EXPECT_TRUE(index.Query(Pdq256{}, 31).empty());
  index.Add(Pdq256{}, 1);
  index.Build();
  EXPECT_TRUE(index.Query(Pdq256{}, -1).empty());
  EXPECT_EQ(index.Query(Pdq256{}, 0).size(), 1u);
}

TEST(PdqIndex, QueryBeforeBuildStillExact) {
  PdqIndex index;
  index.Add(Pdq256{}, 5);
  EXPECT_EQ(index.Query(Pdq256{}, 31).size(), 1u);  // falls back to the scan
}

}  // namespace
}  // namespace casegraph::hashing
