#include <cctype>
#include <utility>

#include "base/time_util.h"
#include "store/queries.h"
#include "store/search_files.h"

namespace casegraph::store {
namespace {

std::string QuoteFts(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

// Words and phrases are quoted so that FTS5 syntax characters in evidence text (':', '-',
// '^', parentheses) are searched for rather than interpreted; the tokenizer folds what is
// inside the quotes. AND/OR/NOT and a trailing '*' (prefix) keep their meaning.
Result<std::string> BuildFtsQuery(const std::string& query) {
  std::string out;
  size_t i = 0;
  bool any_term = false;
  auto append = [&](const std::string& part) {
    if (!out.empty()) out += " ";
    out += part;
  };
  while (i < query.size()) {
    unsigned char c = static_cast<unsigned char>(query[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    if (c == '"') {
      size_t close = query.find('"', i + 1);
      if (close == std::string::npos) return Error::InvalidArgument("unbalanced quote in search query");
      std::string phrase = query.substr(i + 1, close - i - 1);
      i = close + 1;
      bool prefix = i < query.size() && query[i] == '*';
      if (prefix) ++i;
      if (!phrase.empty()) {
        append(QuoteFts(phrase) + (prefix ? "*" : ""));
        any_term = true;
      }
      continue;
    }
    size_t end = i;
    while (end < query.size() && !std::isspace(static_cast<unsigned char>(query[end])) && query[end] != '"') ++end;
    std::string word = query.substr(i, end - i);
    i = end;
    if (word == "AND" || word == "OR" || word == "NOT") {
      append(word);
      continue;
    }
    bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix) word.pop_back();
    append(QuoteFts(word) + (prefix ? "*" : ""));
    any_term = true;
  }
  if (!any_term) return Error::InvalidArgument("empty search query");
  return out;
}

// The message-id ranges of a case's exhibits (ids of one exhibit are contiguous: one
// transaction each), as an SQL condition on the FTS rowid that FTS5 can use directly.
Result<std::string> CaseRowidFilter(Workspace& ws, const std::string& case_code) {
  if (case_code.empty()) return std::string("1");
  auto c = ws.FindCase(case_code);
  if (!c) return c.error();
  auto stmt = ws.db().Prepare(
      "SELECT first_message_id, last_message_id FROM exhibits WHERE case_id=? AND first_message_id IS NOT NULL");
  if (!stmt) return stmt.error();
  stmt->Bind(1, c->id);
  std::string filter;
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    if (!filter.empty()) filter += " OR ";
    filter += "f.rowid BETWEEN " + std::to_string(stmt->Int(0)) + " AND " + std::to_string(stmt->Int(1));
  }
  return filter.empty() ? std::string("0") : "(" + filter + ")";
}

namespace {

struct RankedHit {
  double rank = 0;
  SearchHit hit;
};

// Message hits come in the order of the evidence (ingest order, which is source order within
// an exhibit), or by relevance (bm25) with `by_relevance`. Only the listed hits are joined to
// their context, so a common word over millions of messages stays fast.
Result<std::vector<RankedHit>> SearchMessages(Workspace& ws, const std::string& query, const std::string& fts,
                                              const std::string& filter, int limit, bool by_relevance,
                                              int64_t& total) {
  std::vector<RankedHit> hits;
  auto count = ws.db().Prepare("SELECT COUNT(*) FROM messages_fts f WHERE messages_fts MATCH ?1 AND " + filter);
  if (!count) return count.error();
  count->Bind(1, fts);
  auto crow = count->Step();
  if (!crow) return Error::InvalidArgument("cannot search for '" + query + "': " + crow.error().message());
  total = *crow ? count->Int(0) : 0;
  count->Reset();

  auto stmt = ws.db().Prepare(
      "SELECT c.code, e.label, e.sha256, COALESCE(v.title,''), COALESCE(m.sender_name,''), COALESCE(a.ref,''), "
      "       m.sent_at_utc, m.text, h.snippet, m.locator, h.ord "
      "FROM (SELECT f.rowid AS id, snippet(messages_fts, 0, '[', ']', '…', 16) AS snippet, ord FROM "
      "        (SELECT rowid, " + std::string(by_relevance ? "rank" : "rowid") + " AS ord FROM messages_fts f "
      "         WHERE messages_fts MATCH ?1 AND " + filter + " ORDER BY ord LIMIT ?2) AS top "
      "      JOIN messages_fts f ON f.rowid = top.rowid WHERE messages_fts MATCH ?1) AS h "
      "JOIN messages m ON m.id=h.id JOIN exhibits e ON e.id=m.exhibit_id JOIN cases c ON c.id=e.case_id "
      "LEFT JOIN conversations v ON v.id=m.conversation_id LEFT JOIN accounts a ON a.id=m.sender_account_id "
      "ORDER BY h.ord");
  if (!stmt) return stmt.error();
  stmt->Bind(1, fts).Bind(2, static_cast<int64_t>(limit));
  for (;;) {
    auto row = stmt->Step();
    if (!row) return Error::InvalidArgument("cannot search for '" + query + "': " + row.error().message());
    if (!*row) break;
    SearchHit h;
    h.case_code = stmt->Text(0);
    h.exhibit = stmt->Text(1);
    h.conversation = stmt->Text(3);
    h.sender = stmt->Text(4);
    h.sender_ref = stmt->Text(5);
    if (auto t = stmt->OptInt(6)) h.sent_at = FormatUtc(*t);
    h.text = stmt->Text(7);
    h.snippet = stmt->Text(8);
    h.citation = model::Citation{h.case_code, h.exhibit, stmt->Text(2), stmt->Text(9)};
    hits.push_back({by_relevance ? stmt->Double(10) : 0.0, std::move(h)});
  }
  return hits;
}

}  // namespace

Result<SearchResult> Search(Workspace& ws, const std::string& query, const std::string& case_code, int limit,
                            bool by_relevance) {
  auto fts = BuildFtsQuery(query);
  if (!fts) return fts.error();
  auto filter = CaseRowidFilter(ws, case_code);
  if (!filter) return filter.error();
  int64_t case_id = 0;
  if (!case_code.empty()) {
    auto c = ws.FindCase(case_code);
    if (!c) return c.error();
    case_id = c->id;
  }
  SearchResult result;
  int64_t message_total = 0;
  auto messages = SearchMessages(ws, query, *fts, *filter, limit, by_relevance, message_total);
  if (!messages) return messages.error();
  auto files = MatchFiles(ws.db(), *fts, case_id, by_relevance);
  if (!files) return Error::InvalidArgument("cannot search for '" + query + "': " + files.error().message());
  result.total = message_total + static_cast<int64_t>(files->size());

  // Merge: evidence order lists messages, then files; relevance takes the lower bm25 first.
  size_t message_idx = 0, file_idx = 0;
  while (result.hits.size() < static_cast<size_t>(limit)) {
    const bool have_message = message_idx < messages->size();
    const bool have_file = file_idx < files->size();
    if (!have_message && !have_file) break;
    const bool take_message =
        have_message && (!have_file || !by_relevance || (*messages)[message_idx].rank <= (*files)[file_idx].rank);
    if (take_message) {
      result.hits.push_back(std::move((*messages)[message_idx++].hit));
      continue;
    }
    auto hit = FileHit(ws.db(), *fts, (*files)[file_idx++]);
    if (!hit) return hit.error();
    result.hits.push_back(std::move(*hit));
  }
  return result;
}

}  // namespace casegraph::store
