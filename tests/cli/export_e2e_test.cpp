// End-to-end `export` through the binary on two cases linked by one account (telegram:user200
// writes first to a subject in each; its display name carries markup): all four formats, GraphML
// and GEXF validated with xmllint against the standards' schemas (tests/fixtures/schemas), the CSV
// read back (every edge end is a node), the CASE/UCO document parsed as JSON-LD by rdflib
// (/usr/bin/python3, offline) and queried for accounts, messages, relationships and provenance
// records with the exhibit SHA-256. Also: byte-identical reruns, exit codes, no half-written files,
// and a workspace left unchanged.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "graph/identity_exports.h"
#include "testutil/testutil.h"

namespace casegraph {
namespace {

using testing::RunCli;

std::string Quote(const std::string& s) { return "'" + s + "'"; }
constexpr long long kT0 = 1717236000;  // 2024-06-01T10:00:00Z
constexpr char kOperativeName[] = "Deniz <script>alert(1)</script> & co";

class ExportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("cg-export");
    ws_ = "-w " + Quote(dir_ + "/w.db");
    std::filesystem::create_directories(dir_ + "/s1-telegram");
    std::filesystem::create_directories(dir_ + "/s2-telegram");
    std::filesystem::create_directories(dir_ + "/out");
    testing::WriteFile(dir_ + "/s1-telegram/result.json",
                       graph::testing::TelegramExport(
                           100, "Ece", "ece_t", {},
                           {{kOperativeName, "personal_chat", 200,
                             {{1, "user200", kOperativeName, "hello", kT0}, {2, "user100", "Ece", "hi", kT0 + 60}}}}));
    testing::WriteFile(dir_ + "/s2-telegram/result.json",
                       graph::testing::TelegramExport(
                           102, "Mert", "mert_t", {},
                           {{kOperativeName, "personal_chat", 200, {{1, "user200", kOperativeName, "hello there", kT0 + 3600}}}}));
    for (const char* c : {"C1", "C2"}) ASSERT_EQ(RunCli(ws_ + " case add " + c).exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " subject add --case C1 S1 --born 2010").exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " subject add --case C2 S2 --born 2011").exit_code, 0);
    testing::CliRun in1 = RunCli(ws_ + " ingest --case C1 --owner S1 --json " + Quote(dir_ + "/s1-telegram"));
    ASSERT_EQ(in1.exit_code, 0);
    ASSERT_EQ(RunCli(ws_ + " ingest --case C2 --owner S2 " + Quote(dir_ + "/s2-telegram")).exit_code, 0);
    simdjson::dom::element doc;
    ASSERT_EQ(parser_.parse(in1.out).get(doc), simdjson::SUCCESS);
    sha256_c1_ = std::string(std::string_view(doc["exhibits"].at(0)["sha256"]));
  }

  // Runs export twice: exit 0, the same --json, byte-identical files. Returns the files.
  std::vector<std::string> Export(const std::string& format, const std::string& out) {
    const std::string args = ws_ + " export --format " + format + " -o " + Quote(out) + " --json";
    testing::CliRun first = RunCli(args);
    EXPECT_EQ(first.exit_code, 0) << args << "\n" << first.out;
    simdjson::dom::element doc;
    EXPECT_EQ(parser_.parse(first.out).get(doc), simdjson::SUCCESS) << first.out;
    std::vector<std::string> files;
    if (doc.is_object()) {
      EXPECT_EQ(std::string_view(doc["export"]["format"]), format);
      EXPECT_GT(int64_t(doc["export"]["nodes"]), 0);
      EXPECT_GT(int64_t(doc["export"]["edges"]), 0);
      for (simdjson::dom::element f : simdjson::dom::array(doc["export"]["files"])) files.emplace_back(std::string_view(f));
    }
    std::vector<std::string> contents;
    for (const auto& f : files) contents.push_back(testing::ReadFileOrDie(f));
    EXPECT_EQ(RunCli(args).out, first.out);
    for (size_t i = 0; i < files.size(); ++i) EXPECT_EQ(testing::ReadFileOrDie(files[i]), contents[i]) << files[i];
    return files;
  }

  std::string dir_, ws_, sha256_c1_;
  simdjson::dom::parser parser_;
};

