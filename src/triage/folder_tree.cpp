// Folder walk with openat/statx relative to an open directory descriptor, so a name is never
// resolved through a symlink; see docs/triage.md.
#include "triage/folder_tree.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "triage/path_text.h"

namespace casegraph::triage {
namespace {

// Closes a descriptor on scope exit.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& o) noexcept : fd_(std::exchange(o.fd_, -1)) {}
  Fd& operator=(Fd&& o) noexcept {
    if (this != &o) {
      if (fd_ >= 0) ::close(fd_);
      fd_ = std::exchange(o.fd_, -1);
    }
    return *this;
  }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }

 private:
  int fd_;
};

constexpr int kReadFlags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;
constexpr int kDirFlags = O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;

// O_NOATIME keeps the evidence's access times as they were; the kernel allows it only to the
// file's owner (or CAP_FOWNER), so fall back to a plain read-only open on EPERM.
int OpenAtNoAtime(int dir_fd, const char* name, int flags) {
  int fd = ::openat(dir_fd, name, flags | O_NOATIME);
  if (fd < 0 && errno == EPERM) fd = ::openat(dir_fd, name, flags);
  return fd;
}

std::string FileTypeOf(mode_t mode) {
  if (S_ISREG(mode)) return "file";
  if (S_ISLNK(mode)) return "symlink";
  if (S_ISFIFO(mode)) return "fifo";
  if (S_ISSOCK(mode)) return "socket";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "device";
  return "other";
}

struct Child {
  std::string name;       // raw bytes
  std::string sort_key;   // name, plus '/' for folders: siblings then sort in full-path order
  struct statx st {};
  bool is_dir = false;
};

// statx for the birth time where the kernel and file system have it; fstatat otherwise.
bool StatNoFollow(int dir_fd, const char* name, struct statx* out) {
  if (::statx(dir_fd, name, AT_SYMLINK_NOFOLLOW | AT_NO_AUTOMOUNT, STATX_BASIC_STATS | STATX_BTIME,
              out) == 0) {
    return true;
  }
  if (errno != ENOSYS) return false;
  struct stat st {};
  if (::fstatat(dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) != 0) return false;
  *out = {};
  out->stx_mask = STATX_BASIC_STATS;
  out->stx_mode = static_cast<uint16_t>(st.st_mode);
  out->stx_ino = st.st_ino;
  out->stx_size = static_cast<uint64_t>(st.st_size);
  out->stx_blocks = static_cast<uint64_t>(st.st_blocks);
  out->stx_mtime.tv_sec = st.st_mtim.tv_sec;
  out->stx_atime.tv_sec = st.st_atim.tv_sec;
  out->stx_ctime.tv_sec = st.st_ctim.tv_sec;
  out->stx_dev_major = major(st.st_dev);
  out->stx_dev_minor = minor(st.st_dev);
  return true;
}

class Walker {
 public:
  Walker(const FolderTreeOptions& options, const std::function<bool(const TriageEntry&)>& visit,
         Diagnostics& d)
      : options_(options), visit_(visit), d_(d) {}

  // The exhibit root counts as an open folder, so a bind mount of it inside itself is caught.
  void MarkRootOpen(int root_fd) {
    struct stat st {};
    if (::fstat(root_fd, &st) == 0) {
      open_dirs_.insert({(uint64_t{major(st.st_dev)} << 32) | minor(st.st_dev), st.st_ino});
    }
  }

  // Returns false when the visitor asked to stop.
  bool WalkDir(int dir_fd, const std::string& raw_rel, int depth) {
    std::vector<Child> children;
    if (!ListDir(dir_fd, raw_rel, &children)) return true;
    for (Child& child : children) {
      std::string raw_path = raw_rel.empty() ? child.name : raw_rel + "/" + child.name;
      if (child.is_dir) {
        if (!Descend(dir_fd, child, raw_path, depth)) return false;
        continue;
      }
      if (!visit_(MakeEntry(dir_fd, child, raw_path))) return false;
    }
    return true;
  }

