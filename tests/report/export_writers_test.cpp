// The four writers on a hand-made graph with hostile names: GraphML and GEXF validate against the
// standards' schemas (xmllint, tests/fixtures/schemas), CSV parses back to the same cells, the
// CASE/UCO document is JSON, and every writer is deterministic.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "export_test_graph.h"
#include "report/export_writers.h"
#include "testutil/testutil.h"

namespace casegraph::report {
namespace {

using testing::EvilGraph;

// xmllint's exit code for `file` against `schema_args` (e.g. "--schema X"); -1 when xmllint is absent.
int Xmllint(const std::string& schema_args, const std::string& content) {
  if (std::system("command -v xmllint >/dev/null 2>&1") != 0) return -1;
  const std::string dir = casegraph::testing::MakeTempDir("cg-export-unit");
  casegraph::testing::WriteFile(dir + "/doc.xml", content);
  return std::system(("xmllint --noout " + schema_args + " '" + dir + "/doc.xml' 2>/dev/null").c_str());
}

std::string Schema(const std::string& rel) { return casegraph::testing::RepoFixture("schemas/" + rel); }

TEST(ExportWriters, GraphmlValidatesAndKeepsEvilNamesAsText) {
  const std::string doc = RenderGraphml(EvilGraph());
  EXPECT_EQ(doc.find("<script"), std::string::npos);
  EXPECT_NE(doc.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(doc.find('\x01'), std::string::npos);
  EXPECT_EQ(doc.find('\xFF'), std::string::npos);
  EXPECT_NE(doc.find("<key id=\"n_pagerank\" for=\"node\" attr.name=\"pagerank\" attr.type=\"double\"/>"), std::string::npos);
  EXPECT_NE(doc.find("s1-telegram@aaaaaaaaaaaa#/chats/list/0/messages/0"), std::string::npos);
  const int rc = Xmllint("--schema '" + Schema("graphml/graphml.xsd") + "'", doc);
  if (rc == -1) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(rc, 0) << doc;
}

TEST(ExportWriters, GraphmlSchemaRejectsADanglingEdge) {
  ExportGraph g = EvilGraph();
  g.edges[0].target = "a9";  // no such node: the schema's keyref must catch it
  const int rc = Xmllint("--schema '" + Schema("graphml/graphml.xsd") + "'", RenderGraphml(g));
  if (rc == -1) GTEST_SKIP() << "xmllint not installed";
  EXPECT_NE(rc, 0);
}

TEST(ExportWriters, GexfValidatesWithTimes) {
  const std::string doc = RenderGexf(EvilGraph());
  EXPECT_NE(doc.find("<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">"), std::string::npos);
  EXPECT_NE(doc.find("mode=\"dynamic\" timeformat=\"dateTime\""), std::string::npos);
  EXPECT_NE(doc.find("start=\"2024-06-01T10:00:00Z\" end=\"2024-06-01T10:02:00Z\""), std::string::npos);
  EXPECT_EQ(doc.find("<script"), std::string::npos);
  const int rc = Xmllint("--relaxng '" + Schema("gexf-1.3/gexf.rng") + "'", doc);
  if (rc == -1) GTEST_SKIP() << "xmllint not installed";
  EXPECT_EQ(rc, 0) << doc;
  // The grammar is not a rubber stamp: a wrong version fails.
  std::string wrong = doc;
  wrong.replace(wrong.find("version=\"1.3\""), 13, "version=\"1.2\"");
  EXPECT_NE(Xmllint("--relaxng '" + Schema("gexf-1.3/gexf.rng") + "'", wrong), 0);
}

// RFC 4180 reader for the test: rows of cells.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(cell);
      cell.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      rows.emplace_back();
      ++i;
    } else {
      cell += c;
    }
  }
  if (rows.back().empty()) rows.pop_back();
  return rows;
}

TEST(ExportWriters, CsvQuotesCellsAndDefusesFormulas) {
  const auto nodes = ParseCsv(RenderCsvNodes(EvilGraph()));
  ASSERT_EQ(nodes.size(), 4u);  // header + 3 nodes
  EXPECT_EQ(nodes[0][0], "entity_id");
  EXPECT_EQ(nodes[0][1], "entity_type");
  for (const auto& row : nodes) EXPECT_EQ(row.size(), nodes[0].size());
  const std::string label = nodes[1][2];
  EXPECT_NE(label.find("<script>alert(\"x\")</script> & 'Ece', \"E\"\n"), std::string::npos) << label;
  EXPECT_EQ(label.find('\x01'), std::string::npos);
  EXPECT_NE(label.find("bad\xEF\xBF\xBD\xEF\xBF\xBD end"), std::string::npos);
  EXPECT_EQ(nodes[2][2], "'=SUM(1+1)");  // a formula at the start of a cell is defused
  EXPECT_NE(nodes[1][5].find("; =HYPERLINK"), std::string::npos);  // mid-cell it is inert text
  EXPECT_EQ(nodes[1][7], "+90 532 000 00 00");  // a phone number is not a formula
  const auto edges = ParseCsv(RenderCsvEdges(EvilGraph()));
  ASSERT_EQ(edges.size(), 3u);
  EXPECT_EQ(edges[0][1], "source_id");
  EXPECT_EQ(edges[1][1], "a2");
  EXPECT_EQ(edges[1][3], "private-chat");
  EXPECT_EQ(edges[1][8], "2024-06-01T10:00:00Z");
}

TEST(ExportWriters, CaseUcoIsJsonWithTheEvidenceAsText) {
  const std::string doc = RenderCaseUco(EvilGraph());
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_EQ(parser.parse(doc).get(root), simdjson::SUCCESS) << doc;
  EXPECT_EQ(std::string_view(root["@type"]), "uco-core:Bundle");
  bool found_hash = false, found_message = false;
  for (simdjson::dom::element o : simdjson::dom::array(root["uco-core:object"])) {
    const std::string_view type = o["@type"];
    if (type == "uco-observable:File") {
      simdjson::dom::element hash = o["uco-core:hasFacet"].at(1)["uco-observable:hash"].at(0);
      EXPECT_EQ(std::string_view(hash["uco-types:hashValue"]["@type"]), "xsd:hexBinary");
      EXPECT_EQ(std::string_view(hash["uco-types:hashMethod"]["@value"]), "SHA256");
      found_hash = true;
    }
    if (type == "uco-observable:Message") {
      const std::string_view text = o["uco-core:hasFacet"].at(0)["uco-observable:messageText"];
      EXPECT_NE(text.find("<script>"), std::string_view::npos);
      EXPECT_EQ(text.find('\x01'), std::string_view::npos);
      found_message = true;
    }
  }
  EXPECT_TRUE(found_hash);
  EXPECT_TRUE(found_message);
}

TEST(ExportWriters, EveryWriterIsDeterministic) {
  EXPECT_EQ(RenderGraphml(EvilGraph()), RenderGraphml(EvilGraph()));
  EXPECT_EQ(RenderGexf(EvilGraph()), RenderGexf(EvilGraph()));
  EXPECT_EQ(RenderCsvNodes(EvilGraph()), RenderCsvNodes(EvilGraph()));
  EXPECT_EQ(RenderCaseUco(EvilGraph()), RenderCaseUco(EvilGraph()));
}

}  // namespace
}  // namespace casegraph::report
