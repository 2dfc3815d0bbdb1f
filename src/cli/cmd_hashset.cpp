// `hashset import`, `hashset list` and `hashset remove`: the examiner's hash sets (known,
// known-good, known-bad, alert). Imports and removals are audited; an NSRL database is
// recorded in place, never copied.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "hashing/hashset_formats.h"
#include "store/hashset_store.h"

namespace casegraph::cli {
namespace {

struct ImportArgs {
  std::string name, kind, format = "auto", path;
  int pdq_distance = 31, pdq_quality = 50;
  bool json = false;
};

void WriteSetJson(JsonWriter& j, const store::HashSetRow& s) {
  j.BeginObject().Field("name", s.name).Field("kind", s.kind).Field("format", s.format).Field("entries", s.entries)
      .Field("in_place", s.in_place).Key("layout").StringOrNull(s.layout).Field("source_path", s.source_path)
      .Key("source_sha256").StringOrNull(s.source_sha256).Field("imported_at", s.imported_at).Field("examiner", s.examiner)
      .Field("matched_files", s.matched_files).EndObject();
}

int RunImport(const Context& ctx, const ImportArgs& a) {
  // The kind may be left out only for NSRL, so the format decides whether this is a usage error.
  auto format = store::ResolveHashSetFormat(a.path, a.format);
  if (!format) return ReportError(format.error());
  if (a.kind.empty() && *format != "nsrl-rds3") {
    std::fprintf(stderr, "casegraph: error: --kind is required for a %s set: known, known-good, known-bad or alert (%s)\n",
                 format->c_str(), a.path.c_str());
    return kExitUsage;
  }
  auto ws = OpenWorkspace(ctx, /*create=*/true);
  if (!ws) return ReportError(ws.error());
  store::HashSetImportRequest req;
  req.name = a.name;
  req.kind = a.kind;
  req.path = a.path;
  req.format = *format;
  req.examiner = store::DefaultActor();
  req.pdq = {a.pdq_distance, a.pdq_quality};
  auto out = store::ImportHashSet(**ws, req);
  if (!out) return ReportError(out.error());
  size_t shown = 0;
  for (const Warning& w : out->warnings) {
    if (shown++ >= 20) break;
    std::fprintf(stderr, "casegraph: warning: %s (%s)\n", w.message.c_str(), w.where.ToString().c_str());
  }
  if (out->warning_count > 20) std::fprintf(stderr, "casegraph: warning: %zu more warnings\n", out->warning_count - 20);
  if (a.json) {
    JsonWriter j;
    j.BeginObject().Key("hashset");
    WriteSetJson(j, out->set);
    j.Field("status", out->status).Key("warnings").BeginArray();
    for (const Warning& w : out->warnings) j.BeginObject().Field("locator", w.where.place).Field("message", w.message).EndObject();
    j.EndArray().Field("warning_count", static_cast<int64_t>(out->warning_count)).Field("matched_files", out->set.matched_files);
    j.EndObject();
    PrintJson(j);
  } else if (out->status == "already-imported") {
    std::printf("already imported as hash set '%s' (%s)\n", out->set.name.c_str(), out->set.source_path.c_str());
  } else {
    std::printf("hash set '%s' imported: %s, %s, %lld entries%s; %lld stored files match\n", out->set.name.c_str(),
                out->set.kind.c_str(), out->set.format.c_str(), static_cast<long long>(out->set.entries),
                out->set.in_place ? " (looked up in place)" : "", static_cast<long long>(out->set.matched_files));
  }
  return kExitOk;
}

int RunList(const Context& ctx, bool json) {
  auto ws = OpenWorkspace(ctx, /*create=*/false);
  if (!ws) return ReportError(ws.error());
  auto sets = store::ListHashSets(**ws);
  if (!sets) return ReportError(sets.error());
  if (json) {
    JsonWriter j;
    j.BeginObject().Key("hashsets").BeginArray();
    for (const auto& s : *sets) WriteSetJson(j, s);
    j.EndArray().EndObject();
    PrintJson(j);
    return kExitOk;
  }
  if (sets->empty()) std::printf("no hash sets\n");
  for (const auto& s : *sets) {
    std::printf("%-24s %-10s %-20s %10lld entries %8lld matched  %s%s\n", s.name.c_str(), s.kind.c_str(), s.format.c_str(),
                static_cast<long long>(s.entries), static_cast<long long>(s.matched_files), s.source_path.c_str(),
                s.in_place ? " (in place)" : "");
  }
  return kExitOk;
}

}  // namespace

void AddHashsetCommands(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("hashset", "manage hash sets (md5sum/sha*sum, CSV, ThreatExchange, PDQ lists, NSRL RDSv3)")
                  ->require_subcommand(1);
  auto* imp = cmd->add_subcommand("import", "import a hash set and match the stored files against it (audited)");
  auto args = std::make_shared<ImportArgs>();
  std::vector<std::string> formats = hashing::HashSetFormats();
  formats.insert(formats.begin(), "auto");
  imp->add_option("--name", args->name, "a unique name for the set")->required();
  imp->add_option("--kind", args->kind, "known | known-good | known-bad | alert (NSRL: known unless given)")
      ->check(CLI::IsMember(store::HashSetKinds()));
  imp->add_option("--format", args->format, "auto (default) or one of the formats")->check(CLI::IsMember(formats));
  imp->add_option("--pdq-distance", args->pdq_distance, "PDQ match: Hamming distance at most (default 31)")->check(CLI::Range(0, 256));
  imp->add_option("--pdq-quality", args->pdq_quality, "PDQ match: file quality at least (default 50)")->check(CLI::Range(0, 100));
  imp->add_option("FILE", args->path, "the hash-set file")->required();
  imp->add_flag("--json", args->json, "print the result as JSON");
  imp->callback([&ctx, args] { ctx.action = [&ctx, args] { return RunImport(ctx, *args); }; });

  auto* list = cmd->add_subcommand("list", "list the hash sets");
  auto list_json = std::make_shared<bool>(false);
  list->add_flag("--json", *list_json, "print the result as JSON");
  list->callback([&ctx, list_json] { ctx.action = [&ctx, list_json] { return RunList(ctx, *list_json); }; });

  auto* rm = cmd->add_subcommand("remove", "remove a hash set, its entries and its matches (audited)");
  auto name = std::make_shared<std::string>();
  rm->add_option("NAME", *name, "the set's name")->required();
  rm->callback([&ctx, name] {
    ctx.action = [&ctx, name] {
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      if (Status s = store::RemoveHashSet(**ws, *name, store::DefaultActor()); !s) return ReportError(s.error());
      std::printf("hash set '%s' removed\n", name->c_str());
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
