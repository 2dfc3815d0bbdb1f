// The mapping parser: TOML and JSON give the same mapping; every mistake is an Error that names
// the mapping file, the key and (TOML) the line, or (JSON) the pointer.
#include <gtest/gtest.h>

#include "ingest/mapped_mapping.h"

namespace casegraph::ingest::mapped {
namespace {

constexpr const char* kMinimal = R"(platform = "techhaven"
input = "json"
[messages]
path = "/messages/*"
id = "/id"
time = { path = "/ts", format = "unix" }
)";

std::string ErrorOf(const std::string& text, const std::string& file = "m.toml") {
  auto m = ParseMapping(text, file);
  EXPECT_FALSE(m.ok());
  return m.ok() ? std::string() : m.error().ToString();
}

TEST(MappedMappingTest, MinimalTomlMapping) {
  auto m = ParseMapping(kMinimal, "m.toml");
  ASSERT_TRUE(m.ok()) << m.error().ToString();
  EXPECT_EQ(m->platform, "techhaven");
  EXPECT_EQ(m->input, InputKind::kJson);
  ASSERT_EQ(m->messages.path.tokens.size(), 2u);
  EXPECT_TRUE(m->messages.path.tokens[1].wildcard);
  EXPECT_EQ(m->messages.time.format, TimeFormat::kUnixSeconds);
  EXPECT_EQ(m->messages.id.source, FieldSpec::Source::kPath);
}

TEST(MappedMappingTest, JsonSyntaxGivesTheSameMapping) {
  auto m = ParseMapping(R"({"platform": "techhaven", "input": "jsonl",
    "messages": {"path": "", "id": "/id", "time": {"path": "/ts", "format": "unix_ms"},
                 "sender_ref": "techhaven:{sender_id}", "sender_id": "/from"}})",
                        "m.json");
  ASSERT_TRUE(m.ok()) << m.error().ToString();
  EXPECT_EQ(m->input, InputKind::kJsonLines);
  EXPECT_EQ(m->messages.time.format, TimeFormat::kUnixMillis);
  ASSERT_EQ(m->messages.sender_ref.source, FieldSpec::Source::kTemplate);
  ASSERT_EQ(m->messages.sender_ref.parts.size(), 2u);
  EXPECT_EQ(m->messages.sender_ref.parts[1].text, "sender_id");
}

