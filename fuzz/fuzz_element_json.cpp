// libFuzzer target for element-json: the input is export.json of an export folder with media.
#include "fuzz/fuzz_importer.h"
#include "ingest/element_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  const std::string bytes = fuzz::Bytes(data, size);
  testing::MemFileSystem fs;
  fs.Add("/f/export.json", bytes);
  fs.Add("/f/images/p-1-1-2024 at 10-00-00.png", "x");
  const ingest::ElementJsonImporter importer;
  fuzz::ImportAndShow(importer, {&fs, "/f", true});
  fuzz::Sniff(importer, "/f/export.json", bytes, "/f", "export.json");
  return 0;
}
