// QueryTimeline: resolves the scope, asks each requested kind's source for its earliest events
// (each cut at the limit), merges them in time order and cuts again.
#include "graph/timeline.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "graph/query_rows.h"
#include "graph/read_snapshot.h"
#include "graph/ref_resolve.h"
#include "graph/timeline_sources.h"

namespace casegraph::graph {
namespace {

// In the order events of one instant are listed: the first contact before the message it is.
constexpr std::array<const char*, 5> kKinds = {kEventFirstContact, kEventGroupJoin, kEventPlatformSwitch, kEventMessage,
                                               kEventFile};
constexpr int64_t kNoEarlier = -(int64_t{1} << 62), kNoLater = int64_t{1} << 62;

int KindRank(const std::string& kind) {
  for (size_t i = 0; i < kKinds.size(); ++i) {
    if (kind == kKinds[i]) return static_cast<int>(i);
  }
  return static_cast<int>(kKinds.size());
}

Result<std::vector<std::string>> ChosenKinds(const TimelineOptions& o) {
  if (o.kinds.empty()) {
    std::vector<std::string> all;
    for (const char* k : kKinds) {
      if (!o.ref.empty() || std::string(k) != kEventMessage) all.push_back(k);
    }
    return all;
  }
  for (const auto& k : o.kinds) {
    if (KindRank(k) == static_cast<int>(kKinds.size())) {
      return Error::InvalidArgument("unknown timeline kind '" + k +
                                    "' (kinds: first_contact, message, group_join, platform_switch, file)");
    }
  }
  return o.kinds;
}

Result<std::vector<int64_t>> CaseExhibits(store::Workspace& ws, int64_t case_id) {
  auto stmt = ws.db().Prepare("SELECT id FROM exhibits WHERE case_id=?1 ORDER BY id");
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_id);
  std::vector<int64_t> out;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*stmt, [&](store::Stmt& s) { out.push_back(s.Int(0)); }));
  return out;
}

}  // namespace

Result<TimelineResult> QueryTimeline(store::Workspace& ws, const TimelineOptions& options) {
  ReadSnapshot snapshot(ws);
  if (options.limit < 1) return Error::InvalidArgument("--limit must be at least 1");
  if (options.case_code.empty() && options.ref.empty()) {
    return Error::InvalidArgument("timeline needs --case, --account, --person or --subject");
  }
  auto kinds = ChosenKinds(options);
  if (!kinds) return kinds.error();
  TimelineResult result;
  TimelineScope scope;
  scope.from = options.window.after.value_or(kNoEarlier);
  scope.until = options.window.before.value_or(kNoLater);
  scope.limit = options.limit + 1;  // one more than shown, so that a cut is noticed
  if (!options.case_code.empty()) {
    auto c = ws.FindCase(options.case_code);
    if (!c) return c.error();
    scope.case_id = c->id;
    result.scope = "case:" + c->code;
  }
  if (!options.ref.empty()) {
    auto entity = ResolveRef(ws, options.ref);
    if (!entity) return entity.error();
    if (entity->accounts.empty()) {
      return Error::NotFound(entity->ref + " has no accounts in the graph (a subject's accounts come from ingest "
                                           "--owner or subject add --account; a person's from confirmed memberships)");
    }
    scope.accounts = entity->accounts;
    scope.label = entity->ref;
    result.scope = entity->ref + (options.case_code.empty() ? "" : " in " + result.scope);
  } else {
    auto exhibits = CaseExhibits(ws, scope.case_id);
    if (!exhibits) return exhibits.error();
    scope.case_exhibits = std::move(*exhibits);
  }

  auto sources = TimelineSources::Open(ws);
  if (!sources) return sources.error();
  std::vector<TimelineEvent>& events = result.events;
  for (const auto& kind : *kinds) {
    if (kind == kEventFirstContact) CASEGRAPH_RETURN_IF_ERROR(sources->FirstContacts(scope, events));
    if (kind == kEventMessage) CASEGRAPH_RETURN_IF_ERROR(sources->Messages(scope, events));
    if (kind == kEventGroupJoin) CASEGRAPH_RETURN_IF_ERROR(sources->GroupJoins(scope, events));
    if (kind == kEventPlatformSwitch) CASEGRAPH_RETURN_IF_ERROR(sources->PlatformSwitches(scope, events));
    if (kind == kEventFile) CASEGRAPH_RETURN_IF_ERROR(sources->Files(scope, events));
  }
  std::sort(events.begin(), events.end(), [](const TimelineEvent& a, const TimelineEvent& b) {
    return std::make_tuple(a.at, KindRank(a.kind), a.seq, a.actor, a.citation.locator) <
           std::make_tuple(b.at, KindRank(b.kind), b.seq, b.actor, b.citation.locator);
  });
  const auto limit = static_cast<size_t>(options.limit);
  result.truncated = events.size() > limit;
  if (result.truncated) events.resize(limit);
  return result;
}

}  // namespace casegraph::graph
