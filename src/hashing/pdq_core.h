// The stages of PDQ over a float32 luma buffer (internal to hashing/; pdq.h is the interface).
// Every stage keeps the reference's float32 operation order: the files that implement them are
// compiled with -ffp-contract=off so no multiply-add is fused.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "hashing/pdq_hash.h"

namespace casegraph::hashing::pdq {

constexpr int kMinHashableDim = 5;
constexpr int kJaroszPasses = 2;

using Buffer64 = std::array<float, 64 * 64>;  // row-major 64x64
using Dct16 = std::array<float, 16 * 16>;     // [i][j] = coefficient (i+1, j+1)

// Scratch memory reused from hash to hash (one per thread) so hashing allocates only when an
// image is larger than every one before it.
struct Scratch {
  std::vector<float> luma, temp, strip_in, strip_out;
};

// Window of the box filter for a side of `old_dim` pixels reduced to `new_dim`: ceil(old/(2 new)).
inline int JaroszWindow(int old_dim, int new_dim) { return (old_dim + 2 * new_dim - 1) / (2 * new_dim); }

// Two passes of rows-then-columns running-sum box filters over `luma` (rows x cols), in place
// (temp is scratch), then samples the 64x64 grid of pixel centres into `out`.
// Runs the variant for the widest vectors the CPU has; the Baseline one is for tests comparing them.
void JaroszBlurAndDecimate(float* luma, int rows, int cols, Scratch& scratch, Buffer64& out);
void JaroszBlurAndDecimateBaseline(float* luma, int rows, int cols, Scratch& scratch, Buffer64& out);

// The reference's quality metric: sum of truncated scaled gradients / 90, capped at 100.
int QualityMetric(const Buffer64& block);

// D A D^T with D the 16x64 DCT-II rows 1..16, float32 sums in k order.
void Dct64To16(const Buffer64& block, Dct16& out);

// Bit 16i+j set iff coefficient [i][j] > the lower median (128th smallest) of the 256.
Pdq256 BitsFromDct(const Dct16& dct);

// The DCT of the image transformed by dihedral variant v (1..7 in pdq.h's order; 0 = copy).
void DihedralDct(int variant, const Dct16& in, Dct16& out);

}  // namespace casegraph::hashing::pdq
