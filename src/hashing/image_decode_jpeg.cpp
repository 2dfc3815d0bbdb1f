// JPEG through the libjpeg API of libjpeg-turbo, with Pillow's defaults (ISLOW IDCT, fancy
// upsampling). libjpeg reports errors by calling error_exit, which must not return: it longjmps
// back here. No C++ object is created between setjmp and the end of the decode, so the jump
// skips no destructor.
#include <csetjmp>
#include <cstdio>  // jpeglib.h needs FILE
#include <cstring>
#include <string>

#include <jerror.h>
#include <jpeglib.h>

#include "hashing/image_decode.h"

namespace casegraph::hashing {
namespace {

// More scans than any real progressive JPEG has; beyond it a crafted file only burns CPU.
constexpr int kMaxScans = 1000;

struct ErrorManager {
  jpeg_error_mgr pub;
  jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void OnError(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

// Warnings are silent, except a premature end of file: the decoder would pad the picture with
// grey, and a truncated file must be an error (as in Pillow).
void OnMessage(j_common_ptr cinfo, int msg_level) {
  if (msg_level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF) OnError(cinfo);
}

void OnOutputMessage(j_common_ptr) {}

void OnProgress(j_common_ptr cinfo) {
  auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
  if (d->input_scan_number > kMaxScans) {
    auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
    std::snprintf(err->message, sizeof err->message, "more than %d scans", kMaxScans);
    std::longjmp(err->jump, 1);
  }
}

// Pillow reads Adobe CMYK as inverted ("CMYK;I") and converts with R = 255 - min(255, C + K).
void CmykRowToRgb(const uint8_t* in, uint8_t* out, JDIMENSION width, bool adobe_inverted) {
  for (JDIMENSION x = 0; x < width; ++x) {
    int k = in[4 * x + 3];
    if (adobe_inverted) k = 255 - k;
    for (int c = 0; c < 3; ++c) {
      int v = in[4 * x + static_cast<JDIMENSION>(c)];
      if (adobe_inverted) v = 255 - v;
      const int sum = v + k;
      out[3 * x + static_cast<JDIMENSION>(c)] = static_cast<uint8_t>(255 - (sum > 255 ? 255 : sum));
    }
  }
}

// Runs the decode; returns false with err.message set on failure. `image` and `cmyk_row` are
// owned by the caller so the longjmp never crosses their lifetimes.
bool Decode(jpeg_decompress_struct& cinfo, ErrorManager& err, std::string_view bytes, uint64_t max_pixels,
            RgbImage& image, std::vector<uint8_t>& cmyk_row) {
  if (setjmp(err.jump)) return false;
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  const uint64_t pixels = static_cast<uint64_t>(cinfo.image_width) * cinfo.image_height;
  if (pixels == 0) {
    std::snprintf(err.message, sizeof err.message, "image of %ux%u pixels is empty", cinfo.image_width, cinfo.image_height);
    return false;
  }
  if (pixels > max_pixels) {
    std::snprintf(err.message, sizeof err.message, "image of %ux%u pixels exceeds the limit of %llu pixels",
                  cinfo.image_width, cinfo.image_height, static_cast<unsigned long long>(max_pixels));
    return false;
  }
  bool cmyk = false;
  switch (cinfo.jpeg_color_space) {
    case JCS_GRAYSCALE:
      cinfo.out_color_space = JCS_GRAYSCALE;
      break;
    case JCS_CMYK:
    case JCS_YCCK:
      cinfo.out_color_space = JCS_CMYK;
      cmyk = true;
      break;
    default:
      cinfo.out_color_space = JCS_RGB;
      break;
  }
  jpeg_start_decompress(&cinfo);
  const int channels = cmyk ? 3 : cinfo.output_components;
  image.width = static_cast<int>(cinfo.output_width);
  image.height = static_cast<int>(cinfo.output_height);
  image.channels = channels;
  const size_t row_bytes = static_cast<size_t>(cinfo.output_width) * static_cast<size_t>(channels);
  image.pixels.resize(row_bytes * cinfo.output_height);
  if (cmyk) cmyk_row.resize(static_cast<size_t>(cinfo.output_width) * 4);
  while (cinfo.output_scanline < cinfo.output_height) {
    uint8_t* dest = image.pixels.data() + row_bytes * cinfo.output_scanline;
    JSAMPROW row = cmyk ? cmyk_row.data() : dest;
    if (jpeg_read_scanlines(&cinfo, &row, 1) != 1) {
      std::snprintf(err.message, sizeof err.message, "no scanline decoded at row %u", cinfo.output_scanline);
      return false;
    }
    if (cmyk) CmykRowToRgb(cmyk_row.data(), dest, cinfo.output_width, cinfo.saw_Adobe_marker);
  }
  jpeg_finish_decompress(&cinfo);
  return true;
}

}  // namespace

Result<RgbImage> DecodeJpeg(std::string_view bytes, uint64_t max_pixels) {
  jpeg_decompress_struct cinfo;
  std::memset(&cinfo, 0, sizeof cinfo);
  ErrorManager err;
  std::memset(&err, 0, sizeof err);
  cinfo.err = jpeg_std_error(&err.pub);
  err.pub.error_exit = OnError;
  err.pub.emit_message = OnMessage;
  err.pub.output_message = OnOutputMessage;
  jpeg_progress_mgr progress;
  std::memset(&progress, 0, sizeof progress);
  progress.progress_monitor = OnProgress;
  cinfo.progress = &progress;
  RgbImage image;
  std::vector<uint8_t> cmyk_row;
  const bool ok = Decode(cinfo, err, bytes, max_pixels, image, cmyk_row);
  jpeg_destroy_decompress(&cinfo);
  if (!ok) return Error::Corrupt(std::string("JPEG: ") + err.message);
  return image;
}

}  // namespace casegraph::hashing
