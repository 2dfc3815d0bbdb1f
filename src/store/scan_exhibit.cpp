#include "store/scan_exhibit.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>

#include "base/bounded_queue.h"
#include "base/progress.h"
#include "hashing/digest.h"
#include "hashing/exhibit_hash.h"
#include "store/audit_log.h"
#include "store/ingest_exhibit.h"
#include "store/scan_rehash.h"
#include "triage/file_tree.h"

namespace casegraph::store {
namespace {

std::string FilesAndBytes(uint64_t files, uint64_t bytes) {
  char text[96];
  std::snprintf(text, sizeof text, "%llu files, %.1f MB", static_cast<unsigned long long>(files),
                static_cast<double>(bytes) / 1e6);
  return text;
}

// Walks the tree and processes every entry on worker threads; results arrive on `out` in any
// order (the consumer restores walk order by seq). A disk image is walked and read by one
// thread: libtsk handles are not safe to share.
class ScanProducers {
 public:
  ScanProducers(const triage::FileTree& tree, const ScanRequest& req, BoundedQueue<ScannedFile>& out)
      : tree_(tree), req_(req), out_(out) {}
  ~ScanProducers() { Stop(); }

  void Start() {
    const bool image = tree_.kind() != "folder";
    if (image) {
      walker_ = std::thread([this] {
        ScanWorker worker(tree_, req_.rules, req_.limits);
        uint64_t seq = 0;
        walk_status_ = tree_.Walk([&](const triage::TriageEntry& e) { return out_.Push(worker.Process(seq++, e)); },
                                  diagnostics_);
        out_.Close();
      });
      return;
    }
    int n = req_.workers > 0 ? req_.workers : static_cast<int>(std::max(1u, std::min(4u, std::thread::hardware_concurrency())));
    remaining_ = n;
    walker_ = std::thread([this] {
      uint64_t seq = 0;
      walk_status_ = tree_.Walk([&](const triage::TriageEntry& e) { return entries_.Push({seq++, e}); }, diagnostics_);
      entries_.Close();
    });
    for (int i = 0; i < n; ++i) {
      workers_.emplace_back([this] {
        ScanWorker worker(tree_, req_.rules, req_.limits);
        while (auto item = entries_.Pop()) {
          if (!out_.Push(worker.Process(item->first, std::move(item->second)))) break;
        }
        if (--remaining_ == 0) out_.Close();
      });
    }
  }

  // Cancels (when still running) and joins every thread.
  void Stop() {
    entries_.Cancel();
    out_.Cancel();
    Join();
  }

  void Join() {
    if (walker_.joinable()) walker_.join();
    for (auto& w : workers_) {
      if (w.joinable()) w.join();
    }
  }

