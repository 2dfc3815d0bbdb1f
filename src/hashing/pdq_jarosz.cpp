// The Jarosz tent filter of PDQ: box filters along rows, then columns, twice, each a running
// float32 sum in four phases (grow without output, grow with output, slide, shrink) divided by
// the current count; then decimation to 64x64 at pixel centres.
//
// Speed without changing a bit: the filter runs over many independent lanes at once. A column
// pass treats every column of the image as a lane (memory order already interleaves them); a row
// pass first transposes a strip of rows so that its rows become lanes. Each lane performs exactly
// the reference's sequence of float operations, so the compiler may vectorise across lanes.
#include <algorithm>
#include <cstring>

#include "hashing/pdq_core.h"

namespace casegraph::hashing::pdq {
namespace {

constexpr int kStripRows = 16;

// Box filter of full window `window` along `length` elements for `lanes` lanes: element k of
// lane l is in[k * stride + l]. `sums` holds `lanes` floats.
void BoxLanes(const float* in, float* out, int length, int lanes, size_t stride, int window, float* sums) {
  const int half = (window + 2) / 2;
  const int grow_silent = half - 1;
  const int grow = window - half + 1;
  const int slide = length - window;
  const int shrink = half - 1;
  std::fill(sums, sums + lanes, 0.0f);
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

// Box filter along each row of `in` into `out` (rows x cols), a strip of rows at a time.
void BoxAlongRows(const float* in, float* out, int rows, int cols, int window, Scratch& s) {
  const size_t strip = static_cast<size_t>(cols) * kStripRows;
  if (s.strip_in.size() < strip) {
    s.strip_in.resize(strip);
    s.strip_out.resize(strip);
  }
  for (int r0 = 0; r0 < rows; r0 += kStripRows) {
    const int lanes = std::min(kStripRows, rows - r0);
    for (int l = 0; l < lanes; ++l) {
      const float* row = in + static_cast<size_t>(r0 + l) * static_cast<size_t>(cols);
      for (int c = 0; c < cols; ++c) s.strip_in[static_cast<size_t>(c) * kStripRows + static_cast<size_t>(l)] = row[c];
    }
    BoxLanes(s.strip_in.data(), s.strip_out.data(), cols, lanes, kStripRows, window, s.sums.data());
    for (int l = 0; l < lanes; ++l) {
      float* row = out + static_cast<size_t>(r0 + l) * static_cast<size_t>(cols);
      for (int c = 0; c < cols; ++c) row[c] = s.strip_out[static_cast<size_t>(c) * kStripRows + static_cast<size_t>(l)];
    }
  }
}

void Decimate(const float* in, int rows, int cols, Buffer64& out) {
  for (int i = 0; i < 64; ++i) {
    const int y = static_cast<int>(((i + 0.5) * rows) / 64);
    for (int j = 0; j < 64; ++j) {
      const int x = static_cast<int>(((j + 0.5) * cols) / 64);
      out[static_cast<size_t>(i * 64 + j)] = in[static_cast<size_t>(y) * static_cast<size_t>(cols) + static_cast<size_t>(x)];
    }
  }
}

}  // namespace

void JaroszBlurAndDecimate(float* luma, int rows, int cols, Scratch& s, Buffer64& out) {
  const size_t n = static_cast<size_t>(rows) * static_cast<size_t>(cols);
  if (s.temp.size() < n) s.temp.resize(n);
  if (s.sums.size() < static_cast<size_t>(std::max(cols, kStripRows))) s.sums.resize(static_cast<size_t>(std::max(cols, kStripRows)));
  const int window_along_rows = JaroszWindow(cols, 64);
  const int window_along_cols = JaroszWindow(rows, 64);
  for (int pass = 0; pass < kJaroszPasses; ++pass) {
    BoxAlongRows(luma, s.temp.data(), rows, cols, window_along_rows, s);
    BoxLanes(s.temp.data(), luma, rows, cols, static_cast<size_t>(cols), window_along_cols, s.sums.data());
  }
  Decimate(luma, rows, cols, out);
}

}  // namespace casegraph::hashing::pdq
