// Disk images through libtsk: volume system first, then a bare file system at offset 0; each
// file system walked by name (tsk_fs_dir_walk) so deleted names still listed are found too.
// See docs/triage.md.
#include "triage/image_tree.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <mutex>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "triage/image_entries.h"
#include "triage/tsk_util.h"

namespace casegraph::triage {

struct ImageTree::Impl {
  std::string name;        // the first segment, named in every error
  bool ewf = false;
  std::string stored_md5;
  ImageTreeOptions options;
  TskImg img;
  TskVs vs;
  std::map<uint64_t, TskFs> file_systems;  // by byte offset in the image
  std::mutex mutex;                        // libtsk handles are not thread-safe
};

namespace {

// EWF by content, not by name: segment files start with "EVF\t\r\n\xff\0" (EWF1) or
// "EVF2\r\n\x81\0" (EWF2); a ".e01" that is something else is read as a raw image.
bool IsEwfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char magic[8] = {};
  in.read(magic, sizeof(magic));
  if (in.gcount() != sizeof(magic)) return false;
  std::string_view head(magic, sizeof(magic));
  return head == std::string_view("EVF\x09\x0d\x0a\xff\x00", 8) ||
         head == std::string_view("EVF2\r\n\x81\x00", 8);
}

// Every allocated partition that holds a file system; without a volume system, offset 0.
void FindFileSystems(ImageTree::Impl& impl) {
  impl.vs.reset(tsk_vs_open(impl.img.get(), 0, TSK_VS_TYPE_DETECT));
  if (impl.vs) {
    for (TSK_PNUM_T part_idx = 0; part_idx < impl.vs->part_count; ++part_idx) {
      const TSK_VS_PART_INFO* part = tsk_vs_part_get(impl.vs.get(), part_idx);
      if (part == nullptr || (part->flags & TSK_VS_PART_FLAG_ALLOC) == 0) continue;
      auto offset = static_cast<uint64_t>(part->start) * impl.vs->block_size;
      TskFs fs(tsk_fs_open_img(impl.img.get(), static_cast<TSK_OFF_T>(offset), TSK_FS_TYPE_DETECT));
      if (fs) {
        impl.file_systems.emplace(offset, std::move(fs));
      } else {
        tsk_error_reset();  // a partition without a file system we know (swap, empty): skipped
      }
    }
  }
  tsk_error_reset();
  if (impl.file_systems.empty()) {
    TskFs fs(tsk_fs_open_img(impl.img.get(), 0, TSK_FS_TYPE_DETECT));
    if (fs) impl.file_systems.emplace(0, std::move(fs));
  }
}

}  // namespace

ImageTree::ImageTree(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ImageTree::~ImageTree() = default;

Result<std::unique_ptr<ImageTree>> ImageTree::Open(const std::vector<std::string>& segments,
                                                   ImageTreeOptions options) {
  if (segments.empty()) return Error::InvalidArgument("no image segments given");
  auto impl = std::make_unique<Impl>();
  impl->name = segments.front();
  impl->ewf = IsEwfFile(segments.front());
  impl->options = options;
  if (impl->options.read_chunk_bytes == 0) impl->options.read_chunk_bytes = 1 << 20;
  std::vector<const TSK_TCHAR*> names;
  for (const auto& s : segments) names.push_back(s.c_str());
  Location where{impl->name, ""};
  if (impl->ewf) {
    // libewf tells a truncated or damaged set apart; libtsk would only see a missing file system.
    EwfSetInfo info = InspectEwfSet(segments);
    if (!info.open_error.empty()) {
      return Error::Corrupt("cannot open the E01 set: " + info.open_error, where);
    }
    if (info.corrupted) {
      return Error::Corrupt("the E01 set is truncated or damaged (libewf reports corrupted segment files)",
                            where);
    }
    impl->stored_md5 = info.stored_md5;
  }
  tsk_error_reset();
  impl->img.reset(tsk_img_open(static_cast<int>(names.size()), names.data(),
                               impl->ewf ? TSK_IMG_TYPE_EWF_EWF : TSK_IMG_TYPE_RAW, 0));
  if (!impl->img) {
    return Error::Corrupt(
        fmt::format("cannot open the {} image: {}", impl->ewf ? "E01" : "raw", TakeTskError()), where);
  }
  if (impl->img->size <= 0) return Error::Corrupt("the image is empty", where);
  FindFileSystems(*impl);
  if (impl->file_systems.empty()) {
    return Error::Corrupt(fmt::format("no file system found in the {} image (not a disk image, or damaged)",
                                      impl->ewf ? "E01" : "raw"),
                          where);
  }
  return std::unique_ptr<ImageTree>(new ImageTree(std::move(impl)));
}

std::string ImageTree::kind() const { return impl_->ewf ? "ewf-image" : "raw-image"; }

const std::string& ImageTree::stored_md5() const { return impl_->stored_md5; }

std::vector<uint64_t> ImageTree::fs_offsets() const {
  std::vector<uint64_t> out;
  for (const auto& [offset, fs] : impl_->file_systems) out.push_back(offset);
  return out;
}

Status ImageTree::Walk(const std::function<bool(const TriageEntry&)>& visit, Diagnostics& d) const {
  std::vector<std::pair<uint64_t, TSK_FS_INFO*>> file_systems;
  for (const auto& [offset, fs] : impl_->file_systems) file_systems.emplace_back(offset, fs.get());
  for (const auto& [offset, fs] : file_systems) {
    std::vector<TriageEntry> entries;
    {
      std::lock_guard<std::mutex> lock(impl_->mutex);
      auto listed = ListFileSystem(fs, offset, impl_->name, d);
      if (!listed.ok()) {
        d.Warn(Location{impl_->name, fmt::format("offset {}", offset)}, listed.error().message());
        continue;
      }
      entries = std::move(listed.value());
    }
    std::sort(entries.begin(), entries.end(), [](const TriageEntry& a, const TriageEntry& b) {
      return std::tie(a.path, a.deleted, a.inode) < std::tie(b.path, b.deleted, b.inode);
    });
    for (const TriageEntry& e : entries) {
      if (!visit(e)) return Ok();
    }
  }
  return Ok();
}

Status ImageTree::Read(const TriageEntry& e,
                       const std::function<void(std::string_view)>& chunk) const {
  Location where{e.path, e.locator};
  if (!e.problem.empty()) return Error::Unsupported("not read: " + e.problem, where);
  if (e.file_type != "file") {
    return Error::Unsupported(fmt::format("not read: a {}, not a regular file", e.file_type), where);
  }
  if (!e.fs_offset || !e.inode) return Error::InvalidArgument("not an entry of this image", where);
  auto fs_it = impl_->file_systems.find(*e.fs_offset);
  if (fs_it == impl_->file_systems.end()) {
    return Error::InvalidArgument("no file system at that offset in this image", where);
  }
  std::lock_guard<std::mutex> lock(impl_->mutex);
  return ReadFileContent(fs_it->second.get(), e, impl_->name, impl_->options.read_chunk_bytes, chunk);
}

}  // namespace casegraph::triage
