// Internal to extract/: the general (ICU) folding path for runs of non-ASCII text. Slow compared
// with the ASCII and table paths in fold_core.cpp, which it also seeds.
#pragma once

#include <string>
#include <string_view>

namespace casegraph::extract::internal {

// Appends to `out` the fold of `utf8`: NFKC_Casefold (NFKC + full default case folding + removal of
// default-ignorable code points such as ZWNJ/ZWJ and bidi marks), NFD, drop of nonspacing marks
// (Mn, so accents, U+0307 and Arabic harakat), dotless i to i, Arabic alef variants to bare alef,
// tatweel removed, alef maqsura to ya, ta marbuta to ha, then NFC. Invalid bytes become U+FFFD.
// Uses thread-local scratch buffers; never fails (on an ICU error the input is appended unchanged).
void AppendFoldedIcu(std::string_view utf8, std::string& out);

}  // namespace casegraph::extract::internal
