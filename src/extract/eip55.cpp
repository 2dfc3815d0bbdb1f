// Ethereum address validation with the EIP-55 mixed-case checksum.
#include <array>

#include "extract/keccak.h"
#include "extract/scan_util.h"
#include "extract/wallet_checksums.h"

namespace casegraph::extract::internal {

bool IsValidEthereumAddress(std::string_view address) {
  if (address.size() != 42 || address[0] != '0' || address[1] != 'x') return false;
  std::string_view hex = address.substr(2);
  bool has_lower = false;
  bool has_upper = false;
  for (char c : hex) {
    if (c >= 'a' && c <= 'f') {
      has_lower = true;
    } else if (c >= 'A' && c <= 'F') {
      has_upper = true;
    } else if (!IsAsciiDigit(c)) {
      return false;
    }
  }
  if (!has_lower || !has_upper) return true;  // no checksum encoded
  std::string lower = AsciiLowerCopy(hex);
  std::array<uint8_t, 32> hash = Keccak256(lower);
  for (size_t k = 0; k < hex.size(); ++k) {
    if (IsAsciiDigit(hex[k])) continue;
    int nibble = (k % 2 == 0) ? (hash[k / 2] >> 4) : (hash[k / 2] & 0x0F);
    bool upper = hex[k] >= 'A' && hex[k] <= 'F';
    if (upper != (nibble >= 8)) return false;
  }
  return true;
}

}  // namespace casegraph::extract::internal
