// Keccak-256 over keccak-f[1600] (rate 136 bytes, pad10*1 with domain byte 0x01), following the
// compact reference layout of tiny_sha3. Test vector: Keccak256("") =
// c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470.
#include "extract/keccak.h"

namespace casegraph::extract::internal {
namespace {

constexpr uint64_t kRoundConstants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL};
constexpr int kRotations[24] = {1,  3,  6,  10, 15, 21, 28, 36, 45, 55, 2,  14,
                                27, 41, 56, 8,  25, 43, 62, 18, 39, 61, 20, 44};
constexpr int kPiLanes[24] = {10, 7,  11, 17, 18, 3, 5,  16, 8,  21, 24, 4,
                              15, 23, 19, 13, 12, 2, 20, 14, 22, 9,  6,  1};
constexpr size_t kRateBytes = 136;

inline uint64_t RotateLeft(uint64_t x, int n) { return (x << n) | (x >> (64 - n)); }

void KeccakF1600(uint64_t state[25]) {
  uint64_t column[5];
  for (uint64_t round_constant : kRoundConstants) {
    // theta
    for (int x = 0; x < 5; ++x) {
      column[x] = state[x] ^ state[x + 5] ^ state[x + 10] ^ state[x + 15] ^ state[x + 20];
    }
    for (int x = 0; x < 5; ++x) {
      uint64_t t = column[(x + 4) % 5] ^ RotateLeft(column[(x + 1) % 5], 1);
      for (int y = 0; y < 25; y += 5) state[y + x] ^= t;
    }
    // rho and pi
    uint64_t carried = state[1];
    for (int step = 0; step < 24; ++step) {
      int lane = kPiLanes[step];
      uint64_t next = state[lane];
      state[lane] = RotateLeft(carried, kRotations[step]);
      carried = next;
    }
    // chi
    for (int y = 0; y < 25; y += 5) {
      for (int x = 0; x < 5; ++x) column[x] = state[y + x];
      for (int x = 0; x < 5; ++x) state[y + x] ^= (~column[(x + 1) % 5]) & column[(x + 2) % 5];
    }
    // iota
    state[0] ^= round_constant;
  }
}

void AbsorbBlock(uint64_t state[25], const uint8_t* block) {
  for (size_t lane = 0; lane < kRateBytes / 8; ++lane) {
    uint64_t value = 0;
    for (int byte = 7; byte >= 0; --byte) value = (value << 8) | block[lane * 8 + byte];
    state[lane] ^= value;
  }
  KeccakF1600(state);
}

}  // namespace

std::array<uint8_t, 32> Keccak256(std::string_view data) {
  uint64_t state[25] = {};
  const auto* bytes = reinterpret_cast<const uint8_t*>(data.data());
  size_t remaining = data.size();
  while (remaining >= kRateBytes) {
    AbsorbBlock(state, bytes);
    bytes += kRateBytes;
    remaining -= kRateBytes;
  }
  uint8_t last[kRateBytes] = {};
  for (size_t k = 0; k < remaining; ++k) last[k] = bytes[k];
  last[remaining] ^= 0x01;
  last[kRateBytes - 1] ^= 0x80;
  AbsorbBlock(state, last);

  std::array<uint8_t, 32> digest{};
  for (size_t k = 0; k < digest.size(); ++k) {
    digest[k] = static_cast<uint8_t>(state[k / 8] >> (8 * (k % 8)));
  }
  return digest;
}

}  // namespace casegraph::extract::internal
