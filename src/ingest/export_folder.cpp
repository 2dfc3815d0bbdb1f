#include "ingest/export_folder.h"

#include "hashing/digest.h"

namespace casegraph::ingest {

bool LeavesFolder(std::string_view path) {
  if (path.empty()) return false;
  if (path[0] == '/' || path[0] == '\\') return true;
  if (path.size() >= 2 && path[1] == ':') return true;  // "C:\…"
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = path.size();
    if (path.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

ExportFolder::ExportFolder(const FileSystem& fs, std::string root) : fs_(fs), root_(std::move(root)) {
  if (!root_.empty()) {
    auto canonical = fs_.Canonical(root_);
    if (canonical) canonical_root_ = *canonical;
  }
}

void ExportFolder::Resolve(model::AttachmentRecord& a, Diagnostics& diagnostics) const {
  using model::AttachmentStatus;
  a.digests.reset();
  a.resolved_path.clear();
  if (LeavesFolder(a.declared_path)) {
    a.status = AttachmentStatus::kRefused;
    a.status_detail = "path leaves the export folder";
    diagnostics.Warn({"", a.locator}, "refused attachment path that leaves the export folder: " + a.declared_path);
    return;
  }
  if (root_.empty() || canonical_root_.empty()) {
    a.status = AttachmentStatus::kMissing;
    a.status_detail = "exhibit is a lone file; give the export folder to hash media";
    return;
  }
  std::string rel = a.declared_path;
  for (char& c : rel) {
    if (c == '\\') c = '/';
  }
  const std::string full = JoinPath(root_, rel);
  auto st = fs_.Stat(full);
  if (!st) {
    a.status = AttachmentStatus::kMissing;
    a.status_detail = "referenced but absent from the export folder";
    return;
  }
  auto canonical = fs_.Canonical(full);
  if (!canonical || canonical->rfind(canonical_root_ + "/", 0) != 0) {
    a.status = AttachmentStatus::kRefused;
    a.status_detail = "symbolic link leads outside the export folder";
    diagnostics.Warn({"", a.locator}, "refused attachment that links outside the export folder: " + a.declared_path);
    return;
  }
  if (st->is_directory) {
    a.status = AttachmentStatus::kMissing;
    a.status_detail = "path names a folder, not a file";
    return;
  }
  auto digests = hashing::DigestFile(fs_, *canonical);
  if (!digests) {
    a.status = AttachmentStatus::kMissing;
    a.status_detail = "unreadable: " + digests.error().message();
    diagnostics.Warn({"", a.locator}, "cannot read attachment " + a.declared_path);
    return;
  }
  a.status = AttachmentStatus::kPresent;
  a.digests = std::move(*digests);
  a.resolved_path = *canonical;
}

}  // namespace casegraph::ingest
