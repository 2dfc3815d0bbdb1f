// The file-system half of ImageTree: listing one libtsk file system into TriageEntry values
// and streaming one entry's content. Internal to src/triage. Callers hold the image's mutex
// (libtsk handles are not thread-safe).
#pragma once

#include <tsk/libtsk.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/result.h"
#include "triage/triage_entry.h"

namespace casegraph::triage {

// Every regular file, symlink, FIFO, socket and device name of the file system (allocated,
// and unallocated names it still lists, marked deleted), unsorted. TSK's virtual entries
// ($MBR, $FAT1, $OrphanFiles, …) are skipped. `image` names the image in errors.
Result<std::vector<TriageEntry>> ListFileSystem(TSK_FS_INFO* fs, uint64_t fs_offset,
                                                const std::string& image, Diagnostics& d);

// Streams the content of `e` (by its metadata address) in chunks of `chunk_bytes`.
Status ReadFileContent(TSK_FS_INFO* fs, const TriageEntry& e, const std::string& image,
                       size_t chunk_bytes, const std::function<void(std::string_view)>& chunk);

// What libewf itself says about an E01 set, before libtsk reads it.
struct EwfSetInfo {
  std::string open_error;   // "" when libewf opened the set
  bool corrupted = false;   // libewf found truncated or damaged segment files
  std::string stored_md5;   // the acquiring tool's MD5 (lower-case hex), "" when absent
};
EwfSetInfo InspectEwfSet(const std::vector<std::string>& segments);

}  // namespace casegraph::triage
