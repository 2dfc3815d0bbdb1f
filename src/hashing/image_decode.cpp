#include "hashing/image_decode.h"

namespace casegraph::hashing {

ImageFormat SniffImageFormat(std::string_view head) {
  if (head.size() >= 3 && static_cast<uint8_t>(head[0]) == 0xFF && static_cast<uint8_t>(head[1]) == 0xD8 &&
      static_cast<uint8_t>(head[2]) == 0xFF) {
    return ImageFormat::kJpeg;
  }
  static constexpr std::string_view kPngMagic("\x89PNG\r\n\x1a\n", 8);
  if (head.substr(0, kPngMagic.size()) == kPngMagic) return ImageFormat::kPng;
  return ImageFormat::kUnknown;
}

Result<RgbImage> DecodeImage(std::string_view bytes, uint64_t max_pixels) {
  if (bytes.empty()) return Error::InvalidArgument("empty file: not an image");
  switch (SniffImageFormat(bytes)) {
    case ImageFormat::kJpeg:
      return DecodeJpeg(bytes, max_pixels);
    case ImageFormat::kPng:
      return DecodePng(bytes, max_pixels);
    case ImageFormat::kUnknown:
      break;
  }
  return Error::Unsupported("not a JPEG or PNG image", Location{"", "byte 0"});
}

}  // namespace casegraph::hashing
