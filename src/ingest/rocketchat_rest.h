// Rocket.Chat REST API responses saved to files (e.g. by rocketchat-exporter): message
// histories (channels.history, groups.history, im.history: {"messages":[…],"success":true},
// newest first) and room lists (channels.list, groups.list, im.list, rooms.get), as one file
// or a folder of them. Same message mapping as rocketchat-mongo. Locators are JSON pointers
// ("/messages/12"), prefixed with the file name in a folder ("/history.json/messages/12").
#pragma once

#include "ingest/importer.h"

namespace casegraph::ingest {

class RocketChatRestImporter : public Importer {
 public:
  ImporterInfo Describe() const override;
  SniffResult Sniff(const Probe& probe) const override;
  Result<ImportSummary> Import(const Source& source, const ImportOptions& options, Sink& sink,
                               Diagnostics& diagnostics) const override;
  Result<std::string> Show(const Source& source, const std::string& locator) const override;
};

}  // namespace casegraph::ingest