int Shell(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

TEST_F(ExportCliTest, GraphmlAndGexfValidateAgainstTheirSchemas) {
  ASSERT_EQ(Shell("command -v xmllint"), 0) << "xmllint (libxml2-utils, scripts/setup-debian.sh) is required";
  const std::string schemas = testing::RepoFixture("schemas");
  const auto graphml = Export("graphml", dir_ + "/out/g.graphml");
  ASSERT_EQ(graphml.size(), 1u);
  EXPECT_EQ(Shell("xmllint --noout --schema " + Quote(schemas + "/graphml/graphml.xsd") + " " + Quote(graphml[0])), 0);
  const std::string text = testing::ReadFileOrDie(graphml[0]);
  EXPECT_EQ(text.find("<script>"), std::string::npos);
  EXPECT_NE(text.find("Deniz &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), std::string::npos);
  const auto gexf = Export("gexf", dir_ + "/out/g.gexf");
  ASSERT_EQ(gexf.size(), 1u);
  EXPECT_EQ(Shell("xmllint --noout --relaxng " + Quote(schemas + "/gexf-1.3/gexf.rng") + " " + Quote(gexf[0])), 0);
  EXPECT_NE(testing::ReadFileOrDie(gexf[0]).find("start=\"2024-06-01T10:00:00Z\""), std::string::npos);
}

TEST_F(ExportCliTest, CsvEdgesReferToNodes) {
  const auto files = Export("csv", dir_ + "/out/");
  ASSERT_EQ(files.size(), 2u);
  const std::string nodes = testing::ReadFileOrDie(files[0]), edges = testing::ReadFileOrDie(files[1]);
  EXPECT_EQ(nodes.substr(0, nodes.find("\r\n")).substr(0, 29), "entity_id,entity_type,label,p");
  std::set<std::string> ids;
  for (size_t at = nodes.find("\r\n") + 2; at < nodes.size(); at = nodes.find("\r\n", at) + 2) {
    ids.insert(nodes.substr(at, nodes.find(',', at) - at));
  }
  EXPECT_GE(ids.size(), 5u);  // 3 accounts + 2 subjects
  size_t rows = 0;
  for (size_t at = edges.find("\r\n") + 2; at < edges.size(); at = edges.find("\r\n", at) + 2, ++rows) {
    const size_t c1 = edges.find(',', at), c2 = edges.find(',', c1 + 1), c3 = edges.find(',', c2 + 1);
    EXPECT_TRUE(ids.count(edges.substr(c1 + 1, c2 - c1 - 1))) << edges.substr(at, 80);
    EXPECT_TRUE(ids.count(edges.substr(c2 + 1, c3 - c2 - 1))) << edges.substr(at, 80);
  }
  EXPECT_GE(rows, 4u);  // 2 private chats + 2 uses-account
  EXPECT_NE(edges.find("private-chat"), std::string::npos);
}

TEST_F(ExportCliTest, CaseUcoParsesAsJsonLdWithProvenance) {
  ASSERT_EQ(Shell("/usr/bin/python3 -c 'import rdflib'"), 0) << "python3-rdflib (scripts/setup-debian.sh) is required";
  const auto files = Export("case-uco", dir_ + "/out/case.jsonld");
  ASSERT_EQ(files.size(), 1u);
  const std::string script = dir_ + "/check.py";
  testing::WriteFile(script, R"(import sys
from rdflib import Graph, Literal, URIRef
g = Graph().parse(sys.argv[1], format="json-ld")
P = """PREFIX core: <https://ontology.unifiedcyberontology.org/uco/core/>
PREFIX obs: <https://ontology.unifiedcyberontology.org/uco/observable/>
PREFIX types: <https://ontology.unifiedcyberontology.org/uco/types/>
PREFIX inv: <https://ontology.caseontology.org/case/investigation/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""
def count(q):
    return int(list(g.query(P + q))[0][0])
print("accounts", count("SELECT (COUNT(?a) AS ?n) WHERE { ?a a obs:ApplicationAccount ; core:hasFacet ?f . ?f a obs:AccountFacet ; obs:accountIdentifier \"telegram:user200\" . ?a core:hasFacet ?g . ?g a obs:ApplicationAccountFacet ; obs:application ?app . }"))
print("messages", count("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a obs:Message ; core:hasFacet ?f . ?f a obs:MessageFacet ; obs:from ?s ; obs:sentTime ?t ; obs:messageText ?x . }"))
print("chats", count("SELECT (COUNT(?r) AS ?n) WHERE { ?r a core:Relationship ; core:kindOfRelationship \"Private_Chat_With\" ; core:source ?s ; core:target ?t . ?s a obs:ApplicationAccount . }"))
print("sent_by", count("SELECT (COUNT(?r) AS ?n) WHERE { ?r a core:Relationship ; core:kindOfRelationship \"Sent_By\" ; core:source ?m ; core:target ?a . ?m a obs:Message . ?a a obs:ApplicationAccount . }"))
print("provenance", count("SELECT (COUNT(?p) AS ?n) WHERE { ?p a inv:ProvenanceRecord ; inv:exhibitNumber \"s1-telegram\" ; core:object ?file . ?file a obs:File ; core:hasFacet ?c . ?c a obs:ContentDataFacet ; obs:hash ?h . ?h a types:Hash ; types:hashMethod ?m ; types:hashValue \"%s\"^^xsd:hexBinary . FILTER(STR(?m) = \"SHA256\") }" % sys.argv[2]))
print("contained", count("SELECT (COUNT(?r) AS ?n) WHERE { ?r core:kindOfRelationship \"Contained_Within\" ; core:source ?m ; core:target ?file ; core:description ?d . ?m a obs:Message . ?file a obs:File . FILTER(CONTAINS(?d, \"/chats/list/0/messages/\")) }"))
)");
  const std::string out_file = dir_ + "/py.out";
  const int rc = std::system(("/usr/bin/python3 " + Quote(script) + " " + Quote(files[0]) + " " + sha256_c1_ + " >" +
                              Quote(out_file) + " 2>&1").c_str());
  const std::string out = testing::ReadFileOrDie(out_file);
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("accounts 1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("messages 3\n"), std::string::npos) << out;
  EXPECT_NE(out.find("chats 2\n"), std::string::npos) << out;
  EXPECT_NE(out.find("sent_by 3\n"), std::string::npos) << out;
  EXPECT_NE(out.find("provenance 1\n"), std::string::npos) << out;
  EXPECT_NE(out.find("contained 3\n"), std::string::npos) << out;
}

TEST_F(ExportCliTest, BadInputExitsWithoutWritingAnything) {
  const std::string before = RunCli(ws_ + " verify --json").out;
  EXPECT_EQ(RunCli(ws_ + " export --format graphml --case C9 -o " + Quote(dir_ + "/out/x.graphml")).exit_code, 1);
  EXPECT_EQ(RunCli(ws_ + " export --format pajek -o " + Quote(dir_ + "/out/x.net")).exit_code, 2);
  EXPECT_EQ(RunCli(ws_ + " export --format gexf").exit_code, 2);
  EXPECT_EQ(RunCli(ws_ + " export --format gexf -o " + Quote(dir_ + "/missing/dir/x.gexf")).exit_code, 1);
  EXPECT_EQ(RunCli(ws_ + " export --format csv -o " + Quote(dir_ + "/missing/deeper/")).exit_code, 1);
  EXPECT_TRUE(std::filesystem::is_empty(dir_ + "/out"));
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/missing"));
  // Scoped export of C1 only still succeeds, and nothing of the workspace changed (read-only).
  EXPECT_EQ(RunCli(ws_ + " export --format gexf --case C1 -o " + Quote(dir_ + "/out/c1.gexf")).exit_code, 0);
  EXPECT_EQ(testing::ReadFileOrDie(dir_ + "/out/c1.gexf").find("C2"), std::string::npos);
  EXPECT_EQ(RunCli(ws_ + " verify --json").out, before);
}

}  // namespace
}  // namespace casegraph
