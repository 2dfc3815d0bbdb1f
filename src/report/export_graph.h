// The graph every export writes, read once from the workspace's derived link tables: nodes are
// accounts, subjects and persons; edges are private chats (g_direct), group co-membership
// (g_members, one edge per pair of accounts), subject-uses-account and person membership. Every
// node and edge keeps the citation it rests on. CASE/UCO also needs the messages and exhibits,
// which are read only when asked for. Everything is ordered explicitly, so the same workspace
// gives the same model. Not thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace casegraph::report {

inline constexpr char kNodeAccount[] = "Account";
inline constexpr char kNodeSubject[] = "Person";   // a subject is a real person of a case
inline constexpr char kNodePerson[] = "Identity";  // a resolved identity (set of accounts)

inline constexpr char kEdgePrivateChat[] = "private-chat";
inline constexpr char kEdgeGroupCoMember[] = "group-co-member";
inline constexpr char kEdgeUsesAccount[] = "uses-account";
inline constexpr char kEdgePersonMember[] = "person-member";

struct ExportNode {
  std::string id;    // "a<account id>", "s<subject id>", "p<person id>": XML NMTOKENs
  std::string type;  // kNodeAccount / kNodeSubject / kNodePerson
  std::string label;
  std::string ref, platform;                  // accounts
  std::vector<std::string> names, usernames, phones;
  std::vector<std::string> cases;             // case codes in scope
  std::string person;                         // accounts: confirmed person key
  std::string subject;                        // accounts: "CASE/LABEL" of the subject using it
  std::optional<double> pagerank, betweenness;
  std::optional<int64_t> community;
  std::optional<int64_t> first_at, last_at;   // UTC seconds
  std::optional<model::Citation> citation;
};

struct ExportEdge {
  std::string id;  // "e<n>" in output order
  std::string source, target;  // node ids; for private chats the initiator is the source
  std::string kind, label, case_code;
  bool directed = false;
  int64_t count = 0;  // messages (private chat), shared conversations (co-membership)
  std::optional<int64_t> first_at, last_at;
  std::optional<model::Citation> citation;
};

struct ExportExhibit {
  int64_t id = 0;
  std::string case_code, label, sha256, format, file_name;
  int64_t size_bytes = 0;
};

struct ExportMessage {
  int64_t id = 0, exhibit_id = 0;
  std::string sender_node;             // "" when the sender is not an account
  std::vector<std::string> recipients;  // private chats: the other side's node
  std::string platform, text, locator, conversation;
  std::optional<int64_t> sent_at;
};

struct ExportGraph {
  std::vector<std::string> cases;  // codes in scope, sorted
  std::vector<ExportNode> nodes;   // accounts, then subjects, then persons
  std::vector<ExportEdge> edges;
  std::vector<ExportExhibit> exhibits;  // filled with messages
  std::vector<ExportMessage> messages;
};

struct ExportGraphOptions {
  std::vector<std::string> cases;
  bool with_messages = false;
};

// NotFound when a case code is unknown.
Result<ExportGraph> LoadExportGraph(store::Workspace& ws, const ExportGraphOptions& options);

}  // namespace casegraph::report
