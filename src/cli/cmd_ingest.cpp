// `ingest`: imports exports into a case, one transaction per exhibit. Exit 1 when any exhibit
// failed; the others still land. When any exhibit landed, the derived link graph (persons,
// g_* tables) is refreshed once at the end.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>

#include "base/progress.h"
#include "cli/context.h"
#include "graph/refresh.h"
#include "rules/rules_file.h"
#include "store/ingest_exhibit.h"

namespace casegraph::cli {
namespace {

struct IngestArgs {
  std::string case_code, label, owner, owner_account, format = "auto", tz, region = "TR", instance = "default", examiner, date_order, mapping, rules;
  std::vector<std::string> paths;
  bool json = false;
  bool no_refresh = false;
};

void WriteOutcomeJson(JsonWriter& j, const store::IngestOutcome& o) {
  j.BeginObject().Field("label", o.label).Field("path", o.path).Key("sha256").StringOrNull(o.sha256)
      .Field("bytes", static_cast<int64_t>(o.bytes)).Key("format").StringOrNull(o.format)
      .Field("accounts", static_cast<int64_t>(o.counts.accounts))
      .Field("conversations", static_cast<int64_t>(o.counts.conversations))
      .Field("messages", static_cast<int64_t>(o.counts.messages))
      .Field("attachments", static_cast<int64_t>(o.counts.attachments))
      .Field("identifiers", static_cast<int64_t>(o.counts.identifiers)).Field("rule_hits", o.rule_hits)
      .Field("status", o.status);
  j.Key("error");
  if (o.error) {
    j.BeginObject().Field("message", o.error->message()).Field("location", o.error->where().ToString()).EndObject();
  } else {
    j.Null();
  }
  j.Field("warnings", static_cast<int64_t>(o.warning_count)).Key("time_note").StringOrNull(o.time_note);
  j.Key("media").BeginObject().Field("images", static_cast<int64_t>(o.media.images))
      .Field("documents", static_cast<int64_t>(o.media.documents))
      .Field("matched_files", static_cast<int64_t>(o.media.matched_files)).EndObject();
  j.EndObject();
}

void PrintOutcomeText(const store::IngestOutcome& o, bool with_rules) {
  if (o.status == "failed") {
    std::fprintf(stderr, "casegraph: error: %s: %s\n", o.path.c_str(), o.error ? o.error->ToString().c_str() : "failed");
    return;
  }
  if (o.status == "already-ingested") {
    std::printf("already-ingested  %s  sha256:%s  (nothing added)\n", o.label.c_str(), o.sha256.c_str());
    return;
  }
  std::printf("ingested  %s  sha256:%s  %s\n  %llu accounts, %llu conversations, %llu messages, %llu attachments, %llu identifier occurrences\n",
              o.label.c_str(), o.sha256.c_str(), o.format.c_str(), static_cast<unsigned long long>(o.counts.accounts),
              static_cast<unsigned long long>(o.counts.conversations), static_cast<unsigned long long>(o.counts.messages),
              static_cast<unsigned long long>(o.counts.attachments), static_cast<unsigned long long>(o.counts.identifiers));
  if (!o.time_note.empty()) std::printf("  time: %s\n", o.time_note.c_str());
  if (o.media.images + o.media.documents + o.media.matched_files > 0) {
    std::printf("  attachments: %llu images hashed (PDQ), %llu documents indexed, %llu files matched hash sets (see `casegraph matches`)\n",
                static_cast<unsigned long long>(o.media.images), static_cast<unsigned long long>(o.media.documents),
                static_cast<unsigned long long>(o.media.matched_files));
  }
  if (with_rules) std::printf("  %lld rule hits\n", static_cast<long long>(o.rule_hits));
}

}  // namespace

void AddIngestCommand(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<IngestArgs>();
  auto* cmd = app.add_subcommand("ingest", "import chat exports (file or export folder) into a case");
  cmd->add_option("--case", args->case_code, "case code")->required();
  cmd->add_option("--exhibit", args->label, "exhibit label (default: from the path)");
  cmd->add_option("--owner", args->owner, "subject whose device this export came from");
  cmd->add_option("--owner-account", args->owner_account,
                  "the device owner's account ref, for exports that do not name their owner (Element, Discord, Rocket.Chat)");
  cmd->add_option("--format", args->format, "importer name, or auto (default) to sniff");
  cmd->add_option("--tz", args->tz, "IANA time zone of the exporting device (needed for local-time-only exports)");
  cmd->add_option("--region", args->region, "ISO region for national phone numbers (default TR)");
  cmd->add_option("--instance", args->instance, "server label for self-hosted platforms");
  cmd->add_option("--date-order", args->date_order, "dmy, mdy or ymd: day/month order of numeric dates (WhatsApp)")
      ->check(CLI::IsMember({"dmy", "mdy", "ymd"}));
  cmd->add_option("--mapping", args->mapping, "declarative mapping file (JSON or TOML) for --format mapped");
  cmd->add_option("--rules", args->rules, "examiner rules file (TOML, see docs/rules.md): lexicons run over the messages");
  cmd->add_option("--examiner", args->examiner, "examiner name for the record (default $CASEGRAPH_EXAMINER or $USER)");
  cmd->add_flag("--json", args->json, "print one JSON document");
  // A bulk load (hundreds of exhibits) refreshes once at the end with `casegraph refresh`.
  cmd->add_flag("--no-refresh", args->no_refresh, "leave the link graph stale (run `casegraph refresh` after a bulk load)");
  cmd->add_option("PATH", args->paths, "export file or folder")->required();
  cmd->callback([&ctx, args] {
    ctx.action = [&ctx, args] {
      // The rules are read once, and a bad rules file stops the command before anything lands.
      std::optional<rules::RuleSet> rule_set;
      if (!args->rules.empty()) {
        auto loaded = rules::RuleSet::Load(RealFileSystem(), args->rules);
        if (!loaded) return ReportError(loaded.error());
        rule_set = std::move(*loaded);
      }
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      if (args->paths.size() > 1 && !args->label.empty()) {
        return ReportError(Error::InvalidArgument("--exhibit names one exhibit; give one PATH with it"));
      }
      JsonWriter j;
      j.BeginObject().Key("exhibits").BeginArray();
      int rc = kExitOk;
      int ingested = 0;
      for (const auto& path : args->paths) {
        store::IngestRequest req;
        req.case_code = args->case_code;
        req.path = path;
        req.label = args->label;
        req.owner_subject = args->owner;
        req.owner_account_ref = args->owner_account;
        req.format = args->format;
        req.examiner = args->examiner;
        req.options.tz = args->tz;
        req.options.region = args->region;
        req.options.instance = args->instance;
        req.options.date_order = args->date_order;
        req.rules = rule_set ? &*rule_set : nullptr;
        if (!args->mapping.empty()) {
          auto text = ReadWholeFile(RealFileSystem(), args->mapping);
          if (!text) return ReportError(text.error());
          req.options.mapping_path = args->mapping;
          req.options.mapping_text = std::move(*text);
        }
        req.options.progress = !args->json && Progress::StderrIsTerminal();
        store::IngestOutcome o = store::IngestExhibit(**ws, req);
        if (o.status == "failed") rc = kExitBadInput;
        if (o.status == "ingested") ++ingested;
        size_t shown = 0;
        for (const auto& w : o.warnings) {
          if (shown >= 20) break;
          ++shown;
          std::fprintf(stderr, "casegraph: warning: %s: %s (%s)\n", o.label.c_str(), w.message.c_str(), w.where.ToString().c_str());
        }
        if (o.warning_count > shown) std::fprintf(stderr, "casegraph: warning: %zu more warnings\n", o.warning_count - shown);
        if (args->json) WriteOutcomeJson(j, o);
        else PrintOutcomeText(o, rule_set.has_value());
      }
      j.EndArray().EndObject();
      if (ingested > 0 && !args->no_refresh) {
        const auto started = std::chrono::steady_clock::now();
        if (Status s = graph::Refresh(**ws); !s) {
          (void)ReportError(s.error().WithFile((*ws)->path()));
          rc = kExitBadInput;
        } else {
          const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
          std::fprintf(stderr, "casegraph: link graph refreshed (%.1f s)\n", seconds);
        }
      }
      if (args->json) PrintJson(j);
      return rc;
    };
  });
}

}  // namespace casegraph::cli
