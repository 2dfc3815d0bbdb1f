// `path`: the shortest evidence path between two accounts, persons or subjects, every hop
// cited. Hops (each counts one, as ground-truth `paths` counts them):
//   subject-account     a subject and an account of theirs (g_subject_accounts)
//   direct              two accounts of one private conversation (g_direct)
//   group               two members of one group conversation (class `group`; broadcast
//                       channels never join their followers)
//   same-person         two confirmed accounts of one person (suggestions are never followed)
//   shared-identifier   two accounts with the same identifier in their profiles (a phone, a
//                       Telegram username)
//   person-member       a person given as an end and one of its confirmed accounts
// Ties are broken towards the lowest ids (accounts before subjects before persons, then by id,
// then direct < group < same-person < shared-identifier, then the conversation's id).
//
// Time order: with --after and/or --before, only message hops (direct, group) inside the
// window count, and along the path each message hop happens no earlier than the one before it.
// A direct hop happens at the first message of the conversation (with a sender) at or after
// that lower bound, and cites it; a group hop happens at the first moment at or after the lower
// bound when both accounts were in the group (from each one's first to last message there; an
// owner or peer member without messages counts as present throughout), and cites both
// members' first messages there. Other hops carry no time and keep the lower bound. Among the
// shortest such paths the one arriving earliest wins. Without a window, times are reported but
// not constrained.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "graph/time_window.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace casegraph::graph {

struct PathOptions {
  std::string from, to;  // refs as given
  TimeWindow window;
  int64_t max_hops = 16;
};

struct PathHop {
  std::string from, to, kind;
  std::optional<int64_t> at;
  std::string case_code;
  std::string detail;  // the conversation, person or identifier the hop goes through
  std::vector<model::Citation> citations;
};

struct PathResult {
  std::string from, to;  // canonical refs
  bool found = false;
  std::vector<PathHop> hops;
};

// NotFound (naming the ref) for an unknown from/to; InvalidArgument when from and to are the
// same. No path within max_hops is a result with found = false.
Result<PathResult> FindPath(store::Workspace& ws, const PathOptions& options);

}  // namespace casegraph::graph
