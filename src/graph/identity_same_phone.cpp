// same-phone: one E.164 number as a profile identifier of two accounts.
#include <map>

#include "graph/identity_candidates.h"

namespace casegraph::graph {
namespace {

// A number on more accounts than this is a shared line (a business, a family phone, a
// placeholder): no edges at all rather than a person made of strangers.
constexpr size_t kMaxAccountsPerNumber = 16;

struct Holder {
  int64_t account_id = 0;
  EvidenceCitation citation;  // its first profile occurrence
};

}  // namespace

Result<std::vector<IdentityEdge>> SamePhoneEdges(store::Workspace& ws, const AccountDirectory& accounts) {
  auto stmt = ws.db().Prepare(
      "SELECT i.value, o.account_id, o.exhibit_id, o.locator FROM identifier_occurrences o "
      "JOIN identifiers i ON i.id = o.identifier_id "
      "WHERE o.source = 'profile' AND i.kind = 'phone' AND o.account_id IS NOT NULL "
      "ORDER BY i.value, o.account_id, o.exhibit_id, o.id");
  if (!stmt) return stmt.error();
  std::map<std::string, std::vector<Holder>> by_number;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    auto& holders = by_number[stmt->Text(0)];
    const int64_t account = stmt->Int(1);
    if (!holders.empty() && holders.back().account_id == account) continue;  // rows come grouped
    holders.push_back({account, {stmt->Int(2), stmt->Text(3)}});
  }
  std::vector<IdentityEdge> out;
  for (const auto& [number, holders] : by_number) {
    if (holders.size() < 2 || holders.size() > kMaxAccountsPerNumber) continue;
    for (size_t i = 0; i < holders.size(); ++i) {
      for (size_t j = i + 1; j < holders.size(); ++j) {
        const int64_t x = holders[i].account_id, y = holders[j].account_id;
        const std::string& x_ref = accounts.ref.at(x);
        const std::string& y_ref = accounts.ref.at(y);
        const bool same_platform = accounts.platform.at(x) == accounts.platform.at(y);
        std::string why = x_ref + " and " + y_ref + " both have the phone number " + number + " in their profiles";
        // Across platforms a number is the strongest tie there is. Within one platform it is
        // not: the platform itself keeps one account per number at a time, so two accounts
        // with one number mean a re-registration or a recycled number, and need an examiner.
        if (same_platform) {
          why += " on one platform (a number moves to a new account when re-registered or recycled)";
        } else {
          why += " on different platforms";
        }
        out.push_back(MakeEdge(accounts, x, y, kBasisSamePhone, same_platform ? 0.5 : 0.95,
                               same_platform ? kStatusSuggested : kStatusConfirmed, std::move(why),
                               {holders[i].citation, holders[j].citation}));
      }
    }
  }
  return out;
}

}  // namespace casegraph::graph
