// The extracted text of a stored file (files row): kept in file_texts and indexed in
// file_texts_fts (an external-content FTS5 table keyed by file_id, folded like messages_fts),
// so `search` finds documents beside messages. Writers call it inside their transaction.
#pragma once

#include <cstdint>

#include "base/result.h"
#include "extract/document_text.h"
#include "store/sqlite_util.h"

namespace casegraph::store {

// Stores `text` for `file_id` once: a file already holding text keeps it (the same bytes give
// the same text), so calling it again is harmless. REQUIRES: a files row with id `file_id`.
Status StoreFileText(Db& db, int64_t file_id, const extract::DocumentText& text);

}  // namespace casegraph::store
