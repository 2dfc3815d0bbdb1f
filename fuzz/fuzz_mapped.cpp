// libFuzzer target for the mapped importer. The first byte chooses what the rest is:
//   0: a JSON export read with a fixed mapping (rooms, messages, attachments, reactions, entities)
//   1: a JSON-lines export read with a fixed mapping
//   2: a CSV export read with a fixed mapping
//   3: a mapping file (TOML), used to read a small fixed JSON export
//   4: a mapping file (JSON syntax), likewise
// Each import's first message is then shown. Must never crash, hang or throw; errors are fine.
#include "fuzz/fuzz_importer.h"
#include "ingest/mapped_importer.h"

namespace {

constexpr const char* kJsonMapping = R"(
platform = "fz"
input = "json"
files = "*.json"
[accounts]
path = "/users/*"
id = "/id"
display_name = { first = ["/nick", "/name"] }
[conversations]
path = "/rooms/*"
key = "/id"
title = { join = ["/name", "/topic"], separator = " - ", when = { path = "/id", not_in = ["0"] } }
[messages]
path = "/rooms/*/messages/*"
id = "/id"
kind = { path = "/type", map = { text = "message", "*" = "service" }, default = "message" }
sender_id = "/from/id"
sender_name = "/from/name"
time = { path = "/ts", format = "iso8601", zone = "Europe/Istanbul" }
text = { join = ["/text", { each = "/parts/*", item = { template = "{?/k}: {/v}" } }, { path = "/end", as_utc = "unix" }], separator = "\n" }
reply_to = "/re"
members = { each = "/added/*", item = "/name" }
[messages.edit]
time = { path = "/edited", format = "unix_ms" }
[[messages.attachments]]
path = "/files/*"
declared_path = "/path"
[messages.reactions]
path = "/reactions/*"
emoji = "/e"
count = "/n"
users = "/by/*"
[[messages.entities]]
path = "/at/*"
user_id = "/id"
find = ["@{/name}"]
[[messages.accounts]]
path = "/at/*"
id = "/id"
)";

constexpr const char* kLinesMapping = R"(
platform = "fz"
input = "jsonl"
files = "*.jsonl"
[messages]
path = ""
id = "/id"
conversation = "/room"
sender_id = "/from"
time = { path = "/t", format = "%d.%m.%Y %H:%M:%S%z" }
text = "/text"
)";

constexpr const char* kCsvMapping = R"(
platform = "fz"
input = "csv"
files = "*.csv"
[messages]
path = ""
id = "/id"
conversation = "/room"
sender_id = "/from"
time = { path = "/date", format = "%m/%d/%y, %I:%M %p", zone = "America/New_York" }
text = "/text"
[messages.attachments]
path = ""
when = { path = "/file", present = true }
declared_path = "/file"
)";

constexpr const char* kFixedJson =
    R"({"users":[{"id":1,"name":"a"}],"rooms":[{"id":"r","name":"R","messages":[{"id":18446744073709551617,"from":{"id":1,"name":"a"},"ts":"2024-01-01T10:00:00+03:00","text":"hi","files":[{"path":"media/p.jpg"}]}]}]})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace casegraph;
  if (size == 0) return 0;
  const int mode = data[0] % 5;
  const std::string bytes = fuzz::Bytes(data + 1, size - 1);
  testing::MemFileSystem fs;
  fs.Add("/f/media/p.jpg", "x");
  ingest::ImportOptions options;
  options.mapping_path = "fuzz.toml";
  options.tz = "UTC";
  switch (mode) {
    case 0: fs.Add("/f/export.json", bytes); options.mapping_text = kJsonMapping; break;
    case 1: fs.Add("/f/log.jsonl", bytes); options.mapping_text = kLinesMapping; break;
    case 2: fs.Add("/f/chat.csv", bytes); options.mapping_text = kCsvMapping; break;
    default:
      fs.Add("/f/export.json", kFixedJson);
      options.mapping_text = bytes;
      options.mapping_path = mode == 3 ? "fuzz.toml" : "fuzz.json";
  }
  const ingest::MappedImporter importer;
  const ingest::Source source{&fs, "/f", true};
  fuzz::ImportAndShow(importer, source, options);
  (void)importer.Show(source, "/export.json/line:1");
  return 0;
}
