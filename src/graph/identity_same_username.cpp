// same-username: one username (case-folded) on accounts of two platforms. People reuse their
// handles, but short or common handles collide, so this is a suggestion only.
#include <map>
#include <set>

#include "extract/text_fold.h"
#include "graph/identity_candidates.h"

namespace casegraph::graph {
namespace {

constexpr size_t kMinLength = 3;             // "ab" says nothing
constexpr size_t kShortLength = 6;           // below this, a lower confidence
constexpr size_t kMaxAccountsPerName = 6;    // "admin", "test": a common handle, not a person
constexpr double kConfidence = 0.6, kShortConfidence = 0.4;

// The comparable form: no leading '@', no Discord "#1234" discriminator, folded.
std::string UsernameKey(std::string value) {
  if (!value.empty() && value[0] == '@') value.erase(0, 1);
  const size_t hash = value.rfind('#');
  if (hash != std::string::npos && hash + 1 < value.size() &&
      value.find_first_not_of("0123456789", hash + 1) == std::string::npos) {
    value.resize(hash);
  }
  return extract::FoldForSearch(value);
}

struct Holder {
  int64_t account_id = 0;
  std::string shown;  // as the source wrote it
  EvidenceCitation citation;
};

}  // namespace

Result<std::vector<IdentityEdge>> SameUsernameEdges(store::Workspace& ws, const AccountDirectory& accounts) {
  // Usernames as the exhibits list them, plus Matrix localparts (a Matrix id is its username),
  // cited where the account first occurs.
  auto stmt = ws.db().Prepare(
      "SELECT aa.account_id, aa.value, aa.exhibit_id, aa.locator, 0 FROM account_attributes aa "
      "WHERE aa.kind = 'username' "
      "UNION ALL "
      "SELECT a.id, substr(a.ref, 9), c.cite_exhibit_id, c.cite_locator, 1 "
      "FROM accounts a JOIN g_account_cases c ON c.account_id = a.id WHERE substr(a.ref, 1, 8) = 'matrix:@' "
      "ORDER BY 1, 3, 4");
  if (!stmt) return stmt.error();
  std::map<std::string, std::map<int64_t, Holder>> by_name;  // key -> account -> first sighting
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    const int64_t account = stmt->Int(0);
    std::string shown = stmt->Text(1);
    if (stmt->Int(4) == 1) shown = shown.substr(0, shown.find(':'));  // "name:server" -> "name"
    const std::string key = UsernameKey(shown);
    if (key.size() < kMinLength) continue;
    by_name[key].emplace(account, Holder{account, shown, {stmt->Int(2), stmt->Text(3)}});
  }
  std::vector<IdentityEdge> out;
  for (const auto& [key, holders] : by_name) {
    if (holders.size() < 2 || holders.size() > kMaxAccountsPerName) continue;
    for (auto i = holders.begin(); i != holders.end(); ++i) {
      for (auto j = std::next(i); j != holders.end(); ++j) {
        const int64_t x = i->first, y = j->first;
        if (accounts.platform.at(x) == accounts.platform.at(y)) continue;  // one platform: one holder at a time
        const std::string& x_ref = accounts.ref.at(x);
        const std::string& y_ref = accounts.ref.at(y);
        std::string why = x_ref + " and " + y_ref + " use the same username \"" + key + "\" on two platforms";
        const double confidence = key.size() < kShortLength ? kShortConfidence : kConfidence;
        if (key.size() < kShortLength) why += " (a short name: collisions are common)";
        out.push_back(MakeEdge(accounts, x, y, kBasisSameUsername, confidence, kStatusSuggested, std::move(why),
                               {i->second.citation, j->second.citation}));
      }
    }
  }
  return out;
}

}  // namespace casegraph::graph
