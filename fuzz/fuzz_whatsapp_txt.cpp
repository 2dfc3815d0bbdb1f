// libFuzzer target for whatsapp-txt: the input is _chat.txt of an export folder with one photo.
#include "fuzz/fuzz_importer.h"
#include "ingest/whatsapp_txt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  const std::string bytes = fuzz::Bytes(data, size);
  testing::MemFileSystem fs;
  fs.Add("/f/_chat.txt", bytes);
  fs.Add("/f/00000003-PHOTO-2024-03-05-10-01-10.jpg", "x");
  const ingest::WhatsAppTxtImporter importer;
  ingest::ImportOptions options;
  options.tz = "UTC";
  fuzz::ImportAndShow(importer, {&fs, "/f", true}, options);
  fuzz::Sniff(importer, "/f/_chat.txt", bytes, "/f", "_chat.txt");
  return 0;
}
