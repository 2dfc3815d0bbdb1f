// What every importer fuzz target does with its input: import it from an in-memory file system
// (the tests' MemFileSystem), show the first and last records it cited, and sniff the bytes.
// Nothing may crash, hang or throw; errors are fine.
#pragma once

#include <string>

#include "ingest/importer.h"
#include "testutil/testutil.h"

namespace casegraph::fuzz {

inline std::string Bytes(const uint8_t* data, size_t size) { return std::string(reinterpret_cast<const char*>(data), size); }

// Imports `source` and shows the first and last message locators it produced.
inline void ImportAndShow(const ingest::Importer& importer, const ingest::Source& source,
                          const ingest::ImportOptions& options = {}) {
  testing::CaptureSink sink;
  Diagnostics diagnostics;
  auto result = importer.Import(source, options, sink, diagnostics);
  if (!result.ok() || sink.messages.empty()) return;
  (void)importer.Show(source, sink.messages.front().locator);
  (void)importer.Show(source, sink.messages.back().locator);
}

// Sniffs `bytes` as the file `path` (and, when `folder` is given, as that folder's only file).
inline void Sniff(const ingest::Importer& importer, const std::string& path, const std::string& bytes,
                  const std::string& folder = "", const std::string& name = "") {
  ingest::Probe probe;
  probe.path = path;
  probe.head = bytes.substr(0, ingest::Probe::kHeadBytes);
  (void)importer.Sniff(probe);
  if (folder.empty()) return;
  ingest::Probe dir;
  dir.path = folder;
  dir.is_directory = true;
  dir.top_names = {name};
  dir.files.push_back({name, probe.head});
  (void)importer.Sniff(dir);
}

}  // namespace casegraph::fuzz
