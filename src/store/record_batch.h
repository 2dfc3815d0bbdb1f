// The unit handed from the importer thread to the store thread: records in source order, each
// message already carrying its extracted identifiers and its entity/member lists rendered as
// JSON, so the store thread only writes rows. BatchingSink is the importer-side Sink that
// does that preparation and pushes full batches into a queue.
#pragma once

#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "base/bounded_queue.h"
#include "extract/identifier.h"
#include "ingest/sink.h"

namespace casegraph::store {

// An identifier found in a record, with where it came from.
struct FoundIdentifier {
  extract::IdentifierHit hit;
  std::string source;  // "text", "entity", "edit", "profile"
  std::string raw;     // the raw span as written
};

struct PreparedAccount {
  model::AccountRecord record;
  std::vector<FoundIdentifier> identifiers;
};

struct PreparedMessage {
  model::MessageRecord record;
  std::string entities_json;  // empty when none
  std::string members_json;   // empty when none
  std::string edits_json;     // empty when none
  std::string reactions_json; // empty when none
  std::vector<FoundIdentifier> identifiers;
};

using PreparedRecord = std::variant<PreparedAccount, model::ConversationRecord, PreparedMessage>;
using RecordBatch = std::vector<PreparedRecord>;
using BatchQueue = BoundedQueue<RecordBatch>;

class BatchingSink : public ingest::Sink {
 public:
  static constexpr size_t kBatchSize = 1024;
  BatchingSink(const extract::Extractor& extractor, BatchQueue& queue) : extractor_(extractor), queue_(queue) {}
  void Account(model::AccountRecord account) override;
  void Conversation(model::ConversationRecord conversation) override;
  void Message(model::MessageRecord message) override;
  // Pushes the last partial batch.
  void Flush();

 private:
  void Add(PreparedRecord record);
  const extract::Extractor& extractor_;
  BatchQueue& queue_;
  RecordBatch batch_;
};

}  // namespace casegraph::store
