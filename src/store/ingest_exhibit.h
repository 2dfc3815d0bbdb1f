// Ingests one exhibit into a case: hashes it (file, or folder manifest), refuses bytes the
// case already holds ("already-ingested"), picks the importer (by name or by sniffing), then
// runs the importer on a worker thread while this thread writes its records, all inside one
// transaction: on any error the transaction is rolled back and the workspace is exactly as
// before. The evidence is only ever read.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "base/file_system.h"
#include "ingest/importer.h"
#include "rules/rules_file.h"
#include "store/attachment_content.h"
#include "store/record_writer.h"
#include "store/workspace.h"

namespace casegraph::store {

struct IngestRequest {
  std::string case_code;
  std::string path;
  std::string label;          // empty: derived from the path
  std::string owner_subject;  // subject label, optional
  // The exhibit owner's account when the export does not say (Element, Discord, Rocket.Chat):
  // must be an account of this exhibit, and must agree with the owner the export names.
  std::string owner_account_ref;
  std::string format = "auto";
  std::string examiner;
  ingest::ImportOptions options;
  const FileSystem* fs = nullptr;  // null: the real disk
  // The examiner's rules (ingest --rules): lexicons run over the exhibit's messages inside the
  // ingest transaction. Must outlive the call.
  const rules::RuleSet* rules = nullptr;
};

struct IngestOutcome {
  std::string label, path, sha256, format;
  std::string status;  // "ingested", "already-ingested", "failed"
  uint64_t bytes = 0;
  WriteCounts counts;
  AttachmentContentCounts media;  // what the attachments' content gave (PDQ, text, matches)
  std::optional<Error> error;
  std::vector<Warning> warnings;
  size_t warning_count = 0;
  std::string time_note;
  int64_t rule_hits = 0;  // stored rule hits (0 without rules)
};

IngestOutcome IngestExhibit(Workspace& ws, const IngestRequest& request);

// `wanted`, or `wanted-2`, `wanted-3`… when the case already has an exhibit of that name; an
// error instead when the examiner gave the name (`given`).
Result<std::string> UniqueExhibitLabel(Db& db, int64_t case_id, const std::string& wanted, bool given);

}  // namespace casegraph::store
