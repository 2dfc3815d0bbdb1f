// Rocket.Chat server seizure: a folder of `mongoexport` files, one per collection
// (rocketchat_message, rocketchat_room, users, rocketchat_uploads, rocketchat__trash), in any
// of mongoexport's framings (JSON Lines, --jsonArray, --pretty concatenated), with Extended
// JSON values. A lone collection file is accepted too. Format, quirks and the locator scheme
// ("/rocketchat_message.json/line/88", "/rocketchat_room.json/3"): docs/formats/rocketchat.md.
#pragma once

#include "ingest/importer.h"

namespace casegraph::ingest {

class RocketChatMongoImporter : public Importer {
 public:
  ImporterInfo Describe() const override;
  SniffResult Sniff(const Probe& probe) const override;
  Result<ImportSummary> Import(const Source& source, const ImportOptions& options, Sink& sink,
                               Diagnostics& diagnostics) const override;
  Result<std::string> Show(const Source& source, const std::string& locator) const override;
};

}  // namespace casegraph::ingest
