// ResolveCitations: turns the citations the report shows into the appendix's records. A
// citation names (case, exhibit label, sha256, locator); the locator is a message's, an
// attachment's or a scanned file's own locator, so each is looked up in that order. Messages
// have no index on (exhibit, locator), so they are found in one pass over the table instead of
// one scan per citation.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "graph/query_rows.h"
#include "hashing/digest.h"
#include "report/report_data.h"

namespace casegraph::report {
namespace {

using Key = std::pair<int64_t, std::string>;  // (exhibit id, locator)

class RecordReader {
 public:
  explicit RecordReader(store::Workspace& ws) : ws_(ws) {}

  // (case code, label) -> exhibit id, for exhibits whose hash matches the citation's.
  Status LoadExhibits() {
    auto stmt = ws_.db().Prepare("SELECT e.id, c.code, e.label, e.sha256 FROM exhibits e JOIN cases c ON c.id=e.case_id");
    if (!stmt) return stmt.error();
    return graph::ForEachRow(*stmt, [&](store::Stmt& s) {
      exhibits_[{s.Text(1), s.Text(2)}] = {s.Int(0), s.Text(3)};
    });
  }

  std::optional<int64_t> ExhibitOf(const model::Citation& c) const {
    auto it = exhibits_.find({c.case_code, c.exhibit});
    if (it == exhibits_.end() || it->second.second != c.sha256) return std::nullopt;
    return it->second.first;
  }

  // The first message id of each wanted (exhibit, locator).
  Result<std::map<Key, int64_t>> FindMessages(const std::set<Key>& wanted) {
    std::map<Key, int64_t> out;
    if (wanted.empty()) return out;
    auto stmt = ws_.db().Prepare("SELECT id, exhibit_id, locator FROM messages ORDER BY id");
    if (!stmt) return stmt.error();
    CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*stmt, [&](store::Stmt& s) {
      Key k{s.Int(1), s.Text(2)};
      if (wanted.count(k)) out.emplace(std::move(k), s.Int(0));
    }));
    return out;
  }

  Status FillMessage(int64_t message_id, CitedRecord& r) {
    auto stmt = ws_.db().Prepare(
        "SELECT m.sent_at_utc, COALESCE(a.ref,''), COALESCE(m.sender_name,''), COALESCE(c.title,''), m.text "
        "FROM messages m LEFT JOIN accounts a ON a.id=m.sender_account_id LEFT JOIN conversations c ON "
        "c.id=m.conversation_id WHERE m.id=?1");
    if (!stmt) return stmt.error();
    stmt->Bind(1, message_id);
    CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*stmt, [&](store::Stmt& s) {
      r.at = s.OptInt(0);
      const std::string ref = s.Text(1), name = s.Text(2);
      r.sender = ref.empty() ? name : name.empty() || name == ref ? ref : ref + " (" + name + ")";
      r.conversation = s.Text(3);
      r.text = s.Text(4);
    }));
    return AppendFiles(
        "SELECT COALESCE(a.file_name, a.declared_path, ''), COALESCE(f.sha256,''), a.file_id FROM attachments a "
        "LEFT JOIN files f ON f.id=a.file_id WHERE a.message_id=?1 ORDER BY a.id",
        message_id, r);
  }

  // An attachment or scanned file with this locator: fills `r` and returns true.
  Result<bool> FillFile(int64_t exhibit_id, const std::string& locator, CitedRecord& r) {
    auto att = ws_.db().Prepare("SELECT id, message_id FROM attachments WHERE exhibit_id=?1 AND locator=?2 ORDER BY id LIMIT 1");
    if (!att) return att.error();
    att->Bind(1, exhibit_id).Bind(2, locator);
    std::optional<std::pair<int64_t, int64_t>> attachment;
    CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*att, [&](store::Stmt& s) { attachment = {s.Int(0), s.Int(1)}; }));
    if (attachment) {
      CASEGRAPH_RETURN_IF_ERROR(FillMessage(attachment->second, r));  // the carrying message, for context
      r.files.clear();
      CASEGRAPH_RETURN_IF_ERROR(AppendFiles(
          "SELECT COALESCE(a.file_name, a.declared_path, ''), COALESCE(f.sha256,''), a.file_id FROM attachments a "
          "LEFT JOIN files f ON f.id=a.file_id WHERE a.id=?1",
          attachment->first, r));
      return true;
    }
    auto scan = ws_.db().Prepare("SELECT id FROM scan_files WHERE exhibit_id=?1 AND locator=?2 ORDER BY id LIMIT 1");
    if (!scan) return scan.error();
    scan->Bind(1, exhibit_id).Bind(2, locator);
    std::optional<int64_t> scan_id;
    CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*scan, [&](store::Stmt& s) { scan_id = s.Int(0); }));
    if (!scan_id) return false;
    CASEGRAPH_RETURN_IF_ERROR(AppendFiles(
        "SELECT s.path, COALESCE(f.sha256,''), s.file_id FROM scan_files s LEFT JOIN files f ON f.id=s.file_id "
        "WHERE s.id=?1",
        *scan_id, r));
    return true;
  }

 private:
  // Appends the files `sql` selects (name, sha256, file id) with the hash sets each matched.
  Status AppendFiles(const char* sql, int64_t id, CitedRecord& r) {
    auto stmt = ws_.db().Prepare(sql);
    if (!stmt) return stmt.error();
    stmt->Bind(1, id);
    std::vector<std::pair<CitedFile, std::optional<int64_t>>> files;
    CASEGRAPH_RETURN_IF_ERROR(graph::ForEachRow(*stmt, [&](store::Stmt& s) {
      files.push_back({CitedFile{s.Text(0), s.Text(1), {}}, s.OptInt(2)});
    }));
    for (auto& [file, file_id] : files) {
      if (file_id) CASEGRAPH_RETURN_IF_ERROR(MatchedSets(*file_id, file.matched_sets));
      r.files.push_back(std::move(file));
    }
    return Ok();
  }

  Status MatchedSets(int64_t file_id, std::vector<std::string>& out) {
    auto stmt = ws_.db().Prepare(
        "SELECT h.name, h.kind, m.match_kind, m.distance FROM hash_matches m JOIN hashsets h ON h.id=m.hashset_id "
        "WHERE m.file_id=?1 ORDER BY h.name, m.match_kind, m.distance");
    if (!stmt) return stmt.error();
    stmt->Bind(1, file_id);
    return graph::ForEachRow(*stmt, [&](store::Stmt& s) {
      std::string how = s.Text(2);
      if (how != "exact") how += " distance " + std::to_string(s.Int(3));
      std::string entry = s.Text(0) + " (" + s.Text(1) + ", " + how + ")";
      if (out.empty() || out.back() != entry) out.push_back(std::move(entry));
    });
  }

  store::Workspace& ws_;
  std::map<std::pair<std::string, std::string>, std::pair<int64_t, std::string>> exhibits_;
};

}  // namespace

