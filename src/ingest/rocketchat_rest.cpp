// The rocketchat-rest importer: each response file is parsed with simdjson On-Demand, its
// message and room arrays are cut into element documents (raw bytes), and those go through the
// shared Rocket.Chat mapping in the sink's order: rooms, users, then messages in two passes
// (history copies first). Format notes: docs/formats/rocketchat.md.
#include "ingest/rocketchat_rest.h"

#include <simdjson.h>

#include <algorithm>
#include <memory>

#include "ingest/json_scan.h"
#include "ingest/rocketchat_directory.h"
#include "ingest/rocketchat_messages.h"
#include "ingest/rocketchat_run.h"
#include "ingest/rocketchat_show.h"
#include "ingest/rocketchat_sniff.h"

namespace casegraph::ingest {
namespace {

namespace od = simdjson::ondemand;
using rocketchat::Document;

enum class Role { kMessage, kRoom, kUser };

std::optional<Role> RoleOfKey(std::string_view key) {
  if (key == "messages") return Role::kMessage;
  if (key == "channels" || key == "groups" || key == "ims" || key == "update" || key == "rooms") return Role::kRoom;
  if (key == "users") return Role::kUser;
  return std::nullopt;
}

struct ResponseFile {
  std::string name;     // file name in a folder; the path given for a lone file
  std::string prefix;   // locator prefix: "/<name>" in a folder, "" for a lone file
  std::unique_ptr<FileView> view;
  size_t bom = 0;
  std::string_view json() const { return view->bytes().substr(bom); }
  size_t capacity() const { return view->bytes().size() - bom + FileView::kPadding; }
};

struct Element {
  Role role;
  Document doc;
};

// The response files of the exhibit (sorted by name in a folder).
Result<std::vector<ResponseFile>> OpenFiles(const Source& source, Diagnostics* diagnostics) {
  if (source.fs == nullptr) return Error::Internal("rocketchat-rest: no file system given");
  std::vector<ResponseFile> out;
  auto open = [&](const std::string& path, std::string name, std::string prefix) -> Status {
    auto view = source.fs->Map(path);
    if (!view) return Error::Io("rocketchat-rest: cannot read " + name + ": " + view.error().message(), Location{name, ""});
    ResponseFile f{std::move(name), std::move(prefix), std::move(*view), 0};
    if (f.view->bytes().substr(0, 3) == "\xEF\xBB\xBF") f.bom = 3;
    out.push_back(std::move(f));
    return Ok();
  };
  if (!source.is_directory) {
    CASEGRAPH_RETURN_IF_ERROR(open(source.path, source.path, ""));
    return out;
  }
  auto names = source.fs->List(source.path);
  if (!names) return names.error();
  std::sort(names->begin(), names->end());
  for (const auto& name : *names) {
    const std::string path = JoinPath(source.path, name);
    auto st = source.fs->Stat(path);
    if (!st || st->is_directory || st->is_symlink) continue;
    if (name.size() < 5 || name.substr(name.size() - 5) != ".json") continue;
    auto view = source.fs->Map(path);
    if (!view) return Error::Io("rocketchat-rest: cannot read " + name + ": " + view.error().message(), Location{name, ""});
    const std::string_view bytes = (*view)->bytes();
    if (rocketchat::RestHeadScore(bytes.substr(0, std::min(bytes.size(), Probe::kHeadBytes))) == 0) {
      if (diagnostics) diagnostics->Warn(Location{name, ""}, "not a Rocket.Chat REST response; skipped");
      continue;
    }
    CASEGRAPH_RETURN_IF_ERROR(open(path, name, "/" + name));
  }
  if (out.empty()) {
    return Error::NotFound("rocketchat-rest: no Rocket.Chat REST response (.json) in the folder", Location{source.path, ""});
  }
  return out;
}

Error ParseError(const ResponseFile& f, simdjson::error_code err, std::string_view pointer) {
  std::string where = std::string(pointer);
  if (auto cut = TruncationPointer(f.json())) {
    return Error::Corrupt("rocketchat-rest: " + f.name + " is cut short (the data ends inside " +
                              (cut->empty() ? std::string("the top-level object") : *cut) + ")",
                          Location{f.name, cut->empty() ? "byte " + std::to_string(f.view->bytes().size()) : *cut});
  }
  if (auto bad = FirstInvalidUtf8(f.json())) {
    return Error::Corrupt("rocketchat-rest: invalid UTF-8 in " + f.name, Location{f.name, "byte " + std::to_string(*bad + f.bom)});
  }
  return Error::Corrupt(std::string("rocketchat-rest: cannot parse ") + f.name + ": " + simdjson::error_message(err),
                        Location{f.name, where.empty() ? "byte 0" : where});
}

// Cuts the arrays of one response into element documents.
Status Collect(od::parser& parser, const ResponseFile& f, std::vector<Element>& out, Diagnostics& diagnostics) {
  od::document doc;
  if (auto err = parser.iterate(simdjson::padded_string_view(f.json().data(), f.json().size(), f.capacity())).get(doc)) {
    return ParseError(f, err, "");
  }
  od::object root;
  if (auto err = doc.get_object().get(root)) {
    if (err == simdjson::INCORRECT_TYPE) {
      return Error::Unsupported("rocketchat-rest: " + f.name + " is not a REST response object", Location{f.name, "byte 0"});
    }
    return ParseError(f, err, "");
  }
  bool any = false;
  for (auto field : root) {
    std::string_view key;
    if (auto err = field.unescaped_key().get(key)) return ParseError(f, err, "");
    auto role = RoleOfKey(key);
    if (!role) continue;
    const std::string pointer = "/" + std::string(key);
    od::array array;
    if (auto err = field.value().get_array().get(array)) {
      if (err == simdjson::INCORRECT_TYPE) {
        diagnostics.Warn(Location{f.name, pointer}, "expected an array; ignored");
        continue;
      }
      return ParseError(f, err, pointer);
    }
    any = true;
    size_t i = 0;
    for (auto element : array) {
      const std::string place = pointer + "/" + std::to_string(i++);
      od::object object;
      if (auto err = element.get_object().get(object)) {
        if (err != simdjson::INCORRECT_TYPE) return ParseError(f, err, place);
        diagnostics.Warn(Location{f.name, place}, "expected an object; skipped");
        continue;
      }
      std::string_view raw;
      if (auto err = object.raw_json().get(raw)) return ParseError(f, err, place);
      raw = TrimJsonToken(raw);  // raw_json runs up to the next token
      out.push_back(Element{*role, Document{raw, f.name, f.prefix + place, place}});
    }
  }
  if (!any) {
    return Error::Unsupported("rocketchat-rest: " + f.name +
                                  " holds no \"messages\", \"channels\", \"groups\", \"ims\" or \"users\" array",
                              Location{f.name, ""});
  }
  return Ok();
}

}  // namespace

ImporterInfo RocketChatRestImporter::Describe() const {
  return ImporterInfo{
      std::string("rocketchat-rest"),
      std::string("1"),
      std::string("Rocket.Chat REST API responses saved to files (channels.history, groups.history, im.history, "
                  "channels.list …), one file or a folder of them"),
      std::string("rocketchat:"),
      {std::string("*.json")},
      {OptionSpec{std::string("instance"),
                  std::string("label of the Rocket.Chat server (refs are rocketchat:<user id>@<instance>); "
                              "default \"default\""),
                  false}}};
}

SniffResult RocketChatRestImporter::Sniff(const Probe& probe) const { return rocketchat::SniffRest(probe); }

Result<ImportSummary> RocketChatRestImporter::Import(const Source& source, const ImportOptions& options, Sink& sink,
                                                     Diagnostics& diagnostics) const {
  auto files = OpenFiles(source, &diagnostics);
  if (!files) return files.error();
  // The parser's document must outlive nothing: raw element bytes point into the mapped files.
  od::parser parser;
  std::vector<Element> elements;
  for (const auto& f : *files) CASEGRAPH_RETURN_IF_ERROR(Collect(parser, f, elements, diagnostics));
  ExportFolder folder(*source.fs, source.is_directory ? source.path : ParentDir(source.path));
  rocketchat::Run run(options, sink, diagnostics, source.is_directory ? &folder : nullptr);
  for (const auto& e : elements) {
    if (e.role == Role::kRoom) rocketchat::MapRoom(run, e.doc);
  }
  for (const auto& e : elements) {
    if (e.role == Role::kUser) rocketchat::MapUser(run, e.doc);
  }
  for (const auto& e : elements) {
    if (e.role == Role::kMessage && rocketchat::MaybeEditCopy(e.doc.json)) rocketchat::CollectEditCopy(run, e.doc);
  }
  run.damaged = 0;
  for (const auto& e : elements) {
    if (e.role == Role::kMessage) rocketchat::MapMessage(run, e.doc, rocketchat::MessageOrigin::kCollection);
  }
  rocketchat::EmitOrphanCopies(run);
  ImportSummary summary = std::move(run.summary);
  summary.accounts = run.distinct_accounts();
  if (!source.is_directory) summary.main_file = (*files)[0].name.substr((*files)[0].name.rfind('/') + 1);
  summary.time_note = "Rocket.Chat stores UTC instants; no local offset applies";
  return summary;
}

Result<std::string> RocketChatRestImporter::Show(const Source& source, const std::string& locator) const {
  auto files = OpenFiles(source, nullptr);
  if (!files) return files.error();
  std::string_view pointer = locator;
  const ResponseFile* file = &(*files)[0];
  if (source.is_directory) {
    // "/<file>/messages/3"
    const size_t slash = locator.find('/', 1);
    const std::string name = locator.substr(1, slash == std::string::npos ? std::string::npos : slash - 1);
    file = nullptr;
    for (const auto& f : *files) {
      if (!locator.empty() && locator[0] == '/' && f.name == name) file = &f;
    }
    if (file == nullptr) {
      return Error::NotFound("rocketchat-rest: no response file named in '" + locator + "'", Location{source.path, locator});
    }
    pointer = slash == std::string::npos ? std::string_view() : std::string_view(locator).substr(slash);
  }
  if (!pointer.empty() && pointer[0] != '/') {
    return Error::InvalidArgument("rocketchat-rest: a locator is a JSON pointer such as /messages/5, not '" + locator + "'",
                                  Location{file->name, locator});
  }
  // Split "/messages/3/attachments/0" into the element and the pointer inside it.
  size_t cut = pointer.empty() ? 0 : pointer.find('/', 1);
  if (cut != std::string_view::npos && cut != 0) cut = pointer.find('/', cut + 1);
  const std::string_view element_pointer = cut == std::string_view::npos ? pointer : pointer.substr(0, cut);
  const std::string_view inner = cut == std::string_view::npos ? std::string_view() : pointer.substr(cut);
  if (element_pointer.empty()) {
    return rocketchat::ShowInDocument(file->json(), "", Location{file->name, ""});
  }
  od::parser parser;
  od::document doc;
  if (auto err = parser.iterate(simdjson::padded_string_view(file->json().data(), file->json().size(), file->capacity())).get(doc)) {
    return ParseError(*file, err, element_pointer);
  }
  od::value value;
  od::object object;
  std::string_view raw;
  auto err = doc.at_pointer(element_pointer).get(value);
  if (!err) err = value.get_object().get(object);
  if (!err) err = object.raw_json().get(raw);
  raw = TrimJsonToken(raw);
  if (err == simdjson::NO_SUCH_FIELD || err == simdjson::INDEX_OUT_OF_BOUNDS || err == simdjson::INVALID_JSON_POINTER ||
      err == simdjson::INCORRECT_TYPE) {
    return Error::NotFound("rocketchat-rest: no record at " + std::string(element_pointer) + " in " + file->name,
                           Location{file->name, std::string(element_pointer)});
  }
  if (err) return ParseError(*file, err, element_pointer);
  return rocketchat::ShowInDocument(raw, inner, Location{file->name, std::string(element_pointer)});
}

}  // namespace casegraph::ingest
