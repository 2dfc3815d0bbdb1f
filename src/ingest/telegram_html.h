// Telegram Desktop HTML export ("Export chat history" with format HTML): messages.html,
// messages2.html, … or their export folder, and the full-account form (export_results.html
// with chats/chat_NNN/). Senders have names only, so their refs are exhibit-local
// ("telegram-name:<chat title>/<name>") unless a result.json of the same chat sits beside the
// pages. Format, time policy and locator scheme: docs/formats/telegram-html.md.
#pragma once

#include "ingest/importer.h"

namespace casegraph::ingest {

class TelegramHtmlImporter : public Importer {
 public:
  ImporterInfo Describe() const override;
  SniffResult Sniff(const Probe& probe) const override;
  Result<ImportSummary> Import(const Source& source, const ImportOptions& options, Sink& sink,
                               Diagnostics& diagnostics) const override;
  Result<std::string> Show(const Source& source, const std::string& locator) const override;
};

// The sniff on its own (also used by telegram-json's tests).
SniffResult SniffTelegramHtml(const Probe& probe);
// True when an HTML head carries the Telegram export's page markers.
bool LooksLikeTelegramHtmlPage(std::string_view head);

}  // namespace casegraph::ingest
