// The synthetic WhatsApp export: same seed, same bytes; and the whatsapp-txt importer reads back
// exactly the number of messages written, in every style.
#include "synth/whatsapp_synth.h"

#include <gtest/gtest.h>

#include "ingest/whatsapp_txt.h"
#include "testutil/testutil.h"

namespace casegraph::synth {
namespace {

TEST(WhatsAppSynthTest, DeterministicAndReadBackInEveryStyle) {
  for (const std::string& style : WhatsAppStyles()) {
    const std::string a = testing::MakeTempDir("cg-wa-synth"), b = testing::MakeTempDir("cg-wa-synth");
    auto one = WriteWhatsAppExport({7, 500, a, style});
    auto two = WriteWhatsAppExport({7, 500, b, style});
    ASSERT_TRUE(one.ok() && two.ok()) << style;
    EXPECT_EQ(testing::ReadFileOrDie(one->chat_file), testing::ReadFileOrDie(two->chat_file)) << style;
    EXPECT_EQ(one->messages, 500u);
    testing::CaptureSink sink;
    Diagnostics diagnostics;
    ingest::ImportOptions options;
    options.tz = "Europe/Istanbul";
    auto summary = ingest::WhatsAppTxtImporter().Import(ingest::Source{&RealFileSystem(), a, true}, options, sink,
                                                       diagnostics);
    ASSERT_TRUE(summary.ok()) << summary.error().ToString();
    EXPECT_EQ(sink.messages.size(), 500u) << style;
    EXPECT_EQ(sink.conversations.at(0).kind, "group") << style;
  }
  EXPECT_FALSE(WriteWhatsAppExport({1, 10, testing::MakeTempDir("cg-wa-synth"), "no-such-style"}).ok());
}

}  // namespace
}  // namespace casegraph::synth
