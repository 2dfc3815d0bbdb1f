// The evidence that two accounts belong to one person, as candidate edges for identity
// resolution. Each source of evidence (same phone, self-declared handle, same username, same
// name with common contacts) is its own file and returns edges with a basis, a confidence, a
// one-sentence explanation and citations. Sources read the g_* tables (built first) and the
// base tables; they never write. Not thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "base/result.h"
#include "store/workspace.h"

namespace casegraph::graph {

inline constexpr const char* kBasisSamePhone = "same-phone";
inline constexpr const char* kBasisSelfDeclared = "self-declared";
inline constexpr const char* kBasisSameUsername = "same-username";
inline constexpr const char* kBasisSameNameContacts = "same-name-contacts";
inline constexpr const char* kBasisExaminer = "examiner";

inline constexpr const char* kStatusConfirmed = "confirmed";
inline constexpr const char* kStatusSuggested = "suggested";

struct EvidenceCitation {
  int64_t exhibit_id = 0;
  std::string locator;
  bool operator<(const EvidenceCitation& o) const {
    return exhibit_id != o.exhibit_id ? exhibit_id < o.exhibit_id : locator < o.locator;
  }
  bool operator==(const EvidenceCitation& o) const { return exhibit_id == o.exhibit_id && locator == o.locator; }
};

// An undirected edge between two accounts; `a_ref` < `b_ref` (MakeEdge orders them).
struct IdentityEdge {
  int64_t a = 0, b = 0;  // account ids
  std::string a_ref, b_ref;
  std::string basis;
  double confidence = 0;
  std::string status;  // kStatusConfirmed or kStatusSuggested
  std::string explanation;
  std::vector<EvidenceCitation> citations;
  int64_t decision_id = 0;  // the examiner decision that made or confirmed it; 0 for evidence
};

// The accounts an edge may name: id -> (ref, platform), for all accounts of the workspace.
struct AccountDirectory {
  std::map<int64_t, std::string> ref, platform;
  std::map<std::string, int64_t> id_of_ref;
};
Result<AccountDirectory> LoadAccountDirectory(store::Workspace& ws);

// An edge with its ends ordered by ref and citations sorted and de-duplicated.
IdentityEdge MakeEdge(const AccountDirectory& accounts, int64_t x, int64_t y, std::string basis, double confidence,
                      std::string status, std::string explanation, std::vector<EvidenceCitation> citations);

// Same E.164 number as a profile identifier (contacts, personal_information, WhatsApp number
// refs, Rocket.Chat customFields, bios) on two accounts: confirmed across platforms,
// suggested within one platform (numbers are recycled and re-registered there).
Result<std::vector<IdentityEdge>> SamePhoneEdges(store::Workspace& ws, const AccountDirectory& accounts);

// An account sends an identifier or handle naming an account of another platform; higher
// confidence with a first-person cue and when that account then writes to the same recipient.
Result<std::vector<IdentityEdge>> SelfDeclaredEdges(store::Workspace& ws, const AccountDirectory& accounts);

// The same username (case-folded; Matrix localparts count) on two platforms.
Result<std::vector<IdentityEdge>> SameUsernameEdges(store::Workspace& ws, const AccountDirectory& accounts);

// The same display name (folded) on two accounts with at least two common contacts, contacts
// compared as people: the subject an account belongs to, else its same-phone group, else itself.
// `group_of` maps an account id to its automatic group's smallest ref (absent: itself).
Result<std::vector<IdentityEdge>> SameNameContactsEdges(store::Workspace& ws, const AccountDirectory& accounts,
                                                        const std::map<int64_t, std::string>& group_of);

// The citations as stored in person_members.citations: [{"exhibit_id":N,"locator":"…"}].
std::string CitationsJson(const std::vector<EvidenceCitation>& citations);

}  // namespace casegraph::graph
