// PDQ, Meta's 256-bit perceptual image hash, written from the published algorithm
// (shared/HASHING.md §1): float32 luma, Jarosz tent filter, 64x64 decimation, 16x16 DCT,
// median threshold. Bit-exact with the reference C++ given the same pixels; the resize policy
// decides which reference a hash agrees with for images larger than 512 px.
#pragma once

#include <array>
#include <string_view>

#include "base/result.h"
#include "hashing/image_decode.h"
#include "hashing/pdq_hash.h"

namespace casegraph::hashing {

struct PdqResult {
  Pdq256 hash;
  int quality = 0;  // 0..100; hashes below 50 are too unreliable to match on
};

enum class PdqResize {
  kFull,     // no pre-resize: what python-threatexchange, HMA and the Java library hash (default)
  kCimg512,  // the C++ CLI (pdq-photo-hasher): over 512 px, nearest-neighbour to exactly 512x512
};

// The hash of decoded pixels (1 channel = grey used as luma, 3 = RGB; a 2nd/4th alpha channel is
// ignored). Sides under 5 px, or pixels too few for width*height*channels, give the zero hash
// with quality 0. An image of exactly 64x64 skips the blur, as the reference does.
PdqResult PdqFromImage(const RgbImage& image, PdqResize resize = PdqResize::kFull);

// The 8 dihedral hashes from one DCT, in the order orig, rot90, rot180, rot270, flipx, flipy,
// flipplus1, flipminus1 (each thresholded at its own median; same quality for all). Unlike
// PdqFromImage, a 64x64 image is blurred too, as in the reference.
std::array<PdqResult, 8> PdqDihedralFromImage(const RgbImage& image, PdqResize resize = PdqResize::kFull);

// DecodeImage then PdqFromImage.
Result<PdqResult> PdqFromImageBytes(std::string_view bytes, PdqResize resize = PdqResize::kFull);

}  // namespace casegraph::hashing
