// PDQ matching against 1,000,000 hashes: queries per second through the multi-index
// (hashing/pdq_index.h) against the linear scan, at the default match distance 31.
// Random hashes from a fixed seed; each query has planted neighbours at distances 0..40, so
// queries find something, as a real near-duplicate would. Goal (issue 5): index >= 10x linear.
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCASEGRAPH_BUILD_BENCH=ON
//   ninja -C build-bench pdq_index_bench && build-bench/bench/pdq_index_bench
#include <benchmark/benchmark.h>

#include <algorithm>
#include <random>
#include <vector>

#include "hashing/pdq_index.h"

namespace {

using casegraph::hashing::Pdq256;
using casegraph::hashing::PdqIndex;

constexpr size_t kHashes = 1'000'000;
constexpr size_t kQueries = 1'000;

Pdq256 Random(std::mt19937_64& rng) {
  Pdq256 h;
  for (auto& w : h.words) w = rng();
  return h;
}

// `h` with `bits` distinct bits flipped: exactly that distance away.
Pdq256 Flip(Pdq256 h, int bits, std::mt19937_64& rng) {
  std::vector<int> positions(256);
  for (int i = 0; i < 256; ++i) positions[static_cast<size_t>(i)] = i;
  std::shuffle(positions.begin(), positions.end(), rng);
  for (int i = 0; i < bits; ++i) {
    const int k = positions[static_cast<size_t>(i)];
    h.words[static_cast<size_t>(k >> 6)] ^= uint64_t{1} << (k & 63);
  }
  return h;
}

struct Corpus {
  PdqIndex index;
  std::vector<Pdq256> queries;
  Corpus() {
    std::mt19937_64 rng(5);
    for (size_t i = 0; i < kQueries; ++i) queries.push_back(Random(rng));
    uint32_t id = 0;
    for (const Pdq256& q : queries) {
      for (int d : {0, 8, 16, 24, 31, 40}) index.Add(Flip(q, d, rng), id++);
    }
    while (index.size() < kHashes) index.Add(Random(rng), id++);
    index.Build();
  }
};

const Corpus& TheCorpus() {
  static const Corpus corpus;
  return corpus;
}

void BM_PdqIndexQuery(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  size_t i = 0, hits = 0;
  for (auto _ : state) {
    auto h = c.index.Query(c.queries[i++ % kQueries], 31);
    hits += h.size();
    benchmark::DoNotOptimize(h);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["hits_per_query"] = static_cast<double>(hits) / static_cast<double>(state.iterations());
}

void BM_PdqLinearQuery(benchmark::State& state) {
  const Corpus& c = TheCorpus();
  size_t i = 0, hits = 0;
  for (auto _ : state) {
    auto h = c.index.QueryLinear(c.queries[i++ % kQueries], 31);
    hits += h.size();
    benchmark::DoNotOptimize(h);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
  state.counters["hits_per_query"] = static_cast<double>(hits) / static_cast<double>(state.iterations());
}

void BM_PdqIndexBuild(benchmark::State& state) {
  std::mt19937_64 rng(7);
  std::vector<Pdq256> hashes(kHashes);
  for (auto& h : hashes) h = Random(rng);
  for (auto _ : state) {
    PdqIndex index;
    for (size_t i = 0; i < hashes.size(); ++i) index.Add(hashes[i], static_cast<uint32_t>(i));
    index.Build();
    benchmark::DoNotOptimize(index);
  }
}

BENCHMARK(BM_PdqIndexQuery)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PdqLinearQuery)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PdqIndexBuild)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
