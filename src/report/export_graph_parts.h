// Internal to export_graph*.cpp: the loading state shared by the node and the edge readers.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/citation_source.h"
#include "report/export_graph.h"

namespace casegraph::report::detail {

struct LoadState {
  store::Workspace& ws;
  graph::CitationSource& cite;
  std::vector<int64_t> scope;
  std::map<int64_t, size_t> account_node;  // account id -> index in graph.nodes
  ExportGraph& graph;
  // `column IN (scope)`, or "1" when every case is in scope.
  std::string Scope(const std::string& column) const;
  std::optional<model::Citation> Cite(const store::Stmt& s, int exhibit_col, int locator_col) const;
  std::string AccountNode(int64_t account_id) const;  // "" when the account is not a node
};

Status LoadAccounts(LoadState& st);
Status LoadSubjects(LoadState& st);
Status LoadPersons(LoadState& st);
Status LoadPrivateChats(LoadState& st);
Status LoadGroupCoMembership(LoadState& st);
Status LoadMessages(LoadState& st);

}  // namespace casegraph::report::detail
