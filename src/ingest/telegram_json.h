// Telegram Desktop JSON export ("Export chat history" and "Export Telegram data"), given as
// result.json or the export folder. Format, quirks and locator scheme:
// docs/formats/telegram-json.md. Locators are JSON pointers into result.json.
#pragma once

#include "ingest/importer.h"

namespace casegraph::ingest {

class TelegramJsonImporter : public Importer {
 public:
  ImporterInfo Describe() const override;
  SniffResult Sniff(const Probe& probe) const override;
  Result<ImportSummary> Import(const Source& source, const ImportOptions& options, Sink& sink,
                               Diagnostics& diagnostics) const override;
  Result<std::string> Show(const Source& source, const std::string& locator) const override;
};

}  // namespace casegraph::ingest
