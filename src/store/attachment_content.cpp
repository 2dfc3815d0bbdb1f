#include "store/attachment_content.h"

#include <set>

#include "base/file_system.h"
#include "extract/document_text.h"
#include "hashing/image_decode.h"
#include "hashing/pdq.h"
#include "hashing/pdq_hash.h"
#include "store/file_texts.h"
#include "store/rule_hits.h"
#include "store/scan_writer.h"

namespace casegraph::store {
namespace {

struct StoredFile {
  model::FileDigests digests;
  std::string mime_type, pdq_hash;
  std::optional<int64_t> pdq_quality;
  bool has_text = false;
};

Result<StoredFile> LoadFile(Db& db, int64_t file_id) {
  auto stmt = db.Prepare(
      "SELECT sha256, sha1, md5, size_bytes, COALESCE(mime_type,''), COALESCE(pdq_hash,''), pdq_quality, "
      "EXISTS(SELECT 1 FROM file_texts t WHERE t.file_id = files.id) FROM files WHERE id = ?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, file_id);
  auto row = stmt->Step();
  if (!row) return row.error();
  if (!*row) return Error::Internal("no file row " + std::to_string(file_id));
  StoredFile f;
  f.digests = {static_cast<uint64_t>(stmt->Int(3)), stmt->Text(2), stmt->Text(1), stmt->Text(0)};
  f.mime_type = stmt->Text(4);
  f.pdq_hash = stmt->Text(5);
  f.pdq_quality = stmt->OptInt(6);
  f.has_text = stmt->Int(7) != 0;
  return f;
}

// The MIME type of an attachment's bytes from their signature, else what the export declared.
std::string SniffMime(std::string_view head, const std::string& declared) {
  switch (hashing::SniffImageFormat(head)) {
    case hashing::ImageFormat::kJpeg: return "image/jpeg";
    case hashing::ImageFormat::kPng: return "image/png";
    default: break;
  }
  if (head.substr(0, 5) == "%PDF-") return "application/pdf";
  return declared;
}

}  // namespace

Result<AttachmentContentCounts> AnalyzeAttachments(Db& db, int64_t exhibit_id, const FileSystem& fs,
                                                   const std::vector<PresentAttachment>& attachments,
                                                   const rules::RuleSet* rules, const HashMatcher& matcher,
                                                   const ScanLimits& limits) {
  AttachmentContentCounts counts;
  auto set_media = db.Prepare(
      "UPDATE files SET mime_type = COALESCE(mime_type, ?), pdq_hash = COALESCE(pdq_hash, ?), "
      "pdq_quality = COALESCE(pdq_quality, ?) WHERE id = ?");
  if (!set_media) return set_media.error();
  std::set<int64_t> seen;
  for (const PresentAttachment& a : attachments) {
    if (!seen.insert(a.file_id).second) continue;
    auto stored = LoadFile(db, a.file_id);
    if (!stored) return stored.error();
    const bool want_yara = rules != nullptr && rules->has_yara() && stored->digests.size_bytes <= limits.yara_bytes;
    const bool maybe_media = stored->digests.size_bytes <= std::max(limits.image_bytes, limits.document_bytes);
    std::optional<hashing::PdqResult> pdq;
    if (!stored->pdq_hash.empty() && stored->pdq_quality) {
      if (auto h = hashing::PdqFromHex(stored->pdq_hash)) pdq = hashing::PdqResult{*h, static_cast<int>(*stored->pdq_quality)};
    }
    std::optional<extract::DocumentText> text;
    if ((maybe_media || want_yara) && stored->digests.size_bytes > 0) {
      // The export's copy is read again (it was digested by the importer); damage here is not
      // fatal to the ingest: the file keeps its digests and is matched by them.
      auto view = fs.Map(a.resolved_path);
      if (view) {
        std::string_view bytes = (*view)->bytes();
        const std::string mime = SniffMime(bytes.substr(0, 64), a.mime_type);
        if (!pdq && IsHashableImage(mime) && bytes.size() <= limits.image_bytes) {
          if (auto computed = PdqOfImageFile(bytes, limits)) {
            pdq = *computed;
            ++counts.images;
          }
        }
        const std::string kind = extract::DocumentKind(mime, a.file_name, bytes.substr(0, 4096));
        if (!stored->has_text && !kind.empty() && bytes.size() <= limits.document_bytes) {
          if (auto t = extract::ExtractDocumentText(bytes, kind); t && !t->text.empty()) {
            text = std::move(*t);
            ++counts.documents;
          }
        }
        std::string pdq_hex = pdq ? hashing::PdqToHex(pdq->hash) : std::string();
        std::optional<int64_t> quality;
        if (pdq) quality = pdq->quality;
        CASEGRAPH_RETURN_IF_ERROR(set_media->BindOrNull(1, mime).BindOrNull(2, pdq_hex).Bind(3, quality).Bind(4, a.file_id).Run());
        if (want_yara) {
          if (auto hits = rules->MatchContent(bytes)) {
            for (const auto& h : *hits) {
              RuleHitRow row{h.rule_kind, h.rule_name, h.matched, "content", std::nullopt, a.message_id, a.file_id,
                             a.file_name, a.message_locator, rules->sha256(), rules->FlagOf(h)};
              CASEGRAPH_RETURN_IF_ERROR(InsertRuleHit(db, exhibit_id, row));
              ++counts.rule_hits;
            }
          }
        }
      }
    }
    if (text) {
      CASEGRAPH_RETURN_IF_ERROR(StoreFileText(db, a.file_id, *text));
      if (rules != nullptr) {
        for (const auto& h : rules->MatchText(text->text)) {
          RuleHitRow row{h.rule_kind, h.rule_name, h.matched, "document", std::nullopt, a.message_id, a.file_id,
                         a.file_name, a.message_locator, rules->sha256(), rules->FlagOf(h)};
          CASEGRAPH_RETURN_IF_ERROR(InsertRuleHit(db, exhibit_id, row));
          ++counts.rule_hits;
        }
      }
    }
    if (!matcher.empty()) {
      auto matches = matcher.Match(stored->digests, pdq);
      if (!matches) return matches.error();
      if (!matches->empty()) ++counts.matched_files;
      CASEGRAPH_RETURN_IF_ERROR(WriteFileMatches(db, a.file_id, *matches));
    }
  }
  return counts;
}

}  // namespace casegraph::store
