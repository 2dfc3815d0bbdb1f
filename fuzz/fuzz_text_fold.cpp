// Fuzz target for search folding: FoldForSearch and TokenizeFolded over arbitrary bytes. Traps if a
// token span is out of bounds, overlaps the previous one, or folds to nothing, or if folding a
// folded token changes it again (folding must be idempotent).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/text_fold.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)casegraph::extract::FoldForSearch(text);
  size_t previous_end = 0;
  casegraph::extract::ForEachFoldedToken(
      text, [&](std::string_view token, size_t start, size_t end) {
        if (start >= end || end > size || start < previous_end || token.empty()) __builtin_trap();
        previous_end = end;
        if (casegraph::extract::FoldForSearch(std::string(token)) != token) __builtin_trap();
      });
  return 0;
}
