// The files of an exhibit under triage, whatever holds them: a folder on the examiner's disk,
// or every file system found in a raw or E01 disk image (libtsk + libewf, never mounted).
// A FileTree is opened read-only. Both kinds are safe to share between threads: FolderTree
// opens a descriptor per Read; ImageTree serialises its libtsk calls on a mutex (libtsk handles
// are not thread-safe), so reads of one image run one at a time. The Walk visitor may call Read.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/result.h"
#include "triage/triage_entry.h"

namespace casegraph::triage {

class FileTree {
 public:
  virtual ~FileTree() = default;
  virtual std::string kind() const = 0;  // "folder" | "raw-image" | "ewf-image"
  // Every non-directory entry, sorted by (fs_offset, path); return false from visit to stop.
  // Damage to one entry or folder (unreadable dir, loop) → a Diagnostics warning, walk goes on.
  virtual Status Walk(const std::function<bool(const TriageEntry&)>& visit,
                      Diagnostics& d) const = 0;
  // Streams a regular (or deleted-but-addressable) file's content in chunks; never follows
  // symlinks, never opens FIFOs/devices; O_RDONLY|O_NOFOLLOW. An entry with a problem, or
  // that is not a "file", is refused with an error. A read failure midway → Error naming the
  // path and the byte offset reached.
  virtual Status Read(const TriageEntry& e,
                      const std::function<void(std::string_view)>& chunk) const = 0;
};

// A folder → folder tree; a file → a disk image (raw .dd/.img/.raw/.001 split sets, E01 sets
// via libewf_glob), opened with libtsk without mounting; not an image → error naming the file.
Result<std::unique_ptr<FileTree>> OpenFileTree(const std::string& path);

// The exhibit's files as given (image segments), for hashing the exhibit: [path] for a folder
// or a single file, [x.001, x.002, …] for a split raw set, [x.E01, x.E02, …] for an E01 set.
// Sorted in segment order.
Result<std::vector<std::string>> ExhibitSegments(const std::string& path);

// True when the name or the first bytes say "disk image": .dd/.img/.raw/.iso/.001/.E01/.Ex01
// extension, the EWF signature, an MBR/GPT signature, or a FAT/NTFS/ext boot sector.
// `head` = the first bytes of the file (at least 2 KiB to see an ext superblock; may be less).
bool LooksLikeDiskImage(std::string_view path, std::string_view head);

}  // namespace casegraph::triage
