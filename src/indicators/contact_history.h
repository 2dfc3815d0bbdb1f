// What the contact indicators (unsolicited-contact-minor, platform-migration, cross-case) ask
// about an account and a subject: is it a saved contact on the subject's devices, did the two
// already share a conversation or group before some instant, which other accounts are
// confirmed to be the same person, and the account's ref and platform. One place, so the
// indicators agree on what "already knew each other" means. Not thread-safe (holds prepared
// statements of one workspace).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "indicators/subject_scope.h"
#include "store/workspace.h"

namespace casegraph::indicators {

struct AccountFacts {
  std::string ref, platform;
};

class ContactHistory {
 public:
  static Result<ContactHistory> Load(store::Workspace& ws);

  // In the saved contacts of a device seized from `subject` (exhibit_accounts role "contact"),
  // or a whatsapp-contact: ref (a name saved on the exporting phone).
  Result<bool> IsSavedContact(const ScopedSubject& subject, int64_t account_id);

  // Whether `account_id` and one of the subject's accounts are both members of a conversation
  // other than `except_conversation`, not a broadcast channel, that the account was in before
  // `before` (its first message there, else the conversation's first message).
  Result<bool> SharedEarlierConversation(const ScopedSubject& subject, int64_t account_id, int64_t before,
                                         int64_t except_conversation);

  // `account_id` and every account confirmed to be the same person (person_members status
  // "confirmed"), sorted; just the account when it is in no confirmed person.
  std::vector<int64_t> SamePerson(int64_t account_id) const;
  // "person:P-…" of the account's confirmed person, or "" when none.
  std::string PersonRef(int64_t account_id) const;

  Result<AccountFacts> Account(int64_t account_id);

 private:
  store::Stmt saved_, shared_, account_;
  std::map<int64_t, std::vector<int64_t>> same_person_;  // confirmed members only
  std::map<int64_t, std::string> person_ref_;
  std::map<int64_t, AccountFacts> accounts_;
};

}  // namespace casegraph::indicators
