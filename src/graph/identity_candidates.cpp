#include "graph/identity_candidates.h"

#include <algorithm>

#include "base/json_text.h"

namespace casegraph::graph {

Result<AccountDirectory> LoadAccountDirectory(store::Workspace& ws) {
  auto stmt = ws.db().Prepare("SELECT id, ref, platform FROM accounts ORDER BY id");
  if (!stmt) return stmt.error();
  AccountDirectory out;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    const int64_t id = stmt->Int(0);
    out.ref[id] = stmt->Text(1);
    out.platform[id] = stmt->Text(2);
    out.id_of_ref[out.ref[id]] = id;
  }
  return out;
}

IdentityEdge MakeEdge(const AccountDirectory& accounts, int64_t x, int64_t y, std::string basis, double confidence,
                      std::string status, std::string explanation, std::vector<EvidenceCitation> citations) {
  IdentityEdge e;
  const std::string& x_ref = accounts.ref.at(x);
  const std::string& y_ref = accounts.ref.at(y);
  if (y_ref < x_ref) std::swap(x, y);
  e.a = x;
  e.b = y;
  e.a_ref = accounts.ref.at(x);
  e.b_ref = accounts.ref.at(y);
  e.basis = std::move(basis);
  e.confidence = confidence;
  e.status = std::move(status);
  e.explanation = std::move(explanation);
  std::sort(citations.begin(), citations.end());
  citations.erase(std::unique(citations.begin(), citations.end()), citations.end());
  e.citations = std::move(citations);
  return e;
}

std::string CitationsJson(const std::vector<EvidenceCitation>& citations) {
  std::string out = "[";
  for (size_t i = 0; i < citations.size(); ++i) {
    if (i) out += ",";
    out += "{\"exhibit_id\":" + std::to_string(citations[i].exhibit_id) + ",\"locator\":" + JsonQuote(citations[i].locator) + "}";
  }
  return out + "]";
}

}  // namespace casegraph::graph
