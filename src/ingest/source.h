// Opens an exhibit path as importers see it: a file, a folder, or a ZIP archive presented as a
// folder that is read in place (never extracted). Used for ingest and for `show`.
#pragma once

#include <memory>
#include <string>

#include "ingest/importer.h"

namespace casegraph::ingest {

struct OpenedSource {
  std::unique_ptr<FileSystem> owned;  // the archive's view, when the exhibit is a ZIP
  Source source;
};

Result<OpenedSource> OpenSource(const FileSystem& fs, const std::string& path);

}  // namespace casegraph::ingest
