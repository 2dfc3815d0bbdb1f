#include <cctype>

#include "base/time_util.h"
#include "store/queries.h"

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

Result<SearchResult> Search(Workspace& ws, const std::string& query, const std::string& case_code, int limit) {
  auto fts = BuildFtsQuery(query);
  if (!fts) return fts.error();
  int64_t case_id = 0;
  if (!case_code.empty()) {
    auto c = ws.FindCase(case_code);
    if (!c) return c.error();
    case_id = c->id;
  }
  SearchResult result;
  auto count = ws.db().Prepare(
      "SELECT COUNT(*) FROM messages_fts f JOIN messages m ON m.id=f.rowid JOIN exhibits e ON e.id=m.exhibit_id "
      "WHERE messages_fts MATCH ?1 AND (?2=0 OR e.case_id=?2)");
  if (!count) return count.error();
  count->Bind(1, *fts).Bind(2, case_id);
  auto crow = count->Step();
  if (!crow) return Error::InvalidArgument("cannot search for '" + query + "': " + crow.error().message());
  result.total = *crow ? count->Int(0) : 0;
  count->Reset();

  auto stmt = ws.db().Prepare(R"sql(
    SELECT c.code, e.label, e.sha256, COALESCE(v.title,''), COALESCE(m.sender_name,''), COALESCE(a.ref,''),
           m.sent_at_utc, m.text, snippet(messages_fts, 0, '[', ']', '…', 16), m.locator
    FROM messages_fts f JOIN messages m ON m.id=f.rowid JOIN exhibits e ON e.id=m.exhibit_id
    JOIN cases c ON c.id=e.case_id LEFT JOIN conversations v ON v.id=m.conversation_id
    LEFT JOIN accounts a ON a.id=m.sender_account_id
    WHERE messages_fts MATCH ?1 AND (?2=0 OR e.case_id=?2)
    ORDER BY rank, m.sent_at_utc LIMIT ?3)sql");
  if (!stmt) return stmt.error();
  stmt->Bind(1, *fts).Bind(2, case_id).Bind(3, static_cast<int64_t>(limit));
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
    result.hits.push_back(std::move(h));
  }
  return result;
}

}  // namespace casegraph::store
