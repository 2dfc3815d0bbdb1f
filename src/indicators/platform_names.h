// Which platform a message points to: the app names people write ("WhatsApp", "Element") and
// the identifier kinds the extractor finds (matrix ids, t.me links, phone numbers, invite URLs),
// each mapped to the platform name accounts carry ("whatsapp", "matrix", …). One table, so
// adding an app is one line in platform_names.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casegraph::indicators {

struct PlatformMention {
  std::string platform;  // as accounts.platform spells it: "whatsapp", "matrix", "signal", …
  std::string what;      // what was written, for the explanation: "WhatsApp", "matrix-user @x:y"
};

// The platforms `text` names by app name, in order of first mention, each once. Names that
// are also ordinary words ("Element", "Signal", "Session", "Wire", "Matrix") count only when
// capitalised as a name and standing alone; the others match in any case and may carry a
// suffix ("WhatsApp'tan", "whatsapptan").
std::vector<PlatformMention> PlatformsNamedIn(std::string_view text);

// The platforms an extracted identifier (kind and normalised value, as in the identifiers
// table) belongs to: none for kinds that say nothing about a platform (e-mail, wallets,
// plain URLs). A phone number can be reached on several platforms.
std::vector<std::string> PlatformsOfIdentifier(std::string_view kind, std::string_view value);

// The account ref an identifier names directly on `platform`, or "" ("matrix:@x:y" for the
// matrix-user "@x:y", "whatsapp:+90…" for a phone on whatsapp).
std::string AccountRefOfIdentifier(std::string_view kind, std::string_view value, std::string_view platform);

// The words to prefilter messages with in the full-text index (folded, prefix queries).
std::string PlatformNamesFtsQuery();

}  // namespace casegraph::indicators
