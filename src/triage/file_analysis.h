// Reads one triaged file once and derives what the scan stores: MD5 + SHA-1 + SHA-256, the
// MIME type by content (libmagic, MAGIC_MIME_TYPE, the system's default database) and, when
// asked, the whole content (for PDQ, document text, YARA).
// One FileAnalyzer per thread: it owns a libmagic handle, which is not thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"
#include "model/records.h"
#include "triage/file_tree.h"

namespace casegraph::triage {

struct FileAnalysis {
  model::FileDigests digests;
  std::string mime_type;    // "" when libmagic could not tell (never an error)
  std::string content;      // the whole file when content_kept
  bool content_kept = false;
};

class FileAnalyzer {
 public:
  // How much of the start of a file libmagic sees.
  static constexpr size_t kMagicHeadBytes = 64 * 1024;

  FileAnalyzer();
  ~FileAnalyzer();
  FileAnalyzer(const FileAnalyzer&) = delete;
  FileAnalyzer& operator=(const FileAnalyzer&) = delete;

  // Reads the entry once: MD5+SHA-1+SHA-256, MIME from the first bytes (libmagic,
  // MAGIC_MIME_TYPE), keeps the whole content when keep(mime, size) is true and
  // size <= keep_limit. `keep` may be empty (never keep). A read error → the tree's Error
  // (it names the path and byte offset).
  Result<FileAnalysis> Analyze(const FileTree& tree, const TriageEntry& e, uint64_t keep_limit,
                               const std::function<bool(std::string_view mime, uint64_t size)>& keep);

  // MIME type of a buffer ("" when unknown); exposed for attachments and tests.
  std::string MimeOf(std::string_view head);

  // Set when the libmagic database could not be loaded (MIME types are then "").
  const std::string& magic_error() const { return magic_error_; }

 private:
  struct MagicHandle;
  std::unique_ptr<MagicHandle> magic_;  // keeps magic.h out of this header
  std::string magic_error_;
};

}  // namespace casegraph::triage
