// Small pieces every report section uses: evidence text (escaped and bidi-isolated), citation
// links into the appendix, times, severity names. Evidence strings reach the page ONLY through
// Ev/EvAttr/CitationLink, which escape them; the markup around them is ours. Pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/citation.h"

namespace casegraph::report {

// Evidence text as inline HTML: escaped and wrapped in <bdi>, so right-to-left text and any
// bidi control characters in it cannot reorder the text around it.
std::string Ev(std::string_view text);

// Evidence text for a double-quoted attribute value (e.g. a title="…" tooltip).
std::string EvAttr(std::string_view text);

// "<a class=\"cite\" href=\"#cite-…\">EXHIBIT@SHA#LOCATOR</a>", linking to the appendix entry.
std::string CitationLink(const model::Citation& c);

// "2024-06-01T10:00:00Z", or "–" when unknown.
std::string TimeText(const std::optional<int64_t>& unix_seconds);

// "low", "medium", "high" (severity 1–3), "" for 0.
const char* SeverityWord(int severity);

// Escaped items joined by ", ", each isolated (for lists of refs or case codes).
std::string EvList(const std::vector<std::string>& items);

// "1,234,567" for counts and byte sizes.
std::string Count(int64_t n);

}  // namespace casegraph::report
