// A disk image exhibit (raw .dd/.img/.raw, split .001/.002…, or an E01 set) opened with libtsk
// (+ libewf for E01) and never mounted. Every file system is found through the volume system
// (each allocated partition that holds one) or at offset 0; each is walked with
// tsk_fs_dir_walk, listing regular files and the deleted names the file system still lists.
// Thread-safety: libtsk handles are not thread-safe, so an ImageTree serialises Walk and Read
// on an internal mutex; callers may share it between threads, but reads then run one at a
// time. For parallel reads open one ImageTree per thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "triage/file_tree.h"

namespace casegraph::triage {

struct ImageTreeOptions {
  size_t read_chunk_bytes = 1 << 20;
};

class ImageTree : public FileTree {
 public:
  // Opens the image set from its segments (ExhibitSegments order). Errors name the image:
  // not an image, truncated/corrupt E01, no file system found.
  static Result<std::unique_ptr<ImageTree>> Open(const std::vector<std::string>& segments,
                                                 ImageTreeOptions options = {});
  ~ImageTree() override;

  std::string kind() const override;  // "raw-image" | "ewf-image"
  Status Walk(const std::function<bool(const TriageEntry&)>& visit,
              Diagnostics& d) const override;
  Status Read(const TriageEntry& e,
              const std::function<void(std::string_view)>& chunk) const override;

  // The MD5 stored in an E01 set by the acquiring tool (lower-case hex), "" when absent or raw.
  const std::string& stored_md5() const;
  // Byte offsets of the file systems found, ascending.
  std::vector<uint64_t> fs_offsets() const;

  struct Impl;

 private:
  explicit ImageTree(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace casegraph::triage
