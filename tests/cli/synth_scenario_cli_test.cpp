// `casegraph synth` without --format: the multi-case scenario with its ground truth, --json
// with the documented keys, the same seed giving the same truth file, and usage errors (exit 2).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdio>
#include <filesystem>

#include "testutil/testutil.h"

namespace casegraph {
namespace {

struct SynthRun {
  int exit_code = -1;
  std::string out, err;
};

SynthRun Synth(const std::string& dir, const std::string& args) {
  const std::string err_file = dir + "/stderr.txt";
  const testing::CliRun run = testing::RunCli("synth " + args, "2>'" + err_file + "'");
  return {run.exit_code, run.out, testing::ReadFileOrDie(err_file)};
}

TEST(SynthScenarioCliTest, WritesTheScenarioWithItsTruthDeterministically) {
  const std::string dir = testing::MakeTempDir("cg-synth-cli");
  SynthRun a = Synth(dir, "--out '" + dir + "/a' --seed 3 --json");
  if (a.exit_code == 1 && a.err.find("not yet written") != std::string::npos) {
    std::filesystem::remove_all(dir);
    GTEST_SKIP() << "this branch lacks the other formats' scenario writers: " << a.err;
  }
  ASSERT_EQ(a.exit_code, 0) << a.err;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  ASSERT_EQ(parser.parse(a.out).get(doc), simdjson::SUCCESS) << a.out;
  std::vector<std::string> keys;
  for (auto field : doc.get_object()) keys.emplace_back(field.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"folder", "truth_file", "cases", "exhibits", "messages", "accounts"}));
  EXPECT_EQ(int64_t(doc["cases"]), 3);
  EXPECT_GE(int64_t(doc["messages"]), 20000);
  const std::string truth = testing::ReadFileOrDie(std::string(std::string_view(doc["truth_file"])));
  SynthRun b = Synth(dir, "--out '" + dir + "/b' --seed 3");
  ASSERT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(b.out.find("ground truth"), std::string::npos) << b.out;
  EXPECT_EQ(testing::ReadFileOrDie(dir + "/b/ground-truth.json"), truth);
  std::filesystem::remove_all(dir);
}

TEST(SynthScenarioCliTest, BadCaseCountIsAUsageError) {
  const std::string dir = testing::MakeTempDir("cg-synth-cli-usage");
  EXPECT_EQ(Synth(dir, "--out '" + dir + "/x' --cases 0").exit_code, 2);
  EXPECT_EQ(Synth(dir, "--out '" + dir + "/x' --cases 1000").exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(dir + "/x"));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace casegraph