  const Status& walk_status() const { return walk_status_; }
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  const triage::FileTree& tree_;
  const ScanRequest& req_;
  BoundedQueue<ScannedFile>& out_;
  BoundedQueue<std::pair<uint64_t, triage::TriageEntry>> entries_{256};
  std::thread walker_;
  std::vector<std::thread> workers_;
  std::atomic<int> remaining_{0};
  Status walk_status_ = Ok();
  Diagnostics diagnostics_;
};

Result<int64_t> FindExhibitByHash(Db& db, int64_t case_id, const std::string& sha256, std::string& label) {
  auto stmt = db.Prepare("SELECT id, label FROM exhibits WHERE case_id=? AND sha256=?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, case_id).Bind(2, sha256);
  auto row = stmt->Step();
  if (!row) return row.error();
  if (!*row) return int64_t{0};
  label = stmt->Text(1);
  return stmt->Int(0);
}

}  // namespace

ScanOutcome ScanExhibit(Workspace& ws, const ScanRequest& req) {
  ScanOutcome out;
  out.path = req.path;
  auto fail = [&](Error e) {
    out.status = "failed";
    out.error = std::move(e);
    return out;
  };
  auto case_row = ws.FindCase(req.case_code);
  if (!case_row) return fail(case_row.error());
  std::optional<int64_t> owner_id;
  if (!req.owner_subject.empty()) {
    auto s = ws.FindSubject(case_row->id, req.owner_subject);
    if (!s) return fail(s.error());
    owner_id = s->id;
  }
  auto canonical = RealFileSystem().Canonical(req.path);
  if (!canonical) return fail(Error::NotFound("no such file or folder", Location{req.path, ""}));
  out.path = *canonical;
  auto tree = triage::OpenFileTree(out.path);
  if (!tree) return fail(tree.error().where().file.empty() ? tree.error().WithFile(req.path) : tree.error());
  out.kind = (*tree)->kind();
  const bool is_folder = out.kind == "folder";

  auto matcher = HashMatcher::Load(ws.db(), req.pdq);
  if (!matcher) return fail(matcher.error());

  BoundedQueue<ScannedFile> results(64);
  ScanProducers producers(**tree, req, results);
  producers.Start();

  // A disk image is hashed (its segment files, read again) while the workers walk it.
  hashing::ExhibitHash image_hash;
  if (!is_folder) {
    auto segments = triage::ExhibitSegments(out.path);
    if (!segments) return fail(segments.error());
    auto h = HashImageSegments(*segments);
    if (!h) return fail(h.error());
    image_hash = std::move(*h);
    out.sha256 = image_hash.sha256;
    out.exhibit_bytes = image_hash.size_bytes;
    std::string existing;
    auto found = FindExhibitByHash(ws.db(), case_row->id, out.sha256, existing);
    if (!found) return fail(found.error());
    if (*found != 0) {
      out.label = existing;
      out.status = "already-scanned";
      return out;
    }
  }

  auto label = UniqueExhibitLabel(ws.db(), case_row->id, req.label.empty() ? BaseName(out.path) : req.label, !req.label.empty());
  if (!label) return fail(label.error());
  out.label = *label;
  if (auto s = ws.Begin(); !s) return fail(s.error());
  auto rollback = [&](Error e) {
    producers.Stop();
    ws.Rollback();
    return fail(std::move(e));
  };
  const std::string examiner = req.examiner.empty() ? DefaultActor() : req.examiner;
  // A folder's hash is known only once every file is read: a placeholder until then.
  const std::string pending = is_folder ? "pending:" + hashing::Sha256Hex(out.path + NowUtc()) : out.sha256;
  auto insert = ws.db().Prepare(
      "INSERT INTO exhibits(case_id, label, path, is_folder, size_bytes, sha256, format, importer, importer_version, "
      "owner_subject_id, examiner, ingested_at, main_sha256) VALUES(?,?,?,?,?,?,?,'scan','1',?,?,?,NULL)");
  if (!insert) return rollback(insert.error());
  Status s = insert->Bind(1, case_row->id).Bind(2, out.label).Bind(3, out.path).Bind(4, int64_t{is_folder})
                 .Bind(5, static_cast<int64_t>(out.exhibit_bytes)).Bind(6, pending).Bind(7, out.kind).Bind(8, owner_id)
                 .Bind(9, examiner).Bind(10, NowUtc()).Run();
  if (!s) return rollback(s.error());
  out.exhibit_id = ws.db().LastInsertId();

  ScanWriter writer(ws.db(), out.exhibit_id, req.rules, matcher->get());
  if (s = writer.Prepare(); !s) return rollback(s.error());
  Progress progress("scanning", 0, req.progress);
  std::map<uint64_t, ScannedFile> early;  // results that arrived before their turn
  uint64_t next = 0;
  while (auto file = results.Pop()) {
    early.emplace(file->seq, std::move(*file));
    for (auto it = early.find(next); it != early.end(); it = early.find(next)) {
      s = writer.Write(it->second);
      if (!s) return rollback(s.error().where().file.empty() ? s.error().WithFile(out.path) : s.error());
      early.erase(it);
      ++next;
    }
    progress.SetText(FilesAndBytes(writer.counts().entries, writer.counts().bytes));
  }
  producers.Join();
  progress.Finish();
  if (!producers.walk_status()) return rollback(producers.walk_status().error());
  if (!early.empty()) return rollback(Error::Internal("scan results out of order", Location{out.path, ""}));
  out.counts = writer.counts();
  out.warnings = producers.diagnostics().warnings();
  out.warning_count = producers.diagnostics().count();

  if (is_folder) {
    std::vector<hashing::ManifestEntry> manifest = writer.TakeManifest();
    std::sort(manifest.begin(), manifest.end(),
              [](const hashing::ManifestEntry& a, const hashing::ManifestEntry& b) { return a.rel_path < b.rel_path; });
    out.sha256 = hashing::Sha256Hex(hashing::ManifestText(manifest));
    out.exhibit_bytes = out.counts.bytes;
    std::string existing;
    auto found = FindExhibitByHash(ws.db(), case_row->id, out.sha256, existing);
    if (!found) return rollback(found.error());
    if (*found != 0) {
      ws.Rollback();
      out.label = existing;
      out.status = "already-scanned";
      out.counts = {};
      return out;
    }
    auto rows = ws.db().Prepare("INSERT OR IGNORE INTO exhibit_manifest(exhibit_id, rel_path, size_bytes, sha256) VALUES(?,?,?,?)");
    if (!rows) return rollback(rows.error());
    for (const auto& e : manifest) {
      s = rows->Bind(1, out.exhibit_id).Bind(2, e.rel_path).Bind(3, static_cast<int64_t>(e.size_bytes)).Bind(4, e.sha256).Run();
      if (!s) return rollback(s.error());
    }
  } else if (image_hash.manifest.size() > 1) {
    auto rows = ws.db().Prepare("INSERT INTO exhibit_manifest(exhibit_id, rel_path, size_bytes, sha256) VALUES(?,?,?,?)");
    if (!rows) return rollback(rows.error());
    for (const auto& e : image_hash.manifest) {
      s = rows->Bind(1, out.exhibit_id).Bind(2, e.rel_path).Bind(3, static_cast<int64_t>(e.size_bytes)).Bind(4, e.sha256).Run();
      if (!s) return rollback(s.error());
    }
  }
  auto update = ws.db().Prepare("UPDATE exhibits SET sha256=?, size_bytes=?, warnings=? WHERE id=?");
  if (!update) return rollback(update.error());
  s = update->Bind(1, out.sha256).Bind(2, static_cast<int64_t>(out.exhibit_bytes))
          .Bind(3, static_cast<int64_t>(out.warning_count)).Bind(4, out.exhibit_id).Run();
  if (!s) return rollback(s.error());
  s = AppendAudit(ws.db(), examiner, "scan",
                  {{"case", req.case_code}, {"exhibit", out.label}, {"path", out.path}, {"sha256", out.sha256},
                   {"kind", out.kind}, {"owner", req.owner_subject},
                   {"rules_sha256", req.rules ? req.rules->sha256() : std::string()},
                   {"files", std::to_string(out.counts.entries)}, {"bytes", std::to_string(out.counts.bytes)}});
  if (!s) return rollback(s.error());
  if (s = ws.Commit(); !s) return rollback(s.error());
  out.status = "scanned";
  return out;
}

}  // namespace casegraph::store
