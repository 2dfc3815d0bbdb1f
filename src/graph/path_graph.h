// The evidence graph `path` walks, read lazily through the g_* indexes: the hops out of one
// node (an account, a subject, or a person given as an end), cached per node, and when a
// message hop can happen at or after a given time. Node codes put the kind in the low two bits
// (id * 4 + kind), so ordering codes orders accounts, subjects and persons by id.
// Not thread-safe: holds prepared statements of one workspace.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "graph/citation_source.h"
#include "graph/time_window.h"
#include "store/workspace.h"

namespace casegraph::graph {

enum class NodeKind : int64_t { kAccount = 0, kSubject = 1, kPerson = 2 };
inline int64_t NodeCode(NodeKind kind, int64_t id) { return id * 4 + static_cast<int64_t>(kind); }
inline NodeKind KindOfNode(int64_t code) { return static_cast<NodeKind>(code & 3); }
inline int64_t IdOfNode(int64_t code) { return code >> 2; }

// In tie-break order.
enum class HopKind { kSubjectAccount, kPersonMember, kDirect, kGroup, kSamePerson, kSharedIdentifier };
const char* HopKindName(HopKind kind);

using Cite = std::pair<int64_t, std::string>;  // exhibit id, locator

// Unbounded times for windows and for members present throughout.
constexpr int64_t kEarliest = -(int64_t{1} << 62), kLatest = int64_t{1} << 62;

struct PathEdge {
  int64_t to = 0;            // node code
  HopKind kind = HopKind::kDirect;
  int64_t evidence_id = 0;   // conversation, person, identifier or subject id
  int64_t case_id = 0;       // 0 when the hop is not inside one case
  std::string detail;
  std::vector<Cite> cites;   // without a window
  std::optional<int64_t> at; // without a window: when it happened, if it is a message hop
  // Message hops under a window: direct uses evidence_id (the conversation); group uses the
  // two members' presence spans.
  int64_t from_first = kEarliest, from_last = kLatest, to_first = kEarliest, to_last = kLatest;
};

struct Arrival {
  int64_t at = 0;
  std::vector<Cite> cites;
};

class PathGraph {
 public:
  // `person_ends`: persons given as from/to, so their members get an edge to them.
  static Result<PathGraph> Open(store::Workspace& ws, std::map<int64_t, std::vector<int64_t>> person_ends);

  // The hops out of `node`, in tie-break order; cached, so the edges stay put while the graph lives.
  Result<const std::vector<PathEdge>*> Edges(int64_t node);
  // When `edge` can happen at or after `lower` inside `window`; nullopt when it cannot. Hops
  // without time arrive at `lower` with their usual citations.
  Result<std::optional<Arrival>> Arrive(const PathEdge& edge, int64_t lower, const TimeWindow& window);
  // "telegram:user1", "subject:C001/S1", "person:P-…".
  Result<std::string> NodeRef(int64_t node);
  CitationSource& citations() { return citations_; }

 private:
  Status AccountEdges(int64_t account_id, std::vector<PathEdge>& out);
  Status DirectEdges(int64_t account_id, std::vector<PathEdge>& out);
  Status GroupEdges(int64_t account_id, std::vector<PathEdge>& out);
  Status PersonEdges(int64_t account_id, std::vector<PathEdge>& out);
  Status IdentifierEdges(int64_t account_id, std::vector<PathEdge>& out);

  CitationSource citations_;
  std::map<int64_t, std::vector<int64_t>> person_ends_;
  std::map<int64_t, std::vector<std::pair<int64_t, Cite>>> subjects_of_account_;  // account -> (subject, cite)
  std::map<int64_t, std::vector<std::pair<int64_t, Cite>>> accounts_of_subject_;
  std::map<int64_t, std::string> subject_refs_;
  std::map<int64_t, std::vector<PathEdge>> cache_;
  store::Stmt direct_, groups_, group_members_, persons_, identifiers_, message_after_, account_ref_, person_key_;
};

}  // namespace casegraph::graph
