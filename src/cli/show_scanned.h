// `show` of a file in a scanned folder or disk image: its metadata as listed (path, inode,
// times, deleted), its digests, MIME type and PDQ, its hash-set matches, and whether its bytes,
// read again from the evidence now, still have the SHA-256 the scan recorded.
#pragma once

#include <string>

#include "base/result.h"
#include "store/queries.h"
#include "store/workspace.h"

namespace casegraph::cli {

Result<std::string> ShowScannedFile(store::Workspace& ws, const store::ExhibitRow& exhibit, const std::string& locator);

}  // namespace casegraph::cli
