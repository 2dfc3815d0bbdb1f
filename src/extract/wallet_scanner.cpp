// Wallet address scanning: one pass over the bytes, examining only alphanumeric tokens of 26..90
// characters (base58 addresses are 26-35, "0x" addresses 42, bech32 at most 90).
#include "extract/wallet_scanner.h"

#include "extract/scan_util.h"
#include "extract/wallet_checksums.h"

namespace casegraph::extract::internal {
namespace {

constexpr size_t kMinToken = 26;
constexpr size_t kMaxToken = 90;

void CheckToken(std::string_view text, size_t start, size_t end, std::vector<IdentifierHit>& hits) {
  std::string_view token = text.substr(start, end - start);
  // Not glued to a non-ASCII letter or an underscore word on either side.
  if (IsWordBefore(text, start) || IsWordAt(text, end)) return;
  if (token.size() == 42 && token[0] == '0' && token[1] == 'x') {
    if (IsValidEthereumAddress(token)) {
      AddHit(hits, IdentifierKind::kEthereum, AsciiLowerCopy(token), start, end);
    }
    return;
  }
  if ((token[0] == '1' || token[0] == '3') && token.size() <= 35) {
    if (IsValidBase58CheckAddress(token)) {
      AddHit(hits, IdentifierKind::kBitcoin, std::string(token), start, end);
    }
    return;
  }
  if (MatchesAt(token, 0, "bc1") && IsValidSegwitAddress(token)) {
    AddHit(hits, IdentifierKind::kBitcoin, AsciiLowerCopy(token), start, end);
  }
}

}  // namespace

void ScanWallets(std::string_view text, std::vector<IdentifierHit>& hits) {
  // Any alphanumeric run of kMinToken or more bytes covers one of the probe positions kMinToken -
  // 1, 2 * kMinToken - 1, ...; so only probes that land on an alphanumeric byte need a look left
  // and right. Ordinary prose is rejected at about one byte in 26.
  const size_t n = text.size();
  size_t probe = kMinToken - 1;
  size_t scanned_until = 0;  // runs ending before this were already examined
  while (probe < n) {
    if (!IsAsciiAlnum(text[probe])) {
      probe += kMinToken;
      continue;
    }
    size_t start = probe;
    while (start > scanned_until && IsAsciiAlnum(text[start - 1])) --start;
    size_t end = probe + 1;
    while (end < n && IsAsciiAlnum(text[end])) ++end;
    size_t length = end - start;
    if (length >= kMinToken && length <= kMaxToken) CheckToken(text, start, end, hits);
    scanned_until = end;
    probe = end + kMinToken;  // the next run starts after `end` (text[end] is a separator)
  }
}

}  // namespace casegraph::extract::internal
