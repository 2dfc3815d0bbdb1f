// `demo`: the end-to-end investigation on synthetic data. Today: write a synthetic Telegram
// export of a minor's phone, create the case and subject, ingest it, then show stats, the
// accounts, searches in Turkish and Arabic with citations, one `show`, and `verify`.
#include <CLI/CLI.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "base/time_util.h"
#include "cli/context.h"
#include "ingest/registry.h"
#include "store/ingest_exhibit.h"
#include "store/queries.h"
#include "store/verify.h"
#include "synth/telegram_synth.h"

namespace casegraph::cli {
namespace {

void Heading(const char* title) { std::printf("\n== %s ==\n", title); }

Status RunDemo(const std::string& out_dir, uint64_t messages) {
  ::mkdir(out_dir.c_str(), 0755);
  const auto started = std::chrono::steady_clock::now();
  synth::TelegramSynthOptions opt;
  opt.seed = 7;
  opt.messages = messages;
  opt.out_dir = out_dir + "/eb-phone-telegram";
  auto synth = synth::WriteTelegramExport(opt);
  if (!synth) return synth.error();
  const std::string db_path = out_dir + "/demo.db";
  for (const char* suffix : {"", "-wal", "-shm"}) ::unlink((db_path + suffix).c_str());

  auto ws_or = store::Workspace::Open(db_path, true);
  if (!ws_or) return ws_or.error();
  store::Workspace& ws = **ws_or;
  const std::string actor = "demo";
  auto c = ws.AddCase("DEMO-IZMIR-01", "Synthetic demo: a minor's seized phone", actor);
  if (!c) return c.error();
  auto s = ws.AddSubject("DEMO-IZMIR-01", "E.B.", "2009", "suspect (minor)", actor);
  if (!s) return s.error();

  Heading("ingest");
  store::IngestRequest req;
  req.case_code = "DEMO-IZMIR-01";
  req.path = synth->folder;
  req.label = "eb-phone-telegram";
  req.owner_subject = "E.B.";
  req.examiner = actor;
  req.options.region = "TR";
  store::IngestOutcome o = store::IngestExhibit(ws, req);
  if (o.status != "ingested") return o.error ? *o.error : Error::Internal("demo ingest: " + o.status);
  std::printf("exhibit %s  sha256:%s\n  %llu messages, %llu accounts, %llu conversations, %llu attachments, %llu identifier occurrences, %zu warnings\n",
              o.label.c_str(), o.sha256.c_str(), static_cast<unsigned long long>(o.counts.messages),
              static_cast<unsigned long long>(o.counts.accounts), static_cast<unsigned long long>(o.counts.conversations),
              static_cast<unsigned long long>(o.counts.attachments), static_cast<unsigned long long>(o.counts.identifiers),
              o.warning_count);
  if (!o.time_note.empty()) std::printf("  time: %s\n", o.time_note.c_str());

  Heading("stats");
  auto stats = store::QueryStats(ws);
  if (!stats) return stats.error();
  for (const auto& st : *stats) {
    std::printf("%s: %lld exhibits, %lld accounts, %lld conversations, %lld messages, %lld files, %lld identifiers\n",
                st.code.c_str(), static_cast<long long>(st.exhibits), static_cast<long long>(st.accounts),
                static_cast<long long>(st.conversations), static_cast<long long>(st.messages),
                static_cast<long long>(st.files), static_cast<long long>(st.identifiers));
  }

  Heading("accounts (most active first)");
  auto accounts = store::QueryAccounts(ws, "");
  if (!accounts) return accounts.error();
  std::stable_sort(accounts->begin(), accounts->end(), [](const auto& a, const auto& b) { return a.messages > b.messages; });
  size_t shown = 0;
  for (const auto& a : *accounts) {
    if (shown++ == 12) break;
    std::string roles, names, phones;
    for (const auto& r : a.roles) roles += (roles.empty() ? "" : ",") + r;
    for (const auto& n : a.names) names += (names.empty() ? "" : " | ") + n.value;
    for (const auto& p : a.phones) phones += (phones.empty() ? "" : " | ") + p.value;
    std::printf("%-28s %-12s %6lld msgs  %s%s%s\n", a.ref.c_str(), roles.c_str(), static_cast<long long>(a.messages),
                names.c_str(), phones.empty() ? "" : "  phone ", phones.c_str());
  }
  std::printf("(%zu accounts in all)\n", accounts->size());

  std::string first_citation;
  for (const char* q : {"IŞIK", "izmir", "كتاب", "görüş*", "\"t.me\""}) {
    Heading((std::string("search ") + q).c_str());
    auto r = store::Search(ws, q, "", 3);
    if (!r) return r.error();
    std::printf("%lld hits\n", static_cast<long long>(r->total));
    for (const auto& h : r->hits) {
      std::printf("  %s  %s: %s\n    cite %s\n", h.sent_at.c_str(), h.sender.c_str(), h.snippet.c_str(), h.citation.ToText().c_str());
      if (first_citation.empty()) first_citation = h.citation.ToText();
    }
  }

  if (!first_citation.empty()) {
    Heading(("show " + first_citation).c_str());
    auto ref = model::ParseCitation(first_citation);
    auto exhibit = store::FindCitedExhibit(ws, *ref);
    if (!exhibit) return exhibit.error();
    ingest::Source source{&RealFileSystem(), exhibit->path, exhibit->is_folder};
    auto record = ingest::FindImporter(exhibit->format)->Show(source, ref->locator);
    if (!record) return record.error();
    std::printf("%s\n", record->c_str());
  }

  Heading("verify");
  auto report = store::VerifyWorkspace(ws, RealFileSystem());
  if (!report) return report.error();
  for (const auto& e : report->exhibits) std::printf("%s  %s\n", e.status.c_str(), e.label.c_str());
  std::printf("audit log: %lld entries, chain %s\n", static_cast<long long>(report->audit.entries),
              report->audit.chain_ok ? "ok" : "BROKEN");

  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  Heading("done");
  std::printf("demo finished in %.1f s. Explore it yourself:\n", secs);
  std::printf("  casegraph -w %s accounts --case DEMO-IZMIR-01\n", db_path.c_str());
  std::printf("  casegraph -w %s search 'ışık' --json\n", db_path.c_str());
  if (!first_citation.empty()) std::printf("  casegraph -w %s show '%s'\n", db_path.c_str(), first_citation.c_str());
  return Ok();
}

}  // namespace

void AddDemoCommand(CLI::App& app, Context& ctx) {
  auto out = std::make_shared<std::string>();
  auto messages = std::make_shared<uint64_t>(3000);
  auto* cmd = app.add_subcommand("demo", "run the end-to-end demo investigation on synthetic data");
  cmd->add_option("--out", *out, "folder for the synthetic exports and the demo workspace (default: a new temp folder)");
  cmd->add_option("--messages", *messages, "size of the synthetic export (default 3000)");
  cmd->callback([&ctx, out, messages] {
    ctx.action = [out, messages] {
      std::string dir = *out;
      if (dir.empty()) {
        const char* tmp = std::getenv("TMPDIR");
        std::string templ = std::string(tmp && *tmp ? tmp : "/tmp") + "/casegraph-demo-XXXXXX";
        if (mkdtemp(templ.data()) == nullptr) return ReportError(Error::Io("cannot create a temp folder"));
        dir = templ;
      }
      Status s = RunDemo(dir, *messages);
      if (!s) return ReportError(s.error());
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
