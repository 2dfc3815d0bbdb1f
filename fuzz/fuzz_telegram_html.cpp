// libFuzzer target for telegram-html: the input is messages.html, read with and without --tz.
#include "fuzz/fuzz_importer.h"
#include "ingest/telegram_html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  const std::string bytes = fuzz::Bytes(data, size);
  testing::MemFileSystem fs;
  fs.Add("/f/messages.html", bytes);
  fs.Add("/f/photos/p.jpg", "x");
  const ingest::TelegramHtmlImporter importer;
  ingest::ImportOptions options;
  if (size % 2 == 1) options.tz = "Europe/Berlin";  // also reach the --tz path (and label-less dates)
  fuzz::ImportAndShow(importer, {&fs, "/f/messages.html", false}, options);
  fuzz::Sniff(importer, "/f/messages.html", bytes, "/f", "messages.html");
  return 0;
}
