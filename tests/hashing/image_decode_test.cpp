// Image decoding: the pixels Pillow would give (grey stays grey, alpha dropped, palette expanded,
// 16-bit grey clipped) and bad input (truncated, garbage, absurd or zero size) as errors that
// print nothing.
#include "hashing/image_decode.h"

#include <gtest/gtest.h>

#include "image_codec_testing.h"

namespace casegraph::hashing {
namespace {

using testing::EncodeJpeg;
using testing::EncodePng;
using testing::RandomPixels;

// Decodes with stderr captured: a decoder must never print.
Result<RgbImage> DecodeQuietly(const std::string& bytes, uint64_t max_pixels = 200'000'000) {
  ::testing::internal::CaptureStderr();
  auto result = DecodeImage(bytes, max_pixels);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  return result;
}

TEST(ImageDecode, SniffsMagicNumbers) {
  EXPECT_EQ(SniffImageFormat(std::string("\xFF\xD8\xFF\xE0", 4)), ImageFormat::kJpeg);
  EXPECT_EQ(SniffImageFormat(std::string("\x89PNG\r\n\x1a\n", 8)), ImageFormat::kPng);
  EXPECT_EQ(SniffImageFormat("GIF89a"), ImageFormat::kUnknown);
  EXPECT_EQ(SniffImageFormat(""), ImageFormat::kUnknown);
  EXPECT_EQ(SniffImageFormat(std::string("\xFF\xD8", 2)), ImageFormat::kUnknown);
}

TEST(ImageDecode, PngColourTypes) {
  // RGB 8-bit: exact pixels.
  const auto rgb = RandomPixels(7 * 5 * 3, 1);
  auto a = DecodeQuietly(EncodePng(7, 5, PNG_COLOR_TYPE_RGB, 8, rgb));
  ASSERT_TRUE(a.ok()) << a.error().ToString();
  EXPECT_EQ(a->width, 7);
  EXPECT_EQ(a->height, 5);
  EXPECT_EQ(a->channels, 3);
  EXPECT_EQ(a->pixels, rgb);

  // RGBA: alpha dropped, colour kept as is (not composited).
  std::vector<uint8_t> rgba = {10, 20, 30, 0, 40, 50, 60, 255};
  auto b = DecodeQuietly(EncodePng(2, 1, PNG_COLOR_TYPE_RGB_ALPHA, 8, rgba));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->pixels, (std::vector<uint8_t>{10, 20, 30, 40, 50, 60}));

  // Grey + alpha: one channel.
  auto c = DecodeQuietly(EncodePng(2, 1, PNG_COLOR_TYPE_GRAY_ALPHA, 8, {7, 0, 9, 128}));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->channels, 1);
  EXPECT_EQ(c->pixels, (std::vector<uint8_t>{7, 9}));

  // Palette: expanded to RGB.
  auto d = DecodeQuietly(EncodePng(2, 1, PNG_COLOR_TYPE_PALETTE, 8, {1, 0}, {0, 0, 0, 200, 100, 50}));
  ASSERT_TRUE(d.ok()) << d.error().ToString();
  EXPECT_EQ(d->channels, 3);
  EXPECT_EQ(d->pixels, (std::vector<uint8_t>{200, 100, 50, 0, 0, 0}));

  // 1-bit grey: expanded to 0/255.
  auto e = DecodeQuietly(EncodePng(8, 1, PNG_COLOR_TYPE_GRAY, 1, {0xA0}));
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->pixels, (std::vector<uint8_t>{255, 0, 255, 0, 0, 0, 0, 0}));
}

TEST(ImageDecode, SixteenBitGreyIsClippedOtherSixteenBitKeepsHighByte) {
  // Grey 16-bit: 0x0064 = 100 stays 100, 0x0100 = 256 clips to 255 (Pillow I;16 -> RGB).
  auto grey = DecodeQuietly(EncodePng(3, 1, PNG_COLOR_TYPE_GRAY, 16, {0x00, 0x64, 0x01, 0x00, 0xFF, 0xFF}));
  ASSERT_TRUE(grey.ok());
  EXPECT_EQ(grey->channels, 1);
  EXPECT_EQ(grey->pixels, (std::vector<uint8_t>{100, 255, 255}));
  // RGB 16-bit: high byte.
  auto rgb = DecodeQuietly(EncodePng(1, 1, PNG_COLOR_TYPE_RGB, 16, {0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC}));
  ASSERT_TRUE(rgb.ok());
  EXPECT_EQ(rgb->pixels, (std::vector<uint8_t>{0x12, 0x56, 0x9A}));
}

TEST(ImageDecode, InterlacedPngGivesTheSamePixels) {
  const auto rgb = RandomPixels(33 * 17 * 3, 2);
  auto plain = DecodeQuietly(EncodePng(33, 17, PNG_COLOR_TYPE_RGB, 8, rgb));
  auto interlaced = DecodeQuietly(EncodePng(33, 17, PNG_COLOR_TYPE_RGB, 8, rgb, {}, true));
  ASSERT_TRUE(plain.ok() && interlaced.ok());
  EXPECT_EQ(interlaced->pixels, rgb);
}

TEST(ImageDecode, JpegGreyStaysOneChannelRgbIsThree) {
  std::vector<uint8_t> grey(16 * 8, 128);
  auto g = DecodeQuietly(EncodeJpeg(16, 8, 1, grey));
  ASSERT_TRUE(g.ok()) << g.error().ToString();
  EXPECT_EQ(g->channels, 1);
  EXPECT_EQ(g->pixels, grey);  // a flat grey survives JPEG exactly

  std::vector<uint8_t> rgb;
  for (int i = 0; i < 16 * 8; ++i) rgb.insert(rgb.end(), {200, 40, 40});
  auto c = DecodeQuietly(EncodeJpeg(16, 8, 3, rgb, 100));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->channels, 3);
  ASSERT_EQ(c->pixels.size(), rgb.size());
  for (size_t i = 0; i < rgb.size(); ++i) EXPECT_NEAR(c->pixels[i], rgb[i], 3) << i;
}

