// Test helpers shared by every test binary: an in-memory FileSystem (after ninja's
// VirtualFileSystem), a Sink that captures records, fixture paths, and byte corruptors
// (after leveldb's corruption_test).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "ingest/sink.h"

namespace casegraph::testing {

// Files by path ("/x/result.json"); folders are implied by the paths. Symlinks are entries
// whose target is given with AddSymlink; Canonical resolves them.
class MemFileSystem : public FileSystem {
 public:
  void Add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  void AddSymlink(const std::string& path, const std::string& target) { links_[path] = target; }
  Result<FileStat> Stat(const std::string& path) const override;
  Result<std::vector<std::string>> List(const std::string& dir) const override;
  Result<std::unique_ptr<FileView>> Map(const std::string& path) const override;
  Status ReadChunks(const std::string& path,
                    const std::function<void(std::string_view)>& chunk) const override;
  Result<std::string> Canonical(const std::string& path) const override;

 private:
  bool IsDir(const std::string& path) const;
  std::map<std::string, std::string> files_;
  std::map<std::string, std::string> links_;
};

class CaptureSink : public ingest::Sink {
 public:
  void Account(model::AccountRecord a) override { accounts.push_back(std::move(a)); }
  void Conversation(model::ConversationRecord c) override { conversations.push_back(std::move(c)); }
  void Message(model::MessageRecord m) override { messages.push_back(std::move(m)); }
  std::vector<model::AccountRecord> accounts;
  std::vector<model::ConversationRecord> conversations;
  std::vector<model::MessageRecord> messages;
};

// ../shared/fixtures/<rel>; empty string when ../shared is absent (tests then GTEST_SKIP,
// unless CASEGRAPH_REQUIRE_SHARED=1 is set, as .ci/run does, which makes them fail).
std::string SharedFixture(const std::string& rel);
// True when shared fixtures must exist (CASEGRAPH_REQUIRE_SHARED=1).
bool SharedRequired();
// tests/fixtures/<rel> (always present in the repository).
std::string RepoFixture(const std::string& rel);
std::string ReadFileOrDie(const std::string& path);
// A fresh empty folder under the system temp dir, removed by the caller if it wishes.
std::string MakeTempDir(const std::string& prefix);
void WriteFile(const std::string& path, const std::string& content);

// The casegraph binary run as an examiner runs it, through the shell: its exit code and stdout.
// `stderr_to` is a shell redirection for stderr: discarded by default, "2>&1" to read it with
// stdout, "2>'FILE'" to keep it apart.
struct CliRun {
  int exit_code = -1;
  std::string out;
};
CliRun RunCli(const std::string& args, const std::string& stderr_to = "2>/dev/null");

}  // namespace casegraph::testing

// Skips (or fails, under CASEGRAPH_REQUIRE_SHARED=1) when a shared fixture is absent.
#define CASEGRAPH_SHARED_OR_SKIP(var, rel)                                             \
  std::string var = ::casegraph::testing::SharedFixture(rel);                          \
  if (var.empty()) {                                                                   \
    if (::casegraph::testing::SharedRequired()) FAIL() << "missing shared fixture " << rel; \
    GTEST_SKIP() << "../shared/fixtures not present: " << rel;                         \
  }
