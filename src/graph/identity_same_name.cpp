// same-name-contacts: the same display name on two accounts that also share at least two
// contacts. Never the name alone: names collide all the time ("Ali"), and the decoys of every
// investigation are exactly such pairs.
#include <algorithm>
#include <map>
#include <set>

#include "extract/text_fold.h"
#include "graph/identity_candidates.h"

namespace casegraph::graph {
namespace {

constexpr size_t kMinNameLength = 3;
constexpr size_t kMaxAccountsPerName = 50;    // a very common name: too many pairs to mean anything
constexpr int64_t kMaxGroupMembers = 20;      // co-members of big groups are not contacts
constexpr size_t kMinCommonContacts = 2;
constexpr double kBase = 0.3, kPerExtraContact = 0.1, kMax = 0.6;
constexpr size_t kCitedContacts = 2;

// Display names compare folded, with runs of spaces collapsed.
std::string NameKey(const std::string& name) {
  std::string folded = extract::FoldForSearch(name), out;
  for (char c : folded) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

struct Contact {
  EvidenceCitation citation;  // the account's own membership in the shared conversation
};

}  // namespace

Result<std::vector<IdentityEdge>> SameNameContactsEdges(store::Workspace& ws, const AccountDirectory& accounts,
                                                        const std::map<int64_t, std::string>& group_of) {
  store::Db& db = ws.db();
  auto names = db.Prepare(
      "SELECT account_id, value, exhibit_id, locator FROM account_attributes WHERE kind = 'display_name' "
      "ORDER BY account_id, exhibit_id, id");
  if (!names) return names.error();
  std::map<std::string, std::map<int64_t, EvidenceCitation>> by_name;
  std::map<std::string, std::string> shown_name;
  for (;;) {
    auto row = names->Step();
    if (!row) return row.error();
    if (!*row) break;
    const std::string value = names->Text(1);
    const std::string key = NameKey(value);
    if (key.size() < kMinNameLength) continue;
    by_name[key].emplace(names->Int(0), EvidenceCitation{names->Int(2), names->Text(3)});
    shown_name.emplace(key, value);
  }
  std::set<int64_t> candidates;
  for (const auto& [key, holders] : by_name) {
    if (holders.size() < 2 || holders.size() > kMaxAccountsPerName) continue;
    for (const auto& [account, citation] : holders) candidates.insert(account);
  }
  std::vector<IdentityEdge> out;
  if (candidates.empty()) return out;

  // Contacts compared as people: a subject, else an automatic same-phone group, else an account.
  std::map<int64_t, std::string> subject_of;
  auto subjects = db.Prepare(
      "SELECT g.account_id, c.code || '/' || s.label FROM g_subject_accounts g JOIN subjects s ON s.id = g.subject_id "
      "JOIN cases c ON c.id = s.case_id ORDER BY g.account_id, g.subject_id");
  if (!subjects) return subjects.error();
  for (;;) {
    auto row = subjects->Step();
    if (!row) return row.error();
    if (!*row) break;
    subject_of.emplace(subjects->Int(0), "subject:" + subjects->Text(1));
  }
  auto identity = [&](int64_t account) -> std::string {
    if (auto it = subject_of.find(account); it != subject_of.end()) return it->second;
    if (auto it = group_of.find(account); it != group_of.end()) return it->second;
    return accounts.ref.at(account);
  };

  CASEGRAPH_RETURN_IF_ERROR(db.Exec(
      "DROP TABLE IF EXISTS temp.id_candidates; CREATE TEMP TABLE id_candidates(account_id INTEGER PRIMARY KEY)"));
  auto add = db.Prepare("INSERT INTO temp.id_candidates(account_id) VALUES(?)");
  if (!add) return add.error();
  for (int64_t account : candidates) CASEGRAPH_RETURN_IF_ERROR(add->Bind(1, account).Run());
  auto contacts = db.Prepare(
      "SELECT m1.account_id, m2.account_id, m1.exhibit_id, m1.cite_locator "
      "FROM temp.id_candidates k "
      "JOIN g_members m1 ON m1.account_id = k.account_id "
      "JOIN g_conversations g ON g.conversation_id = m1.conversation_id "
      "JOIN g_members m2 ON m2.conversation_id = m1.conversation_id AND m2.account_id <> m1.account_id "
      "WHERE g.class IN ('direct', 'group') "
      "  AND (SELECT COUNT(*) FROM g_members c WHERE c.conversation_id = g.conversation_id) <= ?1 "
      "ORDER BY m1.account_id, m2.account_id, m1.conversation_id");
  if (!contacts) return contacts.error();
  contacts->Bind(1, kMaxGroupMembers);
  std::map<int64_t, std::map<std::string, Contact>> contacts_of;  // account -> contact identity -> citation
  for (;;) {
    auto row = contacts->Step();
    if (!row) return row.error();
    if (!*row) break;
    contacts_of[contacts->Int(0)].emplace(identity(contacts->Int(1)), Contact{{contacts->Int(2), contacts->Text(3)}});
  }
  CASEGRAPH_RETURN_IF_ERROR(db.Exec("DROP TABLE temp.id_candidates"));

  for (const auto& [key, holders] : by_name) {
    if (holders.size() < 2 || holders.size() > kMaxAccountsPerName) continue;
    for (auto i = holders.begin(); i != holders.end(); ++i) {
      for (auto j = std::next(i); j != holders.end(); ++j) {
        const int64_t x = i->first, y = j->first;
        const std::string x_id = identity(x), y_id = identity(y);
        if (x_id == y_id) continue;  // already one subject or one same-phone group
        const auto& cx = contacts_of[x];
        const auto& cy = contacts_of[y];
        // Both present in one conversation: two people the others could tell apart (a class
        // group with two "Şule"s), not one person's second account.
        if (cx.count(y_id) || cy.count(x_id)) continue;
        std::vector<std::string> common;
        for (const auto& [contact, unused] : cx) {
          if (contact != x_id && contact != y_id && cy.count(contact)) common.push_back(contact);
        }
        if (common.size() < kMinCommonContacts) continue;
        std::vector<EvidenceCitation> citations = {i->second, j->second};
        std::string listed;
        for (size_t k = 0; k < common.size() && k < kCitedContacts; ++k) {
          citations.push_back(cx.at(common[k]).citation);
          citations.push_back(cy.at(common[k]).citation);
          listed += (k ? ", " : "") + common[k];
        }
        if (common.size() > kCitedContacts) listed += ", …";
        const double confidence =
            std::min(kMax, kBase + kPerExtraContact * static_cast<double>(common.size() - kMinCommonContacts));
        std::string why = accounts.ref.at(x) + " and " + accounts.ref.at(y) + " have the same display name \"" +
                          shown_name[key] + "\" and " + std::to_string(common.size()) + " common contacts (" + listed + ")";
        out.push_back(MakeEdge(accounts, x, y, kBasisSameNameContacts, confidence, kStatusSuggested, std::move(why),
                               std::move(citations)));
      }
    }
  }
  return out;
}

}  // namespace casegraph::graph
