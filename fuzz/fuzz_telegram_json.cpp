// libFuzzer target for telegram-json: the input is result.json of an export folder.
#include "fuzz/fuzz_importer.h"
#include "ingest/telegram_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  const std::string bytes = fuzz::Bytes(data, size);
  testing::MemFileSystem fs;
  fs.Add("/f/result.json", bytes);
  fs.Add("/f/photos/p.jpg", "x");
  const ingest::TelegramJsonImporter importer;
  fuzz::ImportAndShow(importer, {&fs, "/f", true});
  fuzz::Sniff(importer, "/f/result.json", bytes, "/f", "result.json");
  return 0;
}
