// Turns the (exhibit id, locator) pairs that the g_* tables and messages keep into citations
// {case, exhibit, sha256, locator} that `casegraph show` resolves, and looks up single messages
// (time, sender, exhibit, locator) by id. Exhibits are few (hundreds), so all are loaded once.
// Not thread-safe: holds prepared statements of one workspace.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace casegraph::graph {

struct MessageFacts {
  int64_t id = 0, exhibit_id = 0, conversation_id = 0;
  std::optional<int64_t> sender_account_id, sent_at_utc;
  std::string kind, locator;
};

struct ExhibitFacts {
  int64_t case_id = 0;
  std::string case_code, label, sha256;
};

class CitationSource {
 public:
  static Result<CitationSource> Load(store::Workspace& ws);

  // REQUIRES: exhibit_id names an exhibit (ids come from the workspace's own tables).
  model::Citation Cite(int64_t exhibit_id, const std::string& locator) const;
  const ExhibitFacts* Exhibit(int64_t exhibit_id) const;
  // The message with this id; NotFound when there is none.
  Result<MessageFacts> Message(int64_t message_id);
  // The case code of a case id ("" when unknown).
  std::string CaseCode(int64_t case_id) const;

 private:
  std::map<int64_t, ExhibitFacts> exhibits_;
  std::map<int64_t, std::string> cases_;
  store::Stmt message_;
};

}  // namespace casegraph::graph
