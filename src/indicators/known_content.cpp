// known-content: a file whose content matched a hash set of kind known-bad or alert (exact
// hash or PDQ near-duplicate) that was
//   - sent to a subject by another account (an attachment on a message from an account that is
//     not the subject's, in a conversation of the subject)        -> high
//   - sent by the subject (the message's sender is the subject's)  -> medium
//   - in a conversation of the subject with no recorded sender     -> medium
//   - found on a scanned exhibit the subject owns                  -> medium
// Known / known-good sets never raise a flag; a file in no conversation of a subject and on no
// device of a subject raises none either (there is no subject to attach it to). One finding
// per (subject, attachment) or (subject, scanned file), citing the carrying message first, then
// the file (its manifest path in a folder export; the scanned entry for a device).
#include <algorithm>
#include <cctype>
#include <map>

#include "base/time_util.h"
#include "indicators/content_indicators.h"
#include "indicators/content_queries.h"
#include "store/scan_query.h"

namespace casegraph::indicators {
namespace {

// "the known-bad set 'bad' (exact SHA-256 match)", "the alert set 'photos' (PDQ near-duplicate,
// 5 of 256 bits apart)".
std::string DescribeMatch(const std::string& set_kind, const std::string& set, const std::string& match_kind,
                          const std::string& algorithm, int64_t distance) {
  std::string text = "the " + set_kind + " set '" + set + "' (";
  if (match_kind == "pdq") {
    text += "PDQ near-duplicate of a listed picture, " + std::to_string(distance) + " of 256 bits apart)";
  } else {
    std::string upper = algorithm;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    text += "exact " + (upper.empty() ? std::string("hash") : upper) + " match)";
  }
  return text;
}

void AddOnce(std::vector<std::string>& list, std::string item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
}

std::string JoinMatches(const std::vector<std::string>& matches) {
  std::string out;
  for (size_t i = 0; i < matches.size(); ++i) {
    if (i) out += i + 1 == matches.size() ? " and " : ", ";
    out += matches[i];
  }
  return out;
}

constexpr const char* kReviewNote =
    " A hash match is a lead for review, not a verdict: an authorised examiner must look at the file "
    "before drawing any conclusion.";

class KnownContent : public Indicator {
 public:
  std::string_view kind() const override { return kKnownContent; }

  Result<std::vector<Finding>> Find(IndicatorContext& ctx) const override {
    auto scope = SubjectScope::Load(ctx.ws, ctx.cases);
    if (!scope) return scope.error();
    auto conversations = LoadConversationSubjects(ctx.ws, *scope);
    if (!conversations) return conversations.error();
    std::vector<Finding> out;
    AccountRefs refs(ctx.ws);
    CASEGRAPH_RETURN_IF_ERROR(FromAttachments(ctx, *scope, *conversations, refs, out));
    CASEGRAPH_RETURN_IF_ERROR(FromScans(ctx, *scope, out));
    return out;
  }

 private:
  // The matches of one attachment (rows [from, to) share its id).
  static Status FromAttachments(IndicatorContext& ctx, const SubjectScope& scope,
                                const ConversationSubjects& conversations, AccountRefs& refs, std::vector<Finding>& out) {
    auto matches = LoadAttachmentMatches(ctx.ws, scope);
    if (!matches) return matches.error();
    for (size_t from = 0; from < matches->size();) {
      size_t to = from;
      while (to < matches->size() && (*matches)[to].attachment_id == (*matches)[from].attachment_id) ++to;
      const AttachmentMatch& first = (*matches)[from];
      std::vector<std::string> described;
      for (size_t i = from; i < to; ++i) {
        const AttachmentMatch& m = (*matches)[i];
        AddOnce(described, DescribeMatch(m.set_kind, m.hashset, m.match_kind, m.algorithm, m.distance));
      }
      from = to;
      auto subjects = first.conversation_id ? conversations.find(*first.conversation_id) : conversations.end();
      if (subjects == conversations.end()) continue;
      std::string sender_ref;
      if (first.sender_account_id) {
        auto ref = refs.Ref(*first.sender_account_id);
        if (!ref) return ref.error();
        sender_ref = *ref;
      }
      for (const ScopedSubject* subject : subjects->second) {
        out.push_back(AttachmentFinding(ctx, *subject, first, sender_ref, described));
      }
    }
    return Ok();
  }

