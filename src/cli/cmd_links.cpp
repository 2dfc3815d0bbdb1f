// `links`: the accounts, identifiers and persons that tie cases together, ranked by a score the
// output explains term by term, every entry cited.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "base/phase_timer.h"
#include "cli/context.h"
#include "cli/graph_output.h"
#include "graph/links.h"

namespace casegraph::cli {
namespace {

void WriteMetrics(JsonWriter& j, const graph::LinkedAccount& a) {
  j.Key("metrics");
  if (!a.pagerank) {
    j.Null();
    return;
  }
  j.BeginObject().Key("pagerank").Double(*a.pagerank).Key("betweenness").Double(a.betweenness.value_or(0))
      .Field("community", a.community.value_or(0)).EndObject();
}

void PrintJsonResult(const graph::LinksResult& r, const graph::LinkOptions& options) {
  JsonWriter j;
  j.BeginObject().Field("min_cases", options.min_cases).Key("scope").StringArray(options.cases);
  j.Key("totals").BeginObject().Field("accounts", r.total_accounts).Field("identifiers", r.total_identifiers)
      .Field("persons", r.total_persons).EndObject();
  j.Key("accounts").BeginArray();
  for (const auto& a : r.accounts) {
    j.BeginObject().Field("ref", a.ref).Field("platform", a.platform).Key("names").StringArray(a.names)
        .Key("person").StringOrNull(a.person).Key("cases").StringArray(a.cases);
    WriteScore(j, a.score);
    WriteReached(j, a.score);
    WriteMetrics(j, a);
    WriteCitationList(j, a.citations);
    j.EndObject();
  }
  j.EndArray().Key("identifiers").BeginArray();
  for (const auto& i : r.identifiers) {
    j.BeginObject().Field("kind", i.kind).Field("value", i.value).Key("cases").StringArray(i.cases)
        .Key("accounts").StringArray(i.accounts);
    WriteScore(j, i.score);
    WriteCitationList(j, i.citations);
    j.EndObject();
  }
  j.EndArray().Key("persons").BeginArray();
  for (const auto& p : r.persons) {
    j.BeginObject().Field("id", p.key).Field("label", p.label).Key("accounts").StringArray(p.accounts)
        .Key("cases").StringArray(p.cases).Field("basis", p.basis);
    WriteScore(j, p.score);
    WriteReached(j, p.score);
    WriteCitationList(j, p.citations);
    j.EndObject();
  }
  j.EndArray().EndObject();
  PrintJson(j);
}

// "direct_contact 2×10 initiated 2×5 …": the terms that scored.
std::string ScoredTerms(const graph::LinkScore& s) {
  std::string out;
  for (const auto& t : s.terms) {
    if (t.points == 0) continue;
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s%s %g×%g", out.empty() ? "" : "  ", t.name.c_str(), t.value, t.weight);
    out += buf;
  }
  return out;
}

void PrintFirstContact(const graph::LinkScore& s) {
  if (!s.first_contact) return;
  const auto& f = *s.first_contact;
  std::printf("        first contact: %s (%s) %s %s%s  %s\n", f.subject.c_str(), f.subject_account.c_str(),
              TimeOrDash(f.first_at).c_str(), f.platform.c_str(), f.initiated ? ", wrote first" : "",
              f.citation.ToText().c_str());
}

void PrintText(const graph::LinksResult& r, const graph::LinkOptions& options) {
  std::printf("accounts in %lld+ cases (%zu of %lld)\n", static_cast<long long>(options.min_cases), r.accounts.size(),
              static_cast<long long>(r.total_accounts));
  for (const auto& a : r.accounts) {
    std::printf("  %8.2f  %-36s %-16s %s\n", a.score.score, a.ref.c_str(), JoinComma(a.cases).c_str(),
                ScoredTerms(a.score).c_str());
    PrintFirstContact(a.score);
    if (!a.citations.shown.empty()) std::printf("        cite: %s\n", a.citations.shown.front().ToText().c_str());
  }
  std::printf("persons (%zu of %lld)\n", r.persons.size(), static_cast<long long>(r.total_persons));
  for (const auto& p : r.persons) {
    std::printf("  %8.2f  %-14s %-20s %-16s %s [%s]\n", p.score.score, p.key.c_str(), p.label.c_str(),
                JoinComma(p.cases).c_str(), JoinComma(p.accounts).c_str(), p.basis.c_str());
    PrintFirstContact(p.score);
  }
  std::printf("identifiers (%zu of %lld)\n", r.identifiers.size(), static_cast<long long>(r.total_identifiers));
  for (const auto& i : r.identifiers) {
    std::printf("  %8.2f  %-10s %-30s %s\n", i.score.score, i.kind.c_str(), i.value.c_str(), JoinComma(i.cases).c_str());
    if (!i.citations.shown.empty()) std::printf("        cite: %s\n", i.citations.shown.front().ToText().c_str());
  }
}

}  // namespace

void AddLinksCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto options = std::make_shared<graph::LinkOptions>();
  auto* cmd = app.add_subcommand("links", "accounts, identifiers and persons that link cases, ranked and explained");
  cmd->add_option("--case", options->cases, "only these cases (repeatable)");
  cmd->add_option("--min-cases", options->min_cases, "occurring in at least this many cases (default 2)")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  cmd->add_option("--limit", options->limit, "most entries per list (default 100)")
      ->check(CLI::Range(int64_t{1}, int64_t{1000000}));
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, json, options] {
    ctx.action = [&ctx, json, options] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      WarnIfStale(**ws);
      PhaseTimer timer;  // CASEGRAPH_TIMING=1 prints the query time (workspace open)
      auto result = graph::QueryLinks(**ws, *options);
      timer.Mark("query");
      if (!result) return ReportError(result.error());
      if (*json) {
        PrintJsonResult(*result, *options);
      } else {
        PrintText(*result, *options);
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
