// Bitcoin segwit address validation: bech32 (BIP-173) and bech32m (BIP-350) checksums, after the
// reference implementation in those BIPs.
#include <cstdint>
#include <vector>

#include "extract/scan_util.h"
#include "extract/wallet_checksums.h"

namespace casegraph::extract::internal {
namespace {

constexpr std::string_view kCharset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr uint32_t kBech32Constant = 1;
constexpr uint32_t kBech32mConstant = 0x2bc830a3;

uint32_t Polymod(const std::vector<uint8_t>& values) {
  constexpr uint32_t kGenerator[5] = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
  uint32_t checksum = 1;
  for (uint8_t value : values) {
    uint32_t top = checksum >> 25;
    checksum = ((checksum & 0x1ffffff) << 5) ^ value;
    for (int bit = 0; bit < 5; ++bit) {
      if ((top >> bit) & 1) checksum ^= kGenerator[bit];
    }
  }
  return checksum;
}

}  // namespace

bool IsValidSegwitAddress(std::string_view address) {
  if (address.size() < 14 || address.size() > 90) return false;
  bool has_lower = false;
  bool has_upper = false;
  for (char c : address) {
    if (c >= 'a' && c <= 'z') has_lower = true;
    if (c >= 'A' && c <= 'Z') has_upper = true;
    if (c < 33 || c > 126) return false;
  }
  if (has_lower && has_upper) return false;
  if (!MatchesAt(address, 0, "bc1")) return false;

  // hrp "bc" expanded, then the data part after the separator '1'.
  std::vector<uint8_t> values = {3, 3, 0, 2, 3};
  std::vector<uint8_t> data;
  for (size_t k = 3; k < address.size(); ++k) {
    size_t digit = kCharset.find(AsciiLower(address[k]));
    if (digit == std::string_view::npos) return false;
    data.push_back(static_cast<uint8_t>(digit));
  }
  if (data.size() < 7) return false;  // version + checksum at least
  values.insert(values.end(), data.begin(), data.end());
  uint32_t residue = Polymod(values);
  if (residue != kBech32Constant && residue != kBech32mConstant) return false;

  uint8_t version = data[0];
  if (version > 16) return false;
  if ((version == 0) != (residue == kBech32Constant)) return false;

  // Witness program: 5-bit groups to bytes, no padding beyond 4 zero bits.
  uint32_t accumulator = 0;
  int bits = 0;
  size_t program_bytes = 0;
  for (size_t k = 1; k + 6 < data.size(); ++k) {
    accumulator = (accumulator << 5) | data[k];
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      ++program_bytes;
    }
  }
  if (bits >= 5 || (accumulator & ((1u << bits) - 1)) != 0) return false;
  if (program_bytes < 2 || program_bytes > 40) return false;
  if (version == 0 && program_bytes != 20 && program_bytes != 32) return false;
  return true;
}

}  // namespace casegraph::extract::internal
