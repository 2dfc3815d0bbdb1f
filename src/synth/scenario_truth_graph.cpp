// Same-phone persons and subject paths (see scenario_truth_graph.h).
#include "synth/scenario_truth_graph.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace casegraph::synth {
namespace {

class UnionFind {
 public:
  int Find(const std::string& x) {
    auto it = index_.find(x);
    if (it == index_.end()) {
      it = index_.emplace(x, static_cast<int>(parent_.size())).first;
      parent_.push_back(it->second);
    }
    int i = it->second;
    while (parent_[static_cast<size_t>(i)] != i) i = parent_[static_cast<size_t>(i)] = parent_[static_cast<size_t>(parent_[static_cast<size_t>(i)])];
    return i;
  }
  void Join(const std::string& a, const std::string& b) {
    const int x = Find(a), y = Find(b);
    if (x != y) parent_[static_cast<size_t>(std::max(x, y))] = std::min(x, y);
  }

 private:
  std::map<std::string, int> index_;
  std::vector<int> parent_;
};

using Graph = std::map<std::string, std::set<std::string>>;

void Edge(Graph& g, const std::string& a, const std::string& b) {
  if (a == b || a.empty() || b.empty()) return;
  g[a].insert(b);
  g[b].insert(a);
}

int Hops(const Graph& g, const std::string& from, const std::string& to) {
  std::map<std::string, int> dist{{from, 0}};
  std::deque<std::string> queue{from};
  while (!queue.empty()) {
    const std::string at = queue.front();
    queue.pop_front();
    if (at == to) return dist[at];
    auto it = g.find(at);
    if (it == g.end()) continue;
    for (const std::string& next : it->second) {
      if (dist.emplace(next, dist[at] + 1).second) queue.push_back(next);
    }
  }
  return -1;
}

}  // namespace

std::vector<TruthGroup> SamePhonePersons(const Scenario& s, const Visibility& v) {
  UnionFind uf;
  for (const auto& [ref, seen] : v.refs()) {
    if (seen.local) continue;
    for (const std::string& phone : seen.phones) uf.Join("phone:" + phone, ref);
  }
  std::map<int, std::set<std::string>> components;
  for (const auto& [ref, seen] : v.refs()) {
    if (!seen.local && !seen.phones.empty()) components[uf.Find(ref)].insert(ref);
  }
  std::vector<TruthGroup> persons;
  for (const auto& [root, refs] : components) {
    if (refs.size() < 2) continue;
    std::set<std::string> people;
    for (const auto& ref : refs) people.insert(s.accounts[static_cast<size_t>(v.refs().at(ref).account)].person);
    std::string label;
    for (const auto& p : people) label += (label.empty() ? "" : "+") + p;  // one person unless the plan is wrong
    persons.push_back({label, {refs.begin(), refs.end()}, "same-phone"});
  }
  std::sort(persons.begin(), persons.end(), [](const TruthGroup& a, const TruthGroup& b) {
    return a.person.size() != b.person.size() ? a.person.size() < b.person.size() : a.person < b.person;
  });
  return persons;
}

std::vector<TruthPath> SubjectPaths(const Scenario& s, const Visibility& v, const std::vector<TruthGroup>& persons,
                                    const std::vector<TruthCase>& cases) {
  Graph g;
  for (size_t ex = 0; ex < s.exhibits.size(); ++ex) {
    const SynthExhibit& e = s.exhibits[ex];
    for (size_t c = 0; c < e.conversations.size(); ++c) {
      const SynthConversation& conv = e.conversations[c];
      if (conv.kind == ConversationKind::kChannel) continue;
      for (size_t i = 0; i < conv.members.size(); ++i) {
        for (size_t j = i + 1; j < conv.members.size(); ++j) {
          Edge(g, v.Ref(ex, c, conv.members[i]), v.Ref(ex, c, conv.members[j]));
        }
      }
    }
  }
  for (const TruthGroup& p : persons) {
    for (size_t i = 0; i < p.accounts.size(); ++i) {
      for (size_t j = i + 1; j < p.accounts.size(); ++j) Edge(g, p.accounts[i], p.accounts[j]);
    }
  }
  std::vector<std::string> subjects;
  for (const TruthCase& c : cases) {
    for (const TruthSubject& subject : c.subjects) {
      const std::string node = "subject:" + c.code + "/" + subject.label;
      subjects.push_back(node);
      for (const std::string& ref : subject.accounts) Edge(g, node, ref);
    }
  }
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i + 1 < subjects.size(); ++i) pairs.emplace_back(i, i + 1);
  if (subjects.size() > 2) pairs.emplace_back(0, subjects.size() - 1);
  std::vector<TruthPath> paths;
  for (const auto& [a, b] : pairs) {
    const int hops = Hops(g, subjects[a], subjects[b]);
    if (hops > 0) paths.push_back({subjects[a], subjects[b], hops});
  }
  return paths;
}

}  // namespace casegraph::synth