TEST(MappedMappingTest, UnknownKeyNamesFileKeyAndLine) {
  const std::string e = ErrorOf(std::string(kMinimal) + "sender_nmae = \"/from\"\n", "maps/app.toml");
  EXPECT_NE(e.find("maps/app.toml"), std::string::npos) << e;
  EXPECT_NE(e.find("messages.sender_nmae"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown key"), std::string::npos) << e;
  EXPECT_NE(e.find("line 7"), std::string::npos) << e;
}

TEST(MappedMappingTest, UnknownKeyInJsonNamesThePointer) {
  const std::string e = ErrorOf(R"({"platform": "x", "input": "json", "messages": {"path": "", "time": "/t", "txt": "/a"}})",
                                "app.json");
  EXPECT_NE(e.find("messages.txt"), std::string::npos) << e;
  EXPECT_NE(e.find("/messages/txt"), std::string::npos) << e;
}

TEST(MappedMappingTest, SyntaxErrorsAreLocated) {
  const std::string toml = ErrorOf("platform = \"x\"\ninput = \n", "bad.toml");
  EXPECT_NE(toml.find("invalid TOML"), std::string::npos) << toml;
  EXPECT_NE(toml.find("line 2"), std::string::npos) << toml;
  const std::string json = ErrorOf("{\"platform\": ", "bad.json");
  EXPECT_NE(json.find("invalid JSON"), std::string::npos) << json;
}

TEST(MappedMappingTest, RequiredKeysAndValues) {
  EXPECT_NE(ErrorOf("input = \"json\"\n[messages]\npath = \"\"\ntime = \"/t\"\n").find("platform"), std::string::npos);
  EXPECT_NE(ErrorOf("platform = \"x\"\n[messages]\npath = \"\"\ntime = \"/t\"\n").find("input"), std::string::npos);
  EXPECT_NE(ErrorOf("platform = \"x\"\ninput = \"xml\"\n[messages]\npath = \"\"\ntime = \"/t\"\n").find("json, jsonl or csv"),
            std::string::npos);
  EXPECT_NE(ErrorOf("platform = \"x\"\ninput = \"json\"\n").find("[messages]"), std::string::npos);
  EXPECT_NE(ErrorOf("platform = \"x\"\ninput = \"json\"\n[messages]\npath = \"/m/*\"\n").find("needs time"),
            std::string::npos);
  EXPECT_NE(ErrorOf("platform = \"a b\"\ninput = \"json\"\n[messages]\npath = \"\"\ntime = \"/t\"\n").find("letters"),
            std::string::npos);
}

TEST(MappedMappingTest, FieldMistakes) {
  auto with = [](const std::string& line) { return ErrorOf(std::string(kMinimal) + line + "\n"); };
  EXPECT_NE(with("text = \"body\"").find("neither a path"), std::string::npos);
  EXPECT_NE(with("text = \"/a~2\"").find("~0"), std::string::npos);
  EXPECT_NE(with("sender_ref = \"x:{nobody}\"").find("unknown field {nobody}"), std::string::npos);
  EXPECT_NE(with("sender_ref = \"x:{sender_id\"").find("without '}'"), std::string::npos);
  EXPECT_NE(with("text = { path = \"/a\", const = \"b\" }").find("only one of"), std::string::npos);
  EXPECT_NE(with("text = { separator = \" \" }").find("give one of"), std::string::npos);
  EXPECT_NE(with("text = { each = \"/a/*\" }").find("go together"), std::string::npos);
  EXPECT_NE(with("kind = { const = \"chat\" }").find("message, service or unsupported"), std::string::npos);
  EXPECT_NE(with("text = { path = \"/a\", when = { path = \"/b\" } }").find("one test"), std::string::npos);
  EXPECT_NE(with("text = { path = \"/a\", when = { field = \"nope\", present = true } }").find("unknown field"),
            std::string::npos);
}

TEST(MappedMappingTest, TimeFormatsAndZones) {
  auto with_time = [](const std::string& time) {
    return ParseMapping("platform = \"x\"\ninput = \"json\"\n[messages]\npath = \"\"\ntime = " + time + "\n", "m.toml");
  };
  EXPECT_TRUE(with_time("{ path = \"/t\", format = \"%d.%m.%Y %H:%M\", zone = \"Europe/Berlin\" }").ok());
  EXPECT_TRUE(with_time("{ path = \"/t\", format = \"%Y-%m-%d %H:%M:%S%z\" }").ok());
  EXPECT_TRUE(with_time("{ path = \"/t\", format = \"iso8601\", zone = \"+05:30\" }").ok());
  EXPECT_TRUE(with_time("{ path = \"/t\", format = \"iso8601\", zone = \"examiner\" }").ok());
  auto bad_format = with_time("{ path = \"/t\", format = \"dd.mm.yyyy\" }");
  ASSERT_FALSE(bad_format.ok());
  EXPECT_NE(bad_format.error().message().find("unknown time format"), std::string::npos);
  auto no_zone = with_time("{ path = \"/t\", format = \"%d.%m.%Y %H:%M\" }");
  ASSERT_FALSE(no_zone.ok());
  EXPECT_NE(no_zone.error().message().find("needs a zone"), std::string::npos);
  auto bad_zone = with_time("{ path = \"/t\", zone = \"Mars/Olympus\" }");
  ASSERT_FALSE(bad_zone.ok());
  EXPECT_NE(bad_zone.error().message().find("Mars/Olympus"), std::string::npos);
  auto bad_field = with_time("{ path = \"/t\", format = \"%d %Q %Y\", zone = \"utc\" }");
  ASSERT_FALSE(bad_field.ok());
  EXPECT_NE(bad_field.error().message().find("pattern fields"), std::string::npos);
}

TEST(MappedMappingTest, CsvRules) {
  const std::string base = "platform = \"x\"\ninput = \"csv\"\n";
  EXPECT_TRUE(ParseMapping(base + "[csv]\ndelimiter = \"\\\\t\"\n[messages]\npath = \"\"\ntime = \"/Date\"\n", "m.toml").ok());
  EXPECT_NE(ErrorOf(base + "[messages]\npath = \"/rows/*\"\ntime = \"/Date\"\n").find("every row is a record"),
            std::string::npos);
  EXPECT_NE(ErrorOf(base + "[csv]\ndelimiter = \";;\"\n[messages]\npath = \"\"\ntime = \"/D\"\n").find("one character"),
            std::string::npos);
}

TEST(MappedMappingTest, ShippedMappingsParse) {
  for (const char* name : {"discord-dce.toml", "techhaven.toml", "techhaven-jsonl.json", "techhaven-csv.toml"}) {
    const std::string path = std::string(CASEGRAPH_REPO_FIXTURES) + "/../../mappings/" + name;
    FILE* f = std::fopen(path.c_str(), "rb");
    ASSERT_NE(f, nullptr) << path;
    std::string text;
    char buf[4096];
    for (size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
    std::fclose(f);
    auto m = ParseMapping(text, name);
    EXPECT_TRUE(m.ok()) << name << ": " << m.error().ToString();
  }
}

}  // namespace
}  // namespace casegraph::ingest::mapped
