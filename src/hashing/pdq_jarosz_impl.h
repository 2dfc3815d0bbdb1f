// The Jarosz tent filter of PDQ (included once per instruction set by pdq_jarosz*.cpp): box filters along rows, then columns, twice, each a running
// float32 sum in four phases (grow without output, grow with output, slide, shrink) divided by
// the current count; then decimation to 64x64 at pixel centres.
//
// Speed without changing a bit: the filter runs over many independent lanes at once. A column
// pass treats every column of the image as a lane (memory order already interleaves them); a row
// pass first transposes a strip of rows so that its rows become lanes. Each lane performs exactly
// the reference's sequence of float operations, so the compiler may vectorise across lanes.
// The last pass keeps only what decimation reads: its row filter stores the 64 sampled columns
// and its column filter runs over those 64 columns alone.
// No include guard on purpose: each pdq_jarosz*.cpp includes it once, in its own namespace.
#include <algorithm>
#include <array>
#include <cstring>

#include "hashing/pdq_core.h"

#ifndef CASEGRAPH_PDQ_ISA
#error "define CASEGRAPH_PDQ_ISA (the namespace of this instruction-set variant) before including"
#endif

namespace casegraph::hashing::pdq::CASEGRAPH_PDQ_ISA {
namespace {

constexpr int kStripRows = 16;  // = the lanes of Pack16

// 16 lanes as one 16-float vector (GCC/Clang vector extensions): the compiler splits it into
// what the target has (4 SSE or NEON registers, 2 AVX2, 1 AVX-512), so the running sums stay in
// registers. Lane-wise IEEE add, subtract and divide: the same bits as one float at a time.
typedef float Float16 __attribute__((vector_size(64)));
struct Pack16 {
  Float16 v;
  static Pack16 Zero() { return Pack16{Float16{}}; }
  static Pack16 Load(const float* p) {
    Pack16 x;
    std::memcpy(&x.v, p, sizeof x.v);
    return x;
  }
  void Store(float* p) const { std::memcpy(p, &v, sizeof v); }
  void Add(const Pack16& o) { v += o.v; }
  void Subtract(const Pack16& o) { v -= o.v; }
  Pack16 Divide(float d) const { return Pack16{v / d}; }
};
// One lane.
struct Pack1 {
  float v;
  static Pack1 Zero() { return {0.0f}; }
  static Pack1 Load(const float* p) { return {*p}; }
  void Store(float* p) const { *p = v; }
  void Add(const Pack1& o) { v += o.v; }
  void Subtract(const Pack1& o) { v -= o.v; }
  Pack1 Divide(float d) const { return {v / d}; }
};

// Box filter of full window `window` along `length` elements for the lanes of one Pack: element
// k of lane l is in[k * stride + l]. The four phases of the reference, in its operation order.
template <typename Pack>
void BoxLanes(const float* in, float* out, int length, size_t stride, int window) {
  Pack sum = Pack::Zero();
  const int half = (window + 2) / 2;
  const int grow_silent = half - 1;
  const int grow = window - half + 1;
  const int slide = length - window;
  const int shrink = half - 1;
  size_t right = 0, left = 0, o = 0;
  int count = 0;
  for (int n = 0; n < grow_silent; ++n, ++right, ++count) sum.Add(Pack::Load(in + right * stride));
  for (int n = 0; n < grow; ++n, ++right, ++o) {
    ++count;
    sum.Add(Pack::Load(in + right * stride));
    sum.Divide(static_cast<float>(count)).Store(out + o * stride);
  }
  const float full = static_cast<float>(count);
  for (int n = 0; n < slide; ++n, ++right, ++left, ++o) {
    sum.Add(Pack::Load(in + right * stride));
    sum.Subtract(Pack::Load(in + left * stride));
    sum.Divide(full).Store(out + o * stride);
  }
  for (int n = 0; n < shrink; ++n, ++left, ++o) {
    --count;
    sum.Subtract(Pack::Load(in + left * stride));
    sum.Divide(static_cast<float>(count)).Store(out + o * stride);
  }
}

// Any number of lanes side by side (stride >= lanes): blocks of 16, then one lane at a time.
void BoxManyLanes(const float* in, float* out, int length, int lanes, size_t stride, int window) {
  int l0 = 0;
  for (; l0 + 16 <= lanes; l0 += 16) BoxLanes<Pack16>(in + l0, out + l0, length, stride, window);
  for (; l0 < lanes; ++l0) BoxLanes<Pack1>(in + l0, out + l0, length, stride, window);
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
    // A partial last strip runs all 16 lanes too; the unused ones are never read back.
    BoxLanes<Pack16>(s.strip_in.data(), s.strip_out.data(), cols, kStripRows, window);
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

}  // namespace casegraph::hashing::pdq::CASEGRAPH_PDQ_ISA
