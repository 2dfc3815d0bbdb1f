// The FTS5 tokenizer "casegraph_fold": splits text into words and folds each one with
// extract::TokenizeFolded (case, diacritics, Turkish i, Arabic normalisation), so indexed text
// and queries meet in one folded form while snippets still show the original text.
#pragma once

#include <sqlite3.h>

#include "base/result.h"

namespace casegraph::store {

// Registers the tokenizer on `db`; call once per connection before touching messages_fts.
Status RegisterFoldTokenizer(sqlite3* db);

}  // namespace casegraph::store