  static Finding AttachmentFinding(IndicatorContext& ctx, const ScopedSubject& subject, const AttachmentMatch& m,
                                   const std::string& sender_ref, const std::vector<std::string>& described) {
    Finding f;
    f.kind = std::string(kKnownContent);
    f.case_code = subject.case_code;
    f.subject = subject.label;
    if (!sender_ref.empty()) f.accounts.push_back(sender_ref);
    f.first_at = f.last_at = m.sent_at_utc;
    const std::string file = "a file (SHA-256 " + m.sha256.substr(0, 12) + "…)";
    const std::string when = m.sent_at_utc ? " on " + FormatUtc(*m.sent_at_utc) : std::string();
    const std::string matched = " It matches " + JoinMatches(described) + ".";
    if (subject.Uses(m.sender_account_id)) {
      f.severity = Severity::kMedium;
      f.summary = subject.label + " sent " + file + " that matches a " + m.set_kind + " hash set";
      f.explanation = subject.label + "'s account " + sender_ref + " sent " + file + when + "." + matched +
                      " Medium: the subject sent it; high is kept for files another account sends to a subject." +
                      kReviewNote;
      f.severity_basis.push_back("sent by the subject's own account " + sender_ref);
    } else if (!sender_ref.empty()) {
      f.severity = Severity::kHigh;
      f.summary = sender_ref + " sent " + subject.label + " " + file + " that matches a " + m.set_kind + " hash set";
      f.explanation = "Another account, " + sender_ref + ", sent " + file + " to " + subject.label + when + "." + matched +
                      " High: the file was sent to the subject by another account." + kReviewNote;
      f.severity_basis.push_back("sent to " + subject.label + " by another account (" + sender_ref + ")");
    } else {
      f.severity = Severity::kMedium;
      f.summary = file + " matching a " + m.set_kind + " hash set in a conversation of " + subject.label;
      f.explanation = "A message" + when + " in a conversation of " + subject.label + " carries " + file +
                      "; the export does not say who sent it." + matched +
                      " Medium: without a sender it cannot be said that another account sent it to the subject." +
                      kReviewNote;
      f.severity_basis.push_back("in a conversation of " + subject.label + ", sender not recorded");
    }
    CitationList citations;
    citations.Add(ctx.cite.Cite(m.exhibit_id, m.message_locator));
    if (!m.file_locator.empty()) citations.Add(ctx.cite.Cite(m.exhibit_id, m.file_locator));
    citations.MoveInto(f);
    return f;
  }

  // Files with known-bad/alert matches on scanned exhibits that a subject owns, through the
  // store's own match query (one row per scanned entry and set; rows of an entry are adjacent).
  static Status FromScans(IndicatorContext& ctx, const SubjectScope& scope, std::vector<Finding>& out) {
    auto owners = LoadScannedExhibitOwners(ctx.ws, scope);
    if (!owners) return owners.error();
    std::map<int64_t, const ScopedSubject*> subjects;
    for (const ScopedSubject& s : scope.subjects()) subjects[s.id] = &s;
    for (const auto& [exhibit_id, subject_id] : *owners) {
      auto subject = subjects.find(subject_id);
      if (subject == subjects.end()) continue;
      const graph::ExhibitFacts* exhibit = ctx.cite.Exhibit(exhibit_id);
      if (exhibit == nullptr) continue;
      store::MatchFilter filter;
      filter.case_code = exhibit->case_code;
      filter.exhibit_id = exhibit_id;
      auto rows = store::QueryFileMatches(ctx.ws, filter);
      if (!rows) return rows.error();
      for (size_t from = 0; from < rows->size();) {
        size_t to = from;
        const store::FileMatchView& first = (*rows)[from];
        std::vector<std::string> described;
        while (to < rows->size() && (*rows)[to].citation.locator == first.citation.locator &&
               (*rows)[to].carrier == first.carrier) {
          const store::FileMatchView& m = (*rows)[to];
          AddOnce(described, DescribeMatch(m.set_kind, m.hashset, m.match_kind, m.algorithm, m.distance));
          ++to;
        }
        if (first.carrier == "file") out.push_back(ScanFinding(*subject->second, *exhibit, first, described));
        from = to;
      }
    }
    return Ok();
  }

  static Finding ScanFinding(const ScopedSubject& subject, const graph::ExhibitFacts& exhibit,
                             const store::FileMatchView& m, const std::vector<std::string>& described) {
    Finding f;
    f.kind = std::string(kKnownContent);
    f.severity = Severity::kMedium;
    f.case_code = subject.case_code;
    f.subject = subject.label;
    const std::string file = std::string(m.deleted ? "a deleted file" : "a file") + " (SHA-256 " + m.sha256.substr(0, 12) + "…)";
    f.summary = file + " matching a " + m.set_kind + " hash set found on " + subject.label + "'s device '" +
                exhibit.label + "'";
    f.explanation = "The scan of '" + exhibit.label + "', a device or image of " + subject.label + ", found " + file +
                    ". It matches " + JoinMatches(described) +
                    ". Medium: found on the subject's device; how it got there is not known from the scan." +
                    kReviewNote;
    f.severity_basis.push_back("found on " + subject.label + "'s scanned device '" + exhibit.label + "'");
    CitationList citations;
    citations.Add(m.citation);
    citations.MoveInto(f);
    return f;
  }
};

}  // namespace

const Indicator& KnownContentIndicator() {
  static const KnownContent indicator;
  return indicator;
}

}  // namespace casegraph::indicators
