// Keccak-256 (the original Keccak padding used by Ethereum, not NIST SHA3-256), needed for the
// EIP-55 address checksum. OpenSSL 3.0 on Debian 12 offers only SHA3, hence this small
// implementation of keccak-f[1600].
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace casegraph::extract::internal {

std::array<uint8_t, 32> Keccak256(std::string_view data);

}  // namespace casegraph::extract::internal
