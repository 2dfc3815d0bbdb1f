// A ZIP archive seen as a read-only folder, so an export ZIP (WhatsApp "Export chat", Element's
// export with media) is read in place through the same FileSystem interface as a folder: no
// entry is ever extracted to disk. Paths are the archive's own path joined with the entry name
// ("/evidence/chat.zip/_chat.txt"), so every error names both the archive and the entry.
// Entry names that are absolute or climb out with ".." are not listed and cannot be opened.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "base/file_system.h"

typedef struct zip zip_t;

namespace casegraph {

class ZipFileSystem final : public FileSystem {
 public:
  // Opens `archive_path` on `disk` (read-only, mapped). Error when it is not a readable ZIP.
  static Result<std::unique_ptr<ZipFileSystem>> Open(const FileSystem& disk, const std::string& archive_path);
  ~ZipFileSystem() override;

  const std::string& root() const { return root_; }

  Result<FileStat> Stat(const std::string& path) const override;
  Result<std::vector<std::string>> List(const std::string& dir) const override;
  Result<std::unique_ptr<FileView>> Map(const std::string& path) const override;
  Status ReadChunks(const std::string& path, const std::function<void(std::string_view)>& chunk) const override;
  Result<std::string> Canonical(const std::string& path) const override;

 private:
  ZipFileSystem() = default;
  // The entry name for `path`, or nullopt when `path` is not inside the archive.
  std::optional<std::string> EntryName(const std::string& path) const;
  Result<int64_t> EntryIndex(const std::string& path) const;

  std::string root_;
  std::unique_ptr<FileView> archive_bytes_;  // the mapping libzip reads from
  zip_t* zip_ = nullptr;
  std::vector<std::string> files_;  // safe entry names, sorted
  mutable std::mutex mu_;          // libzip archives are not thread-safe
};

// True when `head` starts like a ZIP archive (local header or empty-archive end record).
bool LooksLikeZip(std::string_view head);

}  // namespace casegraph
