// Element (Matrix) "Export chat" in JSON: the `matrix - <room> - Chat Export - <date>.json` file,
// or the export ZIP / folder with export.json and media folders; also a Matrix client-server
// `/messages` response (`chunk`). Element's HTML and plain-text exports and lone Matrix events
// are recognised and refused with a message saying what to give instead. Format, quirks and
// locator scheme: docs/formats/element-json.md. Locators are JSON pointers into the JSON file
// ("/messages/12"); for a folder or ZIP that file is ImportSummary::main_file.
#pragma once

#include "ingest/importer.h"

namespace casegraph::ingest {

class ElementJsonImporter : public Importer {
 public:
  ImporterInfo Describe() const override;
  SniffResult Sniff(const Probe& probe) const override;
  Result<ImportSummary> Import(const Source& source, const ImportOptions& options, Sink& sink,
                               Diagnostics& diagnostics) const override;
  Result<std::string> Show(const Source& source, const std::string& locator) const override;
};

}  // namespace casegraph::ingest
