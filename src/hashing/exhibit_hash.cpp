#include "hashing/exhibit_hash.h"

#include <unistd.h>

#include "hashing/digest.h"

namespace casegraph::hashing {

std::string ManifestText(const std::vector<ManifestEntry>& manifest) {
  std::string text;
  for (const auto& e : manifest) {
    text += e.sha256 + " " + std::to_string(e.size_bytes) + " " + e.rel_path + "\n";
  }
  return text;
}

Result<ExhibitHash> HashExhibit(const FileSystem& fs, const std::string& path,
                                const std::function<void(uint64_t)>& on_bytes) {
  auto st = fs.Stat(path);
  if (!st) return st.error();
  ExhibitHash out;
  uint64_t done = 0;
  auto hash_one = [&](const std::string& file, uint64_t& size) -> Result<std::string> {
    Digest d(Digest::Algorithm::kSha256);
    size = 0;
    Status s = fs.ReadChunks(file, [&](std::string_view chunk) {
      d.Update(chunk);
      size += chunk.size();
      done += chunk.size();
      if (on_bytes) on_bytes(done);
    });
    if (!s) return s.error();
    return d.FinishHex();
  };
  if (!st->is_directory) {
    auto sha = hash_one(path, out.size_bytes);
    if (!sha) return sha.error();
    out.sha256 = std::move(*sha);
    return out;
  }
  out.is_folder = true;
  auto files = ListTree(fs, path);
  if (!files) return files.error();
  for (const auto& rel : *files) {
    const std::string full = JoinPath(path, rel);
    auto fst = fs.Stat(full);
    if (!fst) return fst.error();
    ManifestEntry e;
    e.rel_path = rel;
    if (fst->is_symlink) {
      // Never follow: record the link itself.
      char target[4096];
      ssize_t n = readlink(full.c_str(), target, sizeof target);
      std::string t = n > 0 ? std::string(target, static_cast<size_t>(n)) : std::string();
      e.sha256 = Sha256Hex("symlink:" + t);
      e.size_bytes = 0;
    } else {
      auto sha = hash_one(full, e.size_bytes);
      if (!sha) return sha.error();
      e.sha256 = std::move(*sha);
      out.size_bytes += e.size_bytes;
    }
    out.manifest.push_back(std::move(e));
  }
  out.sha256 = Sha256Hex(ManifestText(out.manifest));
  return out;
}

}  // namespace casegraph::hashing
