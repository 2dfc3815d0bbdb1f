// What the HTML report shows, as plain data: gathered from the workspace through the existing
// queries (indicators::ComputeFlags, graph::QueryTimeline, graph::QueryLinks) and a few reads of
// the case's own rows, then handed to the section renderers, which never touch the workspace
// (so they can be tested with hand-built data). Every list is ordered explicitly, so the same
// workspace gives the same report. Only case C's content is gathered: other cases are named.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "graph/timeline.h"
#include "indicators/indicator.h"
#include "model/citation.h"
#include "store/workspace.h"

namespace casegraph::report {

struct CaseCounts {
  int64_t subjects = 0, exhibits = 0, accounts = 0, conversations = 0, messages = 0, files = 0;
};

struct SubjectInfo {
  std::string label, born, role;
  std::vector<std::string> accounts;  // refs, sorted
};

struct ExhibitInfo {
  std::string label, format, importer, sha256, owner;  // owner: subject label and/or account ref
  int64_t bytes = 0;
};

// The link graph of the case: accounts (subjects' accounts, accounts with private chats in the
// case, co-members of subjects' groups; capped, the most important kept) and their ties.
struct GraphNode {
  std::string ref;
  std::string subject;           // the subject label when it is a subject's account
  int64_t community = -1;        // from g_account_metrics; -1 when none
  double pagerank = 0;
  int severity = 0;              // the highest flag severity on it (0: none, 1–3 as Severity)
};

struct GraphEdge {
  size_t a = 0, b = 0;           // indexes into LinkGraph::nodes, a < b
  bool direct = false;           // a private chat; else shared groups
  int64_t weight = 0;            // messages of the private chat, or the number of shared groups
};

struct LinkGraph {
  std::vector<GraphNode> nodes;  // sorted by ref
  std::vector<GraphEdge> edges;  // sorted by (a, b, direct)
  int64_t omitted_nodes = 0;     // accounts left out by the cap
};

struct SubjectTimeline {
  std::string subject;
  std::vector<graph::TimelineEvent> events;
  bool truncated = false;
  std::string note;              // why there are no events, when there are none
};

// An account, identifier or person of case C that also occurs in other cases (named only).
struct CrossCaseLink {
  std::string kind;              // "account", "identifier", "person"
  std::string value;             // ref, "kind value", or person key
  std::vector<std::string> accounts;     // person: its accounts; identifier: accounts with it
  std::vector<std::string> other_cases;  // codes, sorted
  std::vector<model::Citation> citations;  // from case C only
};

// A file seen in a cited record: the name as the evidence gives it and the hash sets it matched.
struct CitedFile {
  std::string name, sha256;
  std::vector<std::string> matched_sets;  // "set-name (known-bad, exact)", sorted
};

// One cited record of the appendix, with the anchor the other sections link to.
struct CitedRecord {
  enum class Kind { kMessage, kFile, kOther };
  Kind kind = Kind::kOther;
  model::Citation citation;
  std::string anchor;            // CitationAnchor(citation)
  std::optional<int64_t> at;
  std::string sender, conversation, text;  // messages (and the message carrying an attachment)
  std::vector<CitedFile> files;  // a message's attachments, or the cited file itself
  bool other_case = false;       // outside the report's case: named, not shown
};

struct ReportData {
  std::string case_code, title, workspace, generated_by, generated_at;
  bool stale = false;            // the derived graph tables predate the last ingest
  CaseCounts counts;
  std::vector<SubjectInfo> subjects;
  std::vector<ExhibitInfo> exhibits;
  std::vector<indicators::Finding> findings;
  LinkGraph graph;
  std::vector<SubjectTimeline> timelines;
  std::vector<CrossCaseLink> cross_case;
  std::vector<CitedRecord> appendix;  // sorted by (case, exhibit, locator)
};

// The anchor of a citation's appendix entry: "cite-" + 16 hex digits of a hash of its parts,
// the same in every report.
std::string CitationAnchor(const model::Citation& c);

// The case's subjects, exhibits and counts. NotFound for an unknown case.
Status GatherCaseFacts(store::Workspace& ws, const std::string& case_code, ReportData& data);

// The link graph of the case; `findings` colour the accounts they name.
Result<LinkGraph> GatherLinkGraph(store::Workspace& ws, int64_t case_id,
                                  const std::vector<indicators::Finding>& findings);

// Cross-case links of the case (QueryLinks over every case, kept when they involve C).
Result<std::vector<CrossCaseLink>> GatherCrossCase(store::Workspace& ws, const std::string& case_code);

// The appendix: every distinct citation of `cited` resolved to its record, sorted. A citation
// of another case than `case_code` is listed (so its anchor resolves) but never looked up.
Result<std::vector<CitedRecord>> ResolveCitations(store::Workspace& ws, const std::string& case_code,
                                                  const std::vector<model::Citation>& cited);

// Everything above plus the flags and per-subject timelines, in one read snapshot.
Result<ReportData> GatherReportData(store::Workspace& ws, const std::string& case_code);

}  // namespace casegraph::report
