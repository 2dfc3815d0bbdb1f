// Identifier extraction from free text: phone numbers (libphonenumber, E.164), e-mails, URLs,
// Telegram usernames and t.me links (incl. invite links), Matrix user ids and room aliases,
// Bitcoin (base58check, bech32/bech32m) and Ethereum addresses (EIP-55 checksum). Pure: no
// I/O, no store. An Extractor is immutable after construction and safe to share across
// threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casegraph::extract {

enum class IdentifierKind {
  kPhone,             // value "+905321234567"
  kEmail,             // value lower-cased "name@example.org"
  kUrl,               // normalised: scheme and host lower-case, default port and trailing '/' dropped
  kTelegramUsername,  // value "@name" lower-cased (from "@name" in text or t.me/name)
  kTelegramInvite,    // value "t.me/+HASH" or "t.me/joinchat/HASH" (hash case kept)
  kMatrixUser,        // "@user:server.org" (localpart lower-cased)
  kMatrixRoomAlias,   // "#room:server.org"
  kBitcoin,           // the address as written (bech32 lower-cased)
  kEthereum,          // "0x…" lower-cased
  kHandle,            // "@name" lower-cased, written bare in a non-Telegram message: a mention on
                      // that platform or a handle elsewhere; the store relabels it (see record_batch)
};

// Stable names used in the store and the JSON output: "phone", "email", "url",
// "telegram-username", "telegram-invite", "matrix-user", "matrix-room", "btc", "eth", "handle".
const char* IdentifierKindName(IdentifierKind kind);

struct IdentifierHit {
  IdentifierKind kind;
  std::string value;   // normalised, the key under which occurrences are grouped
  uint32_t start = 0;  // UTF-8 byte offsets of the raw span in the scanned text
  uint32_t end = 0;
};

struct ExtractorOptions {
  std::string region = "TR";  // ISO 3166-1 alpha-2 for numbers written in national form
};

class Extractor {
 public:
  explicit Extractor(ExtractorOptions options);
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Every identifier in `text`, in order of start offset. A t.me link yields a URL hit and a
  // Telegram username or invite hit over the same span. Never fails; invalid candidates
  // (bad checksum, impossible number) are dropped.
  std::vector<IdentifierHit> Scan(std::string_view text) const;

  // A phone number from a profile or entity field, to E.164; nullopt when not a valid number.
  std::optional<std::string> NormalizePhone(std::string_view raw) const;

  const ExtractorOptions& options() const { return options_; }

 private:
  ExtractorOptions options_;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace casegraph::extract
