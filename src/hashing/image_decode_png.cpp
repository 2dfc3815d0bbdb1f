// PNG through libpng's sequential reader. libpng reports errors by calling the error function,
// which must not return: it longjmps back here. No C++ object is created between setjmp and the
// end of the decode, so the jump skips no destructor.
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>

#include <png.h>

#include "hashing/image_decode.h"

namespace casegraph::hashing {
namespace {

struct PngContext {
  std::string_view bytes;
  size_t offset = 0;
  char message[200] = {};
  jmp_buf jump;
};

[[noreturn]] void Fail(png_structp png, const char* message) {
  auto* ctx = static_cast<PngContext*>(png_get_error_ptr(png));
  std::snprintf(ctx->message, sizeof ctx->message, "%s", message);
  std::longjmp(ctx->jump, 1);
}

void OnWarning(png_structp, png_const_charp) {}

void ReadFromMemory(png_structp png, png_bytep out, size_t length) {
  auto* ctx = static_cast<PngContext*>(png_get_io_ptr(png));
  if (length > ctx->bytes.size() - ctx->offset) {
    std::snprintf(ctx->message, sizeof ctx->message, "truncated at byte %zu", ctx->bytes.size());
    std::longjmp(ctx->jump, 1);
  }
  std::memcpy(out, ctx->bytes.data() + ctx->offset, length);
  ctx->offset += length;
}

// One row of libpng output (after the transforms) into 1 (grey) or 3 (RGB) bytes per pixel.
void ConvertRow(const uint8_t* in, png_uint_32 width, int in_channels, bool grey16, uint8_t* out) {
  const size_t step = grey16 ? 2 : static_cast<size_t>(in_channels);  // 16-bit grey: 2 bytes a sample
  for (png_uint_32 x = 0; x < width; ++x) {
    const uint8_t* p = in + step * x;
    if (grey16) {
      const unsigned v = (unsigned{p[0]} << 8) | p[1];
      *out++ = static_cast<uint8_t>(v > 255 ? 255 : v);
    } else if (in_channels <= 2) {
      *out++ = p[0];
    } else {
      *out++ = p[0];
      *out++ = p[1];
      *out++ = p[2];
    }
  }
}

// Decodes into `raw` (libpng's rows after the transforms) and then into `image`; `rows` and
// `raw` are owned by the caller so the longjmp never crosses their lifetimes.
bool Decode(png_structp png, png_infop info, PngContext& ctx, uint64_t max_pixels, RgbImage& image,
            std::vector<uint8_t>& raw, std::vector<png_bytep>& rows) {
  if (setjmp(ctx.jump)) return false;
  png_set_read_fn(png, &ctx, ReadFromMemory);
  png_read_info(png, info);
  const png_uint_32 width = png_get_image_width(png, info);
  const png_uint_32 height = png_get_image_height(png, info);
  const uint64_t pixels = static_cast<uint64_t>(width) * height;
  if (pixels == 0) {
    std::snprintf(ctx.message, sizeof ctx.message, "image of %ux%u pixels is empty", width, height);
    return false;
  }
  if (pixels > max_pixels) {
    std::snprintf(ctx.message, sizeof ctx.message, "image of %ux%u pixels exceeds the limit of %llu pixels",
                  width, height, static_cast<unsigned long long>(max_pixels));
    return false;
  }
  const int color_type = png_get_color_type(png, info);
  const int bit_depth = png_get_bit_depth(png, info);
  // Pillow opens 16-bit grey as I;16 and clips it to 0..255 on conversion to RGB; every other
  // 16-bit mode keeps the high byte.
  const bool grey16 = color_type == PNG_COLOR_TYPE_GRAY && bit_depth == 16;
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (bit_depth == 16 && !grey16) png_set_strip_16(png);
  const int passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  const size_t row_bytes = png_get_rowbytes(png, info);
  const int in_channels = png_get_channels(png, info);
  const bool grey = in_channels <= 2;  // grey or grey+alpha
  image.width = static_cast<int>(width);
  image.height = static_cast<int>(height);
  image.channels = grey ? 1 : 3;
  image.pixels.resize(pixels * static_cast<size_t>(image.channels));
  if (passes == 1) {  // one row buffer suffices
    raw.resize(row_bytes);
    for (png_uint_32 y = 0; y < height; ++y) {
      png_read_row(png, raw.data(), nullptr);
      ConvertRow(raw.data(), width, in_channels, grey16, image.pixels.data() + static_cast<size_t>(y) * width * static_cast<size_t>(image.channels));
    }
  } else {  // interlaced: the whole picture first
    raw.resize(row_bytes * height);
    rows.resize(height);
    for (png_uint_32 y = 0; y < height; ++y) rows[y] = raw.data() + row_bytes * y;
    png_read_image(png, rows.data());
    for (png_uint_32 y = 0; y < height; ++y) {
      ConvertRow(rows[y], width, in_channels, grey16, image.pixels.data() + static_cast<size_t>(y) * width * static_cast<size_t>(image.channels));
    }
  }
  png_read_end(png, nullptr);
  return true;
}

}  // namespace

Result<RgbImage> DecodePng(std::string_view bytes, uint64_t max_pixels) {
  PngContext ctx;
  ctx.bytes = bytes;
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &ctx, Fail, OnWarning);
  if (png == nullptr) return Error::Internal("PNG: libpng could not start");
  png_infop info = png_create_info_struct(png);
  if (info == nullptr) {
    png_destroy_read_struct(&png, nullptr, nullptr);
    return Error::Internal("PNG: libpng could not start");
  }
  // Unknown chunks are skipped and textual chunks bounded by libpng's defaults; the check of
  // bad CRCs on ancillary chunks stays on (warn and discard).
  RgbImage image;
  std::vector<uint8_t> raw;
  std::vector<png_bytep> rows;
  const bool ok = Decode(png, info, ctx, max_pixels, image, raw, rows);
  png_destroy_read_struct(&png, &info, nullptr);
  if (!ok) return Error::Corrupt(std::string("PNG: ") + ctx.message);
  return image;
}

}  // namespace casegraph::hashing
