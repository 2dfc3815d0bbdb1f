// Internal to extract/: checksum validation of cryptocurrency addresses, used by
// wallet_scanner.cpp. Each function takes the address exactly as written.
#pragma once

#include <string_view>

namespace casegraph::extract::internal {

// Bitcoin mainnet base58check: P2PKH ("1...", version 0x00) or P2SH ("3...", version 0x05), 25-byte
// payload, 4-byte double-SHA-256 checksum.
bool IsValidBase58CheckAddress(std::string_view address);

// Bitcoin mainnet segwit ("bc1..."): BIP-173 bech32 for witness v0 (20- or 32-byte program),
// BIP-350 bech32m for v1..v16 (2..40 bytes). Upper or lower case, never mixed.
bool IsValidSegwitAddress(std::string_view address);

// "0x" + 40 hex digits; all-lower or all-upper digits are accepted as is, mixed case must match the
// EIP-55 checksum (Keccak-256 of the lower-case hex).
bool IsValidEthereumAddress(std::string_view address);

}  // namespace casegraph::extract::internal
