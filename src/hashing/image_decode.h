// Decoding of JPEG and PNG files into 8-bit pixels for perceptual hashing (PDQ). The decoders are
// the platform libraries (libjpeg-turbo with its default ISLOW IDCT and fancy upsampling, libpng),
// set up to give the same pixels as Pillow, which python-threatexchange and HMA hash: alpha is
// dropped (not composited), grey stays one channel, EXIF orientation is not applied.
// Untrusted bytes: corrupt or truncated data and absurd dimensions give an Error, never an abort,
// and nothing is printed.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace casegraph::hashing {

struct RgbImage {
  int width = 0, height = 0;
  int channels = 3;             // 3 = RGB, 1 = grey
  std::vector<uint8_t> pixels;  // row-major, `channels` bytes per pixel
};

enum class ImageFormat { kUnknown, kJpeg, kPng };

// The format from the first bytes (magic numbers); kUnknown for anything else.
ImageFormat SniffImageFormat(std::string_view head);

// Decodes a JPEG or PNG. Palette PNGs are expanded to RGB; 16-bit samples keep their high byte,
// except 16-bit grey, which is clipped to 0..255 as Pillow's I;16 -> RGB conversion does (the
// python-threatexchange I16.png vector depends on it). CMYK/YCCK JPEGs are converted to RGB with
// Pillow's formula. Images with more than max_pixels pixels are refused before any allocation.
Result<RgbImage> DecodeImage(std::string_view bytes, uint64_t max_pixels = 200'000'000);

// The two decoders behind DecodeImage (image_decode_jpeg.cpp, image_decode_png.cpp).
Result<RgbImage> DecodeJpeg(std::string_view bytes, uint64_t max_pixels);
Result<RgbImage> DecodePng(std::string_view bytes, uint64_t max_pixels);

}  // namespace casegraph::hashing
