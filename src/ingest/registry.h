// The ordered list of importers and `--format auto` selection by sniffing. Ties are broken by
// list order; an unsure choice is an error that lists every candidate with its reason.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "ingest/importer.h"

namespace casegraph::ingest {

const std::vector<std::unique_ptr<Importer>>& Importers();
const Importer* FindImporter(const std::string& name);

// Builds the probe for a file, folder or opened ZIP (reads at most Probe::kHeadBytes per file,
// of at most Probe::kMaxFiles top-level files).
Result<Probe> MakeProbe(const Source& source);
Result<Probe> MakeProbe(const FileSystem& fs, const std::string& path);

// Picks the importer whose sniff is best and at least 0.5 sure, and clearly ahead of the
// runner-up; otherwise an error listing the candidates. A folder that no importer claims but
// that holds exports is refused with their names.
Result<const Importer*> ChooseImporter(const Probe& probe);

}  // namespace casegraph::ingest
