// DiscordChatExporter (Tyrrrz/DiscordChatExporter) JSON export of one channel or thread, given
// as the .json file or as a folder holding exactly one such file and its "<file>_Files" media
// folder. Format, quirks and locator scheme: docs/formats/discord-json.md. Locators are JSON
// pointers ("/messages/12") into that one file.
#pragma once

#include "ingest/importer.h"

namespace casegraph::ingest {

class DiscordJsonImporter : public Importer {
 public:
  ImporterInfo Describe() const override;
  SniffResult Sniff(const Probe& probe) const override;
  Result<ImportSummary> Import(const Source& source, const ImportOptions& options, Sink& sink,
                               Diagnostics& diagnostics) const override;
  Result<std::string> Show(const Source& source, const std::string& locator) const override;
};

}  // namespace casegraph::ingest
