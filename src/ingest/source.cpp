#include "ingest/source.h"

#include "base/zip_file_system.h"

namespace casegraph::ingest {

Result<OpenedSource> OpenSource(const FileSystem& fs, const std::string& path) {
  auto st = fs.Stat(path);
  if (!st) return st.error();
  OpenedSource out;
  out.source = Source{&fs, path, st->is_directory, false};
  if (st->is_directory) return out;
  auto view = fs.Map(path);  // a mapping: only the first page is touched
  if (!view) return view.error();
  const bool zip = LooksLikeZip((*view)->bytes().substr(0, 4));
  view->reset();
  if (!zip) return out;
  auto archive = ZipFileSystem::Open(fs, path);
  if (!archive) return archive.error();
  out.source = Source{archive->get(), path, true, true};
  out.owned = std::move(*archive);
  return out;
}

}  // namespace casegraph::ingest
