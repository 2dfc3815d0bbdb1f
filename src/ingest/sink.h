// Where an importer sends its records. The store provides the real sink (ids, identifier
// extraction, one transaction per exhibit); tests use a capturing sink. An importer emits
// accounts and conversations before the messages that refer to them, in source order.
// A sink is used by one import at a time and from one thread.
#pragma once

#include "model/records.h"

namespace casegraph::ingest {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void Account(model::AccountRecord account) = 0;
  virtual void Conversation(model::ConversationRecord conversation) = 0;
  virtual void Message(model::MessageRecord message) = 0;
};

}  // namespace casegraph::ingest
