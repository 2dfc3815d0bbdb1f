// What a chat ingest learns from the content of the attachments it found in the export:
// PDQ for images, the text of documents (indexed for search, and the lexicons run over it),
// YARA hits, and matches of every file against every hash set. Runs inside the ingest's
// transaction after the records are written; a file is read again only when it is an image
// or a document (or YARA rules are given), each content once per exhibit.
#pragma once

#include <cstdint>
#include <vector>

#include "base/file_system.h"
#include "rules/rules_file.h"
#include "store/hash_matcher.h"
#include "store/record_writer.h"
#include "store/scan_worker.h"

namespace casegraph::store {

struct AttachmentContentCounts {
  uint64_t images = 0, documents = 0, matched_files = 0, rule_hits = 0;
};

Result<AttachmentContentCounts> AnalyzeAttachments(Db& db, int64_t exhibit_id, const FileSystem& fs,
                                                   const std::vector<PresentAttachment>& attachments,
                                                   const rules::RuleSet* rules, const HashMatcher& matcher,
                                                   const ScanLimits& limits = {});

}  // namespace casegraph::store
