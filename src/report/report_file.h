// Writing an output file atomically: the bytes go to a temporary file beside the target, are
// flushed to disk, and the temporary is renamed over the target, so a reader (or a crash) never
// sees half a report. The file is created with mode 0600: reports hold evidence.
// Thread-safe (no shared state).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace casegraph::report {

// Io error naming `path` and the reason when the folder is missing or not writable, or the
// disk is full; then nothing is left behind (neither the temporary nor a partial target).
Status WriteFileAtomically(const std::string& path, std::string_view bytes);

}  // namespace casegraph::report
