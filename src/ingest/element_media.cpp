// Linking media events to the files of an Element export ZIP (see element_media.h).
#include "ingest/element_media.h"

#include <algorithm>
#include <cstdio>

namespace casegraph::ingest::element {

MediaIndex::MediaIndex(const FileSystem& fs, std::string root) : fs_(fs), root_(root), folder_(fs, std::move(root)) {}

const std::vector<std::string>& MediaIndex::Listing(const std::string& dir) {
  auto it = listings_.find(dir);
  if (it != listings_.end()) return it->second;
  std::vector<std::string> names;
  if (auto listed = fs_.List(JoinPath(root_, dir))) names = std::move(*listed);
  std::sort(names.begin(), names.end());
  return listings_.emplace(dir, std::move(names)).first->second;
}

std::string MediaIndex::Find(const MediaName& name, std::optional<int64_t> ts_ms) {
  const std::vector<std::string>& names = Listing(name.dir);
  const std::string prefix = name.stem + "-";
  std::vector<const std::string*> candidates;
  for (auto it = std::lower_bound(names.begin(), names.end(), prefix); it != names.end(); ++it) {
    if (it->compare(0, prefix.size(), prefix) != 0) break;
    if (it->size() < prefix.size() + name.ext.size()) continue;
    if (it->compare(it->size() - name.ext.size(), name.ext.size(), name.ext) != 0) continue;
    if (used_.count(name.dir + "/" + *it) == 0) candidates.push_back(&*it);
  }
  if (candidates.empty()) return {};
  const std::string* chosen = nullptr;
  if (ts_ms) {
    const int64_t seconds = *ts_ms >= 0 ? *ts_ms / 1000 : 0;
    char clock[16];
    std::snprintf(clock, sizeof clock, "-%02d-%02d", static_cast<int>(seconds / 60 % 60), static_cast<int>(seconds % 60));
    for (const std::string* c : candidates) {
      const std::string_view middle(c->data() + prefix.size(), c->size() - prefix.size() - name.ext.size());
      if (middle.find(clock) != std::string_view::npos) {
        chosen = c;
        break;
      }
    }
  }
  if (chosen == nullptr && candidates.size() == 1) chosen = candidates[0];
  if (chosen == nullptr) return {};
  std::string rel = name.dir + "/" + *chosen;
  used_.insert(rel);
  return rel;
}

void MediaIndex::Resolve(const MediaName& name, std::optional<int64_t> ts_ms, model::AttachmentRecord& a,
                         Diagnostics& diagnostics) {
  if (root_.empty()) {
    a.status = model::AttachmentStatus::kNotExported;
    a.status_detail = "the export is the JSON file alone; Element includes media only in its ZIP export";
    return;
  }
  const std::string rel = Find(name, ts_ms);
  if (rel.empty()) {
    a.status = model::AttachmentStatus::kNotExported;
    a.status_detail = "no " + name.dir + "/" + name.stem + "-…" + name.ext +
                      " in the export (attachments were off, failed to download, or past Element's size limit)";
    return;
  }
  model::AttachmentRecord probe;
  probe.declared_path = rel;
  probe.locator = a.locator;
  folder_.Resolve(probe, diagnostics);
  a.status = probe.status;
  a.digests = std::move(probe.digests);
  a.status_detail = probe.status == model::AttachmentStatus::kPresent ? rel : rel + ": " + probe.status_detail;
}

}  // namespace casegraph::ingest::element
