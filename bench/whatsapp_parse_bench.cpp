// Parse-only timing of the whatsapp-txt importer for bench/compare/whatsapp: maps and imports one
// export (file or folder) into a sink that only counts, and prints
//   messages=N accounts=N attachments=N parse_ms=WALL cpu_ms=CPU
// The workspace (SQLite, FTS, identifier extraction) is left out on purpose: the peer it is
// compared with (npm whatsapp-chat-parser) only parses. Usage: whatsapp_parse_bench PATH [TZ]
#include <chrono>
#include <ctime>
#include <cstdio>
#include <string>

#include "ingest/source.h"
#include "ingest/whatsapp_txt.h"

namespace {

class CountingSink : public casegraph::ingest::Sink {
 public:
  void Account(casegraph::model::AccountRecord) override { ++accounts; }
  void Conversation(casegraph::model::ConversationRecord) override {}
  void Message(casegraph::model::MessageRecord m) override {
    ++messages;
    attachments += m.attachments.size();
  }
  uint64_t accounts = 0, messages = 0, attachments = 0;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s PATH [TZ]\n", argv[0]);
    return 2;
  }
  auto opened = casegraph::ingest::OpenSource(casegraph::RealFileSystem(), argv[1]);
  if (!opened) {
    std::fprintf(stderr, "%s\n", opened.error().ToString().c_str());
    return 1;
  }
  casegraph::ingest::ImportOptions options;
  options.tz = argc > 2 ? argv[2] : "Europe/Istanbul";
  CountingSink sink;
  casegraph::Diagnostics diagnostics;
  const std::clock_t cpu_start = std::clock();
  const auto start = std::chrono::steady_clock::now();
  auto summary = casegraph::ingest::WhatsAppTxtImporter().Import(opened->source, options, sink, diagnostics);
  const auto end = std::chrono::steady_clock::now();
  const double cpu_ms = 1000.0 * static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  if (!summary) {
    std::fprintf(stderr, "%s\n", summary.error().ToString().c_str());
    return 1;
  }
  std::printf("messages=%llu accounts=%llu attachments=%llu parse_ms=%.1f cpu_ms=%.1f\n",
              static_cast<unsigned long long>(sink.messages), static_cast<unsigned long long>(sink.accounts),
              static_cast<unsigned long long>(sink.attachments),
              std::chrono::duration<double, std::milli>(end - start).count(), cpu_ms);
  return 0;
}
