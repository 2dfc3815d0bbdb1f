// One file found while triaging an exhibit: a folder walk or a file system inside a disk image.
// Plain value type, filled by a FileTree walker and read by the scan (lead) and the analyzer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace casegraph::triage {

struct TriageEntry {
  std::string path;            // relative to the exhibit/file-system root, '/'-separated, valid UTF-8
                               // (invalid bytes shown as \xNN)
  std::string raw_path_hex;    // the path's bytes in hex when not valid UTF-8, else ""
  std::string file_type;       // "file" | "symlink" | "fifo" | "socket" | "device" | "other"
                               // (directories are not entries)
  bool deleted = false;        // image: unallocated name still listed by the file system
  std::optional<uint64_t> inode, fs_offset;  // image: metadata address, byte offset of the FS
  std::string fs_type;         // image: "fat16", "ext4", …
  uint64_t size_bytes = 0;
  std::optional<uint64_t> allocated_bytes;   // folder: st_blocks*512 (sparse files)
  std::optional<int64_t> mtime, atime, ctime, crtime;   // unix seconds, UTC
  std::string symlink_target;
  std::string locator;         // folder: path; image: "offset <fs_offset> inode <addr> <path>"
  std::string problem;         // why the entry cannot be read (set by the walker), else ""
};

}  // namespace casegraph::triage
