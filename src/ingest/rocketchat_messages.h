// rocketchat_message documents (and REST history elements) → MessageRecords: system messages,
// threads, reactions, mentions, quotes, uploads, edits with their hidden history copies, and
// the deletion forms (t:"rm" tombstones, hidden originals, documents kept in
// rocketchat__trash, and messages removed entirely whose history copies survive).
// Internal to the rocketchat-mongo and rocketchat-rest importers.
#pragma once

#include <string_view>

#include "ingest/rocketchat_run.h"

namespace casegraph::ingest::rocketchat {

// First pass: a cheap byte test, true when the document may be an edit-history copy.
bool MaybeEditCopy(std::string_view json);
// First pass: remembers the document in run.copies when it is an edit-history copy.
void CollectEditCopy(Run& run, const Document& doc);

enum class MessageOrigin { kCollection, kTrash };

// Second pass: one message document → one MessageRecord (history copies are skipped: they
// became the edits of their message). Accounts and conversations it needs are sent first.
void MapMessage(Run& run, const Document& doc, MessageOrigin origin);

// After the last message: history copies whose message was not in the export become one
// deleted message per missing parent, with the copies as its edits.
void EmitOrphanCopies(Run& run);

}  // namespace casegraph::ingest::rocketchat
