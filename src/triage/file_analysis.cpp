// Read once, derive everything: digests, MIME type from the head, content when wanted.
#include "triage/file_analysis.h"

#include <magic.h>

#include <algorithm>

#include "hashing/digest.h"

namespace casegraph::triage {

struct FileAnalyzer::MagicHandle {
  magic_t cookie = nullptr;
  ~MagicHandle() {
    if (cookie != nullptr) magic_close(cookie);
  }
};

FileAnalyzer::FileAnalyzer() : magic_(std::make_unique<MagicHandle>()) {
  // MAGIC_NO_CHECK_COMPRESS keeps libmagic from decompressing untrusted content; the type is
  // read from the first 64 KiB only.
  magic_->cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR);
  if (magic_->cookie == nullptr) {
    magic_error_ = "libmagic could not start";
  } else if (magic_load(magic_->cookie, nullptr) != 0) {
    const char* why = ::magic_error(magic_->cookie);
    magic_error_ = std::string("libmagic database not loaded: ") + (why != nullptr ? why : "?");
    magic_close(magic_->cookie);
    magic_->cookie = nullptr;
  }
}

FileAnalyzer::~FileAnalyzer() = default;

std::string FileAnalyzer::MimeOf(std::string_view head) {
  if (magic_->cookie == nullptr) return "";
  const char* type = magic_buffer(magic_->cookie, head.data(), head.size());
  return type != nullptr ? type : "";
}

Result<FileAnalysis> FileAnalyzer::Analyze(
    const FileTree& tree, const TriageEntry& e, uint64_t keep_limit,
    const std::function<bool(std::string_view mime, uint64_t size)>& keep) {
  FileAnalysis out;
  hashing::MultiDigest digest;
  std::string head;
  bool head_done = false;
  bool keeping = false;
  auto decide = [&] {
    head_done = true;
    out.mime_type = MimeOf(head);
    keeping = keep && e.size_bytes <= keep_limit && keep(out.mime_type, e.size_bytes);
    if (keeping) {
      out.content = std::move(head);
      out.content.reserve(static_cast<size_t>(e.size_bytes));
    }
  };
  auto status = tree.Read(e, [&](std::string_view chunk) {
    digest.Update(chunk);
    if (!head_done) {
      size_t take = std::min(chunk.size(), kMagicHeadBytes - head.size());
      head.append(chunk.substr(0, take));
      if (head.size() < kMagicHeadBytes) return;
      decide();
      chunk.remove_prefix(take);
    }
    // The file may have grown since it was listed: never keep more than the limit.
    if (keeping && out.content.size() + chunk.size() > keep_limit) {
      keeping = false;
      out.content.clear();
      out.content.shrink_to_fit();
    }
    if (keeping) out.content.append(chunk);
  });
  if (!status.ok()) return status.error();
  if (!head_done) decide();
  if (keeping && out.content.size() > keep_limit) keeping = false;
  out.content_kept = keeping;
  if (!keeping) out.content.clear();
  out.digests = digest.Finish();
  return out;
}

}  // namespace casegraph::triage
