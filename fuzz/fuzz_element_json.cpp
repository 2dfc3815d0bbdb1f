// libFuzzer target for the element-json importer: the input is /f/export.json of an export
// folder (with an images/ media folder) in a tiny in-memory file system (the fuzz build does not
// link the test utilities); import into a counting sink, Show the first message, and sniff the
// bytes. Must never crash, hang or throw; errors are fine.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "ingest/element_json.h"

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

// Files by absolute path; "/f" and "/f/images" are folders.
class TinyFs : public casegraph::FileSystem {
 public:
  std::map<std::string, std::string> files;
  Result<FileStat> Stat(const std::string& path) const override {
    FileStat st;
    if (path == "/f" || path == "/f/images") {
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
    for (const auto& [path, bytes] : files) {
      if (path.size() > dir.size() + 1 && path.compare(0, dir.size() + 1, dir + "/") == 0 &&
          path.find('/', dir.size() + 1) == std::string::npos) {
        names.push_back(path.substr(dir.size() + 1));
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
    if (path == "/f" || path == "/f/images" || files.count(path)) return path;
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
  fs.files["/f/export.json"] = bytes;
  fs.files["/f/images/p-1-1-2024 at 10-00-00.png"] = "x";
  CountingSink sink;
  casegraph::Diagnostics diagnostics;
  const casegraph::ingest::ElementJsonImporter importer;
  const casegraph::ingest::Source source{&fs, "/f", true};
  auto result = importer.Import(source, casegraph::ingest::ImportOptions{}, sink, diagnostics);
  if (result.ok() && !sink.first_locator.empty()) (void)importer.Show(source, sink.first_locator);
  casegraph::ingest::Probe probe;
  probe.path = "/f/export.json";
  probe.head = bytes.substr(0, casegraph::ingest::Probe::kHeadBytes);
  (void)importer.Sniff(probe);
  return 0;
}
