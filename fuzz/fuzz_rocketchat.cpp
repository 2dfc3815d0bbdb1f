// libFuzzer target for both Rocket.Chat importers: the input is a rocketchat_message collection
// (beside a users collection holding a secret that must never surface) and a REST response.
#include "fuzz/fuzz_importer.h"
#include "ingest/rocketchat_mongo.h"
#include "ingest/rocketchat_rest.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  const std::string bytes = fuzz::Bytes(data, size);
  testing::MemFileSystem fs;
  fs.Add("/f/rocketchat_message.json", bytes);
  fs.Add("/f/users.json", R"({"_id":"a","username":"x","services":{"password":{"bcrypt":"h"}}})");
  fs.Add("/f/uploads/f1", "x");
  fs.Add("/r.json", bytes);
  ingest::ImportOptions options;
  options.instance = "fuzz";
  const ingest::RocketChatMongoImporter mongo;
  const ingest::RocketChatRestImporter rest;
  fuzz::ImportAndShow(mongo, {&fs, "/f", true}, options);
  (void)mongo.Show({&fs, "/f", true}, "/users.json/0");
  fuzz::ImportAndShow(rest, {&fs, "/r.json", false}, options);
  fuzz::Sniff(mongo, "/r.json", bytes, "/f", "rocketchat_message.json");
  fuzz::Sniff(rest, "/r.json", bytes, "/f", "rocketchat_message.json");
  return 0;
}
