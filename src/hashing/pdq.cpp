// PDQ from decoded pixels: the resize policy, float32 luma, and the stages of pdq_core.h.
#include "hashing/pdq.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "hashing/pdq_core.h"

namespace casegraph::hashing {
namespace {

constexpr int kCimgSide = 512;
// Scratch buffers above this many floats are released after the hash, so that one huge image
// does not pin hundreds of MB per thread for the rest of a scan.
constexpr size_t kKeepScratchFloats = size_t{16} << 20;

constexpr float kLumaR = 0.299f, kLumaG = 0.587f, kLumaB = 0.114f;

pdq::Scratch& ThreadScratch() {
  thread_local pdq::Scratch scratch;
  return scratch;
}

void TrimScratch(pdq::Scratch& s) {
  if (s.luma.capacity() > kKeepScratchFloats || s.temp.capacity() > kKeepScratchFloats) s = pdq::Scratch{};
}

bool Valid(const RgbImage& image) {
  if (image.width <= 0 || image.height <= 0 || image.channels < 1 || image.channels > 4) return false;
  const uint64_t need = static_cast<uint64_t>(image.width) * static_cast<uint64_t>(image.height) *
                        static_cast<uint64_t>(image.channels);
  return image.pixels.size() >= need;
}

// The three products of the luma formula for every byte value: each is one float32 rounding
// either way, so a table lookup gives the same bits as the multiplication.
struct LumaTables {
  std::array<float, 256> r{}, g{}, b{};
  LumaTables() {
    for (int v = 0; v < 256; ++v) {
      const auto f = static_cast<float>(v);
      r[static_cast<size_t>(v)] = kLumaR * f;
      g[static_cast<size_t>(v)] = kLumaG * f;
      b[static_cast<size_t>(v)] = kLumaB * f;
    }
  }
};
const LumaTables kTables;

// Luma of the pixel at `p`: grey (1 or 2 channels) is used as is, RGB goes through the float32
// formula left to right: (0.299 R + 0.587 G) + 0.114 B.
inline float Luma(const uint8_t* p, bool grey) {
  if (grey) return static_cast<float>(p[0]);
  return kTables.r[p[0]] + kTables.g[p[1]] + kTables.b[p[2]];
}

// Fills s.luma with the image's luma after the resize policy; returns the luma's dimensions.
void LoadLuma(const RgbImage& image, PdqResize resize, pdq::Scratch& s, int& rows, int& cols) {
  const bool grey = image.channels < 3;
  const size_t channels = static_cast<size_t>(image.channels);
  const bool shrink = resize == PdqResize::kCimg512 && (image.width > kCimgSide || image.height > kCimgSide);
  rows = shrink ? kCimgSide : image.height;
  cols = shrink ? kCimgSide : image.width;
  const size_t n = static_cast<size_t>(rows) * static_cast<size_t>(cols);
  if (s.luma.size() < n) s.luma.resize(n);
  float* out = s.luma.data();
  const size_t row_bytes = static_cast<size_t>(image.width) * channels;
  if (!shrink) {
    const uint8_t* p = image.pixels.data();
    if (channels == 3) {  // the common case, with a constant stride the compiler can unroll
      for (size_t i = 0; i < n; ++i, p += 3) out[i] = Luma(p, false);
    } else if (channels == 1) {
      for (size_t i = 0; i < n; ++i) out[i] = static_cast<float>(p[i]);
    } else {
      for (size_t i = 0; i < n; ++i, p += channels) out[i] = Luma(p, grey);
    }
    return;
  }
  // CImg's nearest-neighbour resize: destination x takes source floor(x * W / 512), in double.
  std::array<size_t, kCimgSide> source_col{};
  for (int x = 0; x < cols; ++x) {
    source_col[static_cast<size_t>(x)] = static_cast<size_t>(static_cast<double>(x) * image.width / kCimgSide) * channels;
  }
  for (int y = 0; y < rows; ++y) {
    const size_t source_row = static_cast<size_t>(static_cast<double>(y) * image.height / kCimgSide);
    const uint8_t* row = image.pixels.data() + source_row * row_bytes;
    for (int x = 0; x < cols; ++x) *out++ = Luma(row + source_col[static_cast<size_t>(x)], grey);
  }
}

// The 64x64 block, its quality, and the DCT. `skip_blur_at_64`: the single-hash path copies an
// exactly 64x64 luma without filtering; the dihedral path always filters.
int BlockAndDct(const RgbImage& image, PdqResize resize, bool skip_blur_at_64, pdq::Dct16& dct) {
  pdq::Scratch& s = ThreadScratch();
  int rows = 0, cols = 0;
  LoadLuma(image, resize, s, rows, cols);
  pdq::Buffer64 block;
  if (skip_blur_at_64 && rows == 64 && cols == 64) {
    std::copy(s.luma.begin(), s.luma.begin() + 64 * 64, block.begin());
  } else {
    pdq::JaroszBlurAndDecimate(s.luma.data(), rows, cols, s, block);
  }
  TrimScratch(s);
  pdq::Dct64To16(block, dct);
  return pdq::QualityMetric(block);
}

bool Hashable(const RgbImage& image) {
  return Valid(image) && image.width >= pdq::kMinHashableDim && image.height >= pdq::kMinHashableDim;
}

}  // namespace

PdqResult PdqFromImage(const RgbImage& image, PdqResize resize) {
  if (!Hashable(image)) return {};
  pdq::Dct16 dct;
  PdqResult result;
  result.quality = BlockAndDct(image, resize, /*skip_blur_at_64=*/true, dct);
  result.hash = pdq::BitsFromDct(dct);
  return result;
}

std::array<PdqResult, 8> PdqDihedralFromImage(const RgbImage& image, PdqResize resize) {
  std::array<PdqResult, 8> results{};
  if (!Hashable(image)) return results;
  pdq::Dct16 dct, variant;
  const int quality = BlockAndDct(image, resize, /*skip_blur_at_64=*/false, dct);
  for (int v = 0; v < 8; ++v) {
    pdq::DihedralDct(v, dct, variant);
    results[static_cast<size_t>(v)] = {pdq::BitsFromDct(variant), quality};
  }
  return results;
}

Result<PdqResult> PdqFromImageBytes(std::string_view bytes, PdqResize resize) {
  auto image = DecodeImage(bytes);
  if (!image.ok()) return image.error();
  return PdqFromImage(*image, resize);
}

}  // namespace casegraph::hashing
