// The telegram-json importer: finds result.json, repairs Telegram's invalid JSON when needed,
// parses with simdjson On-Demand straight from the mapped file and hands the document to the
// walker (telegram_walker.cpp). Format notes: docs/formats/telegram-json.md.
#include "ingest/telegram_json.h"

#include <simdjson.h>

#include <cstdint>
#include <memory>
#include <optional>

#include "base/time_util.h"
#include "ingest/export_folder.h"
#include "ingest/json_raw.h"
#include "ingest/json_repair.h"
#include "ingest/json_scan.h"
#include "ingest/telegram_context.h"
#include "ingest/telegram_refs.h"
#include "ingest/telegram_sniff.h"
#include "ingest/telegram_walker.h"

namespace casegraph::ingest {
namespace {

constexpr std::string_view kMainFile = "result.json";

// The exhibit's main file, mapped, and possibly repaired: what both Import and Show parse.
struct OpenedExport {
  std::string main_path;   // path of result.json on the file system
  std::string label;       // file named in Locations: "result.json" or the file given
  std::string root;        // export folder for media
  std::unique_ptr<FileView> view;
  size_t bom = 0;  // a UTF-8 byte-order mark, which simdjson wants left out
  TelegramQuirks quirks;  // \xNN escapes are decoded while reading; only document_id needs a copy
  std::optional<RepairedJson> repaired;
  std::string_view original() const { return view->bytes(); }
  std::string_view json() const { return repaired ? repaired->text() : view->bytes().substr(bom); }
  size_t capacity() const {
    return repaired ? repaired->capacity() : view->bytes().size() - bom + FileView::kPadding;
  }
};

Result<OpenedExport> OpenExport(const Source& source) {
  if (source.fs == nullptr) return Error::Internal("telegram-json: no file system given");
  OpenedExport out;
  if (source.is_directory) {
    out.root = source.path;
    out.main_path = JoinPath(source.path, kMainFile);
    out.label = std::string(kMainFile);
    auto st = source.fs->Stat(out.main_path);
    if (!st || st->is_directory) {
      return Error::NotFound("telegram-json: no result.json in the folder " + source.path +
                                 " (give the folder that Telegram Desktop exported, or the JSON file itself)",
                             Location{source.path, ""});
    }
  } else {
    out.main_path = source.path;
    out.root = ParentDir(source.path);
    out.label = BaseName(source.path) == kMainFile ? std::string(kMainFile) : source.path;
  }
  auto view = source.fs->Map(out.main_path);
  if (!view) return Error::Io("telegram-json: cannot read " + out.main_path + ": " + view.error().message(),
                              Location{out.label, ""});
  out.view = std::move(*view);
  std::string_view bytes = out.view->bytes();
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") out.bom = 3;
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Error::Corrupt("telegram-json: empty file " + out.label, Location{out.label, "byte 0"});
  }
  const size_t first = bytes.find_first_not_of(" \t\r\n", out.bom);
  if (first == std::string_view::npos) {
    return Error::Corrupt("telegram-json: empty file " + out.label, Location{out.label, "byte 0"});
  }
  if (bytes[first] != '{') {
    const bool html = bytes[first] == '<';
    return Error::Unsupported(
        std::string("telegram-json: not a Telegram JSON export: ") +
            (html ? "the file is HTML (Telegram's HTML export is read by the telegram-html importer: --format telegram-html)"
                  : "the file does not start with a JSON object"),
        Location{out.label, "byte " + std::to_string(first)});
  }
  out.quirks = ScanTelegramQuirks(bytes.substr(out.bom));
  if (out.quirks.unquoted_document_id) out.repaired = RepairTelegramJson(bytes.substr(out.bom), FileView::kPadding);
  return out;
}

Status ParseAndWalk(std::string_view text, size_t capacity, simdjson::ondemand::parser& parser, TelegramRun& run) {
  simdjson::ondemand::document doc;
  if (auto err = parser.iterate(simdjson::padded_string_view(text.data(), text.size(), capacity)).get(doc)) {
    return run.errors.Parse(err, "");
  }
  run.errors.set_document(&doc);
  Status walked = WalkTelegramExport(doc, run);
  run.errors.set_document(nullptr);
  return walked;
}

}  // namespace

