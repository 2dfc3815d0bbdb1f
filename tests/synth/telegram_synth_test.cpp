// Tests for the synthetic Telegram export generator: determinism, valid JSON in tdesktop's
// shape (checked with simdjson's DOM, independently of casegraph's own importer), counts that
// match the summary, the two quirks, media files on disk and plausible planted identifiers.
#include "synth/telegram_synth.h"

#include <gtest/gtest.h>

#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "base/time_util.h"
#include "synth/json_output.h"
#include "synth/telegram_cast.h"
#include "testutil/testutil.h"

namespace casegraph::synth {
namespace {

namespace fs = std::filesystem;
using simdjson::dom::array;
using simdjson::dom::element;
using simdjson::dom::object;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

std::string ReplaceAll(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

class TelegramSynthTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::MakeTempDir("telegram-synth"); }
  void TearDown() override {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  TelegramSynthSummary Generate(const std::string& name, uint64_t messages, uint64_t seed = 7,
                                bool quirks = true, bool media = true) {
    TelegramSynthOptions options;
    options.seed = seed;
    options.messages = messages;
    options.out_dir = dir_ + "/" + name;
    options.telegram_quirks = quirks;
    options.with_media = media;
    auto result = WriteTelegramExport(options);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().ToString());
    return result.ok() ? std::move(result).value() : TelegramSynthSummary{};
  }
  std::string dir_;
};

// What the DOM walk found.
struct Walk {
  uint64_t messages = 0, chats = 0, contacts = 0, array_texts = 0, text_messages = 0;
  uint64_t negative_ids = 0, placeholders = 0;
  std::set<std::string> chat_types, actions, entity_types, media_paths;
  std::vector<std::string> problems;
};

void CheckKeyOrder(object obj, const std::vector<std::string>& order, const std::string& where,
                   Walk* w) {
  size_t next = 0;
  for (auto field : obj) {
    const std::string key(field.key);
    while (next < order.size() && order[next] != key) ++next;
    if (next == order.size()) {
      w->problems.push_back(where + ": unexpected or out-of-order key " + key);
      return;
    }
    ++next;
  }
}

void WalkMessage(element m, const std::string& chat_type, Walk* w) {
  static const std::vector<std::string> kOrder = {
      "id",           "type",          "date",          "date_unixtime",  "edited",
      "edited_unixtime", "actor",      "actor_id",      "action",         "title",
      "members",      "inviter",       "duration_seconds", "discard_reason", "from",
      "from_id",      "forwarded_from", "reply_to_message_id", "photo",     "photo_file_size",
      "file",         "file_name",     "file_size",     "media_type",     "sticker_emoji",
      "mime_type",    "duration_seconds", "width",      "height",         "text",
      "text_entities"};
  object obj;
  if (m.get_object().get(obj)) return w->problems.push_back("message is not an object");
  CheckKeyOrder(obj, kOrder, "message", w);
  int64_t id = 0;
  std::string_view type, date, unixtime;
  if (obj["id"].get_int64().get(id) || obj["type"].get_string().get(type) ||
      obj["date"].get_string().get(date) || obj["date_unixtime"].get_string().get(unixtime)) {
    return w->problems.push_back("message without id/type/date/date_unixtime");
  }
  ++w->messages;
  if (id < 0) ++w->negative_ids;
  const auto local = ParseIsoLocal(date);
  const int64_t instant = std::strtoll(std::string(unixtime).c_str(), nullptr, 10);
  if (!local || CivilToUnix(*local) - instant != 3 * 3600) {
    w->problems.push_back("date is not Istanbul local time of date_unixtime: " + std::string(date));
  }
  std::string_view from_id;
  if (type == "service") {
    std::string_view action;
    if (!obj["action"].get_string().get(action)) w->actions.insert(std::string(action));
    if (obj["actor_id"].get_string().get(from_id)) w->problems.push_back("service without actor_id");
  } else if (obj["from_id"].get_string().get(from_id)) {
    w->problems.push_back("message without from_id");
  }
  const bool channel = from_id.rfind("channel", 0) == 0;
  if (!(from_id.rfind("user", 0) == 0 || channel) || channel != (chat_type == "public_channel")) {
    w->problems.push_back("bad from_id " + std::string(from_id) + " in " + chat_type);
  }
  for (const char* key : {"photo", "file"}) {
    std::string_view path;
    if (obj[key].get_string().get(path)) continue;
    if (path.front() == '(') {
      ++w->placeholders;
    } else {
      w->media_paths.insert(std::string(path));
    }
  }
  element text;
  array entities;
  if (obj["text"].get(text) || obj["text_entities"].get_array().get(entities)) {
    return w->problems.push_back("message without text/text_entities");
  }
  if (text.is_array()) ++w->array_texts;
  if (!text.is_string() || !std::string_view(text.get_string().value_unsafe()).empty()) {
    ++w->text_messages;
  }
  for (element e : entities) {
    std::string_view etype, etext;
    if (e["type"].get_string().get(etype) || e["text"].get_string().get(etext)) {
      w->problems.push_back("entity without type/text");
      continue;
    }
    w->entity_types.insert(std::string(etype));
    if (etype == "mention_name" && !e["user_id"].is_int64()) w->problems.push_back("user_id");
    if (etype == "text_link" && !e["href"].is_string()) w->problems.push_back("href");
  }
}

void WalkChats(element root, const char* section, Walk* w) {
  array list;
  if (root[section]["list"].get_array().get(list)) {
    return w->problems.push_back(std::string("no ") + section + ".list");
  }
  for (element chat : list) {
    ++w->chats;
    std::string_view type;
    array messages;
    if (chat["type"].get_string().get(type) || !chat["id"].is_int64() ||
        chat["messages"].get_array().get(messages)) {
      w->problems.push_back("chat without type/id/messages");
      continue;
    }
    w->chat_types.insert(std::string(type));
    const bool has_name = chat["name"].error() == simdjson::SUCCESS;
    if ((type == "saved_messages") == has_name) w->problems.push_back("chat name");
    int64_t last_time = 0;
    for (element m : messages) {
      WalkMessage(m, std::string(type), w);
      std::string_view unixtime;
      if (!m["date_unixtime"].get_string().get(unixtime)) {
        const int64_t t = std::strtoll(std::string(unixtime).c_str(), nullptr, 10);
        if (t < last_time) w->problems.push_back("time goes backwards in " + std::string(type));
        last_time = t;
      }
    }
  }
}

Walk ParseAndWalk(const std::string& json) {
  Walk w;
  simdjson::dom::parser parser;
  element root;
  if (auto error = parser.parse(simdjson::padded_string(json)).get(root)) {
    w.problems.push_back(std::string("not valid JSON: ") + simdjson::error_message(error));
    return w;
  }
  object top;
  if (root.get_object().get(top)) return w;
  CheckKeyOrder(top, {"about", "personal_information", "contacts", "chats", "left_chats"}, "root",
                &w);
  object me;
  if (root["personal_information"].get_object().get(me)) {
    w.problems.push_back("no personal_information");
  } else {
    CheckKeyOrder(me, {"user_id", "first_name", "last_name", "phone_number", "username", "bio"},
                  "personal_information", &w);
    std::string_view username;
    if (!me["user_id"].is_int64() || me["username"].get_string().get(username) ||
        username.front() != '@') {
      w.problems.push_back("personal_information fields");
    }
  }
  array contacts;
  if (root["contacts"]["list"].get_array().get(contacts)) {
    w.problems.push_back("no contacts.list");
  } else {
    for (element c : contacts) {
      ++w.contacts;
      object co;
      if (c.get_object().get(co)) continue;
      CheckKeyOrder(co, {"user_id", "first_name", "last_name", "phone_number", "date",
                         "date_unixtime"}, "contact", &w);
    }
  }
  WalkChats(root, "chats", &w);
  WalkChats(root, "left_chats", &w);
  return w;
}

TEST(JsonOutputTest, EscapesLikeTdesktop) {
  std::string out;
  AppendJsonString("a\"b\\c\nd\re\tf\x01g\xE2\x80\xA8h\xE2\x80\xA9i\xE2\x80\x99j\xC2\xA0k", &out);
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028h\\u2029i\xE2\x80\x99j\xC2\xA0k\"");
  out.clear();
  AppendJsonString("bell\x07", &out, /*x_escapes=*/true);
  EXPECT_EQ(out, "\"bell\\x07\"");
  out.clear();
  AppendJsonString("\xE2", &out);  // a truncated sequence is copied, not over-read
  EXPECT_EQ(out, "\"\xE2\"");
}

