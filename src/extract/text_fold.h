// Unicode folding for search and matching (ICU): case folding, removal of diacritics and
// combining marks, Turkish dotted/dotless i (I, İ, ı, i all fold to "i"), and Arabic
// normalisation (alef variants to bare alef, tatweel and harakat removed, alef maqsura to
// ya, ta marbuta to ha). The same folding applies to indexed text and to queries, so none of
// these differences ever hides a hit. Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace casegraph::extract {

// The folded form of a whole string (word separators kept as they are).
std::string FoldForSearch(std::string_view utf8);

// Splits `utf8` into word tokens (runs of letters, digits and marks; other code points
// separate words) and calls emit(folded_token, start, end) with byte offsets of the raw token
// in `utf8`. Invalid UTF-8 bytes act as separators. Fast path for ASCII.
template <typename Emit>
void ForEachFoldedToken(std::string_view utf8, Emit&& emit);

// Non-template core of ForEachFoldedToken: returns the number of tokens; for each token calls
// `callback(ctx, token_data, token_size, start, end)`; stops early if the callback returns
// non-zero.
using TokenCallback = int (*)(void* ctx, const char* token, size_t token_size, size_t start, size_t end);
size_t TokenizeFolded(std::string_view utf8, TokenCallback callback, void* ctx);

template <typename Emit>
void ForEachFoldedToken(std::string_view utf8, Emit&& emit) {
  using E = std::remove_reference_t<Emit>;
  TokenizeFolded(
      utf8,
      [](void* ctx, const char* token, size_t size, size_t start, size_t end) -> int {
        (*static_cast<E*>(ctx))(std::string_view(token, size), start, end);
        return 0;
      },
      const_cast<void*>(static_cast<const void*>(&emit)));
}

}  // namespace casegraph::extract
