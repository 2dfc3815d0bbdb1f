// The synthetic Rocket.Chat export: deterministic by seed, and the rocketchat-mongo importer
// reads it without warnings, with the message count the generator reports (hidden history
// copies become edits, not messages).
#include "synth/rocketchat_synth.h"

#include <gtest/gtest.h>

#include "ingest/rocketchat_mongo.h"
#include "testutil/testutil.h"

namespace casegraph::synth {
namespace {

TEST(RocketChatSynth, DeterministicAndImportable) {
  const std::string a = testing::MakeTempDir("cg-rcsynth-a"), b = testing::MakeTempDir("cg-rcsynth-b");
  auto sa = WriteRocketChatExport({7, 3000, a});
  auto sb = WriteRocketChatExport({7, 3000, b});
  ASSERT_TRUE(sa.ok() && sb.ok());
  for (const char* f : {"/rocketchat.rocketchat_message.json", "/rocketchat.users.json", "/rocketchat.rocketchat_room.json"}) {
    EXPECT_EQ(testing::ReadFileOrDie(a + f), testing::ReadFileOrDie(b + f)) << f;
  }
  EXPECT_GT(sa->history_copies, 0u);
  testing::CaptureSink sink;
  Diagnostics diagnostics;
  auto r = ingest::RocketChatMongoImporter().Import(ingest::Source{&RealFileSystem(), a, true}, ingest::ImportOptions{},
                                                     sink, diagnostics);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_EQ(sink.messages.size(), sa->messages);
  EXPECT_EQ(sink.conversations.size(), sa->rooms);
  EXPECT_TRUE(diagnostics.warnings().empty());
  size_t edits = 0, deleted = 0, services = 0, threads = 0;
  for (const auto& m : sink.messages) {
    edits += m.edits.size();
    deleted += m.deleted;
    services += m.kind == "service";
    threads += !m.thread_root.empty();
  }
  EXPECT_EQ(edits, sa->history_copies);
  EXPECT_GT(deleted, 0u);
  EXPECT_GT(services, 0u);
  EXPECT_GT(threads, 0u);
}

}  // namespace
}  // namespace casegraph::synth
