// A small hand-built scenario for the writer tests (scenario_write_*_test.cpp): one subject,
// one operative and two friends on one platform; a direct chat the operative opens, with a
// file, and a group where the operative joins and a friend leaves. Plus ingesting a written
// exhibit the way `casegraph ingest --format auto` does: sniff through the registry, then the
// chosen importer into a CaptureSink.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "ingest/registry.h"
#include "synth/scenario.h"
#include "testutil/testutil.h"

namespace casegraph::synth::scenario_testing {

// 2025-02-03T18:04:00Z, a Monday.
inline constexpr int64_t kDirectStart = 1738605840;
// 2025-07-10T09:00:00Z (summer: zones with daylight-saving time are on it).
inline constexpr int64_t kGroupStart = 1752138000;

enum Who { kSubject = 0, kOperative = 1, kFriend1 = 2, kFriend2 = 3 };

inline SynthMessage Msg(int64_t at, int sender, std::string text,
                        SynthMessage::Kind kind = SynthMessage::Kind::kText, std::string file = {}) {
  SynthMessage m;
  m.at_utc = at;
  m.sender = sender;
  m.kind = kind;
  m.text = std::move(text);
  m.file_name = std::move(file);
  return m;
}

// uids[i] is the platform uid of account i (kSubject … kFriend2).
inline Scenario MakeScenario(Platform platform, const std::string (&uids)[4]) {
  Scenario s;
  const char* persons[] = {"c001-subject", "op-1", "c001-friend-1", "c001-friend-2"};
  const char* names[] = {"Deniz Kaya", "Mert Aslan", "Elif Demir", "Kaan Yildiz"};
  const char* usernames[] = {"deniz_k", "mert_a", "elif_d", "kaan_y"};
  const Role roles[] = {Role::kSubject, Role::kOperative, Role::kFriend, Role::kFriend};
  for (int i = 0; i < 4; ++i) {
    SynthAccount a;
    a.person = persons[i];
    a.role = roles[i];
    a.platform = platform;
    a.uid = uids[i];
    a.display_name = names[i];
    a.username = usernames[i];
    s.accounts.push_back(a);
  }
  s.accounts[kOperative].phone = "+905321112233";
  s.cases.push_back(SynthCase{"C001", "Synthetic case 1", {SynthSubject{"S1", "2010-03-14", "victim"}}});

  SynthConversation direct;
  direct.id = "dm-1";
  direct.kind = ConversationKind::kDirect;
  direct.members = {kSubject, kOperative};
  direct.planted = {
      Msg(kDirectStart, kOperative, "hi, are you the one from the chess club?"),
      Msg(kDirectStart + 60, kSubject, "yes, who is this"),
      Msg(kDirectStart + 120, kOperative, "a friend of a friend"),
      Msg(kDirectStart + 200, kOperative, "", SynthMessage::Kind::kFile, "notes.txt"),
      Msg(kDirectStart + 86400 + 30, kSubject, "ok see you tomorrow & bring <the> book"),
  };
  SynthConversation group;
  group.id = "grp-1";
  group.kind = ConversationKind::kGroup;
  group.title = "Study group";
  group.members = {kSubject, kOperative, kFriend1, kFriend2};
  group.planted = {
      Msg(kGroupStart, kFriend1, "welcome everyone"),
      Msg(kGroupStart + 100, kOperative, "", SynthMessage::Kind::kJoin),
      Msg(kGroupStart + 200, kOperative, "hello all\nnice to meet you"),
      Msg(kGroupStart + 300, kSubject, "hi"),
      Msg(kGroupStart + 400, kFriend2, "", SynthMessage::Kind::kLeave),
  };
  SynthExhibit e;
  e.case_code = "C001";
  e.subject = "S1";
  e.owner = kSubject;
  e.tz = "Europe/Berlin";
  e.conversations = {direct, group};
  s.exhibits.push_back(e);
  return s;
}

struct Ingested {
  std::string importer;
  ::casegraph::testing::CaptureSink sink;
  Diagnostics diagnostics;
  ingest::ImportSummary summary;
};

// Sniffs `path` through the registry and imports it with the importer chosen.
inline void IngestAuto(const std::string& path, const ingest::ImportOptions& options, Ingested& out) {
  auto probe = ingest::MakeProbe(RealFileSystem(), path);
  ASSERT_TRUE(probe.ok()) << probe.error().ToString();
  auto importer = ingest::ChooseImporter(*probe);
  ASSERT_TRUE(importer.ok()) << importer.error().ToString();
  out.importer = (*importer)->Describe().name;
  auto summary = (*importer)->Import(ingest::Source{&RealFileSystem(), path, true}, options, out.sink,
                                     out.diagnostics);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  out.summary = *summary;
}

// All warnings, one per line, for failure messages.
inline std::string WarningsText(const Diagnostics& d) {
  std::string out;
  for (const auto& w : d.warnings()) out += w.where.ToString() + ": " + w.message + "\n";
  return out;
}

// Every regular file under `dir`, relative path and bytes, in path order: equal for equal trees.
inline std::string FolderBytes(const std::string& dir) {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) paths.push_back(std::filesystem::relative(entry.path(), dir).string());
  }
  std::sort(paths.begin(), paths.end());
  std::string out;
  for (const auto& p : paths) out += p + "\n" + ::casegraph::testing::ReadFileOrDie(dir + "/" + p) + "\n";
  return out;
}

}  // namespace casegraph::synth::scenario_testing
