// Hash-set files as investigators receive them (HASHING.md §2): md5sum/sha1sum/sha256sum text
// (GNU and BSD styles), CSV with a header, ThreatExchange CSV exports and local_file lines,
// PDQ lists, HashKeeper CSV and EnCase .hash. Each reader streams entries with their locator;
// a malformed line is a warning with its line number, and a file with no valid entry is an
// error naming the file. NSRL RDSv3 (SQLite) is only detected here: the store looks it up in
// place. Values are lower-case hex. Stateless; safe to call from any thread.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "base/result.h"

namespace casegraph::hashing {

struct HashSetEntry {
  std::string algorithm;  // "md5" | "sha1" | "sha256" | "pdq"
  std::string value;      // lower-case hex
  std::string label;      // file name, category, metadata; may be empty
  std::optional<int> quality;  // pdq only, when the list gives it
  std::string locator;    // "line N" (text), "entry N" (EnCase)
};

// Every name DetectHashSetFormat can answer and ReadHashSet/--format accept, in a fixed order.
const std::vector<std::string>& HashSetFormats();
bool IsHashSetFormat(std::string_view name);

// The format of a hash-set file from its name and first bytes (64 KiB is plenty):
// "md5sum" | "sha1sum" | "sha256sum" | "csv" | "threatexchange-csv" | "threatexchange-lines" |
// "pdq-list" | "hashkeeper" | "encase" | "nsrl-rds3" (any SQLite file; the store checks the
// tables). Bare 64-digit lines could be SHA-256 or PDQ: the file name decides ("pdq",
// "sha256"), else an error asks for --format.
Result<std::string> DetectHashSetFormat(const std::string& path, std::string_view head);

// Streams the entries of `path` read as `format` (not "auto", not "nsrl-rds3").
Status ReadHashSet(const FileSystem& fs, const std::string& path, const std::string& format,
                   const std::function<void(HashSetEntry)>& emit, Diagnostics& diagnostics);

// Lower-cases `value` in place and checks it is hex of the length `algorithm` needs
// (md5 32, sha1 40, sha256 64, pdq 64); the error says why not.
Result<std::string> NormalizeHashValue(std::string_view algorithm, std::string_view value);

}  // namespace casegraph::hashing
