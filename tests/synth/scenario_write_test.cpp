// Writing the scenario (the telegram-json and whatsapp-txt writers of this branch): the same
// seed gives the same bytes whatever the thread count, the files sit where the ground truth says,
// and every WhatsApp exhibit folder holds exactly one chat file in its style.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <filesystem>
#include <map>

#include "synth/scenario.h"
#include "testutil/testutil.h"

namespace casegraph::synth {
namespace {

namespace fs = std::filesystem;

ScenarioOptions Options(const std::string& out, int threads) {
  ScenarioOptions o;
  o.out_dir = out;
  o.messages = 20000;
  o.formats = {"telegram-json", "whatsapp-txt"};
  o.threads = threads;
  return o;
}

// Relative path -> bytes of every file under `root`.
std::map<std::string, std::string> Tree(const std::string& root) {
  std::map<std::string, std::string> out;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      out[fs::relative(entry.path(), root).string()] = testing::ReadFileOrDie(entry.path().string());
    }
  }
  return out;
}

TEST(ScenarioWriteTest, SameSeedSameBytesWhateverTheThreads) {
  const std::string dir = testing::MakeTempDir("cg-scenario-write");
  auto a = WriteScenario(Options(dir + "/a", 1));
  ASSERT_TRUE(a.ok()) << a.error().ToString();
  auto b = WriteScenario(Options(dir + "/b", 3));
  ASSERT_TRUE(b.ok()) << b.error().ToString();
  const auto tree_a = Tree(dir + "/a"), tree_b = Tree(dir + "/b");
  EXPECT_GT(tree_a.size(), 5u);
  EXPECT_EQ(tree_a, tree_b);
  // Writing again into the same folder replaces, and leaves nothing stale.
  ASSERT_TRUE(WriteScenario(Options(dir + "/a", 2)).ok());
  EXPECT_EQ(Tree(dir + "/a"), tree_a);
  ScenarioOptions other = Options(dir + "/c", 2);
  other.seed = 2;
  ASSERT_TRUE(WriteScenario(other).ok());
  EXPECT_NE(Tree(dir + "/c"), tree_a);
  EXPECT_EQ(a->messages, 20000u);
  fs::remove_all(dir);
}

TEST(ScenarioWriteTest, ExhibitsAreWhereTheTruthSaysInTheirLayout) {
  const std::string dir = testing::MakeTempDir("cg-scenario-layout");
  auto written = WriteScenario(Options(dir, 2));
  ASSERT_TRUE(written.ok()) << written.error().ToString();
  simdjson::dom::parser parser;
  simdjson::dom::element truth;
  ASSERT_EQ(parser.load(written->truth_file).get(truth), simdjson::SUCCESS);
  uint64_t messages = 0, exhibits = 0;
  for (simdjson::dom::element c : truth["cases"].get_array()) {
    for (simdjson::dom::element e : c["exhibits"].get_array()) {
      ++exhibits;
      messages += uint64_t(e["messages"]);
      const std::string path = dir + "/" + std::string(std::string_view(e["path"]));
      ASSERT_TRUE(fs::is_directory(path)) << path;
      const std::string_view format = e["format"];
      size_t chats = 0;
      for (const auto& entry : fs::directory_iterator(path)) chats += entry.path().extension() == ".txt" ? 1 : 0;
      if (format == "whatsapp-txt") {
        EXPECT_EQ(chats, 1u) << path;
        EXPECT_FALSE(std::string_view(e["options"]["date_order"]).empty());
      } else {
        EXPECT_TRUE(fs::is_regular_file(path + "/result.json")) << path;
      }
    }
  }
  EXPECT_EQ(exhibits, written->exhibits);
  EXPECT_EQ(messages, written->messages);
  fs::remove_all(dir);
}

TEST(ScenarioWriteTest, MissingOutputFolderIsRefused) {
  ScenarioOptions o;
  EXPECT_FALSE(WriteScenario(o).ok());
}

}  // namespace
}  // namespace casegraph::synth
