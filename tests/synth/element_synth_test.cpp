// The synthetic Element export: deterministic by seed, and the element-json importer reads it
// back with the number of message records the generator says it wrote.
#include <gtest/gtest.h>

#include "base/file_system.h"
#include "ingest/element_json.h"
#include "synth/element_synth.h"
#include "testutil/testutil.h"

namespace casegraph::synth {
namespace {

TEST(ElementSynthTest, DeterministicAndImportable) {
  const std::string dir = testing::MakeTempDir("cg-element-synth");
  ElementSynthOptions options;
  options.seed = 7;
  options.messages = 3000;
  options.out_dir = dir + "/a";
  auto a = WriteElementExport(options);
  ASSERT_TRUE(a.ok()) << a.error().ToString();
  options.out_dir = dir + "/b";
  auto b = WriteElementExport(options);
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(testing::ReadFileOrDie(a->export_json), testing::ReadFileOrDie(b->export_json));

  testing::CaptureSink sink;
  Diagnostics diagnostics;
  auto summary = ingest::ElementJsonImporter().Import(ingest::Source{&RealFileSystem(), a->folder, true},
                                                      ingest::ImportOptions{}, sink, diagnostics);
  ASSERT_TRUE(summary.ok()) << summary.error().ToString();
  EXPECT_EQ(sink.messages.size(), a->message_records);
  EXPECT_EQ(diagnostics.warnings().size(), 0u);
  size_t edited = 0, deleted = 0, encrypted = 0, present = 0;
  for (const auto& m : sink.messages) {
    edited += !m.edits.empty();
    deleted += m.deleted;
    encrypted += m.kind == "encrypted";
    for (const auto& at : m.attachments) present += at.status == model::AttachmentStatus::kPresent;
  }
  EXPECT_GT(edited, 0u);
  EXPECT_GT(deleted, 0u);
  EXPECT_GT(encrypted, 0u);
  EXPECT_GT(present, 0u);
}

}  // namespace
}  // namespace casegraph::synth
