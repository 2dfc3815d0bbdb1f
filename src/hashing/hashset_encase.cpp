// EnCase .hash sets (forensicswiki docs/Encase_hash_files.md): magic "HASH\r\n\xff\0", a
// little-endian entry count at 0x10, the set's UTF-16LE category at 0x458, then from 0x480
// 18-byte entries (16-byte MD5 + 2 zero bytes). No file names. Every read is bounds-checked.
#include "hashing/hashset_format_parts.h"

namespace casegraph::hashing::internal {
namespace {

constexpr size_t kCountOffset = 0x10;
constexpr size_t kCategoryOffset = 0x458;
constexpr size_t kCategoryChars = 19;
constexpr size_t kEntriesOffset = 0x480;
constexpr size_t kEntrySize = 18;

// ASCII of a UTF-16LE field (non-ASCII code units become '?'), up to the first NUL.
std::string AsciiOfUtf16(std::string_view bytes, size_t offset, size_t max_chars) {
  std::string out;
  for (size_t i = 0; i < max_chars && offset + 2 * i + 1 < bytes.size(); ++i) {
    const auto lo = static_cast<unsigned char>(bytes[offset + 2 * i]);
    const auto hi = static_cast<unsigned char>(bytes[offset + 2 * i + 1]);
    if (lo == 0 && hi == 0) break;
    out += (hi == 0 && lo >= 0x20 && lo < 0x7f) ? static_cast<char>(lo) : '?';
  }
  return out;
}

}  // namespace

Status ReadEnCaseHash(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d) {
  auto view = fs.Map(path);
  if (!view) return view.error();
  const std::string_view bytes = (*view)->bytes();
  if (bytes.size() < kEntriesOffset) {
    return Error::Corrupt("EnCase hash set shorter than its 0x480-byte header (" + std::to_string(bytes.size()) + " bytes)",
                          Location{path, ""});
  }
  uint32_t count = 0;
  for (int i = 3; i >= 0; --i) count = (count << 8) | static_cast<unsigned char>(bytes[kCountOffset + static_cast<size_t>(i)]);
  const std::string category = AsciiOfUtf16(bytes, kCategoryOffset, kCategoryChars);
  const size_t present = (bytes.size() - kEntriesOffset) / kEntrySize;
  if (present < count) {
    d.Warn(Location{path, "byte " + std::to_string(kEntriesOffset + present * kEntrySize)},
           "header announces " + std::to_string(count) + " entries, the file holds " + std::to_string(present));
  }
  static constexpr char kDigits[] = "0123456789abcdef";
  for (size_t i = 0; i < std::min<size_t>(count, present); ++i) {
    const size_t at = kEntriesOffset + i * kEntrySize;
    std::string hex(32, '0');
    for (size_t b = 0; b < 16; ++b) {
      const auto v = static_cast<unsigned char>(bytes[at + b]);
      hex[2 * b] = kDigits[v >> 4];
      hex[2 * b + 1] = kDigits[v & 15];
    }
    emit(HashSetEntry{"md5", std::move(hex), category, std::nullopt, "entry " + std::to_string(i + 1)});
  }
  return Ok();
}

}  // namespace casegraph::hashing::internal
