// The exhibit hash of a scanned folder or disk image, computed again from the evidence for
// `verify` with the rules the scan used: a disk image by its segment files; a folder by the
// manifest of its listed entries (ScanManifestEntry), which never opens FIFOs or sparse files.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "hashing/exhibit_hash.h"

namespace casegraph::store {

// One segment: its SHA-256. Several (E01, E02… / .001, .002…): the SHA-256 of their manifest.
Result<hashing::ExhibitHash> HashImageSegments(const std::vector<std::string>& segments);

// `kind` as stored on the exhibit: folder | raw-image | ewf-image.
Result<hashing::ExhibitHash> HashScannedExhibit(const std::string& path, const std::string& kind);

}  // namespace casegraph::store
