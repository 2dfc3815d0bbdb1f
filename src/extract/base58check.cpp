// Bitcoin base58check address validation (P2PKH/P2SH). SHA-256 comes from OpenSSL's EVP API.
#include <openssl/evp.h>

#include <array>
#include <cstdint>

#include "extract/wallet_checksums.h"

namespace casegraph::extract::internal {
namespace {

constexpr std::string_view kBase58Alphabet =
    "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
constexpr size_t kPayloadBytes = 25;

int Base58Digit(char c) {
  size_t index = kBase58Alphabet.find(c);
  return index == std::string_view::npos ? -1 : static_cast<int>(index);
}

bool Sha256(const uint8_t* data, size_t size, uint8_t out[32]) {
  unsigned int out_len = 0;
  return EVP_Digest(data, size, out, &out_len, EVP_sha256(), nullptr) == 1 && out_len == 32;
}

}  // namespace

bool IsValidBase58CheckAddress(std::string_view address) {
  if (address.size() < 26 || address.size() > 35) return false;
  if (address.front() != '1' && address.front() != '3') return false;
  std::array<uint8_t, kPayloadBytes> payload{};  // big-endian number
  for (char c : address) {
    int digit = Base58Digit(c);
    if (digit < 0) return false;
    uint32_t carry = static_cast<uint32_t>(digit);
    for (size_t k = kPayloadBytes; k-- > 0;) {
      carry += 58u * payload[k];
      payload[k] = static_cast<uint8_t>(carry & 0xFF);
      carry >>= 8;
    }
    if (carry != 0) return false;  // more than 25 bytes
  }
  // Canonical encoding: each leading '1' stands for exactly one leading zero byte.
  size_t leading_ones = 0;
  while (leading_ones < address.size() && address[leading_ones] == '1') ++leading_ones;
  size_t leading_zeros = 0;
  while (leading_zeros < kPayloadBytes && payload[leading_zeros] == 0) ++leading_zeros;
  if (leading_ones != leading_zeros) return false;
  if (payload[0] != 0x00 && payload[0] != 0x05) return false;

  uint8_t first[32];
  uint8_t second[32];
  if (!Sha256(payload.data(), 21, first) || !Sha256(first, 32, second)) return false;
  for (size_t k = 0; k < 4; ++k) {
    if (second[k] != payload[21 + k]) return false;
  }
  return true;
}

}  // namespace casegraph::extract::internal
