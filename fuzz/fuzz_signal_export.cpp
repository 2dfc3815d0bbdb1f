// Fuzzes the signal-export chat.md reader: any bytes must give records, warnings or an Error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/signal_export.h"
#include "testutil/testutil.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  casegraph::testing::MemFileSystem fs;
  fs.Add("/chat/chat.md", std::string(reinterpret_cast<const char*>(data), size));
  fs.Add("/chat/media/a.jpg", "x");
  casegraph::testing::CaptureSink sink;
  casegraph::Diagnostics diagnostics;
  casegraph::ingest::ImportOptions options;
  options.tz = "Europe/Istanbul";
  casegraph::ingest::SignalExportImporter importer;
  casegraph::ingest::Source source{&fs, "/chat", true, false};
  (void)importer.Import(source, options, sink, diagnostics);
  for (const auto& m : sink.messages) (void)importer.Show(source, m.locator);
  return 0;
}
