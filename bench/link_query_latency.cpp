// Latency of the link-analysis queries over an existing workspace, once it is open (what an
// analyst waits for at the prompt or in the HTTP API): links (default options), path between two
// subjects of different cases (the first two, and the first and one half-way down the list),
// timeline of a subject, of the best-linked account and of a whole
// case. Each query runs once to warm the page cache, then RUNS times; prints one JSON object
// with the median and the slowest run of each, in milliseconds.
// Usage: link_query_latency WORKSPACE.db [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "graph/links.h"
#include "graph/path.h"
#include "graph/timeline.h"
#include "store/workspace.h"

using namespace casegraph;

namespace {

struct Timing {
  std::string name;
  double median_ms = 0, max_ms = 0;
  std::string detail;
};

Result<Timing> Time(const std::string& name, int runs, const std::function<Result<std::string>()>& query) {
  auto warm = query();
  if (!warm) return warm.error();
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    auto r = query();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    if (!r) return r.error();
  }
  std::sort(ms.begin(), ms.end());
  return Timing{name, ms[ms.size() / 2], ms.back(), *warm};
}

// Two subjects of different cases ("subject:CASE/LABEL"), the first case's code.
Result<std::vector<std::string>> PickEnds(store::Workspace& ws) {
  auto stmt = ws.db().Prepare(
      "SELECT c.code, s.label FROM subjects s JOIN cases c ON c.id = s.case_id ORDER BY c.code, s.label");
  if (!stmt) return stmt.error();
  std::vector<std::pair<std::string, std::string>> subjects;
  while (true) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    subjects.emplace_back(stmt->Text(0), stmt->Text(1));
  }
  if (subjects.size() < 2) return Error::InvalidArgument("the workspace needs subjects in two cases");
  const auto& a = subjects.front();
  const auto& b = subjects[1];
  const auto& far = subjects[subjects.size() / 2];
  return std::vector<std::string>{"subject:" + a.first + "/" + a.second, "subject:" + b.first + "/" + b.second, a.first,
                                  "subject:" + far.first + "/" + far.second};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: link_query_latency WORKSPACE.db [RUNS]\n");
    return 2;
  }
  const int runs = argc > 2 ? std::max(1, std::atoi(argv[2])) : 11;
  auto ws = store::Workspace::Open(argv[1], false);
  if (!ws) {
    std::fprintf(stderr, "%s\n", ws.error().ToString().c_str());
    return 1;
  }
  auto ends = PickEnds(**ws);
  if (!ends) {
    std::fprintf(stderr, "%s\n", ends.error().ToString().c_str());
    return 1;
  }
  const std::string from = (*ends)[0], to = (*ends)[1], case_code = (*ends)[2], far = (*ends)[3];
  std::string top_account;
  std::vector<Timing> timings;
  auto add = [&](Result<Timing> t) {
    if (!t) {
      std::fprintf(stderr, "%s\n", t.error().ToString().c_str());
      std::exit(1);
    }
    timings.push_back(std::move(*t));
  };
  add(Time("links", runs, [&]() -> Result<std::string> {
    auto r = graph::QueryLinks(**ws, graph::LinkOptions{});
    if (!r) return r.error();
    if (!r->accounts.empty()) top_account = r->accounts.front().ref;
    return std::to_string(r->total_accounts) + " accounts, " + std::to_string(r->total_persons) + " persons, " +
           std::to_string(r->total_identifiers) + " identifiers";
  }));
  for (const auto& [name, end] : std::vector<std::pair<std::string, std::string>>{{"path", to}, {"path_far", far}}) {
    add(Time(name, runs, [&, end = end]() -> Result<std::string> {
      graph::PathOptions o;
      o.from = from;
      o.to = end;
      auto r = graph::FindPath(**ws, o);
      if (!r) return r.error();
      return from + " -> " + end + ": " + (r->found ? std::to_string(r->hops.size()) + " hops" : std::string("no path"));
    }));
  }
  const std::vector<std::pair<std::string, std::string>> timelines = {
      {"timeline_subject", from}, {"timeline_account", top_account}, {"timeline_case", ""}};
  for (const auto& [name, ref] : timelines) {
    add(Time(name, runs, [&, ref = ref]() -> Result<std::string> {
      graph::TimelineOptions o;
      o.ref = ref;
      if (ref.empty()) o.case_code = case_code;
      auto r = graph::QueryTimeline(**ws, o);
      if (!r) return r.error();
      return (ref.empty() ? "case " + case_code : ref) + ": " + std::to_string(r->events.size()) + " events";
    }));
  }
  std::printf("{\"runs\":%d", runs);
  for (const auto& t : timings) {
    std::printf(",\"%s\":{\"median_ms\":%.2f,\"max_ms\":%.2f,\"detail\":\"%s\"}", t.name.c_str(), t.median_ms, t.max_ms,
                t.detail.c_str());
  }
  std::printf("}\n");
  return 0;
}
