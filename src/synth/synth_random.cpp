// Seeding and share-splitting for the synthetic generators' PRNG (see synth_random.h).
#include "synth/synth_random.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace casegraph::synth {

uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

Rng::Rng(uint64_t seed) {
  uint64_t state = seed;
  for (uint64_t& word : s_) word = SplitMix64(&state);
}

std::vector<uint64_t> SplitByWeights(uint64_t total, const std::vector<double>& weights) {
  std::vector<uint64_t> shares(weights.size(), 0);
  if (weights.empty()) return shares;
  const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
  if (sum <= 0) {
    shares[0] = total;
    return shares;
  }
  std::vector<double> remainder(weights.size());
  uint64_t given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const double exact = static_cast<double>(total) * weights[i] / sum;
    shares[i] = static_cast<uint64_t>(std::floor(exact));
    remainder[i] = exact - static_cast<double>(shares[i]);
    given += shares[i];
  }
  std::vector<size_t> order(weights.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return remainder[a] > remainder[b]; });
  for (size_t k = 0; given < total; k = (k + 1) % order.size(), ++given) ++shares[order[k]];
  return shares;
}

std::vector<double> ZipfWeights(size_t n, double exponent) {
  std::vector<double> weights(n);
  for (size_t i = 0; i < n; ++i) weights[i] = 1.0 / std::pow(static_cast<double>(i + 1), exponent);
  return weights;
}

}  // namespace casegraph::synth
