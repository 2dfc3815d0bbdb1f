#include "indicators/subject_direct_chats.h"

#include <algorithm>
#include <tuple>
#include <utility>

#include "graph/query_rows.h"
#include "indicators/contact_history.h"

namespace casegraph::indicators {

std::optional<bool> SubjectDirectChat::SubjectMayBeMinor() const {
  if (!first_at) return std::nullopt;
  return MayBeMinorAt(subject->born, *first_at);
}

Result<std::vector<SubjectDirectChat>> LoadSubjectDirectChats(store::Workspace& ws, const SubjectScope& scope) {
  auto stmt = ws.db().Prepare(
      "SELECT conversation_id, case_id, exhibit_id, a_account_id, b_account_id, initiator_account_id, "
      "first_message_id, first_at FROM g_direct ORDER BY conversation_id");
  if (!stmt) return stmt.error();
  std::vector<SubjectDirectChat> out;
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*stmt, [&](store::Stmt& r) {
    const int64_t case_id = r.Int(1);
    if (!scope.HasCase(case_id)) return;
    const int64_t sides[2] = {r.Int(3), r.Int(4)};
    for (int side = 0; side < 2; ++side) {
      const int64_t mine = sides[side], other = sides[1 - side];
      for (const ScopedSubject* s : scope.SubjectsOfAccount(mine)) {
        if (s->Uses(other)) continue;  // the subject's own two accounts
        SubjectDirectChat c;
        c.subject = s;
        c.subject_account = mine;
        c.other_account = other;
        c.conversation_id = r.Int(0);
        c.case_id = case_id;
        c.exhibit_id = r.Int(2);
        c.initiator = r.OptInt(5);
        c.first_message_id = r.OptInt(6);
        c.first_at = r.OptInt(7);
        out.push_back(c);
      }
    }
  }));
  std::sort(out.begin(), out.end(), [](const SubjectDirectChat& a, const SubjectDirectChat& b) {
    const int64_t at_a = a.first_at.value_or(INT64_MAX), at_b = b.first_at.value_or(INT64_MAX);
    return std::tie(a.subject->case_code, a.subject->label, at_a, a.conversation_id, a.subject_account) <
           std::tie(b.subject->case_code, b.subject->label, at_b, b.conversation_id, b.subject_account);
  });
  return out;
}

Result<ContactInputs> LoadContactInputs(IndicatorContext& ctx) {
  auto scope = SubjectScope::Load(ctx.ws, ctx.cases);
  if (!scope) return scope.error();
  auto all = SubjectScope::Load(ctx.ws, {});
  if (!all) return all.error();
  auto history = ContactHistory::Load(ctx.ws);
  if (!history) return history.error();
  ContactInputs in(std::move(*scope), std::move(*all), std::move(*history));
  auto chats = LoadSubjectDirectChats(ctx.ws, in.all);
  if (!chats) return chats.error();
  in.chats = std::move(*chats);
  return in;
}

}  // namespace casegraph::indicators
