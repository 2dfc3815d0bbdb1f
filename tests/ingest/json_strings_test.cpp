// Tests of the importer's own JSON string decoding (json_values.h) against simdjson's, of
// Telegram's `\xNN` escapes read without a repaired copy (json_repair.h), and of text_entities
// being checked against text rather than copied (telegram_message.cpp).
#include <gtest/gtest.h>
#include <simdjson.h>

#include <optional>
#include <string>
#include <vector>

#include "ingest/json_repair.h"
#include "ingest/json_values.h"
#include "ingest/telegram_json.h"
#include "testutil/testutil.h"

namespace casegraph::ingest {
namespace {

// `literal` (a JSON string with its quotes) as the value of {"v": …}, read by GetString and,
// separately, by simdjson's get_string.
struct Decoded {
  simdjson::error_code ours = simdjson::SUCCESS, theirs = simdjson::SUCCESS;
  std::string ours_text, theirs_text;
};

Decoded DecodeBoth(const std::string& literal) {
  Decoded out;
  const simdjson::padded_string json(std::string("{\"v\": ") + literal + ", \"w\": 1}");
  {
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document doc;
    EXPECT_EQ(parser.iterate(json).get(doc), simdjson::SUCCESS);
    simdjson::ondemand::value value;
    EXPECT_EQ(doc["v"].get(value), simdjson::SUCCESS);
    out.ours = GetString(value, out.ours_text);
  }
  {
    simdjson::ondemand::parser parser;
    simdjson::ondemand::document doc;
    EXPECT_EQ(parser.iterate(json).get(doc), simdjson::SUCCESS);
    std::string_view text;
    out.theirs = doc["v"].get_string().get(text);
    if (!out.theirs) out.theirs_text = std::string(text);
  }
  return out;
}

TEST(JsonStringsTest, DecodesExactlyAsSimdjson) {
  const std::vector<std::string> literals = {
      R"("")",
      R"("plain ascii")",
      "\"t\xC3\xBCrk\xC3\xA7" "e \xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A \xF0\x9F\x98\x80\"",
      R"("quote \" backslash \\ slash \/ \b\f\n\r\t")",
      R"("\u0000\u0001\u001f\u007f\u0080\u00e9\u07ff\u0800\u20ac\uffff")",
      R"("\u2028\u2029 \uD83D\uDE00 \ud834\udd1e")",
      R"("a long string that crosses several sixteen-byte blocks before \n an escape and after it too")",
      R"("\\x41 is an escaped backslash, then x41")",
      R"("ends with an escaped backslash \\")",
      // Invalid escapes: both must fail.
      R"("\q")",
      R"("\uZZZZ")",
      R"("\u12")",
      R"("\ud800")",
      R"("\ud800\u0041")",
      R"("\udc00")",
  };
  for (const auto& literal : literals) {
    const Decoded d = DecodeBoth(literal);
    EXPECT_EQ(d.ours, d.theirs) << literal;
    if (!d.ours && !d.theirs) {
      EXPECT_EQ(d.ours_text, d.theirs_text) << literal;
    }
  }
}

TEST(JsonStringsTest, BackslashXIsTheCodePointU00NN) {
  // What the repaired copy's \u00NN used to mean; simdjson alone refuses these strings.
  const Decoded d = DecodeBoth(R"("a\x07b\x1Fc\xe9 \\x41")");
  EXPECT_EQ(d.theirs, simdjson::STRING_ERROR);
  ASSERT_EQ(d.ours, simdjson::SUCCESS);
  EXPECT_EQ(d.ours_text, std::string("a\x07" "b\x1F" "c\xC3\xA9 \\x41"));
  // An \x without two hex digits stays invalid.
  EXPECT_EQ(DecodeBoth(R"("\x4")").ours, simdjson::STRING_ERROR);
  EXPECT_EQ(DecodeBoth(R"("\xZ1")").ours, simdjson::STRING_ERROR);
}

TEST(JsonStringsTest, AppendStopsAtTheClosingQuote) {
  std::string out = ">";
  EXPECT_TRUE(AppendJsonString(R"(ab\"c" , "next")", out));
  EXPECT_EQ(out, ">ab\"c");
  out.clear();
  EXPECT_FALSE(AppendJsonString("no closing quote", out));
  out.clear();
  EXPECT_FALSE(AppendJsonString("lone backslash \\", out));
}

TEST(TelegramQuirksTest, BackslashXAloneMakesNoCopy) {
  const std::string json = R"j({"messages": [{"text": "a\x01b\x1F \\x41 \\\x42"}]})j";
  const TelegramQuirks quirks = ScanTelegramQuirks(json);
  EXPECT_EQ(quirks.backslash_x_escapes, 3u);
  EXPECT_FALSE(quirks.unquoted_document_id);
  EXPECT_FALSE(MayNeedTelegramRepair(json));
  EXPECT_FALSE(RepairTelegramJson(json, 64).has_value());
}

TEST(TelegramQuirksTest, UnquotedDocumentIdStillGetsARepairedCopy) {
  const std::string json =
      "{\"messages\": [{\"text\": \"a\\x01\", \"text_entities\": [{\"type\": \"custom_emoji\",\n"
      "  \"document_id\": stickers/s (2).webp\n}]}]}";
  const TelegramQuirks quirks = ScanTelegramQuirks(json);
  EXPECT_EQ(quirks.backslash_x_escapes, 1u);
  EXPECT_TRUE(quirks.unquoted_document_id);
  auto repaired = RepairTelegramJson(json, 64);
  ASSERT_TRUE(repaired.has_value());
  EXPECT_EQ(repaired->values_quoted(), 1u);
  EXPECT_EQ(repaired->escapes_fixed(), 1u);
}

TEST(TelegramQuirksTest, ScanFindsQuirksAtEveryOffset) {
  // The scan works on 64- and 16-byte blocks with lookahead; put the quirks at every offset,
  // including the block edges and the scalar tail.
  for (size_t at = 0; at < 200; ++at) {
    std::string filler(at, ' ');
    const std::string escape = filler + "\"\\x1F\"" + std::string(150, ' ');
    EXPECT_EQ(ScanTelegramQuirks(escape).backslash_x_escapes, 1u) << at;
    const std::string tail = filler + "\"\\x1F\"";
    EXPECT_EQ(ScanTelegramQuirks(tail).backslash_x_escapes, 1u) << at;
    const std::string escaped_backslash = filler + "\"\\\\x1F\"" + std::string(150, ' ');
    EXPECT_EQ(ScanTelegramQuirks(escaped_backslash).backslash_x_escapes, 0u) << at;
    const std::string document_id = filler + "{\"document_id\": a b}" + std::string(at % 70, ' ');
    EXPECT_TRUE(ScanTelegramQuirks(document_id).unquoted_document_id) << at;
    const std::string quoted = filler + "{\"document_id\": \"a b\"}" + std::string(at % 70, ' ');
    EXPECT_FALSE(ScanTelegramQuirks(quoted).unquoted_document_id) << at;
  }
}

struct Imported {
  std::optional<Result<ImportSummary>> result;
  testing::CaptureSink sink;
  Diagnostics diagnostics;
};

std::unique_ptr<Imported> ImportChat(const std::string& messages) {
  testing::MemFileSystem fs;
  fs.Add("/exp/result.json",
         R"j({"name": "Test", "type": "personal_chat", "id": 4242, "messages": [)j" + messages + "]}");
  auto out = std::make_unique<Imported>();
  out->result.emplace(
      TelegramJsonImporter().Import(Source{&fs, "/exp/result.json", false}, ImportOptions{}, out->sink, out->diagnostics));
  return out;
}

TEST(TelegramEscapesTest, ControlCharactersDecodeInTextEntitiesAndIds) {
  auto run = ImportChat(R"j({"id": 1, "type": "message", "date_unixtime": "1", "from": "A\x07da", "from_id": "user11",
      "text": ["bell\x07 ", {"type": "bold", "text": "b\x1Fold"}],
      "text_entities": [{"type": "plain", "text": "bell\x07 "}, {"type": "bold", "text": "b\x1Fold"}]},
     {"id": 2, "type": "message", "date_unixtime": "2", "text": "tab\x09end",
      "text_entities": [{"type": "plain", "text": "tab\x09end"}]})j");
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  ASSERT_EQ(run->sink.messages.size(), 2u);
  const auto& m = run->sink.messages[0];
  EXPECT_EQ(m.sender_name, "A\x07" "da");
  EXPECT_EQ(m.text, "bell\x07 b\x1F" "old");
  ASSERT_EQ(m.entities.size(), 1u);
  EXPECT_EQ(m.entities[0].type, "bold");
  EXPECT_EQ(m.entities[0].text, "b\x1F" "old");
  EXPECT_EQ(m.entities[0].offset, 6u);
  EXPECT_EQ(m.entities[0].length, 5u);
  EXPECT_EQ(run->sink.messages[1].text, "tab\tend");
  bool warned = false;
  for (const auto& w : run->diagnostics.warnings()) warned = warned || w.message.find("7 \\xNN escapes") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(TelegramEscapesTest, TextEntitiesThatDifferFromTextAreNotMixedIn) {
  // text_entities is compared with text piece by piece; where they differ (here in the second
  // piece, and by length in the second message) the text and its own entities are kept.
  auto run = ImportChat(R"j({"id": 1, "type": "message", "date_unixtime": "1",
      "text": ["see ", {"type": "link", "text": "https://a.example"}],
      "text_entities": [{"type": "plain", "text": "see "}, {"type": "bold", "text": "https://b.example"}]},
     {"id": 2, "type": "message", "date_unixtime": "2", "text": "abc",
      "text_entities": [{"type": "plain", "text": "ab"}, {"type": "italic", "text": "cd"}]},
     {"id": 3, "type": "message", "date_unixtime": "3", "text": "abc",
      "text_entities": [{"type": "plain", "text": "ab"}]},
     {"id": 4, "type": "message", "date_unixtime": "4", "text": "a\u00e9",
      "text_entities": [{"type": "plain", "text": "a"}, {"type": "italic", "text": "\xe9"}]})j");
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  ASSERT_EQ(run->sink.messages.size(), 4u);
  const auto& first = run->sink.messages[0];
  EXPECT_EQ(first.text, "see https://a.example");
  ASSERT_EQ(first.entities.size(), 1u);
  EXPECT_EQ(first.entities[0].type, "link");
  EXPECT_EQ(run->sink.messages[1].text, "abc");
  EXPECT_TRUE(run->sink.messages[1].entities.empty());
  EXPECT_EQ(run->sink.messages[2].text, "abc");
  EXPECT_TRUE(run->sink.messages[2].entities.empty());
  // Equal once decoded (\u00e9 and \xe9 are both é): the entities of text_entities are used.
  const auto& fourth = run->sink.messages[3];
  EXPECT_EQ(fourth.text, "a\xC3\xA9");
  ASSERT_EQ(fourth.entities.size(), 1u);
  EXPECT_EQ(fourth.entities[0].type, "italic");
  EXPECT_EQ(fourth.entities[0].offset, 1u);
  EXPECT_EQ(fourth.entities[0].length, 2u);
}

TEST(TelegramEscapesTest, KeysWithEscapesAreSkipped) {
  auto run = ImportChat(R"j({"id": 1, "type": "message", "date_unixtime": "1", "odd \"key\\": "x\x01",
      "text": "ok"})j");
  ASSERT_TRUE(run->result->ok()) << run->result->error().ToString();
  EXPECT_EQ(run->sink.messages.at(0).text, "ok");
}

}  // namespace
}  // namespace casegraph::ingest