TEST(TelegramCastTest, ChatCountScalesWithMessages) {
  EXPECT_EQ(ChatCountFor(100), 9u);
  EXPECT_EQ(ChatCountFor(2000), 9u);
  EXPECT_GT(ChatCountFor(100000), 20u);
  EXPECT_EQ(ChatCountFor(1000000), 40u);
  EXPECT_EQ(ChatCountFor(100000000), 40u);
}

TEST_F(TelegramSynthTest, SameSeedSameBytesOtherSeedOtherBytes) {
  const auto a = Generate("a", 1500, 42);
  const auto b = Generate("b", 1500, 42);
  const auto c = Generate("c", 1500, 43);
  const std::string ja = Slurp(a.result_json);
  ASSERT_FALSE(ja.empty());
  EXPECT_EQ(ja, Slurp(b.result_json));
  EXPECT_NE(ja, Slurp(c.result_json));
  EXPECT_EQ(a.planted, b.planted);
  EXPECT_EQ(a.bytes, ja.size());
  for (const auto& entry : fs::recursive_directory_iterator(a.folder)) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = fs::relative(entry.path(), a.folder).string();
    EXPECT_EQ(Slurp(entry.path().string()), Slurp(b.folder + "/" + rel)) << rel;
  }
}

TEST_F(TelegramSynthTest, FullExportShapeCountsAndQuirks) {
  const auto s = Generate("full", 3000);
  std::string json = Slurp(s.result_json);
  ASSERT_EQ(json.size(), s.bytes);
  // tdesktop style: one space per level, no trailing newline.
  EXPECT_EQ(json.rfind("{\n \"about\": \"", 0), 0u);
  EXPECT_NE(json.find("\n \"personal_information\": {\n  \"user_id\": "), std::string::npos);
  EXPECT_EQ(json.back(), '}');
  // The control-character quirk: one message, in its "text" and "text_entities".
  EXPECT_EQ(Count(json, "\\x"), 2u);
  EXPECT_EQ(Count(json, "\\x07"), 2u);
  {
    simdjson::dom::parser strict;
    element ignored;
    EXPECT_TRUE(strict.parse(simdjson::padded_string(json)).get(ignored) != simdjson::SUCCESS)
        << "the raw file must not be strict JSON while quirks are on";
  }
  json = ReplaceAll(json, "\\x07", "\\u0007");

  const Walk w = ParseAndWalk(json);
  for (const auto& p : w.problems) ADD_FAILURE() << p;
  EXPECT_EQ(w.messages, 3000u);
  EXPECT_EQ(s.messages, 3000u);
  EXPECT_EQ(w.chats, s.chats);
  EXPECT_EQ(s.chats, ChatCountFor(3000));
  EXPECT_EQ(w.contacts, s.contacts);
  EXPECT_GT(s.contacts, 3u);
  EXPECT_EQ(s.owner_ref, "telegram:user" + std::to_string(s.owner_user_id));

  for (const char* type : {"personal_chat", "private_group", "public_supergroup",
                           "private_supergroup", "public_channel", "bot_chat", "saved_messages"}) {
    EXPECT_TRUE(w.chat_types.count(type)) << type;
  }
  for (const char* action : {"create_group", "invite_members", "join_group_by_link",
                             "create_channel", "migrate_to_supergroup", "migrate_from_group"}) {
    EXPECT_TRUE(w.actions.count(action)) << action;
  }
  for (const char* entity : {"plain", "mention", "mention_name", "text_link", "link", "email",
                             "bold", "bot_command"}) {
    EXPECT_TRUE(w.entity_types.count(entity)) << entity;
  }
  EXPECT_GT(w.negative_ids, 3u);  // the migrated basic-group history

  // ~20 % of texts are arrays with entities; ~30 % of messages carry a planted identifier.
  const double array_share = static_cast<double>(w.array_texts) / w.messages;
  EXPECT_GT(array_share, 0.12);
  EXPECT_LT(array_share, 0.30);
  uint64_t planted = 0;
  for (const char* kind : {"phone", "url", "telegram_invite", "email", "username", "matrix_id",
                           "bitcoin"}) {
    ASSERT_TRUE(s.planted.count(kind)) << kind;
    EXPECT_GT(s.planted.at(kind), 10u) << kind;
    planted += s.planted.at(kind);
  }
  const double planted_share = static_cast<double>(planted) / s.messages;
  EXPECT_GT(planted_share, 0.22);
  EXPECT_LT(planted_share, 0.36);
  EXPECT_GT(s.planted.at("text_link_href"), 0u);
  EXPECT_GT(s.planted.at("mention_name"), 0u);
  // Each planted identifier appears in the file as text (twice: text and text_entities).
  EXPECT_GE(Count(json, "@example."), s.planted.at("email") * 2);
  EXPECT_GE(Count(json, "bc1q"), s.planted.at("bitcoin") * 2);
  EXPECT_GE(Count(json, ":matrix.example.org"), s.planted.at("matrix_id") * 2);

  // Media: every referenced path exists; the rest are placeholders.
  EXPECT_EQ(w.media_paths.size(), s.media_files);
  EXPECT_GT(s.media_files, 0u);
  EXPECT_LE(s.media_files, 20u);
  EXPECT_GT(w.placeholders, 0u);
  for (const auto& rel : w.media_paths) {
    EXPECT_EQ(rel.rfind("chats/chat_", 0), 0u) << rel;
    EXPECT_TRUE(fs::is_regular_file(s.folder + "/" + rel)) << rel;
  }
}

