// Internal to extract/: URLs ("http(s)://...", "www....", bare "t.me/..." and "telegram.me/...")
// and the Telegram usernames, invite links and phone links inside t.me URLs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "extract/identifier.h"
#include "extract/phone_scanner.h"

namespace casegraph::extract::internal {

// Appends URL hits and, for t.me links, a Telegram username/invite (or phone, for t.me/+<digits>)
// hit over the same span.
void ScanUrls(std::string_view text, const PhoneParser& phones, std::vector<IdentifierHit>& hits);

// Normalised form of a raw URL span: scheme and host lower-cased, default port and a trailing '/'
// dropped. `scheme_length` is 0 for scheme-less URLs ("www.example.org").
std::string NormalizeUrl(std::string_view url, size_t scheme_length);

}  // namespace casegraph::extract::internal
