// Extractor: runs the scanners of this folder over a text and merges their hits (see identifier.h).
// Order matters once: phones run last so digits inside URLs, e-mails, handles and wallets are never
// reported as phone numbers.
#include "extract/identifier.h"

#include <algorithm>
#include <tuple>

#include "extract/handle_scanner.h"
#include "extract/phone_scanner.h"
#include "extract/scan_util.h"
#include "extract/url_scanner.h"
#include "extract/wallet_scanner.h"

namespace casegraph::extract {

const char* IdentifierKindName(IdentifierKind kind) {
  switch (kind) {
    case IdentifierKind::kPhone:
      return "phone";
    case IdentifierKind::kEmail:
      return "email";
    case IdentifierKind::kUrl:
      return "url";
    case IdentifierKind::kTelegramUsername:
      return "telegram-username";
    case IdentifierKind::kTelegramInvite:
      return "telegram-invite";
    case IdentifierKind::kMatrixUser:
      return "matrix-user";
    case IdentifierKind::kMatrixRoomAlias:
      return "matrix-room";
    case IdentifierKind::kBitcoin:
      return "btc";
    case IdentifierKind::kEthereum:
      return "eth";
    case IdentifierKind::kHandle:
      return "handle";
  }
  return "unknown";
}

struct Extractor::Impl {
  explicit Impl(const std::string& region) : phones(region) {}
  internal::PhoneParser phones;
};

Extractor::Extractor(ExtractorOptions options)
    : options_(std::move(options)), impl_(std::make_unique<Impl>(options_.region)) {}

Extractor::~Extractor() = default;

namespace {

// Union of the hit spans, sorted and non-overlapping.
std::vector<internal::Span> MergedSpans(const std::vector<IdentifierHit>& hits) {
  std::vector<internal::Span> spans;
  spans.reserve(hits.size());
  for (const IdentifierHit& hit : hits) spans.push_back({hit.start, hit.end});
  std::sort(spans.begin(), spans.end(),
            [](const internal::Span& a, const internal::Span& b) { return a.start < b.start; });
  std::vector<internal::Span> merged;
  for (const internal::Span& span : spans) {
    if (!merged.empty() && span.start < merged.back().end) {
      merged.back().end = std::max(merged.back().end, span.end);
    } else {
      merged.push_back(span);
    }
  }
  return merged;
}

}  // namespace

std::vector<IdentifierHit> Extractor::Scan(std::string_view text) const {
  std::vector<IdentifierHit> hits;
  // Offsets are 32-bit; a single text beyond 4 GiB is scanned up to that limit.
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
  internal::ScanUrls(text, impl_->phones, hits);
  internal::ScanAtSigns(text, hits);
  internal::ScanRoomAliases(text, hits);
  internal::ScanWallets(text, hits);
  internal::ScanPhones(text, impl_->phones, MergedSpans(hits), hits);

  auto key = [](const IdentifierHit& hit) { return std::tie(hit.start, hit.kind, hit.end); };
  std::sort(hits.begin(), hits.end(),
            [&](const IdentifierHit& a, const IdentifierHit& b) { return key(a) < key(b); });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [&](const IdentifierHit& a, const IdentifierHit& b) {
                           return key(a) == key(b) && a.value == b.value;
                         }),
             hits.end());
  return hits;
}

std::optional<std::string> Extractor::NormalizePhone(std::string_view raw) const {
  return impl_->phones.NormalizeField(raw);
}

}  // namespace casegraph::extract
