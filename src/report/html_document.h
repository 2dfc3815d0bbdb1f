// The page around the report's sections: doctype, UTF-8, a strict Content-Security-Policy, the
// inline style sheet (screen and print) and the title. The page runs no script at all: the CSP
// allows none (default-src 'none' with no script-src), so even markup that slipped past the
// escaping could not run code, fetch anything or send anything anywhere. Pure functions.
#pragma once

#include <string>
#include <string_view>

namespace casegraph::report {

// The policy in the page's <meta http-equiv="Content-Security-Policy">.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

// A whole HTML document. `title` is plain text (escaped here); `body` is our markup, already
// holding only escaped evidence.
std::string HtmlPage(std::string_view title, std::string_view body);

}  // namespace casegraph::report
