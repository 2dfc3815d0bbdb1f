#include "indicators/contact_history.h"

#include <algorithm>

#include "graph/query_rows.h"

namespace casegraph::indicators {
namespace {

// The confirmed status as the identity writer stores it (graph/identity_candidates.h).
constexpr const char* kConfirmed = "confirmed";

}  // namespace

Result<ContactHistory> ContactHistory::Load(store::Workspace& ws) {
  ContactHistory h;
  auto saved = ws.db().Prepare(
      "SELECT 1 FROM exhibit_accounts ea JOIN exhibits e ON e.id = ea.exhibit_id "
      "WHERE ea.account_id = ?1 AND ea.role = 'contact' AND e.owner_subject_id = ?2 LIMIT 1");
  if (!saved) return saved.error();
  h.saved_ = std::move(*saved);
  // ?2 is the subject's accounts as a comma-separated list (json_each keeps it one statement).
  auto shared = ws.db().Prepare(
      "SELECT 1 FROM g_members mo "
      "JOIN g_conversations gc ON gc.conversation_id = mo.conversation_id "
      "JOIN g_members ms ON ms.conversation_id = mo.conversation_id "
      "WHERE mo.account_id = ?1 AND ms.account_id IN (SELECT value FROM json_each(?2)) "
      "AND mo.conversation_id <> ?4 AND gc.class NOT IN ('channel', 'self') "
      "AND COALESCE(mo.first_at, gc.first_at) < ?3 LIMIT 1");
  if (!shared) return shared.error();
  h.shared_ = std::move(*shared);
  auto account = ws.db().Prepare("SELECT ref, platform FROM accounts WHERE id = ?1");
  if (!account) return account.error();
  h.account_ = std::move(*account);

  auto persons = ws.db().Prepare(
      "SELECT pm.person_id, p.key, pm.account_id FROM person_members pm JOIN persons p ON p.id = pm.person_id "
      "WHERE pm.status = ?1 ORDER BY pm.person_id, pm.account_id");
  if (!persons) return persons.error();
  persons->Bind(1, kConfirmed);
  std::map<int64_t, std::vector<int64_t>> members;
  std::map<int64_t, std::string> keys;
  CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*persons, [&](store::Stmt& r) {
    members[r.Int(0)].push_back(r.Int(2));
    keys[r.Int(0)] = r.Text(1);
  }));
  for (const auto& [person, accounts] : members) {
    for (int64_t a : accounts) {
      h.same_person_[a] = accounts;
      h.person_ref_[a] = "person:" + keys[person];
    }
  }
  return h;
}

Result<bool> ContactHistory::IsSavedContact(const ScopedSubject& subject, int64_t account_id) {
  auto facts = Account(account_id);
  if (!facts) return facts.error();
  if (facts->ref.rfind("whatsapp-contact:", 0) == 0) return true;
  saved_.Bind(1, account_id).Bind(2, subject.id);
  auto row = saved_.Step();
  if (!row) return row.error();
  saved_.Reset();
  return *row;
}

Result<bool> ContactHistory::SharedEarlierConversation(const ScopedSubject& subject, int64_t account_id,
                                                       int64_t before, int64_t except_conversation) {
  std::string list = "[";
  for (size_t i = 0; i < subject.account_ids.size(); ++i) {
    if (i) list += ',';
    list += std::to_string(subject.account_ids[i]);
  }
  list += ']';
  shared_.Bind(1, account_id).Bind(2, list).Bind(3, before).Bind(4, except_conversation);
  auto row = shared_.Step();
  if (!row) return row.error();
  shared_.Reset();
  return *row;
}

std::vector<int64_t> ContactHistory::SamePerson(int64_t account_id) const {
  auto it = same_person_.find(account_id);
  return it == same_person_.end() ? std::vector<int64_t>{account_id} : it->second;
}

std::string ContactHistory::PersonRef(int64_t account_id) const {
  auto it = person_ref_.find(account_id);
  return it == person_ref_.end() ? std::string() : it->second;
}

Result<AccountFacts> ContactHistory::Account(int64_t account_id) {
  auto it = accounts_.find(account_id);
  if (it != accounts_.end()) return it->second;
  account_.Bind(1, account_id);
  auto row = account_.Step();
  if (!row) return row.error();
  if (!*row) return Error::NotFound("no account with id " + std::to_string(account_id));
  AccountFacts f{account_.Text(0), account_.Text(1)};
  account_.Reset();
  return accounts_[account_id] = f;
}

}  // namespace casegraph::indicators
