// `verify`: re-hashes every exhibit from its recorded path and walks the audit chain. A folder
// exhibit is compared file by file against its stored manifest, so a change is named.
#pragma once

#include <string>
#include <vector>

#include "base/file_system.h"
#include "store/audit_log.h"
#include "store/workspace.h"

namespace casegraph::store {

struct ExhibitCheck {
  std::string case_code, label, path, sha256;
  std::string status;  // "ok", "missing", "modified"
  std::vector<std::string> changed;  // folder exhibits: files added, removed or changed
};

struct VerifyReport {
  std::vector<ExhibitCheck> exhibits;
  AuditCheck audit;
  bool ok() const;
};

Result<VerifyReport> VerifyWorkspace(Workspace& ws, const FileSystem& fs);

}  // namespace casegraph::store
