// The per-file work of a scan, without the workspace: read the file once (MD5, SHA-1, SHA-256,
// MIME by content), and from the bytes kept in memory a PDQ hash for images, the text of
// documents and the YARA rules' hits. Many workers may run at once, one FileAnalyzer each;
// the writer (scan_writer.h) stores their results in walk order.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "extract/document_text.h"
#include "hashing/pdq.h"
#include "model/records.h"
#include "rules/rules_file.h"
#include "triage/file_analysis.h"
#include "triage/file_tree.h"

namespace casegraph::store {

struct ScanLimits {
  uint64_t image_bytes = 64ull << 20;     // larger images are hashed but not decoded for PDQ
  uint64_t image_pixels = 50'000'000;     // a decoded image holds 3 bytes and ~12 bytes of floats per pixel
  uint64_t document_bytes = 64ull << 20;  // larger documents are hashed but their text not indexed
  uint64_t yara_bytes = 256ull << 20;     // YARA runs over content kept in memory up to this size
};

struct ScannedFile {
  uint64_t seq = 0;  // walk order; the writer stores files in this order
  triage::TriageEntry entry;
  bool read = false;                      // content read and digested
  std::optional<model::FileDigests> digests;
  std::string mime_type;
  std::optional<hashing::PdqResult> pdq;
  std::optional<extract::DocumentText> text;
  std::vector<rules::RuleHit> content_hits;  // YARA
  std::vector<std::string> problems;         // why something was not done for this file
};

class ScanWorker {
 public:
  ScanWorker(const triage::FileTree& tree, const rules::RuleSet* rules, ScanLimits limits);
  ScannedFile Process(uint64_t seq, triage::TriageEntry entry);

 private:
  bool Keep(std::string_view mime, uint64_t size, const std::string& name) const;
  void FromContent(ScannedFile& file, const std::string& content);

  const triage::FileTree& tree_;
  const rules::RuleSet* rules_;
  ScanLimits limits_;
  triage::FileAnalyzer analyzer_;
};

// True for the MIME types whose pixels PDQ hashes (the decoder's formats).
bool IsHashableImage(std::string_view mime);

// Decodes `bytes` (refusing more than limits.image_pixels) and hashes the full-resolution pixels.
Result<hashing::PdqResult> PdqOfImageFile(std::string_view bytes, const ScanLimits& limits);

}  // namespace casegraph::store
