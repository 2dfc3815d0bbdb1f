// A 256-bit PDQ hash as the hash-sharing programmes exchange it, with its text form and the
// Hamming distance that decides a match. Bit k (0..255) is DCT coefficient (k/16, k%16);
// the text form is 64 lower-case hex digits, words 15..0 of 16 bits each (see HASHING.md §1.2).
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace casegraph::hashing {

struct Pdq256 {
  // words[0] holds bits 0..63 (DCT rows 0..3), words[3] bits 192..255.
  std::array<uint64_t, 4> words{};

  bool Bit(int k) const { return (words[static_cast<size_t>(k >> 6)] >> (k & 63)) & 1u; }
  void SetBit(int k) { words[static_cast<size_t>(k >> 6)] |= uint64_t{1} << (k & 63); }
  // The 16-bit slot i (bits 16i..16i+15), as multi-index hashing cuts the hash.
  uint16_t Slot(int i) const {
    return static_cast<uint16_t>(words[static_cast<size_t>(i >> 2)] >> ((i & 3) * 16));
  }
  friend bool operator==(const Pdq256&, const Pdq256&) = default;
  friend auto operator<=>(const Pdq256&, const Pdq256&) = default;
};

inline int HammingDistance(const Pdq256& a, const Pdq256& b) {
  return std::popcount(a.words[0] ^ b.words[0]) + std::popcount(a.words[1] ^ b.words[1]) +
         std::popcount(a.words[2] ^ b.words[2]) + std::popcount(a.words[3] ^ b.words[3]);
}

// 64 lower-case hex digits.
std::string PdqToHex(const Pdq256& hash);
// Accepts 64 hex digits in either case, optionally prefixed "hash=" or "0x"; nullopt otherwise.
std::optional<Pdq256> PdqFromHex(std::string_view text);

}  // namespace casegraph::hashing
