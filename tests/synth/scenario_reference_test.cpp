// What the risk indicators need from the synthetic scenario: the reference list names every
// file an operative sends, the rules file finds every operative's request for secrecy and no
// line of anyone else, and every decoy (same-name twins, the saved "Ali", the strangers) is in
// the ground truth's decoy accounts.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/file_system.h"
#include "hashing/digest.h"
#include "rules/rules_file.h"
#include "synth/ground_truth.h"
#include "synth/scenario.h"
#include "synth/scenario_write_common.h"
#include "testutil/testutil.h"

namespace casegraph::synth {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(ScenarioReferenceTest, KnownListRulesAndDecoysCoverThePlantedStory) {
  const std::string dir = testing::MakeTempDir("scenario-reference");
  ScenarioOptions o;
  o.messages = 3000;
  o.out_dir = dir;
  auto planned = PlanScenario(o);
  ASSERT_TRUE(planned.ok());
  auto files = WriteReferenceFiles(*planned, dir);
  ASSERT_TRUE(files.ok()) << files.error().ToString();

  const std::string list = ReadAll(dir + "/" + files->known_bad);
  auto rules = rules::RuleSet::Load(RealFileSystem(), dir + "/" + files->rules);
  ASSERT_TRUE(rules.ok()) << rules.error().ToString();

  int operative_files = 0, operative_chats = 0, strangers = 0;
  for (const SynthExhibit& e : planned->exhibits) {
    for (const SynthConversation& c : e.conversations) {
      bool with_operative = false;
      for (int a : c.members) with_operative |= planned->accounts[static_cast<size_t>(a)].role == Role::kOperative;
      const bool private_with_operative = with_operative && c.kind == ConversationKind::kDirect;
      int secrecy_lines = 0;
      for (const SynthMessage& m : c.planted) {
        const SynthAccount& sender = planned->accounts[static_cast<size_t>(m.sender)];
        if (m.kind == SynthMessage::Kind::kFile) {
          EXPECT_EQ(sender.role, Role::kOperative);
          EXPECT_NE(list.find(hashing::Sha256Hex(PlaceholderFileBytes(m.file_name))), std::string::npos) << m.file_name;
          ++operative_files;
          continue;
        }
        bool secrecy = false;
        for (const auto& hit : rules->MatchText(m.text)) secrecy |= hit.rule_name == "secrecy";
        if (secrecy) {
          EXPECT_TRUE(private_with_operative && sender.role == Role::kOperative) << m.text;
        }
        secrecy_lines += secrecy;
        strangers += sender.person.find("-stranger") != std::string::npos && sender.role == Role::kDecoy;
      }
      if (private_with_operative) {
        EXPECT_EQ(secrecy_lines, 1) << c.id;
        ++operative_chats;
      }
    }
  }
  EXPECT_NE(list.find(hashing::Sha256Hex(SyntheticPhotoBytes())), std::string::npos);
  EXPECT_GT(operative_files, 0);
  EXPECT_EQ(strangers, o.cases);
  EXPECT_GE(operative_chats, 2 * o.cases);
}

}  // namespace
}  // namespace casegraph::synth
