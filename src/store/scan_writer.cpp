#include "store/scan_writer.h"

#include "hashing/digest.h"
#include "hashing/pdq_hash.h"
#include "rules/rule_hit.h"
#include "store/file_texts.h"
#include "store/rule_hits.h"

namespace casegraph::store {
namespace {

// Why a listed entry that is not a regular file was not read.
std::string NotReadReason(const triage::TriageEntry& e) {
  if (e.file_type == "file") return "";
  if (e.file_type == "symlink") return "symbolic link to '" + e.symlink_target + "', recorded, never followed";
  return e.file_type + ": listed, never opened";
}

bool IsListedKind(const std::string& kind) { return kind == "known-bad" || kind == "alert"; }

}  // namespace

hashing::ManifestEntry ScanManifestEntry(const triage::TriageEntry& e, const std::string& sha256) {
  hashing::ManifestEntry m;
  m.rel_path = e.deleted ? e.locator : e.path;
  if (!sha256.empty()) {
    m.sha256 = sha256;
    m.size_bytes = e.size_bytes;
  } else if (e.file_type == "symlink") {
    m.sha256 = hashing::Sha256Hex("symlink:" + e.symlink_target);
  } else {
    m.sha256 = hashing::Sha256Hex("unread:" + e.file_type + ":" + std::to_string(e.size_bytes));
  }
  return m;
}

ScanWriter::ScanWriter(Db& db, int64_t exhibit_id, const rules::RuleSet* rules, const HashMatcher* matcher)
    : db_(db), exhibit_id_(exhibit_id), rules_(rules), matcher_(matcher) {}

Status ScanWriter::Prepare() {
  auto upsert = db_.Prepare(
      "INSERT INTO files(sha256, sha1, md5, size_bytes, mime_type, pdq_hash, pdq_quality) VALUES(?,?,?,?,?,?,?) "
      "ON CONFLICT(sha256) DO UPDATE SET mime_type=COALESCE(files.mime_type, excluded.mime_type), "
      "pdq_hash=COALESCE(files.pdq_hash, excluded.pdq_hash), pdq_quality=COALESCE(files.pdq_quality, excluded.pdq_quality)");
  if (!upsert) return upsert.error();
  upsert_file_ = std::move(*upsert);
  auto find = db_.Prepare("SELECT id FROM files WHERE sha256=?");
  if (!find) return find.error();
  find_file_ = std::move(*find);
  auto insert = db_.Prepare(
      "INSERT INTO scan_files(exhibit_id, path, raw_path_hex, file_type, deleted, inode, fs_offset, fs_type, size_bytes, "
      "mtime, atime, ctime, crtime, file_id, status, detail, locator) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!insert) return insert.error();
  insert_scan_file_ = std::move(*insert);
  return Ok();
}

Result<int64_t> ScanWriter::UpsertFile(const ScannedFile& f) {
  const model::FileDigests& d = *f.digests;
  std::optional<int64_t> quality;
  std::string pdq_hex;
  if (f.pdq) {
    pdq_hex = hashing::PdqToHex(f.pdq->hash);
    quality = f.pdq->quality;
  }
  Status s = upsert_file_.Bind(1, d.sha256).Bind(2, d.sha1).Bind(3, d.md5).Bind(4, static_cast<int64_t>(d.size_bytes))
                 .BindOrNull(5, f.mime_type).BindOrNull(6, pdq_hex).Bind(7, quality).Run();
  if (!s) return s.error();
  find_file_.Bind(1, d.sha256);
  auto row = find_file_.Step();
  if (!row) return row.error();
  const int64_t id = find_file_.Int(0);
  find_file_.Reset();
  return id;
}

Status ScanWriter::Write(const ScannedFile& f) {
  const triage::TriageEntry& e = f.entry;
  ++counts_.entries;
  if (e.deleted) ++counts_.deleted;
  std::optional<int64_t> file_id;
  if (f.read) {
    auto id = UpsertFile(f);
    if (!id) return id.error();
    file_id = *id;
    ++counts_.read;
    counts_.bytes += f.digests->size_bytes;
  } else if (e.file_type == "file" && e.problem.empty()) {
    ++counts_.errors;
  } else {
    ++counts_.not_read;
  }
  std::string status = f.read ? "read" : (e.file_type == "file" && e.problem.empty() ? "error" : "not-read");
  std::string detail = e.problem.empty() ? NotReadReason(e) : e.problem;
  for (const auto& p : f.problems) detail += (detail.empty() ? "" : "; ") + p;
  auto opt = [](const std::optional<uint64_t>& v) -> std::optional<int64_t> {
    if (!v) return std::nullopt;
    return static_cast<int64_t>(*v);
  };
  Status s = insert_scan_file_.Bind(1, exhibit_id_).Bind(2, e.path).BindOrNull(3, e.raw_path_hex).Bind(4, e.file_type)
                 .Bind(5, int64_t{e.deleted}).Bind(6, opt(e.inode)).Bind(7, opt(e.fs_offset)).BindOrNull(8, e.fs_type)
                 .Bind(9, static_cast<int64_t>(e.size_bytes)).Bind(10, e.mtime).Bind(11, e.atime).Bind(12, e.ctime)
                 .Bind(13, e.crtime).Bind(14, file_id).Bind(15, status).BindOrNull(16, detail).Bind(17, e.locator).Run();
  if (!s) return s.error();
  const int64_t scan_file_id = db_.LastInsertId();
  if (file_id) {
    if (f.pdq) ++counts_.images;
    if (f.text) {
      ++counts_.documents;
      if (s = StoreFileText(db_, *file_id, *f.text); !s) return s;
    }
    if (matcher_ != nullptr && !matcher_->empty()) {
      auto matches = matcher_->Match(*f.digests, f.pdq);
      if (!matches) return matches.error();
      if (s = WriteFileMatches(db_, *file_id, *matches); !s) return s;
      bool listed = false;
      for (const auto& m : *matches) listed = listed || IsListedKind(m.kind);
      if (listed) ++counts_.flagged;
      else if (!matches->empty()) ++counts_.known;
    }
  }
  if (s = WriteRuleHits(f, scan_file_id, file_id); !s) return s;
  manifest_.push_back(ScanManifestEntry(e, f.read ? f.digests->sha256 : std::string()));
  return Ok();
}

Status ScanWriter::WriteRuleHits(const ScannedFile& f, int64_t scan_file_id, std::optional<int64_t> file_id) {
  if (rules_ == nullptr) return Ok();
  const triage::TriageEntry& e = f.entry;
  auto insert = [&](const rules::RuleHit& h, const char* target, std::string excerpt) -> Status {
    RuleHitRow row;
    row.rule_kind = h.rule_kind;
    row.rule_name = h.rule_name;
    row.matched = h.matched;
    row.target = target;
    row.scan_file_id = scan_file_id;
    row.file_id = file_id;
    row.excerpt = std::move(excerpt);
    row.locator = e.locator;
    row.rules_sha256 = rules_->sha256();
    row.flag = rules_->FlagOf(h);
    ++counts_.rule_hits;
    return InsertRuleHit(db_, exhibit_id_, row);
  };
  for (const auto& h : rules_->MatchPath(e.path)) CASEGRAPH_RETURN_IF_ERROR(insert(h, "path", e.path));
  if (f.text) {
    for (const auto& h : rules_->MatchText(f.text->text)) {
      CASEGRAPH_RETURN_IF_ERROR(insert(h, "document", rules::Excerpt(f.text->text, h.start, h.end)));
    }
  }
  for (const auto& h : f.content_hits) CASEGRAPH_RETURN_IF_ERROR(insert(h, "content", ""));
  return Ok();
}

}  // namespace casegraph::store
