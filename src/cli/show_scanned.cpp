#include "cli/show_scanned.h"

#include "cli/context.h"
#include "hashing/digest.h"
#include "store/scan_query.h"
#include "triage/file_tree.h"

namespace casegraph::cli {
namespace {

constexpr int64_t kRecheckLimit = int64_t{1} << 30;  // larger files are not re-read by `show`

// The SHA-256 of the entry's bytes read again from the evidence, or why that was not possible.
Result<std::string> RereadSha256(const store::ExhibitRow& exhibit, const store::ScannedFileRow& r) {
  auto tree = triage::OpenFileTree(exhibit.path);
  if (!tree) return tree.error();
  triage::TriageEntry e;
  e.path = r.path;
  e.raw_path_hex = r.raw_path_hex;
  e.file_type = r.file_type;
  e.deleted = r.deleted;
  if (r.inode) e.inode = static_cast<uint64_t>(*r.inode);
  if (r.fs_offset) e.fs_offset = static_cast<uint64_t>(*r.fs_offset);
  e.fs_type = r.fs_type;
  e.size_bytes = static_cast<uint64_t>(r.size_bytes);
  e.locator = r.locator;
  hashing::Digest digest(hashing::Digest::Algorithm::kSha256);
  Status s = (*tree)->Read(e, [&](std::string_view chunk) { digest.Update(chunk); });
  if (!s) return s.error();
  return digest.FinishHex();
}

void TimeField(JsonWriter& j, const char* key, const std::optional<int64_t>& t) {
  j.Key(key);
  if (t) j.String(TimeOrDash(t));
  else j.Null();
}

}  // namespace

Result<std::string> ShowScannedFile(store::Workspace& ws, const store::ExhibitRow& exhibit, const std::string& locator) {
  auto row = store::QueryScannedFile(ws, exhibit.id, locator);
  if (!row) return row.error();
  const store::ScannedFileRow& r = *row;
  JsonWriter j;
  j.BeginObject().Field("path", r.path).Key("raw_path_hex").StringOrNull(r.raw_path_hex).Field("file_type", r.file_type)
      .Field("deleted", r.deleted).Key("inode").OptInt(r.inode).Key("fs_offset").OptInt(r.fs_offset)
      .Key("fs_type").StringOrNull(r.fs_type).Field("size_bytes", r.size_bytes);
  TimeField(j, "modified", r.mtime);
  TimeField(j, "accessed", r.atime);
  TimeField(j, "changed", r.ctime);
  TimeField(j, "born", r.crtime);
  j.Field("status", r.status).Key("detail").StringOrNull(r.detail).Key("sha256").StringOrNull(r.sha256)
      .Key("sha1").StringOrNull(r.sha1).Key("md5").StringOrNull(r.md5).Key("mime_type").StringOrNull(r.mime_type)
      .Key("pdq").StringOrNull(r.pdq_hash).Key("pdq_quality").OptInt(r.pdq_quality);
  j.Key("hashsets").BeginArray();
  for (const auto& s : r.hashsets) j.String(s);
  j.EndArray();
  j.Key("reread");
  if (r.sha256.empty() || r.size_bytes > kRecheckLimit) {
    j.Null();
  } else {
    auto now = RereadSha256(exhibit, r);
    j.BeginObject();
    if (now) j.Field("sha256", *now).Field("unchanged", *now == r.sha256);
    else j.Key("sha256").Null().Field("error", now.error().ToString());
    j.EndObject();
  }
  j.EndObject();
  return j.str();
}

}  // namespace casegraph::cli
