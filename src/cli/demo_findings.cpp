#include "cli/demo_findings.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "base/time_util.h"
#include "graph/links.h"
#include "graph/path.h"
#include "graph/person_query.h"
#include "graph/timeline.h"

namespace casegraph::cli {
namespace {

constexpr size_t kAccountsShown = 8;

void Heading(const std::string& title) { std::printf("\n== %s ==\n", title.c_str()); }

std::string JoinList(const std::vector<std::string>& items, const char* sep = ",") {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
  return out;
}

// The three terms that gave most points, as "name (points)".
std::string TopTerms(const graph::LinkScore& score) {
  std::vector<graph::ScoreTerm> terms = score.terms;
  std::stable_sort(terms.begin(), terms.end(), [](const auto& a, const auto& b) { return a.points > b.points; });
  std::string out;
  for (size_t i = 0; i < terms.size() && i < 3; ++i) {
    if (terms[i].points <= 0) break;
    char points[32];
    std::snprintf(points, sizeof points, "%.1f", terms[i].points);
    out += (out.empty() ? "" : ", ") + terms[i].name + " " + points;
  }
  return out.empty() ? "no private contact with a subject" : out;
}

void PrintLinks(const graph::LinksResult& links, DemoFindings& found) {
  Heading("accounts that link cases (links, best first)");
  size_t shown = 0;
  for (const auto& a : links.accounts) {
    if (shown++ == kAccountsShown) break;
    std::printf("%6.1f  %-44s %s  cases %s\n        why: %s\n", a.score.score, a.ref.c_str(),
                a.names.empty() ? "" : ("\"" + a.names.front() + "\"").c_str(), JoinList(a.cases).c_str(),
                TopTerms(a.score).c_str());
    if (!a.citations.shown.empty()) {
      std::printf("        cite %s\n", a.citations.shown.front().ToText().c_str());
      found.citations.push_back(a.citations.shown.front().ToText());
    }
  }
  Heading("persons that link cases (accounts of one person on several platforms)");
  for (const auto& p : links.persons) {
    std::printf("%6.1f  %s \"%s\"  cases %s  basis %s\n        accounts %s\n", p.score.score, p.key.c_str(), p.label.c_str(),
                JoinList(p.cases).c_str(), p.basis.c_str(), JoinList(p.accounts, ", ").c_str());
    if (!p.citations.shown.empty()) {
      std::printf("        cite %s\n", p.citations.shown.front().ToText().c_str());
      found.citations.push_back(p.citations.shown.front().ToText());
    }
  }
  if (!links.identifiers.empty()) {
    Heading("identifiers seen in several cases");
    for (const auto& i : links.identifiers) {
      std::printf("  %-8s %-24s cases %s%s\n", i.kind.c_str(), i.value.c_str(), JoinList(i.cases).c_str(),
                  i.citations.shown.empty() ? "" : ("  cite " + i.citations.shown.front().ToText()).c_str());
    }
  }
}

// Persons: the confirmed member sets, and every (member, suggested member) pair.
void CollectPersons(const std::vector<graph::PersonView>& persons, DemoFindings& found) {
  for (const auto& p : persons) {
    std::set<std::string> confirmed;
    for (const auto& a : p.accounts) {
      if (a.status == "confirmed") confirmed.insert(a.ref);
    }
    if (confirmed.size() >= 2) found.persons.push_back(confirmed);
    for (const auto& s : p.accounts) {
      if (s.status != "suggested") continue;
      found.suggested.insert(s.ref);
      for (const auto& other : p.accounts) {
        if (other.ref == s.ref) continue;
        found.suggestions.insert(std::minmax(other.ref, s.ref));
      }
    }
  }
}

void PrintSuggestions(const std::vector<graph::PersonView>& persons) {
  Heading("suggested identities (for the examiner to confirm or reject)");
  for (const auto& p : persons) {
    for (const auto& a : p.accounts) {
      if (a.status != "suggested") continue;
      std::printf("  %s ~ %s  [%s, %.2f]\n    %s\n", p.key.c_str(), a.ref.c_str(), a.basis.c_str(), a.confidence,
                  a.explanation.c_str());
    }
  }
}

// The accounts that tie cases together: linked accounts, and every account (confirmed or
// suggested) of a person that links cases.
std::set<std::string> Network(const graph::LinksResult& links, const std::vector<graph::PersonView>& persons) {
  std::set<std::string> refs;
  for (const auto& a : links.accounts) refs.insert(a.ref);
  std::set<std::string> linked_persons;
  for (const auto& p : links.persons) linked_persons.insert(p.key);
  for (const auto& p : persons) {
    if (!linked_persons.count(p.key)) continue;
    for (const auto& a : p.accounts) refs.insert(a.ref);
  }
  return refs;
}

Status FirstContacts(store::Workspace& ws, const synth::GroundTruth& truth, const std::set<std::string>& network,
                     DemoFindings& found) {
  Heading("who from that network reached each minor first");
  for (const auto& c : truth.cases) {
    for (const auto& s : c.subjects) {
      graph::TimelineOptions options;
      options.ref = "subject:" + c.code + "/" + s.label;
      options.kinds = {graph::kEventFirstContact};
      options.limit = 100000;
      auto timeline = graph::QueryTimeline(ws, options);
      if (!timeline) return timeline.error();
      const graph::TimelineEvent* first = nullptr;
      for (const auto& e : timeline->events) {
        if (network.count(e.actor)) {
          first = &e;
          break;
        }
      }
      const std::string who = c.code + "/" + s.label;
      if (first == nullptr) {
        std::printf("  %s (born %s): no private contact from the network\n", who.c_str(), s.born.c_str());
        continue;
      }
      found.first_contacts[who] = {first->actor, FormatUtc(first->at)};
      found.citations.push_back(first->citation.ToText());
      std::printf("  %s (born %s): %s wrote first on %s at %s\n    cite %s\n", who.c_str(), s.born.c_str(), first->actor.c_str(),
                  first->platform.c_str(), FormatUtc(first->at).c_str(), first->citation.ToText().c_str());
    }
  }
  return Ok();
}

Status Paths(store::Workspace& ws, const synth::GroundTruth& truth, DemoFindings& found) {
  bool detailed = false;
  for (const auto& p : truth.paths) {
    graph::PathOptions options;
    options.from = p.from;
    options.to = p.to;
    auto path = graph::FindPath(ws, options);
    if (!path) return path.error();
    found.paths[{p.from, p.to}] = path->found ? static_cast<int>(path->hops.size()) : -1;
    if (!path->found) {
      std::printf("\n  no path from %s to %s\n", p.from.c_str(), p.to.c_str());
      continue;
    }
    if (detailed) {
      std::printf("  %s -> %s: %zu hops\n", p.from.c_str(), p.to.c_str(), path->hops.size());
      continue;
    }
    detailed = true;
    Heading("evidence path " + p.from + " -> " + p.to);
    for (const auto& h : path->hops) {
      std::printf("  %-32s -> %-32s %-18s %s\n", h.from.c_str(), h.to.c_str(), h.kind.c_str(),
                  h.at ? FormatUtc(*h.at).c_str() : "");
      if (!h.citations.empty()) {
        std::printf("      cite %s\n", h.citations.front().ToText().c_str());
        found.citations.push_back(h.citations.front().ToText());
      }
    }
  }
  return Ok();
}

}  // namespace

Result<DemoFindings> InvestigateAndPrint(store::Workspace& ws, const synth::GroundTruth& truth) {
  DemoFindings found;
  graph::LinkOptions link_options;
  link_options.limit = 100000;
  auto links = graph::QueryLinks(ws, link_options);
  if (!links) return links.error();
  for (const auto& a : links->accounts) found.linked_accounts.push_back(a.ref);
  PrintLinks(*links, found);

  auto persons = graph::QueryPersons(ws, "");
  if (!persons) return persons.error();
  CollectPersons(*persons, found);
  PrintSuggestions(*persons);

  CASEGRAPH_RETURN_IF_ERROR(FirstContacts(ws, truth, Network(*links, *persons), found));
  CASEGRAPH_RETURN_IF_ERROR(Paths(ws, truth, found));
  return found;
}

}  // namespace casegraph::cli