 private:
  bool ListDir(int dir_fd, const std::string& raw_rel, std::vector<Child>* out) {
    int listing_fd = ::dup(dir_fd);
    DIR* dir = listing_fd >= 0 ? ::fdopendir(listing_fd) : nullptr;
    if (dir == nullptr) {
      if (listing_fd >= 0) ::close(listing_fd);
      Warn(raw_rel, fmt::format("cannot list folder: {}", std::strerror(errno)));
      return false;
    }
    ::rewinddir(dir);
    errno = 0;
    while (struct dirent* ent = ::readdir(dir)) {
      std::string name = ent->d_name;
      if (name == "." || name == "..") continue;
      Child child;
      child.name = std::move(name);
      if (!StatNoFollow(dir_fd, child.name.c_str(), &child.st)) {
        std::string rel = raw_rel.empty() ? child.name : raw_rel + "/" + child.name;
        Warn(rel, fmt::format("cannot stat: {}", std::strerror(errno)));
        errno = 0;
        continue;
      }
      child.is_dir = S_ISDIR(child.st.stx_mode);
      child.sort_key = child.is_dir ? child.name + "/" : child.name;
      out->push_back(std::move(child));
      errno = 0;
    }
    if (errno != 0) Warn(raw_rel, fmt::format("folder listing cut short: {}", std::strerror(errno)));
    ::closedir(dir);
    std::sort(out->begin(), out->end(),
              [](const Child& a, const Child& b) { return a.sort_key < b.sort_key; });
    return true;
  }

  bool Descend(int dir_fd, const Child& child, const std::string& raw_path, int depth) {
    if (depth + 1 > options_.max_depth) {
      Warn(raw_path, fmt::format("folder deeper than {} levels; not walked", options_.max_depth));
      return true;
    }
    // Symlinks are never followed, but a bind mount can still show a folder inside itself.
    std::pair<uint64_t, uint64_t> id{(uint64_t{child.st.stx_dev_major} << 32) | child.st.stx_dev_minor,
                                     child.st.stx_ino};
    if (open_dirs_.count(id) != 0) {
      Warn(raw_path, "folder loop (the folder contains itself); not walked again");
      return true;
    }
    Fd sub(OpenAtNoAtime(dir_fd, child.name.c_str(), kDirFlags));
    if (sub.get() < 0) {
      Warn(raw_path, fmt::format("cannot open folder: {}", std::strerror(errno)));
      return true;
    }
    open_dirs_.insert(id);
    bool go_on = WalkDir(sub.get(), raw_path, depth + 1);
    open_dirs_.erase(id);
    return go_on;
  }

  TriageEntry MakeEntry(int dir_fd, const Child& child, const std::string& raw_path) {
    TriageEntry e;
    bool valid = true;
    e.path = EscapePathBytes(raw_path, &valid);
    if (!valid) e.raw_path_hex = HexOfBytes(raw_path);
    e.file_type = FileTypeOf(child.st.stx_mode);
    e.size_bytes = child.st.stx_size;
    e.allocated_bytes = child.st.stx_blocks * 512;
    e.mtime = child.st.stx_mtime.tv_sec;
    e.atime = child.st.stx_atime.tv_sec;
    e.ctime = child.st.stx_ctime.tv_sec;
    if ((child.st.stx_mask & STATX_BTIME) != 0) e.crtime = child.st.stx_btime.tv_sec;
    e.locator = e.path;
    if (e.file_type == "symlink") {
      std::string target(4096, '\0');
      ssize_t n = ::readlinkat(dir_fd, child.name.c_str(), target.data(), target.size());
      if (n >= 0) {
        target.resize(static_cast<size_t>(n));
        e.symlink_target = EscapePathBytes(target, nullptr);
      }
    }
    if (e.file_type == "file") {
      e.problem = SparseProblem(e.size_bytes, *e.allocated_bytes, options_.sparse_min_bytes);
    }
    return e;
  }

