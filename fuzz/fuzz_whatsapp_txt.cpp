// libFuzzer target for the whatsapp-txt importer: the input is /f/_chat.txt of an export folder
// in a tiny in-memory file system (the fuzz build does not link the test utilities) beside one
// media file; import into a counting sink (tz UTC), Show the first and last message, and sniff
// the bytes. Must never crash, hang or throw; errors are fine.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "ingest/whatsapp_txt.h"

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
    if (path == "/f") {
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
      if (path.rfind(dir + "/", 0) == 0) names.push_back(path.substr(dir.size() + 1));
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
    if (path == "/f" || files.count(path)) return path;
    return Error::Io("cannot resolve", Location{path, ""});
  }
};

class CountingSink : public casegraph::ingest::Sink {
 public:
  void Account(casegraph::model::AccountRecord) override { ++records; }
  void Conversation(casegraph::model::ConversationRecord) override { ++records; }
  void Message(casegraph::model::MessageRecord m) override {
    if (first_locator.empty()) first_locator = m.locator;
    last_locator = m.locator;
    ++records;
  }
  size_t records = 0;
  std::string first_locator, last_locator;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  TinyFs fs;
  fs.files["/f/_chat.txt"] = bytes;
  fs.files["/f/00000003-PHOTO-2024-03-05-10-01-10.jpg"] = "x";
  CountingSink sink;
  casegraph::Diagnostics diagnostics;
  const casegraph::ingest::WhatsAppTxtImporter importer;
  const casegraph::ingest::Source source{&fs, "/f", true};
  casegraph::ingest::ImportOptions options;
  options.tz = "UTC";
  auto result = importer.Import(source, options, sink, diagnostics);
  if (result.ok() && !sink.first_locator.empty()) {
    (void)importer.Show(source, sink.first_locator);
    (void)importer.Show(source, sink.last_locator);
  }
  casegraph::ingest::Probe probe;
  probe.path = "/f/_chat.txt";
  probe.head = bytes.substr(0, casegraph::ingest::Probe::kHeadBytes);
  (void)importer.Sniff(probe);
  return 0;
}
