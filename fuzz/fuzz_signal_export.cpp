// libFuzzer target for signal-export: the input is chat.md of a conversation folder.
#include "fuzz/fuzz_importer.h"
#include "ingest/signal_export.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  const std::string bytes = fuzz::Bytes(data, size);
  testing::MemFileSystem fs;
  fs.Add("/chat/chat.md", bytes);
  fs.Add("/chat/media/a.jpg", "x");
  const ingest::SignalExportImporter importer;
  ingest::ImportOptions options;
  options.tz = "Europe/Istanbul";
  fuzz::ImportAndShow(importer, {&fs, "/chat", true}, options);
  fuzz::Sniff(importer, "/chat/chat.md", bytes, "/chat", "chat.md");
  return 0;
}
