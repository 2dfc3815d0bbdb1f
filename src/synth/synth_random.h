// Deterministic pseudo-random numbers for the synthetic scenario generators: xoshiro256**
// seeded through splitmix64, plus Zipf-ish splitting of a total into uneven shares. Same seed,
// same sequence, on every platform (no std::random_device, no clock, no std distributions,
// whose output is implementation-defined). Not thread-safe; use one Rng per thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace casegraph::synth {

// splitmix64 step: advances *state and returns the next output.
uint64_t SplitMix64(uint64_t* state);

__extension__ typedef unsigned __int128 Uint128;  // __extension__: silences -Wpedantic

class Rng {
 public:
  explicit Rng(uint64_t seed);

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }
  // Uniform in [0, n) (n > 0), by Lemire's multiply-shift; the tiny bias is irrelevant here.
  uint64_t Below(uint64_t n) {
    return static_cast<uint64_t>((static_cast<Uint128>(Next()) * n) >> 64);
  }
  // Uniform in [lo, hi].
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }
  // True with probability per_mille / 1000.
  bool PerMille(uint32_t per_mille) { return Below(1000) < per_mille; }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }
  // An independent generator for a sub-stream (e.g. one per chat).
  Rng Fork(uint64_t salt) { return Rng(Next() ^ (salt * 0x9E3779B97F4A7C15ULL)); }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

// Splits `total` into weights.size() shares proportional to `weights` (largest remainder, ties
// to the lower index), so the shares sum to `total` exactly.
std::vector<uint64_t> SplitByWeights(uint64_t total, const std::vector<double>& weights);

// Zipf weights 1/(rank+1)^exponent for ranks 0..n-1.
std::vector<double> ZipfWeights(size_t n, double exponent);

}  // namespace casegraph::synth
