// The Jarosz tent filter of PDQ: box filters along rows, then columns, twice, each a running
// float32 sum in four phases (grow without output, grow with output, slide, shrink) divided by
// the current count; then decimation to 64x64 at pixel centres.
//
// Speed without changing a bit: the filter runs over many independent lanes at once. A column
// pass treats every column of the image as a lane (memory order already interleaves them); a row
// pass first transposes a strip of rows so that its rows become lanes. Each lane performs exactly
// the reference's sequence of float operations, so the compiler may vectorise across lanes.
// The last pass keeps only what decimation reads: its row filter stores the 64 sampled columns
// and its column filter runs over those 64 columns alone.
#include <algorithm>
#include <array>
#include <cstring>

#include "hashing/pdq_core.h"

namespace casegraph::hashing::pdq {
namespace {

constexpr int kStripRows = 16;

// Box filter of full window `window` along `length` elements for `lanes` lanes (kLanes when it
// is a compile-time constant, so the sums live in registers): element k of lane l is
// in[k * stride + l].
template <int kLanes>
void BoxLanes(const float* __restrict in, float* __restrict out, int length, int lanes, size_t stride, int window) {
  if constexpr (kLanes > 0) lanes = kLanes;
  float sums[kLanes > 0 ? kLanes : kStripRows] = {};
  const int half = (window + 2) / 2;
  const int grow_silent = half - 1;
  const int grow = window - half + 1;
  const int slide = length - window;
  const int shrink = half - 1;
  size_t right = 0, left = 0, o = 0;
  int count = 0;
  for (int n = 0; n < grow_silent; ++n, ++right, ++count) {
    const float* r = in + right * stride;
    for (int l = 0; l < lanes; ++l) sums[l] += r[l];
  }
  for (int n = 0; n < grow; ++n, ++right, ++o) {
    ++count;
    const float divisor = static_cast<float>(count);
    const float* r = in + right * stride;
    float* w = out + o * stride;
    for (int l = 0; l < lanes; ++l) {
      sums[l] += r[l];
      w[l] = sums[l] / divisor;
    }
  }
  const float full = static_cast<float>(count);
  for (int n = 0; n < slide; ++n, ++right, ++left, ++o) {
    const float* r = in + right * stride;
    const float* lf = in + left * stride;
    float* w = out + o * stride;
    for (int l = 0; l < lanes; ++l) {
      sums[l] += r[l];
      sums[l] -= lf[l];
      w[l] = sums[l] / full;
    }
  }
  for (int n = 0; n < shrink; ++n, ++left, ++o) {
    --count;
    const float divisor = static_cast<float>(count);
    const float* lf = in + left * stride;
    float* w = out + o * stride;
    for (int l = 0; l < lanes; ++l) {
      sums[l] -= lf[l];
      w[l] = sums[l] / divisor;
    }
  }
}

// Any number of lanes side by side (stride >= lanes), in blocks of kStripRows.
void BoxManyLanes(const float* in, float* out, int length, int lanes, size_t stride, int window) {
  int l0 = 0;
  for (; l0 + kStripRows <= lanes; l0 += kStripRows) BoxLanes<kStripRows>(in + l0, out + l0, length, kStripRows, stride, window);
  if (l0 < lanes) BoxLanes<0>(in + l0, out + l0, length, lanes - l0, stride, window);
}

// Decimation samples the pixel centres: index floor((i + 0.5) * side / 64), in double.
std::array<int, 64> SamplePoints(int side) {
  std::array<int, 64> points{};
  for (int i = 0; i < 64; ++i) points[static_cast<size_t>(i)] = static_cast<int>(((i + 0.5) * side) / 64);
  return points;
}

// Box filter along each row of `in` (rows x cols), a strip of rows at a time. Without `keep`, the
// filtered rows go to `out` (rows x cols); with it, only the 64 columns `keep` names, to `out`
// as rows x 64.
void BoxAlongRows(const float* in, float* out, int rows, int cols, int window, Scratch& s,
                  const std::array<int, 64>* keep) {
  const size_t strip = static_cast<size_t>(cols) * kStripRows;
  if (s.strip_in.size() < strip) {
    s.strip_in.resize(strip);
    s.strip_out.resize(strip);
  }
  for (int r0 = 0; r0 < rows; r0 += kStripRows) {
    const int lanes = std::min(kStripRows, rows - r0);
    // Transposed in blocks of kStripRows columns, so reads and writes stay within a few cache lines.
    const float* first = in + static_cast<size_t>(r0) * static_cast<size_t>(cols);
    for (int c0 = 0; c0 < cols; c0 += kStripRows) {
      const int c1 = std::min(cols, c0 + kStripRows);
      for (int l = 0; l < lanes; ++l) {
        const float* row = first + static_cast<size_t>(l) * static_cast<size_t>(cols);
        for (int c = c0; c < c1; ++c) s.strip_in[static_cast<size_t>(c) * kStripRows + static_cast<size_t>(l)] = row[c];
      }
    }
    BoxManyLanes(s.strip_in.data(), s.strip_out.data(), cols, lanes, kStripRows, window);
    if (keep == nullptr) {
      float* first_out = out + static_cast<size_t>(r0) * static_cast<size_t>(cols);
      for (int c0 = 0; c0 < cols; c0 += kStripRows) {
        const int c1 = std::min(cols, c0 + kStripRows);
        for (int l = 0; l < lanes; ++l) {
          float* row = first_out + static_cast<size_t>(l) * static_cast<size_t>(cols);
          for (int c = c0; c < c1; ++c) row[c] = s.strip_out[static_cast<size_t>(c) * kStripRows + static_cast<size_t>(l)];
        }
      }
      continue;
    }
    for (int l = 0; l < lanes; ++l) {
      float* row = out + static_cast<size_t>(r0 + l) * 64;
      for (size_t j = 0; j < 64; ++j) row[j] = s.strip_out[static_cast<size_t>((*keep)[j]) * kStripRows + static_cast<size_t>(l)];
    }
  }
}

}  // namespace

void JaroszBlurAndDecimate(float* luma, int rows, int cols, Scratch& s, Buffer64& out) {
  const size_t n = static_cast<size_t>(rows) * static_cast<size_t>(cols);
  if (s.temp.size() < std::max(n, static_cast<size_t>(rows) * 128)) s.temp.resize(std::max(n, static_cast<size_t>(rows) * 128));
  const int window_along_rows = JaroszWindow(cols, 64);
  const int window_along_cols = JaroszWindow(rows, 64);
  for (int pass = 0; pass + 1 < kJaroszPasses; ++pass) {
    BoxAlongRows(luma, s.temp.data(), rows, cols, window_along_rows, s, nullptr);
    BoxManyLanes(s.temp.data(), luma, rows, cols, static_cast<size_t>(cols), window_along_cols);
  }
  // Last pass over the sampled columns only: rows x 64 in temp, then filtered into its second half.
  const std::array<int, 64> sample_cols = SamplePoints(cols), sample_rows = SamplePoints(rows);
  float* kept = s.temp.data();
  float* filtered = kept + static_cast<size_t>(rows) * 64;
  BoxAlongRows(luma, kept, rows, cols, window_along_rows, s, &sample_cols);
  BoxManyLanes(kept, filtered, rows, 64, 64, window_along_cols);
  for (size_t i = 0; i < 64; ++i) {
    std::memcpy(&out[i * 64], filtered + static_cast<size_t>(sample_rows[i]) * 64, 64 * sizeof(float));
  }
}

}  // namespace casegraph::hashing::pdq
