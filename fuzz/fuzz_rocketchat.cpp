// libFuzzer target for the Rocket.Chat importers: the input is both the rocketchat_message.json
// of a mongoexport folder (with a users.json document holding a services block) and a lone
// REST response file, in a tiny in-memory file system (the fuzz build does not link the test
// utilities); import each into a counting sink, Show the first message, and sniff the bytes.
// Must never crash, hang or throw; errors are fine.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "ingest/rocketchat_mongo.h"
#include "ingest/rocketchat_rest.h"

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

// Files by absolute path; "/f" and "/f/photos" are folders.
class TinyFs : public casegraph::FileSystem {
 public:
  std::map<std::string, std::string> files;
  Result<FileStat> Stat(const std::string& path) const override {
    FileStat st;
    if (path == "/f" || path == "/f/uploads") {
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
    const std::string prefix = dir + "/";
    for (const auto& [path, bytes] : files) {
      if (path.rfind(prefix, 0) == 0 && path.find('/', prefix.size()) == std::string::npos) {
        names.push_back(path.substr(prefix.size()));
      }
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
    if (path == "/f" || path == "/f/uploads" || files.count(path)) return path;
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  TinyFs fs;
  fs.files["/f/rocketchat_message.json"] = bytes;
  fs.files["/f/users.json"] = R"({"_id":"a","username":"x","services":{"password":{"bcrypt":"h"}}})";
  fs.files["/f/uploads/f1"] = "x";
  fs.files["/r.json"] = bytes;
  casegraph::ingest::ImportOptions options;
  options.instance = "fuzz";
  const casegraph::ingest::RocketChatMongoImporter mongo;
  const casegraph::ingest::RocketChatRestImporter rest;
  {
    CountingSink sink;
    casegraph::Diagnostics diagnostics;
    const casegraph::ingest::Source source{&fs, "/f", true};
    auto result = mongo.Import(source, options, sink, diagnostics);
    if (result.ok() && !sink.first_locator.empty()) (void)mongo.Show(source, sink.first_locator);
    (void)mongo.Show(source, "/users.json/0");
  }
  {
    CountingSink sink;
    casegraph::Diagnostics diagnostics;
    const casegraph::ingest::Source source{&fs, "/r.json", false};
    auto result = rest.Import(source, options, sink, diagnostics);
    if (result.ok() && !sink.first_locator.empty()) (void)rest.Show(source, sink.first_locator);
  }
  casegraph::ingest::Probe probe;
  probe.path = "/r.json";
  probe.head = bytes.substr(0, casegraph::ingest::Probe::kHeadBytes);
  (void)mongo.Sniff(probe);
  (void)rest.Sniff(probe);
  probe.path = "/f";
  probe.is_directory = true;
  probe.files.push_back({"rocketchat_message.json", probe.head});
  (void)mongo.Sniff(probe);
  (void)rest.Sniff(probe);
  return 0;
}
