// Internal to store::Search (query_search.cpp): the file half of a search, over file_texts_fts.
// A file is in scope when it sits in the case: a scan_files row of one of its exhibits, or an
// attachment of one of its messages; that place is also what the hit cites.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/queries.h"
#include "store/sqlite_util.h"

namespace casegraph::store {

// A matching file and the place it is cited by (one of the two ids is set).
struct FileMatch {
  int64_t file_id = 0;
  double rank = 0;  // bm25 (lower is more relevant); 0 when not ranking
  std::optional<int64_t> scan_file_id, attachment_id;
};

// Every matching file in scope (`case_id` 0: all cases), by path then SHA-256, or by
// relevance first with `by_relevance`. The place cited is the first scan_files row by
// (exhibit id, path), else the first attachment by (exhibit id, message id).
Result<std::vector<FileMatch>> MatchFiles(Db& db, const std::string& fts_query, int64_t case_id,
                                          bool by_relevance);

// The hit shown for one match: path, digests, MIME type, extractor, snippet and citation.
Result<SearchHit> FileHit(Db& db, const std::string& fts_query, const FileMatch& match);

}  // namespace casegraph::store
