// The element-json importer: finds the export's JSON (a lone file, export.json in a folder or
// ZIP, or inside the newer ZIP's single "… - Chat Export - …" folder), refuses the HTML and
// plain-text forms and lone events, parses with simdjson DOM straight from the mapped file and
// hands the event array to the timeline walker (element_timeline.cpp).
#include "ingest/element_json.h"

#include <simdjson.h>

#include <memory>

#include "ingest/element_media.h"
#include "ingest/element_members.h"
#include "ingest/element_sniff.h"
#include "ingest/element_timeline.h"
#include "ingest/json_raw.h"
#include "ingest/json_scan.h"

namespace casegraph::ingest {
namespace {

using element::HeadShape;

constexpr std::string_view kName = "element-json: ";
constexpr std::string_view kReexport = "re-export as JSON (Export chat → Format: JSON)";

bool IsFile(const FileSystem& fs, const std::string& path) {
  auto st = fs.Stat(path);
  return st && !st->is_directory;
}

Error Refusal(HeadShape shape, const std::string& label) {
  std::string message;
  if (shape == HeadShape::kElementHtml) {
    message = "this is Element's HTML export; " + std::string(kReexport);
  } else if (shape == HeadShape::kElementText) {
    message = "this is Element's plain-text export; " + std::string(kReexport);
  } else {
    message = "a single Matrix event, not a chat export (give Element's JSON export, or a /messages response "
              "with its chunk array)";
  }
  return Error::Unsupported(std::string(kName) + message, Location{label, ""});
}

// The export's JSON, mapped: what both Import and Show parse.
struct OpenedExport {
  std::string main_path;  // on the file system
  std::string label;      // named in Locations and ImportSummary::main_file
  std::string root;       // folder holding the media folders; empty for a lone file
  std::unique_ptr<FileView> view;
  size_t bom = 0;
  std::string_view json() const { return view->bytes().substr(bom); }
};

// Finds export.json (or a refused sibling) in `dir`; `prefix` is dir relative to the exhibit.
std::optional<Result<OpenedExport>> FindInFolder(const FileSystem& fs, const std::string& dir, const std::string& prefix) {
  OpenedExport out;
  out.root = dir;
  if (IsFile(fs, JoinPath(dir, "export.json"))) {
    out.main_path = JoinPath(dir, "export.json");
    out.label = prefix + "export.json";
    return Result<OpenedExport>(std::move(out));
  }
  if (IsFile(fs, JoinPath(dir, "index.html"))) return Result<OpenedExport>(Refusal(HeadShape::kElementHtml, prefix + "index.html"));
  if (IsFile(fs, JoinPath(dir, "export.txt"))) return Result<OpenedExport>(Refusal(HeadShape::kElementText, prefix + "export.txt"));
  return std::nullopt;
}

Result<OpenedExport> OpenExport(const Source& source) {
  if (source.fs == nullptr) return Error::Internal("element-json: no file system given");
  const FileSystem& fs = *source.fs;
  OpenedExport out;
  if (source.is_directory) {
    auto found = FindInFolder(fs, source.path, "");
    if (!found) {
      // The newer ZIP layout: one "<brand> - <room> - Chat Export - <date>" folder inside.
      auto names = fs.List(source.path);
      if (names) {
        for (const auto& name : *names) {
          if (!element::IsExportFolderName(name)) continue;
          auto st = fs.Stat(JoinPath(source.path, name));
          if (!st || !st->is_directory) continue;
          found = FindInFolder(fs, JoinPath(source.path, name), name + "/");
          if (found) break;
        }
      }
    }
    if (!found) {
      return Error::NotFound(std::string(kName) + "no export.json in the folder " + source.path +
                                 " (give Element's export ZIP or folder, or its JSON file)",
                             Location{source.path, ""});
    }
    if (!*found) return found->error();
    out = std::move(**found);
  } else {
    out.main_path = source.path;
    out.label = BaseName(source.path);
  }
  auto view = fs.Map(out.main_path);
  if (!view) {
    return Error::Io(std::string(kName) + "cannot read " + out.main_path + ": " + view.error().message(),
                     Location{out.label, ""});
  }
  out.view = std::move(*view);
  const std::string_view bytes = out.view->bytes();
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") out.bom = 3;
  const size_t first = bytes.find_first_not_of(" \t\r\n", out.bom);
  if (first == std::string_view::npos) {
    return Error::Corrupt(std::string(kName) + "empty file " + out.label, Location{out.label, "byte 0"});
  }
  const std::string_view head = bytes.substr(0, std::min(bytes.size(), Probe::kHeadBytes));
  const HeadShape shape = element::ShapeOfHead(head, out.label);
  if (shape == HeadShape::kElementHtml || shape == HeadShape::kElementText) return Refusal(shape, out.label);
  if (bytes[first] != '{') {
    return Error::Unsupported(std::string(kName) + "not an Element JSON export: the file does not start with a JSON object",
                              Location{out.label, "byte " + std::to_string(first)});
  }
  return out;
}

Error ParseError(simdjson::error_code code, const OpenedExport& exp) {
  const std::string_view json = exp.json();
  if (code == simdjson::UTF8_ERROR) {
    auto bad = FirstInvalidUtf8(json);
    const std::string byte = "byte " + std::to_string((bad ? *bad : 0) + exp.bom);
    return Error::Corrupt(std::string(kName) + "invalid UTF-8 at " + byte + " (the file is damaged or not UTF-8 text)",
                          Location{exp.label, byte});
  }
  if (auto cut = TruncationPointer(json)) {
    const std::string byte = "byte " + std::to_string(exp.view->bytes().size());
    return Error::Corrupt(std::string(kName) + "truncated JSON: the file ends at " + byte + " while reading " +
                              (cut->empty() ? std::string("the root") : *cut) + " (an export cut short)",
                          Location{exp.label, cut->empty() ? byte : *cut});
  }
  return Error::Corrupt(std::string(kName) + "invalid JSON (" + simdjson::error_message(code) + ")",
                        Location{exp.label, ""});
}

}  // namespace

ImporterInfo ElementJsonImporter::Describe() const {
  return ImporterInfo{
      std::string("element-json"),
      std::string("1"),
      std::string("Element (Matrix) \"Export chat\" in JSON: the .json file, or the export ZIP/folder with export.json "
                  "and media; also a Matrix /messages response"),
      std::string(element::kRefPrefix),
      {std::string("matrix - * - Chat Export - *.json"), std::string("export.json")},
      {}};
}

SniffResult ElementJsonImporter::Sniff(const Probe& probe) const { return element::SniffElement(probe); }

Result<ImportSummary> ElementJsonImporter::Import(const Source& source, const ImportOptions& /*options*/, Sink& sink,
                                                  Diagnostics& diagnostics) const {
  auto opened = OpenExport(source);
  if (!opened) return opened.error();
  const OpenedExport& exp = *opened;
  const std::string_view json = exp.json();
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  // The mapping is readable kPadding (= SIMDJSON_PADDING) bytes past the end: no copy.
  static_assert(FileView::kPadding >= simdjson::SIMDJSON_PADDING);
  if (auto err = parser.parse(json.data(), json.size(), false).get(root)) return ParseError(err, exp);
  simdjson::dom::object top;
  if (root.get_object().get(top)) {
    return Error::Unsupported(std::string(kName) + "not an Element JSON export: the top level is not a JSON object",
                              Location{exp.label, ""});
  }
  element::Timeline timeline;
  timeline.label = exp.label;
  simdjson::dom::element events;
  if (!top.at_key("messages").get(events)) {
    timeline.pointer = "/messages";
  } else if (!top.at_key("chunk").get(events)) {
    timeline.pointer = "/chunk";
  } else {
    const bool event = !top.at_key("event_id").error() || (!top.at_key("type").error() && !top.at_key("sender").error());
    if (event) return Refusal(HeadShape::kSingleEvent, exp.label);
    return Error::Unsupported(std::string(kName) + "not an Element JSON export: no \"messages\" array",
                              Location{exp.label, ""});
  }
  if (events.get_array().get(timeline.events)) {
    return Error::Corrupt(std::string(kName) + "expected an array of events at " + timeline.pointer,
                          Location{exp.label, timeline.pointer});
  }
  timeline.header.room_name = element::StringAt(top, "room_name");
  timeline.header.room_creator = element::StringAt(top, "room_creator");
  timeline.header.topic = element::StringAt(top, "topic");
  timeline.header.export_date = element::StringAt(top, "export_date");
  timeline.header.exported_by = element::StringAt(top, "exported_by");
  element::MediaIndex media(*source.fs, exp.root);
  ImportSummary summary = element::WalkTimeline(timeline, media, sink, diagnostics);
  summary.main_file = exp.label;
  summary.time_note = "origin_server_ts: UTC milliseconds set by the sender's homeserver";
  return summary;
}

Result<std::string> ElementJsonImporter::Show(const Source& source, const std::string& locator) const {
  auto opened = OpenExport(source);
  if (!opened) return opened.error();
  const OpenedExport& exp = *opened;
  if (!locator.empty() && locator[0] != '/') {
    return Error::InvalidArgument(std::string(kName) + "a locator is a JSON pointer such as /messages/5, not '" +
                                      locator + "'",
                                  Location{exp.label, locator});
  }
  const std::string_view json = exp.json();
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  const simdjson::padded_string_view padded(json.data(), json.size(), json.size() + FileView::kPadding);
  if (auto err = parser.iterate(padded).get(doc)) return ParseError(err, exp);
  std::string_view raw;
  simdjson::error_code err = simdjson::SUCCESS;
  if (locator.empty()) {
    err = doc.raw_json().get(raw);
  } else {
    simdjson::ondemand::value value;
    err = doc.at_pointer(locator).get(value);
    if (IsNoSuchPointer(err)) {
      return Error::NotFound(std::string(kName) + "nothing at " + locator + " in " + exp.label,
                             Location{exp.label, locator});
    }
    if (!err) err = RawJsonText(value, raw);
  }
  if (err) return ParseError(err, exp);
  return std::string(raw);
}

}  // namespace casegraph::ingest
