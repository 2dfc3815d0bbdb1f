#include "graph/link_score.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace casegraph::graph {
namespace {

constexpr double kWeightDirect = 10, kWeightInitiated = 5, kWeightReciprocity = 2, kWeightReached = 3,
                 kWeightMigration = 4, kWeightCases = 1, kWeightRarity = 2, kWeightCentrality = 1;
constexpr double kMaxCentrality = 5;

// "2 (C001/S1, C002/S2)": a count and up to three names.
std::string CountWithNames(const std::set<std::string>& names) {
  std::string out = std::to_string(names.size());
  if (names.empty()) return out;
  out += " (";
  size_t shown = 0;
  for (const auto& n : names) {
    if (shown == 3) {
      out += ", …";
      break;
    }
    out += (shown++ ? ", " : "") + n;
  }
  return out + ")";
}

ScoreTerm Term(std::string name, double value, double weight, std::string explanation) {
  return ScoreTerm{std::move(name), value, weight, Points(value, weight), std::move(explanation)};
}

bool Earlier(const ReachedSubject& a, const ReachedSubject& b) {
  if (a.first_at.has_value() != b.first_at.has_value()) return a.first_at.has_value();
  if (a.first_at != b.first_at) return *a.first_at < *b.first_at;
  return a.citation.locator < b.citation.locator;
}

ReachedSubject FromContact(const SubjectContact& c) {
  return ReachedSubject{c.subject,   c.subject_account, c.account, c.platform, c.direct ? "direct" : "group",
                        c.initiated, c.first_at,        c.citation.case_code, c.citation};
}

// Subjects reached privately on two or more platforms, by members and partners together,
// counting only subjects a member reached itself.
std::set<std::string> MigratedSubjects(const std::vector<AccountEvidence>& members,
                                       const std::vector<AccountEvidence>& partners) {
  std::map<std::string, std::set<std::string>> platforms;  // subject -> platforms
  std::set<std::string> reached_by_member;
  for (const auto* list : {&members, &partners}) {
    for (const auto& e : *list) {
      for (const auto& c : e.contacts) {
        if (!c.direct) continue;
        platforms[c.subject].insert(c.platform);
        if (list == &members) reached_by_member.insert(c.subject);
      }
    }
  }
  std::set<std::string> out;
  for (const auto& [subject, on] : platforms) {
    if (on.size() >= 2 && reached_by_member.count(subject)) out.insert(subject);
  }
  return out;
}

}  // namespace

double Points(double value, double weight) { return std::round(value * weight * 10000.0) / 10000.0; }

LinkScore ScoreAccounts(const std::vector<AccountEvidence>& members, const std::vector<AccountEvidence>& partners,
                        int64_t graph_size) {
  std::set<std::string> direct, initiated, reciprocal, reached;
  std::map<std::string, ReachedSubject> first_by_subject;
  std::optional<ReachedSubject> first_contact;
  std::map<std::string, bool> case_followed_only;  // case -> every member occurrence there is channel-only
  double centrality = 0;
  for (const auto& e : members) {
    for (const auto& c : e.contacts) {
      reached.insert(c.subject);
      ReachedSubject r = FromContact(c);
      auto it = first_by_subject.find(c.subject);
      if (it == first_by_subject.end() || Earlier(r, it->second)) first_by_subject[c.subject] = r;
      if (!c.direct) continue;
      direct.insert(c.subject);
      if (c.initiated) initiated.insert(c.subject);
      if (c.reciprocal) reciprocal.insert(c.subject);
      if (!first_contact || Earlier(r, *first_contact)) first_contact = r;
    }
    for (const auto& o : e.cases) {
      auto [it, fresh] = case_followed_only.try_emplace(o.case_code, o.channel_only);
      if (!fresh) it->second = it->second && o.channel_only;
    }
    if (e.pagerank && graph_size > 0) centrality = std::max(centrality, *e.pagerank * static_cast<double>(graph_size));
  }
  centrality = std::min(kMaxCentrality, std::round(centrality * 10000.0) / 10000.0);
  std::set<std::string> active_cases, followed_cases;
  for (const auto& [code, followed] : case_followed_only) (followed ? followed_cases : active_cases).insert(code);
  const std::set<std::string> migrated = MigratedSubjects(members, partners);

  LinkScore s;
  s.terms.push_back(Term("direct_contact", static_cast<double>(direct.size()), kWeightDirect,
                         "private conversations with " + CountWithNames(direct) + " subject(s)"));
  s.terms.push_back(Term("initiated", static_cast<double>(initiated.size()), kWeightInitiated,
                         "sent the first private message to " + CountWithNames(initiated) + " subject(s)"));
  s.terms.push_back(Term("reciprocity", static_cast<double>(reciprocal.size()), kWeightReciprocity,
                         "both sides wrote in private conversations with " + CountWithNames(reciprocal) + " subject(s)"));
  s.terms.push_back(Term("subjects_reached", static_cast<double>(reached.size()), kWeightReached,
                         "reached " + CountWithNames(reached) + " subject(s) privately or in a shared group"));
  s.terms.push_back(Term("platform_migration", static_cast<double>(migrated.size()), kWeightMigration,
                         "the same person (confirmed, or an account it declared as its own) reached " +
                             CountWithNames(migrated) + " subject(s) privately on two or more platforms"));
  s.terms.push_back(Term("cases", static_cast<double>(active_cases.size()), kWeightCases,
                         "occurs in " + CountWithNames(active_cases) + " case(s) other than as a followed broadcast channel"));
  const double rarity = std::round(10000.0 / (1.0 + static_cast<double>(followed_cases.size()))) / 10000.0;
  s.terms.push_back(Term("rarity", rarity, kWeightRarity,
                         "1 / (1 + " + std::to_string(followed_cases.size()) +
                             " case(s) whose subjects merely follow it in a broadcast channel)"));
  s.terms.push_back(Term("centrality", centrality, kWeightCentrality,
                         "PageRank in the communication graph relative to the average account (1 = average, capped at 5)"));
  for (const auto& t : s.terms) s.score += t.points;
  s.score = std::round(s.score * 10000.0) / 10000.0;
  for (auto& [subject, r] : first_by_subject) s.subjects_reached.push_back(std::move(r));
  s.first_contact = std::move(first_contact);
  return s;
}

LinkScore ScoreIdentifier(int64_t cases, int64_t channel_only_cases) {
  LinkScore s;
  const int64_t active = cases - channel_only_cases;
  s.terms.push_back(Term("cases", static_cast<double>(active), kWeightCases,
                         "occurs in " + std::to_string(active) + " case(s) outside broadcast channels"));
  const double rarity = std::round(10000.0 / (1.0 + static_cast<double>(channel_only_cases))) / 10000.0;
  s.terms.push_back(Term("rarity", rarity, kWeightRarity,
                         "1 / (1 + " + std::to_string(channel_only_cases) +
                             " case(s) where it occurs only in broadcast channels the subjects follow)"));
  for (const auto& t : s.terms) s.score += t.points;
  s.score = std::round(s.score * 10000.0) / 10000.0;
  return s;
}

}  // namespace casegraph::graph