std::string CitationAnchor(const model::Citation& c) {
  // NUL separators: no part can contain one, so distinct citations never hash alike by joining.
  std::string joined = c.case_code;
  for (const std::string* part : {&c.exhibit, &c.sha256, &c.locator}) joined += std::string(1, '\0') + *part;
  return "cite-" + hashing::Sha256Hex(joined).substr(0, 16);
}

Result<std::vector<CitedRecord>> ResolveCitations(store::Workspace& ws, const std::string& case_code,
                                                  const std::vector<model::Citation>& cited) {
  auto key = [](const model::Citation& c) { return std::tie(c.case_code, c.exhibit, c.locator, c.sha256); };
  std::vector<CitedRecord> records;
  for (const auto& c : cited) {
    CitedRecord r;
    r.citation = c;
    r.anchor = CitationAnchor(c);
    records.push_back(std::move(r));
  }
  std::sort(records.begin(), records.end(),
            [&](const CitedRecord& x, const CitedRecord& y) { return key(x.citation) < key(y.citation); });
  records.erase(std::unique(records.begin(), records.end(),
                            [&](const CitedRecord& x, const CitedRecord& y) { return key(x.citation) == key(y.citation); }),
                records.end());

  RecordReader reader(ws);
  CASEGRAPH_RETURN_IF_ERROR(reader.LoadExhibits());
  std::set<Key> wanted;
  for (auto& r : records) {
    r.other_case = r.citation.case_code != case_code;
    auto exhibit = reader.ExhibitOf(r.citation);
    if (!r.other_case && exhibit) wanted.insert({*exhibit, r.citation.locator});
  }
  auto messages = reader.FindMessages(wanted);
  if (!messages) return messages.error();
  for (auto& r : records) {
    auto exhibit = reader.ExhibitOf(r.citation);
    if (r.other_case || !exhibit) continue;
    auto m = messages->find({*exhibit, r.citation.locator});
    if (m != messages->end()) {
      r.kind = CitedRecord::Kind::kMessage;
      CASEGRAPH_RETURN_IF_ERROR(reader.FillMessage(m->second, r));
      continue;
    }
    auto file = reader.FillFile(*exhibit, r.citation.locator, r);
    if (!file) return file.error();
    if (*file) r.kind = CitedRecord::Kind::kFile;
  }
  return records;
}

}  // namespace casegraph::report
