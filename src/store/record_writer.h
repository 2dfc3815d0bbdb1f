// Writes prepared records of one exhibit into the workspace inside the caller's transaction:
// assigns ids, keeps caches of accounts, conversations and identifiers, derives the history
// of display names from what each message shows, and at the end writes account attributes,
// the exhibit's account roles and the rest of the search index. The index is built in chunks
// while records arrive, so that this thread indexes while the importer thread parses.
// Store thread only.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <tuple>
#include <string>
#include <unordered_map>

#include "store/record_batch.h"
#include "store/sqlite_util.h"

namespace casegraph::store {

struct WriteCounts {
  uint64_t accounts = 0, conversations = 0, messages = 0, attachments = 0, identifiers = 0;
  int64_t first_message_id = 0, last_message_id = 0;
};

// A chat attachment whose file was found in the export and read: where to read it again for
// its content (PDQ, document text, YARA), and the message that carried it.
struct PresentAttachment {
  int64_t file_id = 0, message_id = 0;
  std::string resolved_path, file_name, mime_type, message_locator;
};

class RecordWriter {
 public:
  // `local_scope` ("<case>/<exhibit label>") replaces model::kExhibitScope in exhibit-local refs.
  RecordWriter(Db& db, int64_t exhibit_id, std::string local_scope = "")
      : db_(db), exhibit_id_(exhibit_id), local_scope_(std::move(local_scope)) {}
  Status Prepare();
  Status Write(PreparedRecord& record);
  // Attributes, roles, FTS rows. Call once after the last record.
  Status Finish();
  const WriteCounts& counts() const { return counts_; }
  // Seconds spent adding messages to the search index (for CASEGRAPH_TIMING).
  double index_seconds() const { return index_seconds_; }
  // Account id of a ref written by this exhibit (0 if none).
  int64_t AccountIdOf(const std::string& ref) const;
  // The attachments written so far whose file was present in the export.
  const std::vector<PresentAttachment>& present_attachments() const { return present_attachments_; }

 private:
  struct AttributeSeen {
    int64_t account_id = 0;
    const char* kind = "";
    std::string value;
    std::optional<int64_t> first, last;
    std::string locator;
  };
  Result<int64_t> AccountId(const std::string& ref, const std::string& platform);
  Result<int64_t> IdentifierId(const extract::IdentifierHit& hit);
  Status WriteIdentifiers(const std::vector<FoundIdentifier>& found, std::optional<int64_t> message_id,
                          std::optional<int64_t> account_id, const std::string& locator);
  void SeeAttribute(int64_t account_id, const char* kind, const std::string& value,
                    std::optional<int64_t> at, const std::string& locator);
  void SeeRole(int64_t account_id, model::AccountRole role);
  Status WriteAccount(PreparedAccount& a);
  Status WriteConversation(const model::ConversationRecord& c);
  Status WriteMessage(PreparedMessage& m);
  Result<int64_t> FileId(const model::FileDigests& d);
  // Adds the messages written since the last call to the search index.
  Status IndexPending();

  Db& db_;
  int64_t exhibit_id_;
  std::string local_scope_;
  WriteCounts counts_;
  Stmt insert_account_, find_account_, insert_conversation_, insert_message_, insert_identifier_,
      find_identifier_, insert_occurrence_, insert_file_, find_file_, insert_attachment_, index_messages_;
  std::vector<PresentAttachment> present_attachments_;
  int64_t indexed_upto_ = 0;
  double index_seconds_ = 0;  // last message id already in the search index
  std::unordered_map<std::string, int64_t> account_ids_;
  std::unordered_map<std::string, int64_t> conversation_ids_;
  std::unordered_map<std::string, int64_t> identifier_ids_;
  std::unordered_map<std::string, int64_t> file_ids_;
  // Keyed by "account_id kind value" in attribute_key_, a reused buffer (one per message).
  std::unordered_map<std::string, AttributeSeen> attributes_;
  std::string attribute_key_;
  std::string last_conversation_key_;
  std::optional<int64_t> last_conversation_id_;
  std::unordered_map<int64_t, int> roles_;  // account -> best role rank
};

}  // namespace casegraph::store
