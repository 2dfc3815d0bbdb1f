#include "store/ingest_exhibit.h"

#include <algorithm>
#include <thread>

#include "base/phase_timer.h"
#include "base/progress.h"
#include "base/time_util.h"
#include "extract/identifier.h"
#include "hashing/exhibit_hash.h"
#include "ingest/registry.h"
#include "ingest/source.h"
#include "store/attachment_content.h"
#include "store/audit_log.h"
#include "store/hash_matcher.h"
#include "store/import_pipeline.h"
#include "store/rule_hits.h"

namespace casegraph::store {
namespace {

// The exhibit's name from its path. An exporter gives its main file the same name in every
// export (the importer's patterns without wildcards: result.json, _chat.txt, …): then the
// folder names the exhibit.
std::string DerivedLabel(const std::string& path, const std::vector<std::string>& patterns) {
  std::string base = BaseName(path);
  const bool generic = std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) {
    return p == base && p.find('*') == std::string::npos;
  });
  if (generic) {
    std::string parent = path.substr(0, path.size() - base.size());
    std::string p = BaseName(parent);
    if (!p.empty() && p != "." && p != "/") return p;
  }
  return base;
}

// The id of `ref` among the accounts the exhibit holds; a clear error, naming a few it does
// hold, when it is not one of them.
Result<int64_t> ExhibitAccountId(Db& db, int64_t exhibit_id, const std::string& ref) {
  auto stmt = db.Prepare(
      "SELECT a.id FROM exhibit_accounts ea JOIN accounts a ON a.id = ea.account_id WHERE ea.exhibit_id = ? AND a.ref = ?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, exhibit_id).Bind(2, ref);
  auto row = stmt->Step();
  if (!row) return row.error();
  if (*row) {
    const int64_t id = stmt->Int(0);
    stmt->Reset();
    return id;
  }
  auto some = db.Prepare(
      "SELECT a.ref FROM exhibit_accounts ea JOIN accounts a ON a.id = ea.account_id WHERE ea.exhibit_id = ? "
      "ORDER BY a.ref LIMIT 5");
  if (!some) return some.error();
  some->Bind(1, exhibit_id);
  std::string listed;
  for (;;) {
    auto r = some->Step();
    if (!r) return r.error();
    if (!*r) break;
    listed += (listed.empty() ? "" : ", ") + some->Text(0);
  }
  return Error::InvalidArgument("--owner-account " + ref + " is not an account of this exhibit" +
                                (listed.empty() ? std::string(" (it holds none)") : " (it holds e.g. " + listed + ")"));
}

}  // namespace

Result<std::string> UniqueExhibitLabel(Db& db, int64_t case_id, const std::string& wanted, bool given) {
  auto stmt = db.Prepare("SELECT 1 FROM exhibits WHERE case_id=? AND label=?");
  if (!stmt) return stmt.error();
  for (int n = 1; n < 10000; ++n) {
    std::string label = n == 1 ? wanted : wanted + "-" + std::to_string(n);
    stmt->Bind(1, case_id).Bind(2, label);
    auto row = stmt->Step();
    if (!row) return row.error();
    stmt->Reset();
    if (!*row) return label;
    if (given) return Error::Conflict("exhibit label '" + wanted + "' is already used in this case");
  }
  return Error::Conflict("too many exhibits named " + wanted);
}

