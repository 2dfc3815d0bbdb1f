// Listing and reading through libtsk. Why names and not inodes: the scan cites files by path,
// and the deleted files an examiner expects are the names a file system still lists (FAT 0xE5
// entries, ext4 names left in a directory block); nameless orphans are out of scope.
#include "triage/image_entries.h"

#include <fmt/format.h>

#include "triage/path_text.h"
#include "triage/tsk_util.h"

namespace casegraph::triage {
namespace {

struct WalkState {
  uint64_t fs_offset = 0;
  std::string fs_type;
  std::vector<TriageEntry>* out = nullptr;
};

std::string FileTypeOfName(TSK_FS_NAME_TYPE_ENUM type) {
  switch (type) {
    case TSK_FS_NAME_TYPE_REG: return "file";
    case TSK_FS_NAME_TYPE_LNK: return "symlink";
    case TSK_FS_NAME_TYPE_FIFO: return "fifo";
    case TSK_FS_NAME_TYPE_SOCK: return "socket";
    case TSK_FS_NAME_TYPE_CHR:
    case TSK_FS_NAME_TYPE_BLK: return "device";
    default: return "other";
  }
}

std::string FileTypeOfMeta(TSK_FS_META_TYPE_ENUM type) {
  switch (type) {
    case TSK_FS_META_TYPE_REG: return "file";
    case TSK_FS_META_TYPE_LNK: return "symlink";
    case TSK_FS_META_TYPE_FIFO: return "fifo";
    case TSK_FS_META_TYPE_SOCK: return "socket";
    case TSK_FS_META_TYPE_CHR:
    case TSK_FS_META_TYPE_BLK: return "device";
    default: return "other";
  }
}

// TSK uses 0 for a time the file system does not keep.
std::optional<int64_t> TimeOrNone(time_t t) {
  if (t == 0) return std::nullopt;
  return static_cast<int64_t>(t);
}

// Why a deleted name's content cannot be read any more, "" when TSK can still address it.
std::string DeletedContentProblem(TSK_FS_FILE* file) {
  const TSK_FS_META* meta = file->meta;
  if (meta == nullptr) return "content not recoverable: no metadata left";
  if ((meta->flags & TSK_FS_META_FLAG_ALLOC) != 0) {
    return "content not recoverable: metadata reused by another file";
  }
  if (meta->size > 0 && tsk_fs_file_attr_get(file) == nullptr) {
    tsk_error_reset();
    return "content not recoverable: no data runs left";
  }
  return "";
}

TSK_WALK_RET_ENUM OnName(TSK_FS_FILE* file, const char* parent, void* ptr) {
  auto* state = static_cast<WalkState*>(ptr);
  const TSK_FS_NAME* name = file->name;
  if (name == nullptr || name->name == nullptr) return TSK_WALK_CONT;
  if (name->type == TSK_FS_NAME_TYPE_DIR || name->type == TSK_FS_NAME_TYPE_VIRT ||
      name->type == TSK_FS_NAME_TYPE_VIRT_DIR) {
    return TSK_WALK_CONT;
  }
  if (file->meta != nullptr && (file->meta->type == TSK_FS_META_TYPE_DIR ||
                                file->meta->type == TSK_FS_META_TYPE_VIRT ||
                                file->meta->type == TSK_FS_META_TYPE_VIRT_DIR)) {
    return TSK_WALK_CONT;
  }
  std::string raw_name = name->name;
  if (raw_name == "." || raw_name == "..") return TSK_WALK_CONT;
  std::string raw_path = std::string(parent != nullptr ? parent : "") + raw_name;
  while (!raw_path.empty() && raw_path.front() == '/') raw_path.erase(0, 1);

  TriageEntry e;
  bool valid = true;
  e.path = EscapePathBytes(raw_path, &valid);
  if (!valid) e.raw_path_hex = HexOfBytes(raw_path);
  e.deleted = (name->flags & TSK_FS_NAME_FLAG_UNALLOC) != 0;
  e.inode = static_cast<uint64_t>(name->meta_addr);
  e.fs_offset = state->fs_offset;
  e.fs_type = state->fs_type;
  e.file_type = name->type == TSK_FS_NAME_TYPE_UNDEF && file->meta != nullptr
                    ? FileTypeOfMeta(file->meta->type)
                    : FileTypeOfName(name->type);
  if (const TSK_FS_META* meta = file->meta) {
    e.size_bytes = meta->size > 0 ? static_cast<uint64_t>(meta->size) : 0;
    e.mtime = TimeOrNone(meta->mtime);
    e.atime = TimeOrNone(meta->atime);
    e.ctime = TimeOrNone(meta->ctime);
    e.crtime = TimeOrNone(meta->crtime);
    if (meta->type == TSK_FS_META_TYPE_LNK && meta->link != nullptr) {
      e.symlink_target = EscapePathBytes(meta->link, nullptr);
    }
  }
  e.locator = fmt::format("offset {} inode {} {}", state->fs_offset, *e.inode, e.path);
  if (e.deleted && e.file_type == "file") e.problem = DeletedContentProblem(file);
  state->out->push_back(std::move(e));
  return TSK_WALK_CONT;
}

}  // namespace

Result<std::vector<TriageEntry>> ListFileSystem(TSK_FS_INFO* fs, uint64_t fs_offset,
                                                const std::string& image, Diagnostics& d) {
  std::vector<TriageEntry> out;
  WalkState state;
  state.fs_offset = fs_offset;
  const char* type_name = tsk_fs_type_toname(fs->ftype);
  state.fs_type = type_name != nullptr ? type_name : "unknown";
  state.out = &out;
  auto flags = static_cast<TSK_FS_DIR_WALK_FLAG_ENUM>(
      TSK_FS_DIR_WALK_FLAG_ALLOC | TSK_FS_DIR_WALK_FLAG_UNALLOC | TSK_FS_DIR_WALK_FLAG_RECURSE |
      TSK_FS_DIR_WALK_FLAG_NOORPHAN);
  tsk_error_reset();
  if (tsk_fs_dir_walk(fs, fs->root_inum, flags, OnName, &state) != 0) {
    // A damaged folder stops libtsk's walk; what was listed so far is still good.
    std::string why = TakeTskError();
    if (out.empty()) {
      return Error::Corrupt(fmt::format("cannot walk the {} file system: {}", state.fs_type, why),
                            Location{image, fmt::format("offset {}", fs_offset)});
    }
    d.Warn(Location{image, fmt::format("offset {}", fs_offset)},
           fmt::format("the {} file system walk stopped early: {}", state.fs_type, why));
  }
  return out;
}

Status ReadFileContent(TSK_FS_INFO* fs, const TriageEntry& e, const std::string& image,
                       size_t chunk_bytes, const std::function<void(std::string_view)>& chunk) {
  tsk_error_reset();
  TskFile file(tsk_fs_file_open_meta(fs, nullptr, static_cast<TSK_INUM_T>(*e.inode)));
  if (!file || file->meta == nullptr) {
    return Error::Corrupt(fmt::format("cannot open in {}: {}", image, TakeTskError()),
                          Location{e.path, e.locator});
  }
  auto size = static_cast<uint64_t>(file->meta->size > 0 ? file->meta->size : 0);
  std::string buffer(chunk_bytes, '\0');
  uint64_t offset = 0;
  while (offset < size) {
    size_t want = static_cast<size_t>(std::min<uint64_t>(buffer.size(), size - offset));
    ssize_t n = tsk_fs_file_read(file.get(), static_cast<TSK_OFF_T>(offset), buffer.data(), want,
                                 TSK_FS_FILE_READ_FLAG_NONE);
    if (n <= 0) {
      return Error::Corrupt(fmt::format("read failed in {}: {}", image,
                                        n < 0 ? TakeTskError() : "no data returned"),
                            Location{e.path, fmt::format("byte {}", offset)});
    }
    chunk(std::string_view(buffer.data(), static_cast<size_t>(n)));
    offset += static_cast<uint64_t>(n);
  }
  return Ok();
}

}  // namespace casegraph::triage
