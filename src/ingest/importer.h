// The importer seam: one class per export format. An importer describes itself as data,
// sniffs a path cheaply, and streams normalised records into a Sink. It never sees SQLite,
// ids or transactions, holds no state between runs (Describe/Sniff/Import are const and safe
// to call concurrently), and reaches the disk only through the FileSystem it is given.
// Adding a format: a file pair here, one line in registry.cpp, docs/formats, tests, a fuzzer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/result.h"
#include "ingest/sink.h"

namespace casegraph::ingest {

struct OptionSpec {
  std::string name;  // as on the CLI without dashes: "tz"
  std::string help;
  bool required = false;
};

struct ImporterInfo {
  std::string name;     // kebab-case, stored on every exhibit: "telegram-json"
  std::string version;  // bumped whenever the same input would give different records
  std::string description;
  std::string ref_prefix;  // "telegram:"
  std::vector<std::string> patterns;  // file names it expects: "result.json"
  std::vector<OptionSpec> options;
};

// A regular file directly inside a probed folder, with its first bytes.
struct ProbeFile {
  std::string name;
  std::string head;  // at most Probe::kHeadBytes
};

// What Sniff may look at: never more than this.
struct Probe {
  std::string path;
  bool is_directory = false;
  bool in_zip = false;                   // the folder is a ZIP archive read in place
  std::string head;                      // first 64 KiB of the file (of result.json in a folder)
  std::vector<std::string> top_names;    // for folders: names directly inside
  std::vector<ProbeFile> files;          // for folders: the first kMaxFiles regular files, with heads
  static constexpr size_t kHeadBytes = 64 * 1024;
  static constexpr size_t kMaxFiles = 64;

  // The head of the top-level file `name`, or nullptr.
  const std::string* FileHead(std::string_view name) const {
    for (const auto& f : files) {
      if (f.name == name) return &f.head;
    }
    return nullptr;
  }
};

struct SniffResult {
  double confidence = 0;  // 0..1
  std::string reason;
};

struct ImportOptions {
  std::string tz;        // IANA zone; empty when not given
  std::string region;    // ISO 3166 region for national phone numbers ("TR")
  std::string instance;  // server label for self-hosted platforms
  bool progress = false; // draw a progress bar on a terminal
  std::string date_order;   // "dmy", "mdy" or "ymd" for exports with numeric dates; empty: decide
  std::string mapping_path; // the declarative mapping file (format "mapped"): where it came from
  std::string mapping_text; // ... and its bytes, read by the CLI (configuration, not evidence)
};

// The exhibit as the importer sees it.
// A ZIP exhibit arrives as a folder whose FileSystem reads the archive in place (see source.h).
struct Source {
  const FileSystem* fs = nullptr;
  std::string path;          // what the examiner gave: a file or an export folder
  bool is_directory = false;
  bool in_zip = false;       // `path` is a ZIP archive presented as a folder
};

struct ImportSummary {
  uint64_t accounts = 0, conversations = 0, messages = 0, attachments = 0;
  std::string main_file;      // the file inside a folder exhibit that JSON-pointer locators refer to
  std::string time_note;      // e.g. "local offset inferred from date_unixtime: -07:00"
  std::optional<int32_t> inferred_utc_offset_seconds;
  std::string owner_ref;      // the export owner's account, when the export says who it is
};

class Importer {
 public:
  virtual ~Importer() = default;
  virtual ImporterInfo Describe() const = 0;
  virtual SniffResult Sniff(const Probe& probe) const = 0;
  // Streams records to `sink`. Skippable damage goes to `diagnostics`; an Error means the
  // exhibit cannot be used and names the file and the place.
  virtual Result<ImportSummary> Import(const Source& source, const ImportOptions& options,
                                       Sink& sink, Diagnostics& diagnostics) const = 0;
  // The record at `locator` exactly as it stands in the source (for `casegraph show`).
  virtual Result<std::string> Show(const Source& source, const std::string& locator) const = 0;
};

}  // namespace casegraph::ingest
