// Fuzz target for PDQ and image decoding. The first byte picks the mode:
//   even: pixels. Bytes 1..2 give width and height (1..256 each), byte 3 the channel count
//         (1..4); the rest are the pixels, repeated to fill the image. PDQ and its dihedral set
//         are computed under both resize policies.
//   odd:  DecodeImage over the rest (a JPEG or PNG file), then PDQ of what decodes.
// Traps when a quality leaves 0..100, a decoded image's buffer does not match its size, the
// dihedral `orig` differs from the single hash (sizes other than 64x64), or a hash of an image
// with a side under 5 px is not zero.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "hashing/image_decode.h"
#include "hashing/pdq.h"

namespace {

using casegraph::hashing::Pdq256;
using casegraph::hashing::PdqResize;
using casegraph::hashing::RgbImage;

void CheckHashes(const RgbImage& image) {
  for (PdqResize resize : {PdqResize::kFull, PdqResize::kCimg512}) {
    const auto single = casegraph::hashing::PdqFromImage(image, resize);
    const auto dihedral = casegraph::hashing::PdqDihedralFromImage(image, resize);
    if (single.quality < 0 || single.quality > 100) __builtin_trap();
    const bool tiny = image.width < 5 || image.height < 5;
    if (tiny && (single.hash != Pdq256{} || single.quality != 0)) __builtin_trap();
    const bool exactly64 = image.width == 64 && image.height == 64;
    if (!exactly64 && (dihedral[0].hash != single.hash || dihedral[0].quality != single.quality)) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  if (data[0] % 2 == 1) {
    auto decoded = casegraph::hashing::DecodeImage(
        std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), /*max_pixels=*/4'000'000);
    if (!decoded.ok()) return 0;
    const RgbImage& image = *decoded;
    if (image.width <= 0 || image.height <= 0 || (image.channels != 1 && image.channels != 3)) __builtin_trap();
    if (image.pixels.size() != static_cast<size_t>(image.width) * static_cast<size_t>(image.height) *
                                   static_cast<size_t>(image.channels)) {
      __builtin_trap();
    }
    CheckHashes(image);
    return 0;
  }
  if (size < 5) return 0;
  RgbImage image;
  image.width = 1 + data[1];
  image.height = 1 + data[2];
  image.channels = 1 + data[3] % 4;
  image.pixels.resize(static_cast<size_t>(image.width) * static_cast<size_t>(image.height) *
                      static_cast<size_t>(image.channels));
  const uint8_t* pixels = data + 4;
  const size_t count = size - 4;
  for (size_t i = 0; i < image.pixels.size(); ++i) image.pixels[i] = pixels[i % count];
  CheckHashes(image);
  return 0;
}
