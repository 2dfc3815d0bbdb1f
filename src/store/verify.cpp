#include "store/verify.h"

#include <map>

#include "hashing/exhibit_hash.h"
#include "store/queries.h"
#include "store/scan_rehash.h"

namespace casegraph::store {

bool VerifyReport::ok() const {
  if (!audit.chain_ok) return false;
  for (const auto& e : exhibits) {
    if (e.status != "ok") return false;
  }
  return true;
}

Result<VerifyReport> VerifyWorkspace(Workspace& ws, const FileSystem& fs) {
  VerifyReport report;
  auto exhibits = ListExhibits(ws);
  if (!exhibits) return exhibits.error();
  auto manifest = ws.db().Prepare("SELECT rel_path, sha256 FROM exhibit_manifest WHERE exhibit_id=? ORDER BY rel_path");
  if (!manifest) return manifest.error();
  for (const auto& e : *exhibits) {
    ExhibitCheck check{e.case_code, e.label, e.path, e.sha256, "ok", {}};
    auto st = fs.Stat(e.path);
    if (!st) {
      check.status = "missing";
      report.exhibits.push_back(std::move(check));
      continue;
    }
    // A scanned folder or disk image is hashed again with the scan's own rules.
    auto hash = e.importer == "scan" ? HashScannedExhibit(e.path, e.format) : hashing::HashExhibit(fs, e.path);
    if (!hash) {
      check.status = "missing";
    } else if (hash->sha256 != e.sha256) {
      check.status = "modified";
      if (hash->is_folder) {
        std::map<std::string, std::string> stored;
        manifest->Bind(1, e.id);
        for (;;) {
          auto row = manifest->Step();
          if (!row) return row.error();
          if (!*row) break;
          stored[manifest->Text(0)] = manifest->Text(1);
        }
        for (const auto& now : hash->manifest) {
          auto it = stored.find(now.rel_path);
          if (it == stored.end()) check.changed.push_back("added: " + now.rel_path);
          else if (it->second != now.sha256) check.changed.push_back("changed: " + now.rel_path);
          if (it != stored.end()) stored.erase(it);
        }
        for (const auto& [path, _] : stored) check.changed.push_back("removed: " + path);
      }
    }
    report.exhibits.push_back(std::move(check));
  }
  auto audit = CheckAuditChain(ws.db());
  if (!audit) return audit.error();
  report.audit = *audit;
  return report;
}

}  // namespace casegraph::store