IngestOutcome IngestExhibit(Workspace& ws, const IngestRequest& req) {
  IngestOutcome out;
  out.path = req.path;
  out.status = "failed";
  const FileSystem& fs = req.fs ? *req.fs : RealFileSystem();
  auto fail = [&](Error e) {
    out.error = std::move(e);
    return out;
  };

  auto case_row = ws.FindCase(req.case_code);
  if (!case_row) return fail(case_row.error());
  std::optional<SubjectRow> owner;
  if (!req.owner_subject.empty()) {
    auto s = ws.FindSubject(case_row->id, req.owner_subject);
    if (!s) return fail(s.error());
    owner = *s;
  }
  if (!req.options.tz.empty()) {
    if (auto tz = ValidateTimeZone(req.options.tz); !tz) return fail(tz.error());
  }
  auto st = fs.Stat(req.path);
  if (!st) return fail(Error::NotFound("no such file or folder", Location{req.path, ""}));
  auto canonical = fs.Canonical(req.path);
  const std::string abs_path = canonical ? *canonical : req.path;
  out.path = abs_path;

  auto opened = ingest::OpenSource(fs, req.path);
  if (!opened) return fail(opened.error());
  auto probe = ingest::MakeProbe(opened->source);
  if (!probe) return fail(probe.error());
  const ingest::Importer* importer = nullptr;
  if (req.format.empty() || req.format == "auto") {
    auto chosen = ingest::ChooseImporter(*probe);
    if (!chosen) return fail(chosen.error());
    importer = *chosen;
  } else {
    importer = ingest::FindImporter(req.format);
    if (importer == nullptr) return fail(Error::InvalidArgument("unknown format '" + req.format + "' (see `casegraph formats`)"));
  }
  const ingest::ImporterInfo info = importer->Describe();
  out.format = info.name;

  // The importer starts parsing now, while this thread hashes; its records wait in the queue.
  ImportPipeline pipeline(*importer, opened->source, req.options);
  pipeline.Start();

  PhaseTimer timer;
  Progress hash_progress("hashing", st->is_directory ? 0 : st->size_bytes, req.options.progress);
  auto hash = hashing::HashExhibit(fs, req.path, [&](uint64_t done) { hash_progress.Set(done); });
  hash_progress.Finish();
  if (!hash) return fail(hash.error());
  timer.Mark("hash");
  out.sha256 = hash->sha256;
  out.bytes = hash->size_bytes;

  // The same bytes are already here when the exhibit hash matches, or when the main document
  // (result.json) was ingested before on its own or inside its folder.
  std::string main_sha256 = hash->sha256;
  for (const auto& e : hash->manifest) {
    for (const auto& pattern : info.patterns) {
      if (e.rel_path == pattern) main_sha256 = e.sha256;
    }
  }
  auto existing = ws.db().Prepare(
      "SELECT label FROM exhibits WHERE case_id=?1 AND (sha256=?2 OR main_sha256=?3 OR sha256=?3)");
  if (!existing) return fail(existing.error());
  existing->Bind(1, case_row->id).Bind(2, hash->sha256).Bind(3, main_sha256);
  auto row = existing->Step();
  if (!row) return fail(row.error());
  if (*row) {
    out.label = existing->Text(0);
    existing->Reset();
    out.status = "already-ingested";
    pipeline.Cancel();
    return out;
  }

  auto label = UniqueExhibitLabel(ws.db(), case_row->id, req.label.empty() ? DerivedLabel(req.path, info.patterns) : req.label, !req.label.empty());
  if (!label) return fail(label.error());
  out.label = *label;

  if (auto s = ws.Begin(); !s) return fail(s.error());
  auto rollback = [&](Error e) {
    ws.Rollback();
    return fail(std::move(e));
  };
  auto insert = ws.db().Prepare(
      "INSERT INTO exhibits(case_id, label, path, is_folder, size_bytes, sha256, format, importer, importer_version, "
      "time_zone, region, instance, owner_subject_id, examiner, ingested_at, main_sha256) "
      "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (!insert) return rollback(insert.error());
  std::optional<int64_t> owner_id;
  if (owner) owner_id = owner->id;
  const std::string examiner = req.examiner.empty() ? DefaultActor() : req.examiner;
  Status s = insert->Bind(1, case_row->id).Bind(2, out.label).Bind(3, abs_path).Bind(4, int64_t{hash->is_folder})
                 .Bind(5, static_cast<int64_t>(hash->size_bytes)).Bind(6, hash->sha256).Bind(7, info.name)
                 .Bind(8, info.name).Bind(9, info.version).BindOrNull(10, req.options.tz).BindOrNull(11, req.options.region)
                 .BindOrNull(12, req.options.instance).Bind(13, owner_id).Bind(14, examiner).Bind(15, NowUtc()).Bind(16, main_sha256).Run();
  if (!s) return rollback(s.error());
  const int64_t exhibit_id = ws.db().LastInsertId();
  auto manifest = ws.db().Prepare("INSERT INTO exhibit_manifest(exhibit_id, rel_path, size_bytes, sha256) VALUES(?,?,?,?)");
  if (!manifest) return rollback(manifest.error());
  for (const auto& e : hash->manifest) {
    s = manifest->Bind(1, exhibit_id).Bind(2, e.rel_path).Bind(3, static_cast<int64_t>(e.size_bytes)).Bind(4, e.sha256).Run();
    if (!s) return rollback(s.error());
  }

  RecordWriter writer(ws.db(), exhibit_id, req.case_code + "/" + out.label);
  if (s = writer.Prepare(); !s) return rollback(s.error());
  s = pipeline.Drain(writer);
  timer.Mark("import");
  out.warnings = pipeline.diagnostics().warnings();
  out.warning_count = pipeline.diagnostics().count();
  if (!s) {
    Error e = s.error();
    return rollback(e.where().file.empty() ? e.WithFile(req.path) : e);
  }
  if (s = writer.Finish(); !s) return rollback(s.error());
  timer.Mark("index");
  auto matcher = HashMatcher::Load(ws.db());
  if (!matcher) return rollback(matcher.error());
  auto media = AnalyzeAttachments(ws.db(), exhibit_id, *opened->source.fs, writer.present_attachments(), req.rules, **matcher);
  if (!media) return rollback(media.error().where().file.empty() ? media.error().WithFile(req.path) : media.error());
  out.media = *media;
  timer.Mark("media");
  const ingest::ImportSummary& summary = pipeline.summary();
  out.counts = writer.counts();
  out.time_note = summary.time_note;
  std::optional<int64_t> owner_account;
  if (!summary.owner_ref.empty() && writer.AccountIdOf(summary.owner_ref) != 0) owner_account = writer.AccountIdOf(summary.owner_ref);
  if (!req.owner_account_ref.empty()) {
    auto given = ExhibitAccountId(ws.db(), exhibit_id, req.owner_account_ref);
    if (!given) return rollback(given.error());
    if (owner_account && *owner_account != *given) {
      return rollback(Error::InvalidArgument("--owner-account " + req.owner_account_ref + " disagrees with the owner the export names (" +
                                             summary.owner_ref + "); leave it out for this exhibit"));
    }
    owner_account = *given;
  }
  std::optional<int64_t> offset;
  if (summary.inferred_utc_offset_seconds) offset = *summary.inferred_utc_offset_seconds;
  auto update = ws.db().Prepare(
      "UPDATE exhibits SET main_file=?, time_note=?, utc_offset_seconds=?, owner_account_id=?, first_message_id=?, "
      "last_message_id=?, warnings=? WHERE id=?");
  if (!update) return rollback(update.error());
  std::optional<int64_t> first_id, last_id;
  if (out.counts.messages) {
    first_id = out.counts.first_message_id;
    last_id = out.counts.last_message_id;
  }
  s = update->BindOrNull(1, summary.main_file).BindOrNull(2, summary.time_note).Bind(3, offset).Bind(4, owner_account)
          .Bind(5, first_id).Bind(6, last_id).Bind(7, static_cast<int64_t>(out.warning_count)).Bind(8, exhibit_id).Run();
  if (!s) return rollback(s.error());
  AuditParams audit = {{"case", req.case_code}, {"exhibit", out.label}, {"path", abs_path}, {"sha256", out.sha256},
                       {"format", info.name}, {"importer_version", info.version}, {"tz", req.options.tz},
                       {"owner", req.owner_subject}, {"owner_account", req.owner_account_ref},
                       {"messages", std::to_string(out.counts.messages)}};
  if (req.rules != nullptr) {
    if (s = ApplyLexiconsToMessages(ws.db(), exhibit_id, *req.rules); !s) return rollback(s.error());
    auto hits = CountRuleHits(ws.db(), exhibit_id);
    if (!hits) return rollback(hits.error());
    out.rule_hits = *hits;
    audit.push_back({"rules_sha256", req.rules->sha256()});
    audit.push_back({"rule_hits", std::to_string(out.rule_hits)});
    timer.Mark("rules");
  }
  s = AppendAudit(ws.db(), examiner, "ingest", audit);
  if (!s) return rollback(s.error());
  if (s = ws.Commit(); !s) return rollback(s.error());
  timer.Mark("commit");
  out.status = "ingested";
  return out;
}

}  // namespace casegraph::store
