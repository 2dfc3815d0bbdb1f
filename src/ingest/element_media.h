// Finds the file Element's exporter wrote for a media event. The export JSON does not name it:
// the ZIP holds `<dir>/<body stem>-<browser-local date> at <time><ext>` (dir images, videos,
// audio, files or stickers). The date and time are in the exporting browser's locale and zone,
// so a file is matched on directory, stem and extension, and among several candidates on the
// minutes and seconds of origin_server_ts (the same in every whole-hour zone). Present files are
// hashed through ExportFolder (never leaving the folder). Lives for one import.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "ingest/element_content.h"
#include "ingest/export_folder.h"
#include "model/records.h"

namespace casegraph::ingest::element {

class MediaIndex {
 public:
  // `root` is the folder holding export.json; empty for a lone JSON file.
  MediaIndex(const FileSystem& fs, std::string root);

  // Sets status, status_detail and digests of `attachment` for the media named `name`.
  void Resolve(const MediaName& name, std::optional<int64_t> ts_ms, model::AttachmentRecord& attachment,
               Diagnostics& diagnostics);

 private:
  // The relative path of the file for `name`, or empty.
  std::string Find(const MediaName& name, std::optional<int64_t> ts_ms);
  const std::vector<std::string>& Listing(const std::string& dir);

  const FileSystem& fs_;
  std::string root_;
  ExportFolder folder_;
  std::map<std::string, std::vector<std::string>> listings_;  // dir -> sorted file names
  std::set<std::string> used_;                               // files already linked
};

}  // namespace casegraph::ingest::element
