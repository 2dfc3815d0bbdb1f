// OpenFileTree: a folder or a disk image, chosen by what the path is.
#include "triage/file_tree.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include <fmt/format.h>

#include "triage/folder_tree.h"
#include "triage/image_tree.h"

namespace casegraph::triage {
namespace {

std::string ReadHead(const std::string& path, size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  std::string head(max_bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(max_bytes));
  head.resize(static_cast<size_t>(in.gcount()));
  return head;
}

}  // namespace

Result<std::unique_ptr<FileTree>> OpenFileTree(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Error::NotFound(fmt::format("cannot open the exhibit: {}", std::strerror(errno)),
                           Location{path, ""});
  }
  if (S_ISDIR(st.st_mode)) return std::unique_ptr<FileTree>(new FolderTree(path));
  if (!S_ISREG(st.st_mode) && !S_ISBLK(st.st_mode)) {
    return Error::InvalidArgument("the exhibit is neither a folder nor a disk image file",
                                  Location{path, ""});
  }
  if (S_ISREG(st.st_mode) && st.st_size == 0) {
    return Error::InvalidArgument("the exhibit is an empty file, not a disk image", Location{path, ""});
  }
  auto segments = ExhibitSegments(path);
  if (!segments.ok()) return segments.error();
  auto image = ImageTree::Open(*segments);
  if (!image.ok()) {
    if (!LooksLikeDiskImage(path, ReadHead(path, 4096))) {
      return Error::InvalidArgument(
          fmt::format("not a folder or a disk image this build can read ({})", image.error().message()),
          Location{path, ""});
    }
    return image.error();
  }
  return std::unique_ptr<FileTree>(std::move(image.value()));
}

}  // namespace casegraph::triage
