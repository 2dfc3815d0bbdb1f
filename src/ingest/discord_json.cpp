// The discord-json importer: finds the export file (the file given, or the one DCE file in a
// folder), parses it with simdjson On-Demand straight from the mapped bytes and hands the
// document to the walker (discord_walker.cpp). Format notes: docs/formats/discord-json.md.
#include "ingest/discord_json.h"

#include <simdjson.h>

#include <algorithm>
#include <memory>

#include "ingest/discord_context.h"
#include "ingest/discord_sniff.h"
#include "ingest/discord_walker.h"
#include "ingest/export_folder.h"
#include "ingest/json_raw.h"
#include "ingest/json_scan.h"

namespace casegraph::ingest {
namespace {

// The export file, mapped: what both Import and Show parse.
struct OpenedExport {
  std::string main_path;  // on the file system
  std::string label;      // the file's name, as Locations and ImportSummary::main_file give it
  std::string root;       // export folder for media; empty for a lone file
  std::unique_ptr<FileView> view;
  size_t bom = 0;  // a UTF-8 byte-order mark, which simdjson wants left out
  std::string_view json() const { return view->bytes().substr(bom); }
  size_t capacity() const { return view->bytes().size() - bom + FileView::kPadding; }
};

// The one DCE file at the top of `folder`.
Result<std::string> FindExportFile(const FileSystem& fs, const std::string& folder) {
  auto names = fs.List(folder);
  if (!names) return Error::Io("discord-json: cannot list " + folder + ": " + names.error().message(),
                               Location{folder, ""});
  std::vector<std::string> found;
  for (const auto& name : *names) {
    if (!HasJsonExtension(name)) continue;
    const std::string path = JoinPath(folder, name);
    auto st = fs.Stat(path);
    if (!st || st->is_directory || st->is_symlink) continue;
    auto view = fs.Map(path);
    if (!view) continue;
    const std::string_view bytes = (*view)->bytes();
    if (SniffDiscordHead(bytes.substr(0, std::min(bytes.size(), Probe::kHeadBytes))).confidence >=
        kDiscordFileThreshold) {
      found.push_back(name);
    }
  }
  if (found.empty()) {
    return Error::NotFound("discord-json: no DiscordChatExporter JSON file at the top of the folder " + folder +
                               " (give the exported .json file, or a folder holding it and its _Files folder)",
                           Location{folder, ""});
  }
  if (found.size() > 1) {
    std::string msg = "discord-json: the folder holds " + std::to_string(found.size()) +
                      " DiscordChatExporter exports; ingest each file as its own exhibit:";
    for (const auto& f : found) msg += "\n  " + f;
    return Error::Unsupported(msg, Location{folder, ""});
  }
  return found[0];
}

Result<OpenedExport> OpenExport(const Source& source) {
  if (source.fs == nullptr) return Error::Internal("discord-json: no file system given");
  OpenedExport out;
  if (source.is_directory) {
    auto name = FindExportFile(*source.fs, source.path);
    if (!name) return name.error();
    out.root = source.path;
    out.main_path = JoinPath(source.path, *name);
    out.label = *name;
  } else {
    out.main_path = source.path;
    out.label = BaseName(source.path);
  }
  auto view = source.fs->Map(out.main_path);
  if (!view) {
    return Error::Io("discord-json: cannot read " + out.main_path + ": " + view.error().message(),
                     Location{out.label, ""});
  }
  out.view = std::move(*view);
  const std::string_view bytes = out.view->bytes();
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") out.bom = 3;
  const size_t first = bytes.find_first_not_of(" \t\r\n", out.bom);
  if (first == std::string_view::npos) {
    return Error::Corrupt("discord-json: empty file " + out.label, Location{out.label, "byte 0"});
  }
  if (bytes[first] != '{') {
    return Error::Unsupported(std::string("discord-json: not a DiscordChatExporter JSON export: ") +
                                  (bytes[first] == '<' ? "the file is HTML (export again choosing JSON)"
                                                       : "the file does not start with a JSON object"),
                              Location{out.label, "byte " + std::to_string(first)});
  }
  return out;
}

Error NotFoundAt(const OpenedExport& exp, const std::string& locator) {
  return Error::NotFound("discord-json: nothing at " + locator + " in " + exp.label, Location{exp.label, locator});
}

}  // namespace

ImporterInfo DiscordJsonImporter::Describe() const {
  // Built by aggregate initialisation (see TelegramJsonImporter::Describe for why).
  return ImporterInfo{
      std::string("discord-json"),
      std::string("1"),
      std::string("DiscordChatExporter JSON export of one channel or thread: the .json file, or a folder holding "
                  "it and its _Files media folder"),
      std::string("discord:"),
      {std::string("* [<channel id>].json"), std::string("* [<channel id>].json_Files/")},
      {}};
}

SniffResult DiscordJsonImporter::Sniff(const Probe& probe) const { return SniffDiscordJson(probe); }

Result<ImportSummary> DiscordJsonImporter::Import(const Source& source, const ImportOptions& /*options*/, Sink& sink,
                                                  Diagnostics& diagnostics) const {
  auto opened = OpenExport(source);
  if (!opened) return opened.error();
  OpenedExport& exp = *opened;
  const std::string_view json = exp.json();
  DiscordErrors errors(exp.label, json, exp.bom);
  ExportFolder folder(*source.fs, exp.root);
  DiscordRun run(sink, diagnostics, folder, errors);
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (auto err = parser.iterate(simdjson::padded_string_view(json.data(), json.size(), exp.capacity())).get(doc)) {
    return errors.Parse(err, "");
  }
  errors.set_document(&doc);
  const Status walked = WalkDiscordExport(doc, run);
  errors.set_document(nullptr);
  if (!walked) return walked.error();
  ImportSummary summary = std::move(run.summary);
  summary.accounts = run.refs.size();
  summary.main_file = exp.label;
  return summary;
}

Result<std::string> DiscordJsonImporter::Show(const Source& source, const std::string& locator) const {
  auto opened = OpenExport(source);
  if (!opened) return opened.error();
  OpenedExport& exp = *opened;
  const std::string_view json = exp.json();
  DiscordErrors errors(exp.label, json, exp.bom);
  if (!locator.empty() && locator[0] != '/') {
    return Error::InvalidArgument("discord-json: a locator is a JSON pointer such as /messages/5, not '" + locator +
                                      "'",
                                  Location{exp.label, locator});
  }
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (auto err = parser.iterate(simdjson::padded_string_view(json.data(), json.size(), exp.capacity())).get(doc)) {
    return errors.Parse(err, locator);
  }
  errors.set_document(&doc);
  std::string_view raw;
  if (locator.empty()) {
    if (auto err = doc.raw_json().get(raw)) return errors.Parse(err, locator);
    return std::string(raw);
  }
  simdjson::ondemand::value value;
  if (auto err = doc.at_pointer(locator).get(value)) {
    if (IsNoSuchPointer(err)) return NotFoundAt(exp, locator);
    return errors.Parse(err, locator);
  }
  if (auto err = RawJsonText(value, raw)) return errors.Parse(err, locator);
  return std::string(raw);
}

}  // namespace casegraph::ingest
