#include "graph/citation_source.h"

#include "graph/query_rows.h"

namespace casegraph::graph {

Result<CitationSource> CitationSource::Load(store::Workspace& ws) {
  CitationSource out;
  auto exhibits = ws.db().Prepare(
      "SELECT e.id, e.case_id, c.code, e.label, e.sha256 FROM exhibits e JOIN cases c ON c.id=e.case_id");
  if (!exhibits) return exhibits.error();
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*exhibits, [&](store::Stmt& s) {
    out.exhibits_[s.Int(0)] = ExhibitFacts{s.Int(1), s.Text(2), s.Text(3), s.Text(4)};
  }));
  auto cases = ws.db().Prepare("SELECT id, code FROM cases");
  if (!cases) return cases.error();
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(*cases, [&](store::Stmt& s) { out.cases_[s.Int(0)] = s.Text(1); }));
  auto message = ws.db().Prepare(
      "SELECT id, exhibit_id, COALESCE(conversation_id, 0), sender_account_id, sent_at_utc, kind, locator "
      "FROM messages WHERE id=?");
  if (!message) return message.error();
  out.message_ = std::move(*message);
  return out;
}

model::Citation CitationSource::Cite(int64_t exhibit_id, const std::string& locator) const {
  const ExhibitFacts* e = Exhibit(exhibit_id);
  if (e == nullptr) return model::Citation{"", "", "", locator};
  return model::Citation{e->case_code, e->label, e->sha256, locator};
}

const ExhibitFacts* CitationSource::Exhibit(int64_t exhibit_id) const {
  auto it = exhibits_.find(exhibit_id);
  return it == exhibits_.end() ? nullptr : &it->second;
}

std::string CitationSource::CaseCode(int64_t case_id) const {
  auto it = cases_.find(case_id);
  return it == cases_.end() ? std::string() : it->second;
}

Result<MessageFacts> CitationSource::Message(int64_t message_id) {
  message_.Bind(1, message_id);
  MessageFacts m;
  CASEGRAPH_RETURN_IF_ERROR(ForEachRow(message_, [&](store::Stmt& s) {
    m = MessageFacts{s.Int(0), s.Int(1), s.Int(2), s.OptInt(3), s.OptInt(4), s.Text(5), s.Text(6)};
    return false;
  }));
  if (m.id == 0) return Error::NotFound("no message with id " + std::to_string(message_id));
  return m;
}

}  // namespace casegraph::graph
