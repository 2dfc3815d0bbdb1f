// Unit tests for the pieces of the element-json importer that need no export: reply-fallback
// stripping, matrix.to pills, links from formatted_body, event classification.
#include <gtest/gtest.h>

#include "ingest/element_content.h"
#include "ingest/element_event.h"

namespace casegraph::ingest::element {
namespace {

TEST(ElementContentTest, StripsReplyFallbackOnly) {
  EXPECT_EQ(StripReplyFallback("> <@a:s> quoted\n> more\n\nreply text"), "reply text");
  EXPECT_EQ(StripReplyFallback("> <@a:s> quoted\n\nline one\nline two"), "line one\nline two");
  EXPECT_EQ(StripReplyFallback("plain > not a quote"), "plain > not a quote");
  EXPECT_EQ(StripReplyFallback("> only a quote"), "");
  EXPECT_EQ(WithoutMxReply("<mx-reply><blockquote>q</blockquote></mx-reply>answer"), "answer");
  EXPECT_EQ(WithoutMxReply("<mx-reply>never closed"), "");
}

TEST(ElementContentTest, MatrixToUsers) {
  EXPECT_EQ(MatrixToUser("https://matrix.to/#/@bob:example.org"), "@bob:example.org");
  EXPECT_EQ(MatrixToUser("https://matrix.to/#/%40bob%3Aexample.org"), "@bob:example.org");
  EXPECT_EQ(MatrixToUser("https://matrix.to/#/@bob:example.org?via=x"), "@bob:example.org");
  EXPECT_EQ(MatrixToUser("https://matrix.to/#/!room:example.org/$ev"), "");
  EXPECT_EQ(MatrixToUser("https://example.org/@bob:example.org"), "");
}

TEST(ElementContentTest, LinksAndPillsBecomeEntities) {
  const std::string text = "Bob: see the plan and Bob again";
  std::vector<model::TextEntity> entities;
  AddHtmlLinks("<a href=\"https://matrix.to/#/@bob:example.org\">Bob</a>: see the <a href=\"https://example.org/p\">plan</a>"
               " and <a href='https://matrix.to/#/@bob:example.org'>Bob</a> again <a href=\"https://example.org/x\">gone</a>",
               text, entities);
  ASSERT_EQ(entities.size(), 4u);
  EXPECT_EQ(entities[0].type, "mention");
  EXPECT_EQ(entities[0].user_ref, "matrix:@bob:example.org");
  EXPECT_EQ(entities[0].offset, 0u);
  EXPECT_EQ(entities[0].length, 3u);
  EXPECT_EQ(entities[1].type, "text_link");
  EXPECT_EQ(entities[1].href, "https://example.org/p");
  EXPECT_EQ(text.substr(entities[1].offset, entities[1].length), "plan");
  EXPECT_EQ(entities[2].offset, text.rfind("Bob"));  // the second pill, found after the first
  EXPECT_EQ(entities[3].length, 0u);                 // anchor text not in the body: href still kept
  EXPECT_EQ(entities[3].href, "https://example.org/x");
}

TEST(ElementContentTest, ClassifiesEvents) {
  simdjson::dom::parser parser;
  simdjson::dom::parser empty_parser;
  simdjson::dom::object empty = empty_parser.parse("{}", 2, true).get_object().value_unsafe();
  auto kind_of = [&](const std::string& json) {
    Event e;
    ReadEvent(parser.parse(json).get_object().value_unsafe(), empty, e);
    return e.kind;
  };
  EXPECT_EQ(kind_of(R"({"type":"m.room.message","content":{"msgtype":"m.text","body":"x"}})"), EventKind::kMessage);
  EXPECT_EQ(kind_of(R"({"type":"m.room.message","content":{"msgtype":"m.text","body":"* x",
                      "m.relates_to":{"rel_type":"m.replace","event_id":"$a"}}})"), EventKind::kEdit);
  EXPECT_EQ(kind_of(R"({"type":"m.room.message","content":{"msgtype":"m.bad.encrypted"}})"), EventKind::kEncrypted);
  EXPECT_EQ(kind_of(R"({"type":"m.room.encrypted","content":{"algorithm":"m.megolm.v1.aes-sha2"}})"), EventKind::kEncrypted);
  EXPECT_EQ(kind_of(R"({"type":"m.room.redaction","redacts":"$a","content":{}})"), EventKind::kRedaction);
  EXPECT_EQ(kind_of(R"({"type":"m.reaction","content":{"m.relates_to":{"rel_type":"m.annotation","event_id":"$a","key":"x"}}})"),
            EventKind::kReaction);
  EXPECT_EQ(kind_of(R"({"type":"m.room.member","state_key":"@a:s","content":{"membership":"join"}})"), EventKind::kMember);
  EXPECT_EQ(kind_of(R"({"type":"m.room.power_levels","state_key":"","content":{}})"), EventKind::kOtherState);
  EXPECT_EQ(kind_of(R"({"type":"m.call.invite","content":{}})"), EventKind::kOther);
  Event e;
  ReadEvent(parser.parse(std::string(R"({"type":5,"origin_server_ts":"soon","content":[1],"event_id":"$x"})"))
                .get_object().value_unsafe(), empty, e);
  EXPECT_EQ(e.wrong_types, "type, origin_server_ts, content");
  EXPECT_FALSE(e.ts_ms.has_value());
  EXPECT_EQ(e.event_id, "$x");
}

}  // namespace
}  // namespace casegraph::ingest::element
