#include "store/scan_rehash.h"

#include <algorithm>

#include "hashing/digest.h"
#include "store/scan_writer.h"
#include "triage/file_tree.h"

namespace casegraph::store {

Result<hashing::ExhibitHash> HashImageSegments(const std::vector<std::string>& segments) {
  hashing::ExhibitHash out;
  for (const auto& seg : segments) {
    auto h = hashing::HashExhibit(RealFileSystem(), seg);
    if (!h) return h.error();
    out.size_bytes += h->size_bytes;
    out.manifest.push_back({BaseName(seg), h->size_bytes, h->sha256});
  }
  if (out.manifest.size() == 1) out.sha256 = out.manifest.front().sha256;
  else out.sha256 = hashing::Sha256Hex(hashing::ManifestText(out.manifest));
  return out;
}

Result<hashing::ExhibitHash> HashScannedExhibit(const std::string& path, const std::string& kind) {
  if (kind != "folder") {
    auto segments = triage::ExhibitSegments(path);
    if (!segments) return segments.error();
    return HashImageSegments(*segments);
  }
  auto tree = triage::OpenFileTree(path);
  if (!tree) return tree.error();
  hashing::ExhibitHash out;
  out.is_folder = true;
  Diagnostics diagnostics;
  Status walked = (*tree)->Walk(
      [&](const triage::TriageEntry& e) {
        std::string sha256;
        if (e.file_type == "file" && e.problem.empty()) {
          hashing::Digest digest(hashing::Digest::Algorithm::kSha256);
          if ((*tree)->Read(e, [&](std::string_view chunk) { digest.Update(chunk); })) {
            sha256 = digest.FinishHex();
            out.size_bytes += e.size_bytes;
          }
        }
        out.manifest.push_back(ScanManifestEntry(e, sha256));
        return true;
      },
      diagnostics);
  if (!walked) return walked.error();
  std::sort(out.manifest.begin(), out.manifest.end(),
            [](const hashing::ManifestEntry& a, const hashing::ManifestEntry& b) { return a.rel_path < b.rel_path; });
  out.sha256 = hashing::Sha256Hex(hashing::ManifestText(out.manifest));
  return out;
}

}  // namespace casegraph::store
