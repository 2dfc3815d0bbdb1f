// `timeline`: what happened, in UTC order, for an account, a person (its confirmed accounts), a
// subject (their accounts) or a case, every event cited. Event kinds:
//   first_contact    the first message of a private conversation, with who wrote first
//   message          a message the account/person/subject sent (for a case only when asked
//                    for with kinds, as a case can hold 100k messages)
//   group_join       a service message with a join/invite/add action, else the first message
//                    of the account in a group
//   platform_switch  the first activity of an account/person/subject on a platform after
//                    activity on another one
//   file             an attachment of a message sent (for a case: any attachment)
// Each kind is read through an index in time order and cut at `limit`, then the kinds are
// merged and cut again; `truncated` says whether anything was left out.
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

inline constexpr const char* kEventFirstContact = "first_contact";
inline constexpr const char* kEventMessage = "message";
inline constexpr const char* kEventGroupJoin = "group_join";
inline constexpr const char* kEventPlatformSwitch = "platform_switch";
inline constexpr const char* kEventFile = "file";

struct TimelineOptions {
  std::string case_code;  // with an entity: only its events in this case
  std::string ref;        // account ref, person:KEY or subject:CASE/LABEL; empty: the whole case
  std::vector<std::string> kinds;  // empty: every kind (for a whole case: every kind but message)
  TimeWindow window;
  int64_t limit = 200;
};

struct TimelineEvent {
  int64_t at = 0;
  std::string kind, actor, conversation, summary, platform, case_code, exhibit;
  model::Citation citation;
  int64_t seq = 0;  // tie-break within one time and kind (message, attachment or row id)
};

struct TimelineResult {
  std::string scope;  // the canonical ref, or "case:CODE"
  std::vector<TimelineEvent> events;
  bool truncated = false;
};

// InvalidArgument when neither a case nor a ref is given, for an unknown kind or a bad limit;
// NotFound for an unknown case or ref.
Result<TimelineResult> QueryTimeline(store::Workspace& ws, const TimelineOptions& options);

}  // namespace casegraph::graph
