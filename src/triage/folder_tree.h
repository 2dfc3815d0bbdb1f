// A folder exhibit walked with POSIX calls (openat/fstatat, never following symlinks), so
// symlink loops cannot recur and FIFOs/devices are listed but never opened. Names that are
// not valid UTF-8 are escaped (\xNN) and kept raw in raw_path_hex. Files over 1 GiB of which
// less than 1/16 is allocated are marked sparse and not read. Read-only: O_RDONLY|O_NOFOLLOW
// (+O_NOATIME when permitted). Thread-safety: Read may run on several threads at once (each
// call opens its own descriptor); Walk is const and keeps no state between calls.
#pragma once

#include <string>

#include "triage/file_tree.h"

namespace casegraph::triage {

struct FolderTreeOptions {
  int max_depth = 64;                            // deeper folders → warning, not walked
  uint64_t sparse_min_bytes = uint64_t{1} << 30;  // sparse rule applies above this size
  size_t read_chunk_bytes = 1 << 20;
};

class FolderTree : public FileTree {
 public:
  // REQUIRES: root names a folder (OpenFolderTree checks it).
  FolderTree(std::string root, FolderTreeOptions options = {});
  std::string kind() const override { return "folder"; }
  Status Walk(const std::function<bool(const TriageEntry&)>& visit,
              Diagnostics& d) const override;
  Status Read(const TriageEntry& e,
              const std::function<void(std::string_view)>& chunk) const override;
  const std::string& root() const { return root_; }

 private:
  std::string root_;
  FolderTreeOptions options_;
};

// The problem text for a sparse file, "" when the file is not treated as sparse.
std::string SparseProblem(uint64_t size_bytes, uint64_t allocated_bytes, uint64_t min_bytes);

}  // namespace casegraph::triage
