// libFuzzer target for the discord-json importer: the input is the one DCE file of an export
// folder in a tiny in-memory file system (the fuzz build does not link the test utilities),
// beside a _Files media folder; import the folder and the lone file into a counting sink, Show
// the first message, and sniff the bytes. Must never crash, hang or throw; errors are fine.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "ingest/discord_json.h"

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

// Files by absolute path; "/f" and "/f/c.json_Files" are folders.
class TinyFs : public casegraph::FileSystem {
 public:
  std::map<std::string, std::string> files;
  Result<FileStat> Stat(const std::string& path) const override {
    FileStat st;
    if (IsFolder(path)) {
      st.is_directory = true;
      return st;
    }
    auto it = files.find(path);
    if (it == files.end()) return Error::Io("no such file", Location{path, ""});
    st.size_bytes = it->second.size();
    return st;
  }
  static bool IsFolder(const std::string& path) { return path == "/f" || path == "/f/c.json_Files"; }
  Result<std::vector<std::string>> List(const std::string& path) const override {
    if (path == "/f") return std::vector<std::string>{"c.json", "c.json_Files"};
    if (path == "/f/c.json_Files") return std::vector<std::string>{"p-12345.png"};
    return Error::Io("not a folder", Location{path, ""});
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
    if (IsFolder(path) || files.count(path)) return path;
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
  fs.files["/f/c.json"] = bytes;
  fs.files["/f/c.json_Files/p-12345.png"] = "x";
  const casegraph::ingest::DiscordJsonImporter importer;
  for (const casegraph::ingest::Source& source :
       {casegraph::ingest::Source{&fs, "/f", true}, casegraph::ingest::Source{&fs, "/f/c.json", false}}) {
    CountingSink sink;
    casegraph::Diagnostics diagnostics;
    auto result = importer.Import(source, casegraph::ingest::ImportOptions{}, sink, diagnostics);
    if (result.ok() && !sink.first_locator.empty()) (void)importer.Show(source, sink.first_locator);
  }
  casegraph::ingest::Probe probe;
  probe.path = "/f/c.json";
  probe.head = bytes.substr(0, casegraph::ingest::Probe::kHeadBytes);
  (void)importer.Sniff(probe);
  return 0;
}
