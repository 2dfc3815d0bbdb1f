// The SHA-256 that names an exhibit. A file: the SHA-256 of its bytes (streamed). A folder
// (an export with its media): a manifest of every file's relative path, size and SHA-256,
// sorted by path; the exhibit hash is the SHA-256 of the manifest's text, and the manifest is
// kept so `verify` can name the file that changed. Symbolic links are recorded by their
// target text, never followed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "base/result.h"

namespace casegraph::hashing {

struct ManifestEntry {
  std::string rel_path;
  uint64_t size_bytes = 0;
  std::string sha256;
};

struct ExhibitHash {
  bool is_folder = false;
  uint64_t size_bytes = 0;  // total bytes hashed
  std::string sha256;
  std::vector<ManifestEntry> manifest;  // folders only
};

// `on_bytes` (may be null) is told how many bytes have been hashed so far, for progress.
Result<ExhibitHash> HashExhibit(const FileSystem& fs, const std::string& path,
                                const std::function<void(uint64_t)>& on_bytes = nullptr);

// The manifest's canonical text: one "SHA256 SIZE PATH\n" line per entry, sorted by path.
std::string ManifestText(const std::vector<ManifestEntry>& manifest);

}  // namespace casegraph::hashing
