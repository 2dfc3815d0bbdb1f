// Helpers for the triage tests: a temp folder removed at the end, shell commands for the
// image-building tools, and collecting a tree's entries.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "hashing/digest.h"
#include "testutil/testutil.h"
#include "triage/file_tree.h"

namespace casegraph::triage::testing {

// A fresh folder under TMPDIR, removed (with everything in it) when the test ends.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix) : path_(casegraph::testing::MakeTempDir(prefix)) {}
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& rel) const { return path_ + "/" + rel; }

 private:
  std::string path_;
};

inline std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

// Runs a shell command, its output discarded; true on exit code 0.
inline bool RunShell(const std::string& command) {
  std::string full = "(" + command + ") >/dev/null 2>&1";
  return std::system(full.c_str()) == 0;
}

inline bool HaveTool(const std::string& tool) {
  return RunShell("command -v " + tool + " || test -x /usr/sbin/" + tool + " || test -x /sbin/" + tool);
}

// The image tools come from Debian packages (scripts/setup-debian.sh). Missing → skip, or
// fail when CASEGRAPH_REQUIRE_SHARED=1 (CI must run these tests).
#define TRIAGE_REQUIRE_TOOL(tool)                                                      \
  do {                                                                                 \
    if (!::casegraph::triage::testing::HaveTool(tool)) {                              \
      if (::casegraph::testing::SharedRequired()) FAIL() << "missing tool: " << tool; \
      GTEST_SKIP() << "missing tool: " << tool;                                        \
    }                                                                                  \
  } while (0)

inline std::vector<TriageEntry> WalkAll(const FileTree& tree, Diagnostics& d) {
  std::vector<TriageEntry> out;
  auto status = tree.Walk([&](const TriageEntry& e) { out.push_back(e); return true; }, d);
  EXPECT_TRUE(status.ok()) << (status.ok() ? "" : status.error().ToString());
  return out;
}

inline const TriageEntry* FindEntry(const std::vector<TriageEntry>& entries, const std::string& path,
                                    bool deleted = false) {
  for (const auto& e : entries) {
    if (e.path == path && e.deleted == deleted) return &e;
  }
  return nullptr;
}

// SHA-256 of the content FileTree::Read streams, or "error: …".
inline std::string ReadSha256(const FileTree& tree, const TriageEntry& e) {
  hashing::Digest digest(hashing::Digest::Algorithm::kSha256);
  auto status = tree.Read(e, [&](std::string_view chunk) { digest.Update(chunk); });
  if (!status.ok()) return "error: " + status.error().ToString();
  return digest.FinishHex();
}

}  // namespace casegraph::triage::testing
