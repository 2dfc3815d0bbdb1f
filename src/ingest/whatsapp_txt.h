// WhatsApp "Export chat" text (Android and iOS, every locale): a lone .txt, the export folder
// holding one chat .txt (`_chat.txt`, `WhatsApp Chat with X.txt`, localised names) beside its
// media, or the export .zip (read in place). Format, quirks, refs and the locator scheme:
// docs/formats/whatsapp-txt.md. Locators: "line N" (lone file) or "<chat file>:line N" (folder
// or ZIP), N being the message's first line. Needs --tz: the file has local times only.
#pragma once

#include "ingest/importer.h"

namespace casegraph::ingest {

class WhatsAppTxtImporter : public Importer {
 public:
  ImporterInfo Describe() const override;
  SniffResult Sniff(const Probe& probe) const override;
  Result<ImportSummary> Import(const Source& source, const ImportOptions& options, Sink& sink,
                               Diagnostics& diagnostics) const override;
  Result<std::string> Show(const Source& source, const std::string& locator) const override;
};

}  // namespace casegraph::ingest
