#include "hashing/pdq_hash.h"

namespace casegraph::hashing {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

// Read as a 256-bit big-endian number, the last hex digit holds bits 3..0: digit d (0 = first)
// covers bits 255-4d .. 252-4d.
std::string PdqToHex(const Pdq256& hash) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(64, '0');
  for (int d = 0; d < 64; ++d) {
    const int low_bit = 252 - 4 * d;
    const unsigned nibble = static_cast<unsigned>(hash.words[static_cast<size_t>(low_bit >> 6)] >> (low_bit & 63)) & 0xFu;
    out[static_cast<size_t>(d)] = kDigits[nibble];
  }
  return out;
}

std::optional<Pdq256> PdqFromHex(std::string_view text) {
  if (text.substr(0, 5) == "hash=") text.remove_prefix(5);
  if (text.substr(0, 2) == "0x" || text.substr(0, 2) == "0X") text.remove_prefix(2);
  if (text.size() != 64) return std::nullopt;
  Pdq256 hash;
  for (int d = 0; d < 64; ++d) {
    const int v = HexValue(text[static_cast<size_t>(d)]);
    if (v < 0) return std::nullopt;
    const int low_bit = 252 - 4 * d;
    hash.words[static_cast<size_t>(low_bit >> 6)] |= static_cast<uint64_t>(v) << (low_bit & 63);
  }
  return hash;
}

}  // namespace casegraph::hashing