TEST(ImageDecode, CmykJpegIsConvertedToRgb) {
  // C=0, M=255, Y=255, K=0 is red; libjpeg writes CMYK with the Adobe marker (inverted values).
  std::vector<uint8_t> cmyk;
  for (int i = 0; i < 8 * 8; ++i) cmyk.insert(cmyk.end(), {255, 0, 0, 255});  // inverted: C=0 M=255 Y=255 K=0
  auto r = DecodeQuietly(EncodeJpeg(8, 8, 4, cmyk, 100));
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(r->channels, 3);
  EXPECT_NEAR(r->pixels[0], 255, 3);
  EXPECT_NEAR(r->pixels[1], 0, 3);
  EXPECT_NEAR(r->pixels[2], 0, 3);
}

TEST(ImageDecode, TruncatedFilesAreErrors) {
  const auto rgb = RandomPixels(40 * 30 * 3, 3);
  const std::string jpeg = EncodeJpeg(40, 30, 3, rgb);
  const std::string png = EncodePng(40, 30, PNG_COLOR_TYPE_RGB, 8, rgb);
  for (size_t cut : {size_t{3}, size_t{20}, jpeg.size() / 2, jpeg.size() - 2}) {
    auto r = DecodeQuietly(jpeg.substr(0, cut));
    EXPECT_FALSE(r.ok()) << "JPEG cut at " << cut;
  }
  for (size_t cut : {size_t{8}, size_t{20}, png.size() / 2, png.size() - 13}) {
    auto r = DecodeQuietly(png.substr(0, cut));
    EXPECT_FALSE(r.ok()) << "PNG cut at " << cut;
  }
  auto r = DecodeQuietly(jpeg.substr(0, jpeg.size() / 2));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message().find("JPEG"), std::string::npos) << r.error().message();
}

TEST(ImageDecode, GarbageAndEmptyAreErrors) {
  EXPECT_FALSE(DecodeQuietly("").ok());
  auto garbage = DecodeQuietly("this is not an image at all");
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.error().kind(), ErrorKind::kUnsupported);
  // Right magic, garbage after it.
  std::string fake_jpeg = std::string("\xFF\xD8\xFF", 3) + std::string(500, '\x5A');
  EXPECT_FALSE(DecodeQuietly(fake_jpeg).ok());
  std::string fake_png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string(500, '\x5A');
  EXPECT_FALSE(DecodeQuietly(fake_png).ok());
  // A PNG whose image data is damaged.
  const auto rgb = RandomPixels(40 * 30 * 3, 4);
  std::string png = EncodePng(40, 30, PNG_COLOR_TYPE_RGB, 8, rgb);
  for (size_t i = 60; i < png.size() - 20; i += 7) png[i] = static_cast<char>(png[i] ^ 0x5A);
  EXPECT_FALSE(DecodeQuietly(png).ok());
}

TEST(ImageDecode, AbsurdDeclaredSizesAreRefusedBeforeAllocating) {
  const auto rgb = RandomPixels(16 * 16 * 3, 5);
  const std::string png = EncodePng(16, 16, PNG_COLOR_TYPE_RGB, 8, rgb);
  auto huge_png = DecodeQuietly(testing::PatchPngSize(png, 1'000'000, 1'000'000));
  ASSERT_FALSE(huge_png.ok());
  auto over_limit = DecodeQuietly(testing::PatchPngSize(png, 100'000, 100'000));
  ASSERT_FALSE(over_limit.ok());
  EXPECT_NE(over_limit.error().message().find("exceeds the limit"), std::string::npos)
      << over_limit.error().message();
  const std::string jpeg = EncodeJpeg(16, 16, 3, rgb);
  auto huge_jpeg = DecodeQuietly(testing::PatchJpegSize(jpeg, 60000, 60000));
  ASSERT_FALSE(huge_jpeg.ok());
  EXPECT_NE(huge_jpeg.error().message().find("exceeds the limit"), std::string::npos) << huge_jpeg.error().message();
  // The caller's limit applies to well-formed files too.
  EXPECT_FALSE(DecodeQuietly(png, 255).ok());
  EXPECT_TRUE(DecodeQuietly(png, 256).ok());
  EXPECT_FALSE(DecodeQuietly(jpeg, 100).ok());
}

TEST(ImageDecode, ZeroSizedImagesAreErrors) {
  const auto rgb = RandomPixels(16 * 16 * 3, 6);
  EXPECT_FALSE(DecodeQuietly(testing::PatchPngSize(EncodePng(16, 16, PNG_COLOR_TYPE_RGB, 8, rgb), 0, 16)).ok());
  EXPECT_FALSE(DecodeQuietly(testing::PatchPngSize(EncodePng(16, 16, PNG_COLOR_TYPE_RGB, 8, rgb), 16, 0)).ok());
  EXPECT_FALSE(DecodeQuietly(testing::PatchJpegSize(EncodeJpeg(16, 16, 3, rgb), 0, 16)).ok());
  EXPECT_FALSE(DecodeQuietly(testing::PatchJpegSize(EncodeJpeg(16, 16, 3, rgb), 16, 0)).ok());
}

}  // namespace
}  // namespace casegraph::hashing
