// Internal to extract/: the plain ICU-only folding and tokenisation, kept as the reference the
// fast table paths of FoldForSearch and TokenizeFolded are tested against (differential test in
// tests/extract/). Same contracts as the public functions in text_fold.h; slow.
#pragma once

#include <string>
#include <string_view>

#include "extract/text_fold.h"

namespace casegraph::extract::internal {

// The whole string through the ICU path (AppendFoldedIcu).
std::string FoldForSearchReference(std::string_view utf8);

// TokenizeFolded with every token folded whole by the ICU path.
size_t TokenizeFoldedReference(std::string_view utf8, TokenCallback callback, void* ctx);

}  // namespace casegraph::extract::internal
