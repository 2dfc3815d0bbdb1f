// The proof that the mapping language is complete enough for a real format: the shipped
// mappings/discord-dce.toml, run by the mapped importer, gives the same records as the built-in
// discord-json importer on every shared Discord fixture, field by field. Compiled only where the
// Discord importer exists (its branch may be merged after this one).
#if __has_include("ingest/discord_json.h")

#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "ingest/discord_json.h"
#include "ingest/mapped_importer.h"
#include "testutil/testutil.h"

namespace casegraph {
namespace {

using testing::CaptureSink;

const char* const kFixtures[] = {
    "discord/chat-analytics/DM_2A_2M.json",
    "discord/chat-analytics/GC_3A_5M.json",
    "discord/chat-analytics/SV_5A_5M.json",
    "discord/dcef-example-guild/Example guild - Text Channels - general [1012224565567721552].json",
    "discord/dcef-example-guild/Example guild - Text Channels - chill talk [1012224565567125544].json",
    "discord/dcef-example-guild/Example guild - Text Channels - chill talk [1012224565567125544] without deleted message.json",
    "discord/dcef-example-guild/_threads/Example guild - general - Thomas is Thomas [1060927310439657577].json",
};

std::string Opt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "-"; }

// Accounts are compared as the set of (ref, names) views each importer sent, with where and
// when each was first seen: the order of sending within one message is not part of the contract.
std::vector<std::string> AccountViews(const std::vector<model::AccountRecord>& accounts) {
  std::vector<std::string> out;
  for (const auto& a : accounts) {
    out.push_back(a.ref + " | " + a.platform + " | " + a.display_name + " | " + a.username + " | " + a.phone + " | " +
                  std::to_string(static_cast<int>(a.role)) + " | " + Opt(a.seen_at_utc) + " | " + a.locator);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void ExpectSameMessage(const model::MessageRecord& d, const model::MessageRecord& m) {
  SCOPED_TRACE("message " + d.locator);
  EXPECT_EQ(m.locator, d.locator);
  EXPECT_EQ(m.conversation_key, d.conversation_key);
  EXPECT_EQ(m.source_id, d.source_id);
  EXPECT_EQ(m.kind, d.kind);
  EXPECT_EQ(m.action, d.action);
  EXPECT_EQ(m.sender_ref, d.sender_ref);
  EXPECT_EQ(m.sender_name, d.sender_name);
  EXPECT_EQ(m.sent_at_utc, d.sent_at_utc);
  EXPECT_EQ(m.utc_offset_seconds, d.utc_offset_seconds);
  EXPECT_EQ(m.local_time, d.local_time);
  EXPECT_EQ(m.time_basis, d.time_basis);
  EXPECT_EQ(m.text, d.text);
  EXPECT_EQ(m.reply_to, d.reply_to);
  EXPECT_EQ(m.forwarded_from, d.forwarded_from);
  EXPECT_EQ(m.via_bot, d.via_bot);
  EXPECT_EQ(m.edited_at_utc, d.edited_at_utc);
  EXPECT_EQ(m.members, d.members);
  EXPECT_EQ(m.thread_root, d.thread_root);
  EXPECT_EQ(m.deleted, d.deleted);
  EXPECT_EQ(m.deleted_detail, d.deleted_detail);
  ASSERT_EQ(m.entities.size(), d.entities.size());
  for (size_t i = 0; i < d.entities.size(); ++i) {
    SCOPED_TRACE("entity " + std::to_string(i));
    EXPECT_EQ(m.entities[i].type, d.entities[i].type);
    EXPECT_EQ(m.entities[i].offset, d.entities[i].offset);
    EXPECT_EQ(m.entities[i].length, d.entities[i].length);
    EXPECT_EQ(m.entities[i].text, d.entities[i].text);
    EXPECT_EQ(m.entities[i].href, d.entities[i].href);
    EXPECT_EQ(m.entities[i].user_ref, d.entities[i].user_ref);
  }
  ASSERT_EQ(m.attachments.size(), d.attachments.size());
  for (size_t i = 0; i < d.attachments.size(); ++i) {
    SCOPED_TRACE("attachment " + std::to_string(i));
    EXPECT_EQ(m.attachments[i].kind, d.attachments[i].kind);
    EXPECT_EQ(m.attachments[i].declared_path, d.attachments[i].declared_path);
    EXPECT_EQ(m.attachments[i].file_name, d.attachments[i].file_name);
    EXPECT_EQ(m.attachments[i].mime_type, d.attachments[i].mime_type);
    EXPECT_EQ(m.attachments[i].status, d.attachments[i].status);
    EXPECT_EQ(m.attachments[i].locator, d.attachments[i].locator);
  }
  ASSERT_EQ(m.edits.size(), d.edits.size());
  for (size_t i = 0; i < d.edits.size(); ++i) {
    SCOPED_TRACE("edit " + std::to_string(i));
    EXPECT_EQ(m.edits[i].text, d.edits[i].text);
    EXPECT_EQ(m.edits[i].edited_at_utc, d.edits[i].edited_at_utc);
    EXPECT_EQ(m.edits[i].editor_ref, d.edits[i].editor_ref);
    EXPECT_EQ(m.edits[i].source_id, d.edits[i].source_id);
    EXPECT_EQ(m.edits[i].locator, d.edits[i].locator);
  }
  ASSERT_EQ(m.reactions.size(), d.reactions.size());
  for (size_t i = 0; i < d.reactions.size(); ++i) {
    SCOPED_TRACE("reaction " + std::to_string(i));
    EXPECT_EQ(m.reactions[i].emoji, d.reactions[i].emoji);
    EXPECT_EQ(m.reactions[i].count, d.reactions[i].count);
    EXPECT_EQ(m.reactions[i].user_refs, d.reactions[i].user_refs);
  }
}

class MappedDiscordEquivalence : public ::testing::TestWithParam<const char*> {};

TEST_P(MappedDiscordEquivalence, SameRecordsAsTheBuiltInImporter) {
  CASEGRAPH_SHARED_OR_SKIP(path, GetParam());
  const std::string mapping_path = std::string(CASEGRAPH_REPO_FIXTURES) + "/../../mappings/discord-dce.toml";
  ingest::ImportOptions options;
  options.mapping_path = "mappings/discord-dce.toml";
  options.mapping_text = testing::ReadFileOrDie(mapping_path);
  const ingest::Source source{&RealFileSystem(), path, false};

  CaptureSink builtin, mapped;
  Diagnostics d1, d2;
  auto b = ingest::DiscordJsonImporter().Import(source, options, builtin, d1);
  ASSERT_TRUE(b.ok()) << b.error().ToString();
  auto m = ingest::MappedImporter().Import(source, options, mapped, d2);
  ASSERT_TRUE(m.ok()) << m.error().ToString();

  EXPECT_EQ(AccountViews(mapped.accounts), AccountViews(builtin.accounts));

  ASSERT_EQ(mapped.conversations.size(), builtin.conversations.size());
  for (size_t i = 0; i < builtin.conversations.size(); ++i) {
    const auto& d = builtin.conversations[i];
    const auto& c = mapped.conversations[i];
    EXPECT_EQ(c.key, d.key);
    EXPECT_EQ(c.ref, d.ref);
    EXPECT_EQ(c.kind, d.kind);
    EXPECT_EQ(c.title, d.title);
    EXPECT_EQ(c.left, d.left);
    EXPECT_EQ(c.locator, d.locator);
  }

  ASSERT_GT(builtin.messages.size(), 0u);
  ASSERT_EQ(mapped.messages.size(), builtin.messages.size());
  for (size_t i = 0; i < builtin.messages.size(); ++i) ExpectSameMessage(builtin.messages[i], mapped.messages[i]);

  EXPECT_EQ(m->messages, b->messages);
  EXPECT_EQ(m->attachments, b->attachments);
  EXPECT_EQ(m->conversations, b->conversations);
  EXPECT_EQ(m->accounts, b->accounts);

  // Both cite the same source: show gives the same record for each message.
  for (size_t i = 0; i < builtin.messages.size(); i += 7) {
    auto sd = ingest::DiscordJsonImporter().Show(source, builtin.messages[i].locator);
    auto sm = ingest::MappedImporter().Show(source, mapped.messages[i].locator);
    ASSERT_TRUE(sd.ok() && sm.ok());
    EXPECT_EQ(*sm, *sd);
  }
}

INSTANTIATE_TEST_SUITE_P(SharedFixtures, MappedDiscordEquivalence, ::testing::ValuesIn(kFixtures),
                         [](const ::testing::TestParamInfo<const char*>& info) { return "f" + std::to_string(info.index); });

}  // namespace
}  // namespace casegraph

#endif  // __has_include("ingest/discord_json.h")
