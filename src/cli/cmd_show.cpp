// `show CITATION`: the cited record exactly as it stands in the source (the JSON object, the
// text line, or a file's metadata), read again from the evidence, never from the workspace. A
// scanned file's bytes are re-read and re-hashed.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "cli/context.h"
#include "cli/show_scanned.h"
#include "ingest/registry.h"
#include "ingest/source.h"
#include "store/queries.h"

namespace casegraph::cli {
namespace {

// A path inside a folder exhibit: its manifest entry and the attachments that declared it.
Result<std::string> ShowFile(store::Workspace& ws, const store::ExhibitRow& e, const std::string& rel) {
  auto stmt = ws.db().Prepare("SELECT size_bytes, sha256 FROM exhibit_manifest WHERE exhibit_id=? AND rel_path=?");
  if (!stmt) return stmt.error();
  stmt->Bind(1, e.id).Bind(2, rel);
  auto row = stmt->Step();
  if (!row) return row.error();
  if (!*row) return Error::NotFound("no file '" + rel + "' in exhibit " + e.label);
  JsonWriter j;
  j.BeginObject().Field("path", rel).Field("size_bytes", stmt->Int(0)).Field("sha256", stmt->Text(1)).EndObject();
  stmt->Reset();
  return j.str();
}

}  // namespace

void AddShowCommand(CLI::App& app, Context& ctx) {
  auto json = std::make_shared<bool>(false);
  auto citation = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("show", "print the cited record as it stands in the source");
  cmd->add_option("CITATION", *citation, "EXHIBIT@SHA256PREFIX#LOCATOR")->required();
  cmd->add_flag("--json", *json, "print one JSON document");
  cmd->callback([&ctx, json, citation] {
    ctx.action = [&ctx, json, citation] {
      auto ref = model::ParseCitation(*citation);
      if (!ref) return ReportError(Error::InvalidArgument("not a citation: '" + *citation + "' (expected EXHIBIT@HASH#LOCATOR)"));
      auto ws = OpenWorkspace(ctx, /*create=*/false);
      if (!ws) return ReportError(ws.error());
      auto exhibit = store::FindCitedExhibit(**ws, *ref);
      if (!exhibit) return ReportError(exhibit.error());
      // A path of a folder exhibit's manifest is a file; any other locator is the importer's.
      Result<std::string> record = Error::NotFound("not a file of this exhibit");
      if (exhibit->importer == "scan") {
        record = ShowScannedFile(**ws, *exhibit, ref->locator);
      } else if (exhibit->is_folder) {
        record = ShowFile(**ws, *exhibit, ref->locator);
      }
      if (!record && record.error().kind() == ErrorKind::kNotFound && exhibit->importer != "scan") {
        const ingest::Importer* importer = ingest::FindImporter(exhibit->format);
        if (importer == nullptr) return ReportError(Error::Unsupported("no importer '" + exhibit->format + "' in this build"));
        auto opened = ingest::OpenSource(RealFileSystem(), exhibit->path);
        if (!opened) return ReportError(opened.error());
        record = importer->Show(opened->source, ref->locator);
      }
      if (!record) return ReportError(record.error().WithFile(exhibit->path));
      if (*json) {
        JsonWriter j;
        j.BeginObject().Key("citation");
        WriteCitationJson(j, model::Citation{exhibit->case_code, exhibit->label, exhibit->sha256, ref->locator});
        j.Field("source", exhibit->path).Field("record", *record).EndObject();
        PrintJson(j);
      } else {
        std::printf("%s\n", record->c_str());
      }
      return kExitOk;
    };
  });
}

}  // namespace casegraph::cli
