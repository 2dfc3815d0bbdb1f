// Read-only access to evidence files behind an interface, so importers never touch the OS
// directly and tests can pass an in-memory tree (after ninja's DiskInterface). Nothing here
// writes: evidence is opened read-only and never changed. Implementations are thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace casegraph {

struct FileStat {
  bool is_directory = false;
  bool is_symlink = false;  // the path itself is a symbolic link
  uint64_t size_bytes = 0;
  int64_t mtime_unix = 0;
};

// A whole file's bytes, readable up to kPadding bytes past the end (zero-filled), which
// simdjson needs. Owns its mapping; bytes stay valid for the view's lifetime.
class FileView {
 public:
  static constexpr size_t kPadding = 64;
  virtual ~FileView() = default;
  virtual std::string_view bytes() const = 0;
};

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  // Status of `path` without following a final symlink (lstat).
  virtual Result<FileStat> Stat(const std::string& path) const = 0;
  // Names (not paths) in a directory, sorted.
  virtual Result<std::vector<std::string>> List(const std::string& dir) const = 0;
  virtual Result<std::unique_ptr<FileView>> Map(const std::string& path) const = 0;
  // Streams the file in chunks through a reused buffer (for hashing).
  virtual Status ReadChunks(const std::string& path,
                            const std::function<void(std::string_view)>& chunk) const = 0;
  // Absolute path with every symlink resolved; error if it does not exist.
  virtual Result<std::string> Canonical(const std::string& path) const = 0;
};

// The real disk. Files are opened O_RDONLY; nothing is ever written.
const FileSystem& RealFileSystem();

// The whole file as a string (for small configuration files: mappings, rules).
Result<std::string> ReadWholeFile(const FileSystem& fs, const std::string& path);

// The last component of a path ("a/b/" -> "b") and the folder holding it ("a/b" -> "a",
// "b" -> ".", "/b" -> "/").
std::string BaseName(std::string_view path);
std::string ParentDir(std::string_view path);

// Joins with '/', collapsing a trailing slash of `dir`.
std::string JoinPath(std::string_view dir, std::string_view name);

// Files below `dir` (recursively), as paths relative to it with '/' separators, sorted.
// Symlinks are listed, never followed.
Result<std::vector<std::string>> ListTree(const FileSystem& fs, const std::string& dir);

}  // namespace casegraph
