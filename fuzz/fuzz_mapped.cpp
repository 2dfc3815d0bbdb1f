// libFuzzer target for the mapped importer. The first byte chooses what the rest is:
//   0: a JSON export read with a fixed mapping (rooms, messages, attachments, reactions, entities)
//   1: a JSON-lines export read with a fixed mapping
//   2: a CSV export read with a fixed mapping
//   3: a mapping file (TOML), used to read a small fixed JSON export
//   4: a mapping file (JSON syntax), likewise
// Each import's first message is then shown. Must never crash, hang or throw; errors are fine.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "ingest/mapped_importer.h"

namespace {

using casegraph::Error;
using casegraph::FileStat;
using casegraph::FileView;
using casegraph::Location;
using casegraph::Result;
using casegraph::Status;

class BytesView : public FileView {
 public:
  explicit BytesView(const std::string& bytes) : data_(bytes), size_(bytes.size()) { data_.append(kPadding, '\0'); }
  std::string_view bytes() const override { return {data_.data(), size_}; }

 private:
  std::string data_;
  size_t size_;
};

// Files by absolute path under the folder "/f" (and "/f/media").
class TinyFs : public casegraph::FileSystem {
 public:
  std::map<std::string, std::string> files;
  Result<FileStat> Stat(const std::string& path) const override {
    FileStat st;
    if (path == "/f" || path == "/f/media") {
      st.is_directory = true;
      return st;
    }
    auto it = files.find(path);
    if (it == files.end()) return Error::Io("no such file", Location{path, ""});
    st.size_bytes = it->second.size();
    return st;
  }
  Result<std::vector<std::string>> List(const std::string& dir) const override {
    std::vector<std::string> names;
    if (dir == "/f") {
      for (const auto& [path, bytes] : files) {
        if (path.rfind("/f/", 0) == 0 && path.find('/', 3) == std::string::npos) names.push_back(path.substr(3));
      }
      names.push_back("media");
    } else if (dir == "/f/media") {
      names.push_back("p.jpg");
    }
    return names;
  }
  Result<std::unique_ptr<FileView>> Map(const std::string& path) const override {
    auto it = files.find(path);
    if (it == files.end()) return Error::Io("no such file", Location{path, ""});
    return std::unique_ptr<FileView>(new BytesView(it->second));
  }
  Status ReadChunks(const std::string& path, const std::function<void(std::string_view)>& chunk) const override {
    auto it = files.find(path);
    if (it == files.end()) return Error::Io("no such file", Location{path, ""});
    chunk(it->second);
    return casegraph::Ok();
  }
  Result<std::string> Canonical(const std::string& path) const override {
    if (path == "/f" || path == "/f/media" || files.count(path)) return path;
    return Error::Io("cannot resolve", Location{path, ""});
  }
};

class CountingSink : public casegraph::ingest::Sink {
 public:
  void Account(casegraph::model::AccountRecord) override { ++records; }
  void Conversation(casegraph::model::ConversationRecord) override { ++records; }
  void Message(casegraph::model::MessageRecord m) override {
    if (first_locator.empty()) first_locator = m.locator;
    ++records;
  }
  size_t records = 0;
  std::string first_locator;
};

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
  if (size == 0) return 0;
  const int mode = data[0] % 5;
  const std::string bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  TinyFs fs;
  fs.files["/f/media/p.jpg"] = "x";
  casegraph::ingest::ImportOptions options;
  options.mapping_path = "fuzz.toml";
  options.tz = "UTC";
  switch (mode) {
    case 0: fs.files["/f/export.json"] = bytes; options.mapping_text = kJsonMapping; break;
    case 1: fs.files["/f/log.jsonl"] = bytes; options.mapping_text = kLinesMapping; break;
    case 2: fs.files["/f/chat.csv"] = bytes; options.mapping_text = kCsvMapping; break;
    default:
      fs.files["/f/export.json"] = kFixedJson;
      options.mapping_text = bytes;
      options.mapping_path = mode == 3 ? "fuzz.toml" : "fuzz.json";
  }
  CountingSink sink;
  casegraph::Diagnostics diagnostics;
  const casegraph::ingest::MappedImporter importer;
  const casegraph::ingest::Source source{&fs, "/f", true};
  auto result = importer.Import(source, options, sink, diagnostics);
  if (result.ok() && !sink.first_locator.empty()) (void)importer.Show(source, sink.first_locator);
  (void)importer.Show(source, "/export.json/line:1");
  return 0;
}
