// Resolves media paths that an export declares (relative to its folder) into attachment
// records, without ever opening a path that leaves the export folder: absolute paths, '..'
// components and symlinks that point outside are refused with a warning. Present files are
// hashed (MD5, SHA-1, SHA-256 in one read).
#pragma once

#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "model/records.h"

namespace casegraph::ingest {

class ExportFolder {
 public:
  // `root` is the export folder; empty when the exhibit is a lone file (nothing to resolve).
  ExportFolder(const FileSystem& fs, std::string root);

  // Fills status, status_detail and digests of `attachment` from its declared_path.
  void Resolve(model::AttachmentRecord& attachment, Diagnostics& diagnostics) const;

  const std::string& root() const { return root_; }

 private:
  const FileSystem& fs_;
  std::string root_;
  std::string canonical_root_;
};

// True when `path` is absolute or has a '..' component (either separator).
bool LeavesFolder(std::string_view path);

}  // namespace casegraph::ingest
