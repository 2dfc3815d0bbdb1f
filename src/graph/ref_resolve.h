// What a REF on the command line of `path`, `contacts` and `timeline` names: an account
// ("telegram:user123"), a person ("person:P-…" or the bare key) or a subject
// ("subject:CASE/LABEL"), with the accounts it stands for. Also the rule that keeps device-local
// refs (a name saved on one phone) out of anything that links exhibits or cases.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::graph {

enum class EndpointKind { kAccount, kPerson, kSubject };

struct Endpoint {
  EndpointKind kind = EndpointKind::kAccount;
  std::string ref;        // canonical: "telegram:user1", "person:P-0a1b2c3d4e", "subject:C001/S1"
  int64_t id = 0;         // the account's, person's or subject's id
  int64_t case_id = 0;    // subjects only
  std::vector<int64_t> accounts;  // ascending: the account; a person's confirmed members; a subject's accounts
};

// True for exhibit-scoped refs (whatsapp-contact:, whatsapp-owner:, telegram-name:,
// signal-contact:, signal-conversation:, any *-chat:): they never stand for one account in two
// exhibits, so they never link cases.
bool IsDeviceLocalRef(std::string_view ref);

// Resolves `text`. A ref the workspace does not know is NotFound with a message that names it;
// a malformed subject ref is InvalidArgument.
Result<Endpoint> ResolveRef(store::Workspace& ws, std::string_view text);

}  // namespace casegraph::graph
