// libFuzzer target for discord-json: the input is a channel export, read alone and in its folder
// beside a _Files media folder.
#include "fuzz/fuzz_importer.h"
#include "ingest/discord_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  const std::string bytes = fuzz::Bytes(data, size);
  testing::MemFileSystem fs;
  fs.Add("/f/c.json", bytes);
  fs.Add("/f/c.json_Files/p-12345.png", "x");
  const ingest::DiscordJsonImporter importer;
  fuzz::ImportAndShow(importer, {&fs, "/f", true});
  fuzz::ImportAndShow(importer, {&fs, "/f/c.json", false});
  fuzz::Sniff(importer, "/f/c.json", bytes, "/f", "c.json");
  return 0;
}
