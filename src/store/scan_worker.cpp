#include "store/scan_worker.h"

#include "base/file_system.h"
#include "hashing/image_decode.h"

namespace casegraph::store {

bool IsHashableImage(std::string_view mime) { return mime == "image/jpeg" || mime == "image/png"; }

Result<hashing::PdqResult> PdqOfImageFile(std::string_view bytes, const ScanLimits& limits) {
  auto image = hashing::DecodeImage(bytes, limits.image_pixels);
  if (!image) return image.error();
  return hashing::PdqFromImage(*image);
}

ScanWorker::ScanWorker(const triage::FileTree& tree, const rules::RuleSet* rules, ScanLimits limits)
    : tree_(tree), rules_(rules), limits_(limits) {}

bool ScanWorker::Keep(std::string_view mime, uint64_t size, const std::string& name) const {
  if (IsHashableImage(mime) && size <= limits_.image_bytes) return true;
  if (!extract::DocumentKind(mime, name, "").empty() && size <= limits_.document_bytes) return true;
  return rules_ != nullptr && rules_->has_yara() && size <= limits_.yara_bytes;
}

ScannedFile ScanWorker::Process(uint64_t seq, triage::TriageEntry entry) {
  ScannedFile file;
  file.seq = seq;
  file.entry = std::move(entry);
  const triage::TriageEntry& e = file.entry;
  if (!e.problem.empty() || e.file_type != "file") return file;
  const std::string name = BaseName(e.path);
  const uint64_t keep_limit = std::max({limits_.image_bytes, limits_.document_bytes, limits_.yara_bytes});
  auto analysis = analyzer_.Analyze(tree_, e, keep_limit,
                                    [&](std::string_view mime, uint64_t size) { return Keep(mime, size, name); });
  if (!analysis) {
    file.problems.push_back(analysis.error().ToString());
    return file;
  }
  file.read = true;
  file.digests = analysis->digests;
  file.mime_type = analysis->mime_type;
  if (analysis->content_kept) FromContent(file, analysis->content);
  else if (IsHashableImage(file.mime_type)) file.problems.push_back("image larger than the PDQ limit: not decoded");
  if (rules_ != nullptr && rules_->has_yara() && file.digests->size_bytes > limits_.yara_bytes) {
    file.problems.push_back("YARA not applied: larger than " + std::to_string(limits_.yara_bytes >> 20) + " MiB");
  }
  return file;
}

void ScanWorker::FromContent(ScannedFile& file, const std::string& content) {
  const std::string name = BaseName(file.entry.path);
  if (IsHashableImage(file.mime_type) && content.size() <= limits_.image_bytes) {
    auto pdq = PdqOfImageFile(content, limits_);
    if (pdq) file.pdq = *pdq;
    else file.problems.push_back("image not decoded: " + pdq.error().message());
  }
  const std::string kind = extract::DocumentKind(file.mime_type, name, std::string_view(content).substr(0, 4096));
  if (!kind.empty() && content.size() <= limits_.document_bytes) {
    auto text = extract::ExtractDocumentText(content, kind);
    if (text) {
      if (!text->text.empty()) file.text = std::move(*text);
    } else {
      file.problems.push_back(kind + " text not extracted: " + text.error().message());
    }
  }
  if (rules_ != nullptr && rules_->has_yara() && content.size() <= limits_.yara_bytes) {
    auto hits = rules_->MatchContent(content);
    if (hits) file.content_hits = std::move(*hits);
    else file.problems.push_back("yara: " + hits.error().message());
  }
}

}  // namespace casegraph::store