ImporterInfo TelegramJsonImporter::Describe() const {
  // Built by aggregate initialisation: assigning literals to the members one by one trips a
  // false -Wrestrict in GCC 12 at -O2.
  return ImporterInfo{
      std::string("telegram-json"),
      std::string("1"),
      std::string("Telegram Desktop JSON export (\"Export chat history\" or \"Export Telegram data\"): "
                  "result.json or its export folder"),
      std::string(kTelegramRefPrefix),
      {std::string(kMainFile)},
      {OptionSpec{std::string("tz"),
                  std::string("IANA time zone of the exporting computer; needed only for exports without "
                              "date_unixtime (Telegram Desktop before 3.7.6)"),
                  false}}};
}

SniffResult TelegramJsonImporter::Sniff(const Probe& probe) const { return SniffTelegramJson(probe); }

Result<ImportSummary> TelegramJsonImporter::Import(const Source& source, const ImportOptions& options, Sink& sink,
                                                   Diagnostics& diagnostics) const {
  if (!options.tz.empty()) CASEGRAPH_RETURN_IF_ERROR(ValidateTimeZone(options.tz));
  auto opened = OpenExport(source);
  if (!opened) return opened.error();
  OpenedExport& exp = *opened;
  const std::string_view json = exp.json();
  if (exp.repaired || exp.quirks.backslash_x_escapes > 0) {
    const size_t escapes = exp.repaired ? exp.repaired->escapes_fixed() : exp.quirks.backslash_x_escapes;
    const size_t quoted = exp.repaired ? exp.repaired->values_quoted() : 0;
    diagnostics.Warn(Location{exp.label, "byte 0"},
                     "repaired Telegram Desktop's invalid JSON: " + std::to_string(escapes) +
                         " \\xNN escapes, " + std::to_string(quoted) +
                         " unquoted document_id values; byte offsets and show refer to the original file");
  }
  JsonErrors errors(exp.label, json, exp.original().size(), exp.repaired ? &*exp.repaired : nullptr, exp.bom);
  ExportFolder folder(*source.fs, exp.root);
  TelegramRun run(options, sink, diagnostics, folder, errors, json);
  simdjson::ondemand::parser parser;
  const Status walked = ParseAndWalk(json, exp.capacity(), parser, run);
  if (!walked) return walked.error();
  ImportSummary summary = std::move(run.summary);
  summary.accounts = run.accounts.distinct_refs();
  summary.main_file = std::string(kMainFile);
  if (!source.is_directory) summary.main_file = BaseName(source.path);
  summary.inferred_utc_offset_seconds = run.clock.SummaryOffset();
  summary.time_note = run.clock.Note();
  return summary;
}

Result<std::string> TelegramJsonImporter::Show(const Source& source, const std::string& locator) const {
  auto opened = OpenExport(source);
  if (!opened) return opened.error();
  OpenedExport& exp = *opened;
  const std::string_view json = exp.json();
  JsonErrors errors(exp.label, json, exp.original().size(), exp.repaired ? &*exp.repaired : nullptr, exp.bom);
  if (!locator.empty() && locator[0] != '/') {
    return Error::InvalidArgument("telegram-json: a locator is a JSON pointer such as /messages/5, not '" +
                                      locator + "'",
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
  } else {
    simdjson::ondemand::value value;
    if (auto err = doc.at_pointer(locator).get(value)) {
      if (IsNoSuchPointer(err)) {
        return Error::NotFound("telegram-json: nothing at " + locator + " in " + exp.label,
                               Location{exp.label, locator});
      }
      return errors.Parse(err, locator);
    }
    if (auto err = RawJsonText(value, raw)) return errors.Parse(err, locator);
  }
  // Give back the original bytes, also where a repair changed them.
  const size_t begin = errors.OriginalOffset(raw.data());
  const size_t end = errors.OriginalOffset(raw.data() + raw.size());
  const std::string_view original = exp.original();
  if (begin > end || end > original.size()) return std::string(raw);
  return std::string(original.substr(begin, end - begin));
}

}  // namespace casegraph::ingest