TEST_F(TelegramSynthTest, QuirksOffIsStrictJsonWithoutMigratedHistory) {
  const auto s = Generate("strict", 800, 3, /*quirks=*/false, /*media=*/false);
  const std::string json = Slurp(s.result_json);
  EXPECT_EQ(Count(json, "\\x"), 0u);
  EXPECT_EQ(Count(json, "\\u0007"), 2u);
  const Walk w = ParseAndWalk(json);
  for (const auto& p : w.problems) ADD_FAILURE() << p;
  EXPECT_EQ(w.messages, 800u);
  EXPECT_EQ(w.negative_ids, 0u);
  EXPECT_EQ(s.media_files, 0u);
  EXPECT_TRUE(w.media_paths.empty());
  EXPECT_FALSE(fs::exists(s.folder + "/chats"));
}

TEST_F(TelegramSynthTest, TinyAndEmptyExports) {
  for (uint64_t n : {0u, 1u, 5u, 17u}) {
    const auto s = Generate("n" + std::to_string(n), n, 11);
    const Walk w = ParseAndWalk(ReplaceAll(Slurp(s.result_json), "\\x07", "\\u0007"));
    for (const auto& p : w.problems) ADD_FAILURE() << n << ": " << p;
    EXPECT_EQ(w.messages, n);
    EXPECT_EQ(s.messages, n);
  }
}

TEST(TelegramSynthErrors, EmptyOutDirIsInvalid) {
  TelegramSynthOptions options;
  const auto result = WriteTelegramExport(options);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind(), ErrorKind::kInvalidArgument);
}

}  // namespace
}  // namespace casegraph::synth
