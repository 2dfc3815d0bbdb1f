// The "mapped" importer: reads an unknown app's JSON, JSON-lines or CSV export as a declarative
// mapping file says (ImportOptions::mapping_text, from `ingest --format mapped --mapping FILE`),
// so that a new app needs a mapping, not C++. Never chosen by sniffing. Mapping language and
// locator scheme: docs/formats/mapped.md; shipped mappings in mappings/.
#pragma once

#include "ingest/importer.h"

namespace casegraph::ingest {

class MappedImporter : public Importer {
 public:
  ImporterInfo Describe() const override;
  SniffResult Sniff(const Probe& probe) const override;
  Result<ImportSummary> Import(const Source& source, const ImportOptions& options, Sink& sink,
                               Diagnostics& diagnostics) const override;
  // Needs no mapping: a locator names the file (in a folder exhibit), then a JSON pointer or
  // "line:N" (a JSON line or a CSV row, which `show` tells apart by the file).
  Result<std::string> Show(const Source& source, const std::string& locator) const override;
};

}  // namespace casegraph::ingest
