#include "base/zip_file_system.h"

#include <zip.h>

#include <algorithm>
#include <cstring>
#include <optional>

namespace casegraph {
namespace {

class HeapView final : public FileView {
 public:
  explicit HeapView(std::string bytes) : bytes_(std::move(bytes)), size_(bytes_.size()) {
    bytes_.resize(size_ + kPadding, '\0');
  }
  std::string_view bytes() const override { return std::string_view(bytes_.data(), size_); }

 private:
  std::string bytes_;
  size_t size_;
};

// Entry names that could escape a folder if extracted are refused outright.
bool SafeEntryName(std::string_view name) {
  if (name.empty() || name.front() == '/' || name.find('\\') != std::string_view::npos) return false;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view part = name.substr(start, end - start);
    if (part == ".." || part == ".") return false;
    start = end + 1;
  }
  return true;
}

std::string ZipErrorText(zip_t* z) {
  const char* text = z ? zip_strerror(z) : nullptr;
  return text ? text : "unknown ZIP error";
}

}  // namespace

bool LooksLikeZip(std::string_view head) {
  return head.substr(0, 4) == std::string_view("PK\x03\x04", 4) || head.substr(0, 4) == std::string_view("PK\x05\x06", 4);
}

Result<std::unique_ptr<ZipFileSystem>> ZipFileSystem::Open(const FileSystem& disk, const std::string& archive_path) {
  auto view = disk.Map(archive_path);
  if (!view) return view.error();
  std::unique_ptr<ZipFileSystem> fs(new ZipFileSystem());
  fs->root_ = archive_path;
  while (fs->root_.size() > 1 && fs->root_.back() == '/') fs->root_.pop_back();
  fs->archive_bytes_ = std::move(*view);
  std::string_view bytes = fs->archive_bytes_->bytes();
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (src == nullptr) {
    std::string msg = zip_error_strerror(&error);
    zip_error_fini(&error);
    return Error::Corrupt("cannot read ZIP: " + msg, Location{archive_path, ""});
  }
  fs->zip_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (fs->zip_ == nullptr) {
    std::string msg = zip_error_strerror(&error);
    zip_source_free(src);
    zip_error_fini(&error);
    return Error::Corrupt("not a readable ZIP archive: " + msg, Location{archive_path, ""});
  }
  zip_error_fini(&error);
  const zip_int64_t n = zip_get_num_entries(fs->zip_, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    const char* name = zip_get_name(fs->zip_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (name == nullptr) continue;
    std::string_view entry(name);
    if (!entry.empty() && entry.back() == '/') continue;  // explicit directory entries
    if (SafeEntryName(entry)) fs->files_.emplace_back(entry);
  }
  std::sort(fs->files_.begin(), fs->files_.end());
  return fs;
}

ZipFileSystem::~ZipFileSystem() {
  if (zip_ != nullptr) zip_discard(zip_);
}

std::optional<std::string> ZipFileSystem::EntryName(const std::string& path) const {
  if (path == root_ || path == root_ + "/") return std::string();
  if (path.size() <= root_.size() + 1 || path.compare(0, root_.size(), root_) != 0 || path[root_.size()] != '/') {
    return std::nullopt;
  }
  std::string name = path.substr(root_.size() + 1);
  while (!name.empty() && name.back() == '/') name.pop_back();
  return name;
}

Result<int64_t> ZipFileSystem::EntryIndex(const std::string& path) const {
  auto name = EntryName(path);
  if (!name || name->empty() || !std::binary_search(files_.begin(), files_.end(), *name)) {
    return Error::NotFound("no such entry in the ZIP archive", Location{path, ""});
  }
  const zip_int64_t index = zip_name_locate(zip_, name->c_str(), ZIP_FL_ENC_GUESS);
  if (index < 0) return Error::NotFound("no such entry in the ZIP archive", Location{path, ""});
  return static_cast<int64_t>(index);
}

Result<FileStat> ZipFileSystem::Stat(const std::string& path) const {
  auto name = EntryName(path);
  if (!name) return Error::NotFound("outside the ZIP archive", Location{path, ""});
  FileStat st;
  if (name->empty()) {
    st.is_directory = true;
    return st;
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (std::binary_search(files_.begin(), files_.end(), *name)) {
    zip_stat_t zs;
    zip_stat_init(&zs);
    if (zip_stat(zip_, name->c_str(), ZIP_FL_ENC_GUESS, &zs) != 0) {
      return Error::Corrupt("cannot stat ZIP entry: " + ZipErrorText(zip_), Location{path, ""});
    }
    st.size_bytes = (zs.valid & ZIP_STAT_SIZE) ? zs.size : 0;
    st.mtime_unix = (zs.valid & ZIP_STAT_MTIME) ? static_cast<int64_t>(zs.mtime) : 0;
    return st;
  }
  const std::string prefix = *name + "/";
  auto it = std::lower_bound(files_.begin(), files_.end(), prefix);
  if (it != files_.end() && it->compare(0, prefix.size(), prefix) == 0) {
    st.is_directory = true;
    return st;
  }
  return Error::NotFound("no such entry in the ZIP archive", Location{path, ""});
}

Result<std::vector<std::string>> ZipFileSystem::List(const std::string& dir) const {
  auto name = EntryName(dir);
  if (!name) return Error::NotFound("outside the ZIP archive", Location{dir, ""});
  const std::string prefix = name->empty() ? std::string() : *name + "/";
  std::vector<std::string> out;
  for (auto it = std::lower_bound(files_.begin(), files_.end(), prefix); it != files_.end(); ++it) {
    if (it->compare(0, prefix.size(), prefix) != 0) break;
    std::string rest = it->substr(prefix.size());
    size_t slash = rest.find('/');
    std::string child = slash == std::string::npos ? rest : rest.substr(0, slash);
    if (out.empty() || out.back() != child) out.push_back(child);
  }
  if (out.empty() && !name->empty()) return Error::NotFound("no such folder in the ZIP archive", Location{dir, ""});
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Status ZipFileSystem::ReadChunks(const std::string& path, const std::function<void(std::string_view)>& chunk) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto index = EntryIndex(path);
  if (!index) return index.error();
  zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(*index), 0);
  if (file == nullptr) return Error::Corrupt("cannot open ZIP entry: " + ZipErrorText(zip_), Location{path, ""});
  std::string buffer(1 << 16, '\0');
  for (;;) {
    const zip_int64_t got = zip_fread(file, buffer.data(), buffer.size());
    if (got < 0) {
      std::string msg = zip_file_strerror(file);
      zip_fclose(file);
      return Error::Corrupt("damaged ZIP entry: " + msg, Location{path, ""});
    }
    if (got == 0) break;
    chunk(std::string_view(buffer.data(), static_cast<size_t>(got)));
  }
  zip_fclose(file);
  return Ok();
}

Result<std::unique_ptr<FileView>> ZipFileSystem::Map(const std::string& path) const {
  std::string bytes;
  CASEGRAPH_RETURN_IF_ERROR(ReadChunks(path, [&](std::string_view part) { bytes.append(part); }));
  return std::unique_ptr<FileView>(new HeapView(std::move(bytes)));
}

Result<std::string> ZipFileSystem::Canonical(const std::string& path) const {
  auto st = Stat(path);
  if (!st) return st.error();
  std::string out = path;
  while (out.size() > root_.size() && out.back() == '/') out.pop_back();
  return out;
}

}  // namespace casegraph
