#include "base/file_system.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace casegraph {
namespace {

Error IoError(const std::string& what, const std::string& path) {
  return Error::Io(what + ": " + std::strerror(errno), Location{path, ""});
}

// A file mapped read-only, followed by at least kPadding zero bytes. We reserve an anonymous
// region one page larger than the file and map the file over its start, so the padding is
// readable whatever the file size.
class MappedFileView : public FileView {
 public:
  MappedFileView(void* base, size_t reserved, size_t size) : base_(base), reserved_(reserved), size_(size) {}
  ~MappedFileView() override {
    if (base_ != nullptr) munmap(base_, reserved_);
  }
  std::string_view bytes() const override { return {static_cast<const char*>(base_), size_}; }

 private:
  void* base_;
  size_t reserved_;
  size_t size_;
};

class EmptyView : public FileView {
 public:
  std::string_view bytes() const override { return {padding_, 0}; }

 private:
  char padding_[kPadding] = {};
};

class RealFs : public FileSystem {
 public:
  Result<FileStat> Stat(const std::string& path) const override {
    struct stat st {};
    if (lstat(path.c_str(), &st) != 0) return IoError("cannot stat", path);
    FileStat out;
    out.is_symlink = S_ISLNK(st.st_mode);
    if (out.is_symlink) {
      struct stat target {};
      if (stat(path.c_str(), &target) == 0) st = target;
    }
    out.is_directory = S_ISDIR(st.st_mode);
    out.size_bytes = static_cast<uint64_t>(st.st_size);
    out.mtime_unix = static_cast<int64_t>(st.st_mtime);
    return out;
  }

  Result<std::vector<std::string>> List(const std::string& dir) const override {
    DIR* d = opendir(dir.c_str());
    if (d == nullptr) return IoError("cannot list folder", dir);
    std::vector<std::string> names;
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name != "." && name != "..") names.push_back(std::move(name));
    }
    closedir(d);
    std::sort(names.begin(), names.end());
    return names;
  }

  Result<std::unique_ptr<FileView>> Map(const std::string& path) const override {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return IoError("cannot open", path);
    struct stat st {};
    if (fstat(fd, &st) != 0) {
      close(fd);
      return IoError("cannot stat", path);
    }
    if (S_ISDIR(st.st_mode)) {
      close(fd);
      return Error::InvalidArgument("is a folder, not a file", Location{path, ""});
    }
    size_t size = static_cast<size_t>(st.st_size);
    if (size == 0) {
      close(fd);
      return std::unique_ptr<FileView>(new EmptyView());
    }
    long page = sysconf(_SC_PAGESIZE);
    size_t reserved = (size + static_cast<size_t>(page) - 1) / page * page + static_cast<size_t>(page);
    void* base = mmap(nullptr, reserved, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) {
      close(fd);
      return IoError("cannot reserve memory for", path);
    }
    void* file = mmap(base, size, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_POPULATE, fd, 0);
    close(fd);
    if (file == MAP_FAILED) {
      munmap(base, reserved);
      return IoError("cannot map", path);
    }
    return std::unique_ptr<FileView>(new MappedFileView(base, reserved, size));
  }

  Status ReadChunks(const std::string& path,
                    const std::function<void(std::string_view)>& chunk) const override {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return IoError("cannot open", path);
    static thread_local std::vector<char> buffer(1 << 20);
    for (;;) {
      ssize_t n = read(fd, buffer.data(), buffer.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        close(fd);
        return IoError("cannot read", path);
      }
      if (n == 0) break;
      chunk(std::string_view(buffer.data(), static_cast<size_t>(n)));
    }
    close(fd);
    return Ok();
  }

  Result<std::string> Canonical(const std::string& path) const override {
    char* resolved = realpath(path.c_str(), nullptr);
    if (resolved == nullptr) return IoError("cannot resolve", path);
    std::string out = resolved;
    free(resolved);  // NOLINT: realpath allocates with malloc
    return out;
  }
};

Status ListTreeInto(const FileSystem& fs, const std::string& root, const std::string& rel,
                    std::vector<std::string>& out, int depth) {
  if (depth > 64) return Error::Unsupported("folder nesting deeper than 64", Location{root, rel});
  auto names = fs.List(rel.empty() ? root : JoinPath(root, rel));
  if (!names) return names.error();
  for (const auto& name : *names) {
    std::string child = rel.empty() ? name : rel + "/" + name;
    auto st = fs.Stat(JoinPath(root, child));
    if (!st) return st.error();
    if (st->is_directory && !st->is_symlink) {
      CASEGRAPH_RETURN_IF_ERROR(ListTreeInto(fs, root, child, out, depth + 1));
    } else {
      out.push_back(child);
    }
  }
  return Ok();
}

}  // namespace

const FileSystem& RealFileSystem() {
  static const RealFs fs;
  return fs;
}

Result<std::string> ReadWholeFile(const FileSystem& fs, const std::string& path) {
  auto view = fs.Map(path);
  if (!view) return view.error();
  return std::string((*view)->bytes());
}

std::string BaseName(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  const size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string ParentDir(std::string_view path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string_view::npos) return ".";
  if (slash == 0) return "/";
  return std::string(path.substr(0, slash));
}

std::string JoinPath(std::string_view dir, std::string_view name) {
  std::string out(dir);
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  if (!out.empty() && out.back() != '/') out.push_back('/');
  out.append(name);
  return out;
}

Result<std::vector<std::string>> ListTree(const FileSystem& fs, const std::string& dir) {
  std::vector<std::string> out;
  CASEGRAPH_RETURN_IF_ERROR(ListTreeInto(fs, dir, "", out, 0));
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace casegraph