  void Warn(const std::string& raw_rel, std::string message) {
    std::string shown = raw_rel.empty() ? "." : EscapePathBytes(raw_rel, nullptr);
    d_.Warn(Location{shown, ""}, std::move(message));
  }

  const FolderTreeOptions& options_;
  const std::function<bool(const TriageEntry&)>& visit_;
  Diagnostics& d_;
  std::set<std::pair<uint64_t, uint64_t>> open_dirs_;
};

std::string RawPathOf(const TriageEntry& e) {
  if (e.raw_path_hex.empty()) return e.path;
  std::string raw;
  if (!BytesOfHex(e.raw_path_hex, &raw)) return e.path;
  return raw;
}

// Opens root/rel one component at a time, never through a symlink (O_NOFOLLOW on each step).
Result<Fd> OpenBelow(const std::string& root, const std::string& raw_rel, const std::string& shown) {
  Fd dir(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() < 0) {
    return Error::Io(fmt::format("cannot open folder {}: {}", root, std::strerror(errno)));
  }
  size_t start = 0;
  while (true) {
    size_t slash = raw_rel.find('/', start);
    std::string part = raw_rel.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
    if (part.empty() || part == "." || part == "..") {
      return Error::InvalidArgument("not a path inside the exhibit", Location{shown, ""});
    }
    bool last = slash == std::string::npos;
    Fd next(OpenAtNoAtime(dir.get(), part.c_str(), last ? kReadFlags : kDirFlags));
    if (next.get() < 0) {
      return Error::Io(fmt::format("cannot open: {}", std::strerror(errno)), Location{shown, ""});
    }
    if (last) return next;
    dir = std::move(next);
    start = slash + 1;
  }
}

}  // namespace

FolderTree::FolderTree(std::string root, FolderTreeOptions options)
    : root_(std::move(root)), options_(options) {}

Status FolderTree::Walk(const std::function<bool(const TriageEntry&)>& visit,
                        Diagnostics& d) const {
  Fd root(::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (root.get() < 0) {
    return Error::Io(fmt::format("cannot open folder {}: {}", root_, std::strerror(errno)));
  }
  Walker walker(options_, visit, d);
  walker.MarkRootOpen(root.get());
  walker.WalkDir(root.get(), "", 0);
  return Ok();
}

Status FolderTree::Read(const TriageEntry& e,
                        const std::function<void(std::string_view)>& chunk) const {
  Location where{e.path, ""};
  if (!e.problem.empty()) return Error::Unsupported("not read: " + e.problem, where);
  if (e.file_type != "file") {
    return Error::Unsupported(fmt::format("not read: a {}, not a regular file", e.file_type), where);
  }
  auto fd = OpenBelow(root_, RawPathOf(e), e.path);
  if (!fd.ok()) return fd.error();
  struct stat st {};
  if (::fstat(fd->get(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return Error::Unsupported("not read: no longer a regular file", where);
  }
  std::string buffer(options_.read_chunk_bytes, '\0');
  uint64_t offset = 0;
  while (true) {
    ssize_t n = ::read(fd->get(), buffer.data(), buffer.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error::Io(fmt::format("read failed: {}", std::strerror(errno)),
                       Location{e.path, fmt::format("byte {}", offset)});
    }
    if (n == 0) break;
    chunk(std::string_view(buffer.data(), static_cast<size_t>(n)));
    offset += static_cast<uint64_t>(n);
  }
  return Ok();
}

std::string SparseProblem(uint64_t size_bytes, uint64_t allocated_bytes, uint64_t min_bytes) {
  if (size_bytes <= min_bytes || allocated_bytes >= size_bytes / 16) return "";
  return fmt::format("sparse file: {} of {} bytes allocated; not read", allocated_bytes, size_bytes);
}

}  // namespace casegraph::triage
