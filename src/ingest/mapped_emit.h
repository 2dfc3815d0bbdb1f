// Turns mapped records into normalised records: accounts, conversations and messages, with
// accounts and conversations emitted before the first message that refers to them. One
// MappedRun per import; it holds what has been emitted so far (nothing outlives Import).
#pragma once

#include <map>
#include <set>
#include <string>

#include "base/diagnostics.h"
#include "ingest/export_folder.h"
#include "ingest/importer.h"
#include "ingest/mapped_mapping.h"
#include "ingest/mapped_record.h"

namespace casegraph::ingest::mapped {

class MappedRun {
 public:
  MappedRun(const Mapping& mapping, const ImportOptions& options, Sink& sink, Diagnostics& diagnostics,
            const ExportFolder& folder)
      : mapping_(mapping), options_(options), sink_(sink), diagnostics_(diagnostics), folder_(folder) {}

  // The file being read now: its label for warnings and a conversation key for its messages
  // when the mapping names none.
  void BeginFile(const std::string& label, const std::string& default_conversation);

  Status Account(Record& record, const std::string& locator);
  Status Conversation(Record& record, const std::string& locator);
  Status Message(Record& record, const std::string& locator);

  // Warnings about the mapping itself, once the whole exhibit has been read (fields that were
  // empty in every message, times that never parsed); an Error when no time parsed at all.
  Status Finish(ImportSummary& summary);

 private:
  void EmitAccount(model::AccountRecord account);
  std::string EnclosingConversation(const std::string& locator) const;
  void EnsureConversation(const std::string& key, Record& record, const std::string& locator);
  Status Times(Record& record, const std::string& locator, const Names& names, model::MessageRecord& m);
  Status Attachments(Record& record, const std::string& locator, model::MessageRecord& m);
  Status Reactions(Record& record, model::MessageRecord& m);
  Status Entities(Record& record, const Names& names, model::MessageRecord& m);
  Status MessageAccounts(Record& record, const std::string& locator, const model::MessageRecord& m);

  const Mapping& mapping_;
  const ImportOptions& options_;
  Sink& sink_;
  Diagnostics& diagnostics_;
  const ExportFolder& folder_;
  std::string file_, default_conversation_;
  std::set<std::string> account_refs_;
  std::set<std::string> account_views_;  // ref \x1f display name \x1f username, as sent
  std::map<std::string, std::string> conversations_;  // key -> kind
  std::map<std::string, std::string> conversation_at_;  // locator of a conversation record -> key
  uint64_t messages_ = 0, attachments_ = 0;
  uint64_t times_given_ = 0, times_parsed_ = 0;
  std::string first_bad_time_, first_bad_time_at_;
  std::map<std::string, uint64_t> filled_;  // field name -> messages where it was non-empty
};

}  // namespace casegraph::ingest::mapped
