// Synthetic WhatsApp "Export chat" text in one of several real header styles (Android and iOS,
// a few locales), for tests and benchmarks: multi-line messages, media placeholders, deleted and
// edited markers, phone-number senders wrapped in U+202A..U+202C, the exporter's "You", and
// group system lines. Neutral placeholder chatter from synth_text.h; fictional names; local
// times without a zone (ingest with --tz). Deterministic by seed; streams in constant memory.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/result.h"

namespace casegraph::synth {

struct WhatsAppSynthOptions {
  uint64_t seed = 1;
  uint64_t messages = 2000;
  std::string out_dir;                  // created if missing
  std::string style = "android-en-GB";  // see WhatsAppStyles()
};

struct WhatsAppSynthSummary {
  std::string folder;
  std::string chat_file;   // the .txt written
  uint64_t messages = 0;   // message starts written (system lines included)
  uint64_t bytes = 0;
};

// android-en-GB "DD/MM/YYYY, HH:MM - ", android-en-US "M/D/YY, h:mm<U+202F>AM - ",
// android-de "DD.MM.YY, HH:MM - ", ios-en-US "[M/D/YY, h:mm:ss AM] ", ios-en-GB
// "[DD/MM/YYYY, HH:MM:SS] " (iOS styles write _chat.txt with CRLF, Android ones
// "WhatsApp Chat with Synthetic Group.txt" with LF).
const std::vector<std::string>& WhatsAppStyles();

Result<WhatsAppSynthSummary> WriteWhatsAppExport(const WhatsAppSynthOptions& options);

}  // namespace casegraph::synth
