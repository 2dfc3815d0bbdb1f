// PDQ after the blur: the quality metric on the 64x64 block, the 64 -> 16 DCT, the median
// threshold into bits, and the dihedral variants of the DCT (HASHING.md §1.2 steps 6-10).
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <numbers>

#include "hashing/pdq_core.h"

namespace casegraph::hashing::pdq {
namespace {

// D[i][j] = sqrt(2/64) cos(pi/(2*64) (i+1) (2j+1)): the scale held as float, the product in
// double, the entry stored as float, as in the reference.
struct DctMatrix {
  std::array<float, 16 * 64> d{};
  DctMatrix() {
    const float scale = static_cast<float>(std::sqrt(2.0 / 64.0));
    for (int i = 0; i < 16; ++i) {
      for (int j = 0; j < 64; ++j) {
        d[static_cast<size_t>(i * 64 + j)] =
            static_cast<float>(scale * std::cos((std::numbers::pi / 2 / 64.0) * (i + 1) * (2 * j + 1)));
      }
    }
  }
};

const DctMatrix& Matrix() {
  static const DctMatrix matrix;
  return matrix;
}

}  // namespace

int QualityMetric(const Buffer64& b) {
  int gradient_sum = 0;
  for (int i = 0; i < 63; ++i) {
    for (int j = 0; j < 64; ++j) {
      const float u = b[static_cast<size_t>(i * 64 + j)];
      const float v = b[static_cast<size_t>((i + 1) * 64 + j)];
      const int d = static_cast<int>(((u - v) * 100) / 255);
      gradient_sum += std::abs(d);
    }
  }
  for (int i = 0; i < 64; ++i) {
    for (int j = 0; j < 63; ++j) {
      const float u = b[static_cast<size_t>(i * 64 + j)];
      const float v = b[static_cast<size_t>(i * 64 + j + 1)];
      const int d = static_cast<int>(((u - v) * 100) / 255);
      gradient_sum += std::abs(d);
    }
  }
  return std::min(100, gradient_sum / 90);
}

void Dct64To16(const Buffer64& a, Dct16& out) {
  const auto& d = Matrix().d;
  // T = D A: T[i][j] = sum over k of D[i][k] A[k][j], k ascending; the j loop is innermost so it
  // vectorises, each T[i][j] still summed in k order from 0.
  std::array<float, 16 * 64> t{};
  for (size_t i = 0; i < 16; ++i) {
    float* ti = &t[i * 64];
    for (size_t k = 0; k < 64; ++k) {
      const float dik = d[i * 64 + k];
      const float* ak = &a[k * 64];
      for (size_t j = 0; j < 64; ++j) ti[j] += dik * ak[j];
    }
  }
  // B = T D^T: B[i][j] = sum over k of T[i][k] D[j][k], k ascending.
  for (size_t i = 0; i < 16; ++i) {
    for (size_t j = 0; j < 16; ++j) {
      float sum = 0.0f;
      for (size_t k = 0; k < 64; ++k) sum += t[i * 64 + k] * d[j * 64 + k];
      out[i * 16 + j] = sum;
    }
  }
}

Pdq256 BitsFromDct(const Dct16& dct) {
  // Torben's median in the reference returns the lower median for an even count: the 128th
  // smallest of the 256 values.
  Dct16 sorted = dct;
  std::nth_element(sorted.begin(), sorted.begin() + 127, sorted.end());
  const float median = sorted[127];
  Pdq256 hash;
  for (int k = 0; k < 256; ++k) {
    if (dct[static_cast<size_t>(k)] > median) hash.SetBit(k);
  }
  return hash;
}

void DihedralDct(int variant, const Dct16& a, Dct16& b) {
  for (size_t i = 0; i < 16; ++i) {
    for (size_t j = 0; j < 16; ++j) {
      const float v = a[i * 16 + j];
      // Parities in 0-based indices: an even index is an odd frequency, which changes sign.
      const bool i_even = (i & 1) == 0, j_even = (j & 1) == 0, sum_odd = ((i + j) & 1) != 0;
      switch (variant) {
        case 1: b[j * 16 + i] = j_even ? -v : v; break;    // rot90
        case 2: b[i * 16 + j] = sum_odd ? -v : v; break;   // rot180
        case 3: b[j * 16 + i] = i_even ? -v : v; break;    // rot270
        case 4: b[i * 16 + j] = i_even ? -v : v; break;    // flipx
        case 5: b[i * 16 + j] = j_even ? -v : v; break;    // flipy
        case 6: b[j * 16 + i] = v; break;                  // flipplus1 (transpose)
        case 7: b[j * 16 + i] = sum_odd ? -v : v; break;   // flipminus1
        default: b[i * 16 + j] = v; break;                 // orig
      }
    }
  }
}

}  // namespace casegraph::hashing::pdq
