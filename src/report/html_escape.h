// Escaping of evidence text for the HTML report. Everything that comes from a workspace (message
// text, names, labels, paths, locators) passes through here before it reaches the page, so that
// `<script>`, `<img onerror=…>` or a quote in an attribute renders as text and runs nothing.
// Invalid UTF-8 and control characters are replaced with U+FFFD first, so the page is always
// valid UTF-8 and no byte sequence can confuse the browser's parser. Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace casegraph::report {

// Valid UTF-8 with every ill-formed sequence (overlong, surrogate, beyond U+10FFFF, truncated)
// and every control character except tab and newline (C0, DEL, C1) replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view text);

// Text content: SanitizeUtf8, then & < > " ' as character references.
std::string EscapeText(std::string_view text);

// An attribute value inside double quotes: the same as EscapeText (quotes of both kinds
// escaped, so the value is safe in single-quoted attributes too). Never use in unquoted ones.
std::string EscapeAttribute(std::string_view text);

// An id/fragment made only of [a-z0-9-] (anything else becomes '-'), for anchors we build.
std::string SafeId(std::string_view text);

}  // namespace casegraph::report
