// The export graph read from a real workspace: two cases linked by one account (telegram:user200
// writes first to a subject in each), a group in C1, case scope, unknown cases, determinism and
// the atomic file writing of WriteExport.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "graph/graph_test_util.h"
#include "graph/identity_exports.h"
#include "report/export.h"
#include "report/export_graph.h"
#include "report/export_writers.h"

namespace casegraph::report {
namespace {

using graph::testing::TelegramExport;
constexpr long long kT0 = 1717236000;  // 2024-06-01T10:00:00Z

class ExportGraphTest : public graph::testing::GraphTest {
 protected:
  void SetUp() override {
    GraphTest::SetUp();
    AddCase("C1");
    AddCase("C2");
    AddSubject("C1", "S1");
    AddSubject("C2", "S2");
    Ingest("C1", "/c1/result.json",
           TelegramExport(100, "Ece <b>&amp;</b>", "ece_t", {},
                          {{"Deniz", "personal_chat", 200, {{1, "user200", "Deniz", "hello", kT0}, {2, "user100", "Ece", "hi", kT0 + 60}}},
                           {"Club", "private_group", 950,
                            {{3, "user100", "Ece", "welcome", kT0 + 100}, {4, "user106", "Friend", "hi all", kT0 + 160}}}}),
           "S1");
    Ingest("C2", "/c2/result.json",
           TelegramExport(102, "Mert", "mert_t", {}, {{"Deniz", "personal_chat", 200, {{1, "user200", "Deniz", "hello there", kT0 + 3600}}}}),
           "S2");
  }

  const ExportNode* Node(const ExportGraph& g, const std::string& ref_or_label) {
    for (const auto& n : g.nodes) {
      if (n.ref == ref_or_label || (n.ref.empty() && n.label == ref_or_label)) return &n;
    }
    return nullptr;
  }
  size_t Count(const ExportGraph& g, const std::string& kind) {
    return static_cast<size_t>(std::count_if(g.edges.begin(), g.edges.end(), [&](const ExportEdge& e) { return e.kind == kind; }));
  }
};

TEST_F(ExportGraphTest, TwoCasesLinkedByOneAccount) {
  auto g = LoadExportGraph(*ws_, {});
  ASSERT_TRUE(g.ok()) << g.error().ToString();
  EXPECT_EQ(g->cases, (std::vector<std::string>{"C1", "C2"}));
  const ExportNode* op = Node(*g, "telegram:user200");
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(op->cases, (std::vector<std::string>{"C1", "C2"}));
  EXPECT_EQ(op->label, "Deniz");
  ASSERT_TRUE(op->citation.has_value());
  EXPECT_EQ(op->citation->case_code, "C1");
  ASSERT_NE(Node(*g, "C1/S1"), nullptr);
  ASSERT_NE(Node(*g, "C2/S2"), nullptr);
  EXPECT_EQ(Count(*g, kEdgePrivateChat), 2u);
  EXPECT_EQ(Count(*g, kEdgeUsesAccount), 2u);
  EXPECT_EQ(Count(*g, kEdgeGroupCoMember), 1u);
  for (const auto& e : g->edges) {
    EXPECT_TRUE(e.citation.has_value()) << e.kind << " " << e.source << "->" << e.target;
    if (e.kind == kEdgePrivateChat) {
      EXPECT_EQ(e.source, op->id) << "the initiator is the source";
      EXPECT_TRUE(e.directed);
    }
  }
  // Every edge end is a node.
  for (const auto& e : g->edges) {
    EXPECT_TRUE(std::any_of(g->nodes.begin(), g->nodes.end(), [&](const ExportNode& n) { return n.id == e.source; }));
    EXPECT_TRUE(std::any_of(g->nodes.begin(), g->nodes.end(), [&](const ExportNode& n) { return n.id == e.target; }));
  }
}

TEST_F(ExportGraphTest, ScopeLeavesOtherCasesOut) {
  ExportGraphOptions options;
  options.cases = {"C1"};
  options.with_messages = true;
  auto g = LoadExportGraph(*ws_, options);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(Node(*g, "telegram:user200")->cases, (std::vector<std::string>{"C1"}));
  EXPECT_EQ(Node(*g, "C2/S2"), nullptr);
  EXPECT_EQ(Node(*g, "telegram:user102"), nullptr);
  EXPECT_EQ(Count(*g, kEdgePrivateChat), 1u);
  ASSERT_EQ(g->exhibits.size(), 1u);
  EXPECT_EQ(g->exhibits[0].case_code, "C1");
  EXPECT_EQ(g->messages.size(), 4u);
  for (const auto& m : g->messages) EXPECT_EQ(m.exhibit_id, g->exhibits[0].id);
}

TEST_F(ExportGraphTest, UnknownCaseIsNotFound) {
  ExportGraphOptions options;
  options.cases = {"C9"};
  auto g = LoadExportGraph(*ws_, options);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().kind(), ErrorKind::kNotFound);
  EXPECT_NE(g.error().message().find("C9"), std::string::npos);
}

TEST_F(ExportGraphTest, SameWorkspaceSameBytes) {
  auto a = LoadExportGraph(*ws_, {{}, true});
  auto b = LoadExportGraph(*ws_, {{}, true});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(RenderGraphml(*a), RenderGraphml(*b));
  EXPECT_EQ(RenderCaseUco(*a), RenderCaseUco(*b));
}

TEST_F(ExportGraphTest, WriteExportIsAtomicAndReportsBadPaths) {
  auto csv = WriteExport(*ws_, {ExportFormat::kCsv, {}, dir_ + "/"});
  ASSERT_TRUE(csv.ok()) << csv.error().ToString();
  EXPECT_EQ(csv->files, (std::vector<std::string>{dir_ + "/nodes.csv", dir_ + "/edges.csv"}));
  EXPECT_GT(csv->nodes, 0);
  auto prefixed = WriteExport(*ws_, {ExportFormat::kCsv, {}, dir_ + "/x"});
  ASSERT_TRUE(prefixed.ok());
  EXPECT_EQ(prefixed->files.front(), dir_ + "/x-nodes.csv");

  // "-o DIR/" makes the one missing folder for the CSV pair; a deeper missing path is an error.
  auto made = WriteExport(*ws_, {ExportFormat::kCsv, {}, dir_ + "/csv/"});
  ASSERT_TRUE(made.ok()) << made.error().ToString();
  EXPECT_EQ(made->files, (std::vector<std::string>{dir_ + "/csv/nodes.csv", dir_ + "/csv/edges.csv"}));
  auto too_deep = WriteExport(*ws_, {ExportFormat::kCsv, {}, dir_ + "/no/such/"});
  ASSERT_FALSE(too_deep.ok());
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/no"));

  auto missing = WriteExport(*ws_, {ExportFormat::kGraphml, {}, dir_ + "/no/such/dir/g.graphml"});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind(), ErrorKind::kIo);
  auto onto_folder = WriteExport(*ws_, {ExportFormat::kGexf, {}, dir_});
  ASSERT_FALSE(onto_folder.ok());
  // Nothing but the CSV files and the workspace is left: no temporary files.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
  }
}

}  // namespace
}  // namespace casegraph::report
