// PDQ unit tests: special cases (< 5 px, exactly 64x64), the lane-parallel Jarosz filter against
// a plain sequential transcription of the reference's phases, policies and channel layouts.
#include "hashing/pdq.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "hashing/pdq_core.h"
#include "image_codec_testing.h"

namespace casegraph::hashing {
namespace {

using testing::RandomPixels;

RgbImage RandomImage(int width, int height, int channels, uint32_t seed) {
  RgbImage image;
  image.width = width;
  image.height = height;
  image.channels = channels;
  image.pixels = RandomPixels(static_cast<size_t>(width) * static_cast<size_t>(height) * static_cast<size_t>(channels), seed);
  return image;
}

// The reference's box filter, one vector at a time, as HASHING.md §1.2 step 4 states it.
void SequentialBox(const float* in, float* out, int length, int stride, int window) {
  const int half = (window + 2) / 2;
  int ri = 0, li = 0, oi = 0, count = 0;
  float sum = 0.0f;
  for (int i = 0; i < half - 1; ++i, ri += stride) {
    sum += in[ri];
    ++count;
  }
  for (int i = 0; i < window - half + 1; ++i, ri += stride, oi += stride) {
    sum += in[ri];
    ++count;
    out[oi] = sum / static_cast<float>(count);
  }
  for (int i = 0; i < length - window; ++i, ri += stride, li += stride, oi += stride) {
    sum += in[ri];
    sum -= in[li];
    out[oi] = sum / static_cast<float>(count);
  }
  for (int i = 0; i < half - 1; ++i, li += stride, oi += stride) {
    sum -= in[li];
    --count;
    out[oi] = sum / static_cast<float>(count);
  }
}

pdq::Buffer64 SequentialBlurAndDecimate(std::vector<float> a, int rows, int cols) {
  std::vector<float> b(a.size());
  const int wr = pdq::JaroszWindow(cols, 64), wc = pdq::JaroszWindow(rows, 64);
  for (int pass = 0; pass < 2; ++pass) {
    for (int r = 0; r < rows; ++r) SequentialBox(&a[static_cast<size_t>(r * cols)], &b[static_cast<size_t>(r * cols)], cols, 1, wr);
    for (int c = 0; c < cols; ++c) SequentialBox(&b[static_cast<size_t>(c)], &a[static_cast<size_t>(c)], rows, cols, wc);
  }
  pdq::Buffer64 out;
  for (int i = 0; i < 64; ++i) {
    for (int j = 0; j < 64; ++j) {
      const int y = static_cast<int>(((i + 0.5) * rows) / 64), x = static_cast<int>(((j + 0.5) * cols) / 64);
      out[static_cast<size_t>(i * 64 + j)] = a[static_cast<size_t>(y * cols + x)];
    }
  }
  return out;
}

TEST(Pdq, JaroszWindowIsCeilOfSideOver128) {
  EXPECT_EQ(pdq::JaroszWindow(64, 64), 1);
  EXPECT_EQ(pdq::JaroszWindow(128, 64), 1);
  EXPECT_EQ(pdq::JaroszWindow(129, 64), 2);
  EXPECT_EQ(pdq::JaroszWindow(1004, 64), 8);
  EXPECT_EQ(pdq::JaroszWindow(1600, 64), 13);
}

TEST(Pdq, LaneParallelFilterIsBitExactWithTheSequentialOne) {
  // Odd sizes, strips with a partial last strip, even and odd windows on both axes.
  const std::vector<std::pair<int, int>> sizes = {{5, 5}, {7, 131}, {130, 257}, {300, 200}, {17, 1000}, {259, 33}};
  uint32_t seed = 10;
  for (auto [rows, cols] : sizes) {
    std::vector<float> luma(static_cast<size_t>(rows) * static_cast<size_t>(cols));
    const auto bytes = RandomPixels(luma.size(), seed++);
    for (size_t i = 0; i < luma.size(); ++i) luma[i] = static_cast<float>(bytes[i]) * 0.587f + 0.25f;
    const pdq::Buffer64 want = SequentialBlurAndDecimate(luma, rows, cols);
    pdq::Scratch scratch;
    pdq::Buffer64 got;
    pdq::JaroszBlurAndDecimate(luma.data(), rows, cols, scratch, got);
    EXPECT_TRUE(std::equal(got.begin(), got.end(), want.begin())) << rows << "x" << cols;
    // The baseline build of the filter (what a CPU without AVX2 runs) gives the same bits.
    std::vector<float> again(static_cast<size_t>(rows) * static_cast<size_t>(cols));
    for (size_t i = 0; i < again.size(); ++i) again[i] = static_cast<float>(bytes[i]) * 0.587f + 0.25f;
    pdq::Buffer64 baseline;
    pdq::JaroszBlurAndDecimateBaseline(again.data(), rows, cols, scratch, baseline);
    EXPECT_TRUE(std::equal(baseline.begin(), baseline.end(), want.begin())) << rows << "x" << cols;
  }
}

TEST(Pdq, SidesUnderFivePixelsGiveTheZeroHash) {
  for (auto [w, h] : std::vector<std::pair<int, int>>{{4, 100}, {100, 4}, {1, 1}}) {
    const PdqResult r = PdqFromImage(RandomImage(w, h, 3, 1));
    EXPECT_EQ(r.hash, Pdq256{}) << w << "x" << h;
    EXPECT_EQ(r.quality, 0);
    for (const PdqResult& d : PdqDihedralFromImage(RandomImage(w, h, 3, 1))) EXPECT_EQ(d.hash, Pdq256{});
  }
  const PdqResult five = PdqFromImage(RandomImage(5, 5, 3, 2));
  EXPECT_NE(five.hash, Pdq256{});
}

TEST(Pdq, MalformedPixelBuffersGiveTheZeroHash) {
  RgbImage short_buffer = RandomImage(32, 32, 3, 3);
  short_buffer.pixels.resize(100);
  EXPECT_EQ(PdqFromImage(short_buffer).hash, Pdq256{});
  RgbImage bad_channels = RandomImage(32, 32, 3, 3);
  bad_channels.channels = 7;
  EXPECT_EQ(PdqFromImage(bad_channels).hash, Pdq256{});
}

// Exactly 64x64: the single hash takes the luma as the 64x64 block; the dihedral path blurs.
TEST(Pdq, Exactly64x64SkipsTheBlurInTheSingleHashOnly) {
  const RgbImage image = RandomImage(64, 64, 3, 4);
  pdq::Buffer64 raw;
  for (size_t i = 0; i < raw.size(); ++i) {
    const uint8_t* p = &image.pixels[3 * i];
    raw[i] = 0.299f * static_cast<float>(p[0]) + 0.587f * static_cast<float>(p[1]) + 0.114f * static_cast<float>(p[2]);
  }
  std::vector<float> luma(raw.begin(), raw.end());
  pdq::Scratch scratch;
  pdq::Buffer64 blurred;
  pdq::JaroszBlurAndDecimate(luma.data(), 64, 64, scratch, blurred);
  // With window 1 the running sum rounds: the blurred block is not the raw one.
  ASSERT_FALSE(std::equal(raw.begin(), raw.end(), blurred.begin()));

  pdq::Dct16 raw_dct, blurred_dct;
  pdq::Dct64To16(raw, raw_dct);
  pdq::Dct64To16(blurred, blurred_dct);
  const PdqResult single = PdqFromImage(image);
  EXPECT_EQ(single.hash, pdq::BitsFromDct(raw_dct));
  EXPECT_EQ(single.quality, pdq::QualityMetric(raw));
  const auto dihedral = PdqDihedralFromImage(image);
  EXPECT_EQ(dihedral[0].hash, pdq::BitsFromDct(blurred_dct));
  EXPECT_EQ(dihedral[0].quality, pdq::QualityMetric(blurred));
}

TEST(Pdq, AlphaChannelsAreIgnored) {
  const RgbImage rgb = RandomImage(40, 30, 3, 5);
  RgbImage rgba = rgb;
  rgba.channels = 4;
  rgba.pixels.clear();
  for (size_t i = 0; i < rgb.pixels.size(); i += 3) {
    rgba.pixels.insert(rgba.pixels.end(), {rgb.pixels[i], rgb.pixels[i + 1], rgb.pixels[i + 2], static_cast<uint8_t>(i)});
  }
  EXPECT_EQ(PdqFromImage(rgba).hash, PdqFromImage(rgb).hash);
}

TEST(Pdq, BitsAreSetAboveTheLowerMedian) {
  pdq::Dct16 dct;
  for (size_t k = 0; k < dct.size(); ++k) dct[k] = static_cast<float>(k);
  const Pdq256 hash = pdq::BitsFromDct(dct);
  // Median = 127 (the 128th smallest); 128..255 are above it.
  for (int k = 0; k < 256; ++k) EXPECT_EQ(hash.Bit(k), k > 127) << k;
}

TEST(Pdq, Cimg512ResizesOnlyLargeImages) {
  const RgbImage small = RandomImage(300, 200, 3, 6);
  EXPECT_EQ(PdqFromImage(small, PdqResize::kCimg512).hash, PdqFromImage(small, PdqResize::kFull).hash);
  // 1024x1024 with 2x2 blocks: nearest 512x512 takes the top-left of each block, i.e. the
  // 512x512 image of block colours.
  const RgbImage blocks = RandomImage(512, 512, 3, 7);
  RgbImage big;
  big.width = big.height = 1024;
  big.channels = 3;
  big.pixels.resize(1024 * 1024 * 3);
  for (size_t y = 0; y < 1024; ++y) {
    for (size_t x = 0; x < 1024; ++x) {
      for (size_t c = 0; c < 3; ++c) big.pixels[(y * 1024 + x) * 3 + c] = blocks.pixels[((y / 2) * 512 + x / 2) * 3 + c];
    }
  }
  EXPECT_EQ(PdqFromImage(big, PdqResize::kCimg512).hash, PdqFromImage(blocks).hash);
}

TEST(Pdq, FromBytesReportsDecodeErrors) {
  EXPECT_FALSE(PdqFromImageBytes("not an image").ok());
  const RgbImage image = RandomImage(24, 24, 3, 8);
  auto r = PdqFromImageBytes(testing::EncodePng(24, 24, PNG_COLOR_TYPE_RGB, 8, image.pixels));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->hash, PdqFromImage(image).hash);
}

}  // namespace
}  // namespace casegraph::hashing
