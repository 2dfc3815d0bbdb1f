// The private chats (g_direct) between a subject's account and another account, in the cases of
// a scope, with who wrote first. Read by unsolicited-contact-minor, platform-migration and
// cross-case.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "base/result.h"
#include "indicators/contact_history.h"
#include "indicators/indicator.h"
#include "indicators/subject_scope.h"
#include "store/workspace.h"

namespace casegraph::indicators {

struct SubjectDirectChat {
  const ScopedSubject* subject = nullptr;  // points into the scope given
  int64_t subject_account = 0, other_account = 0;
  int64_t conversation_id = 0, case_id = 0, exhibit_id = 0;
  std::optional<int64_t> initiator, first_message_id, first_at;

  bool OtherWroteFirst() const { return initiator && *initiator == other_account; }
  // Whether the subject could have been under 18 when the chat began (nullopt: unknown).
  std::optional<bool> SubjectMayBeMinor() const;
};

// Every private chat in a case of `scope` with an account of a subject of `scope` on one side
// and an account that is not that subject's on the other; a chat between two subjects counts
// once for each. Sorted by subject (case, label), first_at (unknown last), conversation.
Result<std::vector<SubjectDirectChat>> LoadSubjectDirectChats(store::Workspace& ws, const SubjectScope& scope);

// What unsolicited-contact-minor and cross-case both start from: the cases in scope, every case
// of the workspace (they count or name what happened outside the scope, never cite it), the
// contact history, and the private chats with subjects of every case. Move-only: `chats` point
// into `all`, whose subjects stay in place when it is moved.
struct ContactInputs {
  SubjectScope scope, all;
  ContactHistory history;
  std::vector<SubjectDirectChat> chats;

  ContactInputs(SubjectScope scope_in, SubjectScope all_in, ContactHistory history_in)
      : scope(std::move(scope_in)), all(std::move(all_in)), history(std::move(history_in)) {}
  ContactInputs(ContactInputs&&) = default;
  ContactInputs& operator=(ContactInputs&&) = default;
  ContactInputs(const ContactInputs&) = delete;
  ContactInputs& operator=(const ContactInputs&) = delete;
};
Result<ContactInputs> LoadContactInputs(IndicatorContext& ctx);

}  // namespace casegraph::indicators
