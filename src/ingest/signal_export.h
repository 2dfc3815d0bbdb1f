// Signal conversations exported by signal-export (carderne/signal-export): a folder per
// conversation with chat.md (+ media/), or chat.md alone. Signal itself has no export; this
// is the common open tool's output. Senders are display names ("Me" for the owner) and times are
// the exporting computer's local time, so refs are exhibit-local (signal-contact:{exhibit}/Name)
// and --tz is required.
// Format and locators: docs/formats/signal-export.md. Locators are "line N" of chat.md.
#pragma once

#include "ingest/importer.h"

namespace casegraph::ingest {

class SignalExportImporter : public Importer {
 public:
  ImporterInfo Describe() const override;
  SniffResult Sniff(const Probe& probe) const override;
  Result<ImportSummary> Import(const Source& source, const ImportOptions& options, Sink& sink,
                               Diagnostics& diagnostics) const override;
  Result<std::string> Show(const Source& source, const std::string& locator) const override;
};

}  // namespace casegraph::ingest
