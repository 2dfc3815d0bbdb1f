// Common contacts from the same cached, indexed hops `path` walks (PathGraph): per side, the
// direct and group hops out of each of its accounts.
#include "graph/contacts.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "graph/path_graph.h"
#include "graph/read_snapshot.h"
#include "graph/ref_resolve.h"

namespace casegraph::graph {
namespace {

using EvidenceByContact = std::map<int64_t, std::vector<ContactEvidence>>;  // contact account id -> evidence

Status CollectSide(PathGraph& graph, const Endpoint& side, const std::set<int64_t>& excluded, EvidenceByContact& out) {
  for (int64_t account : side.accounts) {
    auto edges = graph.Edges(NodeCode(NodeKind::kAccount, account));
    if (!edges) return edges.error();
    auto own = graph.NodeRef(NodeCode(NodeKind::kAccount, account));
    if (!own) return own.error();
    for (const PathEdge& e : **edges) {
      if (e.kind != HopKind::kDirect && e.kind != HopKind::kGroup) continue;
      const int64_t contact = IdOfNode(e.to);
      if (excluded.count(contact)) continue;
      ContactEvidence ev;
      ev.account = *own;
      ev.kind = HopKindName(e.kind);
      ev.detail = e.detail;
      ev.case_code = graph.citations().CaseCode(e.case_id);
      ev.at = e.at;
      for (const auto& [exhibit, locator] : e.cites) ev.citations.push_back(graph.citations().Cite(exhibit, locator));
      out[contact].push_back(std::move(ev));
    }
  }
  return Ok();
}

void Keep(std::vector<ContactEvidence> all, std::vector<ContactEvidence>& shown, int64_t& total) {
  std::stable_sort(all.begin(), all.end(), [](const ContactEvidence& x, const ContactEvidence& y) {
    return std::make_tuple(!x.at.has_value(), x.at.value_or(0), x.account, x.case_code, x.detail) <
           std::make_tuple(!y.at.has_value(), y.at.value_or(0), y.account, y.case_code, y.detail);
  });
  total = static_cast<int64_t>(all.size());
  if (all.size() > kContactEvidencePerSide) all.resize(kContactEvidencePerSide);
  shown = std::move(all);
}

}  // namespace

Result<ContactsResult> QueryCommonContacts(store::Workspace& ws, const std::string& a, const std::string& b) {
  ReadSnapshot snapshot(ws);
  auto side_a = ResolveRef(ws, a);
  if (!side_a) return side_a.error();
  auto side_b = ResolveRef(ws, b);
  if (!side_b) return side_b.error();
  if (side_a->ref == side_b->ref) return Error::InvalidArgument("both sides name " + side_a->ref);
  auto graph = PathGraph::Open(ws, {});
  if (!graph) return graph.error();
  std::set<int64_t> excluded(side_a->accounts.begin(), side_a->accounts.end());
  excluded.insert(side_b->accounts.begin(), side_b->accounts.end());
  EvidenceByContact of_a, of_b;
  CASEGRAPH_RETURN_IF_ERROR(CollectSide(*graph, *side_a, excluded, of_a));
  CASEGRAPH_RETURN_IF_ERROR(CollectSide(*graph, *side_b, excluded, of_b));

  ContactsResult out;
  out.a = side_a->ref;
  out.b = side_b->ref;
  for (auto& [contact, evidence_a] : of_a) {
    auto it = of_b.find(contact);
    if (it == of_b.end()) continue;
    CommonContact c;
    auto ref = graph->NodeRef(NodeCode(NodeKind::kAccount, contact));
    if (!ref) return ref.error();
    c.ref = std::move(*ref);
    Keep(std::move(evidence_a), c.via_a, c.total_a);
    Keep(std::move(it->second), c.via_b, c.total_b);
    out.contacts.push_back(std::move(c));
  }
  std::sort(out.contacts.begin(), out.contacts.end(),
            [](const CommonContact& x, const CommonContact& y) { return x.ref < y.ref; });
  return out;
}

}  // namespace casegraph::graph
