// The rocketchat-mongo importer: finds the collection files, frames each into documents
// (rocketchat_framing.h) and maps them in the order the sink needs: users, rooms, uploads,
// then messages in two passes (edit-history copies first, so each message arrives with its
// history), deleted messages kept in rocketchat__trash, and history copies whose message is
// gone. Format notes: docs/formats/rocketchat.md.
#include "ingest/rocketchat_mongo.h"

#include <functional>
#include <memory>

#include "ingest/rocketchat_collections.h"
#include "ingest/rocketchat_directory.h"
#include "ingest/rocketchat_framing.h"
#include "ingest/rocketchat_messages.h"
#include "ingest/rocketchat_run.h"
#include "ingest/rocketchat_show.h"
#include "ingest/rocketchat_sniff.h"

namespace casegraph::ingest {
namespace {

using rocketchat::Collection;
using rocketchat::CollectionFiles;
using rocketchat::Document;

// Where the collection files are: the folder, or the lone file's folder.
struct Layout {
  std::string dir;
  CollectionFiles files;
};

Result<Layout> FindLayout(const Source& source) {
  if (source.fs == nullptr) return Error::Internal("rocketchat-mongo: no file system given");
  Layout layout;
  if (source.is_directory) {
    layout.dir = source.path;
    auto names = source.fs->List(source.path);
    if (!names) return names.error();
    std::vector<std::string> regular;
    for (auto& name : *names) {
      auto st = source.fs->Stat(JoinPath(source.path, name));
      if (st && !st->is_directory && !st->is_symlink) regular.push_back(std::move(name));
    }
    layout.files = rocketchat::FindCollectionFiles(std::move(regular));
    if (!layout.files.messages && !layout.files.rooms && !layout.files.users && !layout.files.trash) {
      return Error::NotFound(
          "rocketchat-mongo: no Rocket.Chat collection file in the folder (expected rocketchat_message.json, "
          "rocketchat_room.json, users.json, optionally with a database prefix such as rocketchat.)",
          Location{source.path, ""});
    }
    return layout;
  }
  layout.dir = ParentDir(source.path);
  const std::string name = BaseName(source.path);
  auto c = rocketchat::CollectionOfFileName(name);
  if (!c || *c == Collection::kUploads) {
    return Error::Unsupported("rocketchat-mongo: " + name +
                                  " is not named after a Rocket.Chat collection (rocketchat_message.json, "
                                  "rocketchat_room.json, users.json); give the export folder",
                              Location{source.path, ""});
  }
  layout.files.Slot(*c) = name;
  return layout;
}

// One collection file, mapped, and its framing.
struct CollectionFile {
  std::string name;
  std::unique_ptr<FileView> view;
};

Result<CollectionFile> OpenCollection(const Source& source, const Layout& layout, const std::string& name) {
  CollectionFile f;
  f.name = name;
  auto view = source.fs->Map(JoinPath(layout.dir, name));
  if (!view) return Error::Io("rocketchat-mongo: cannot read " + name + ": " + view.error().message(), Location{name, ""});
  f.view = std::move(*view);
  return f;
}

// Frames `file` and hands each document to `map`; returns how many documents it held. A file
// that is not JSON documents at all is an Error when `required`, else a warning.
Result<size_t> ForEachInFile(const CollectionFile& file, Diagnostics& diagnostics, bool required,
                             const std::function<void(const Document&)>& map) {
  size_t count = 0;
  const std::string label = file.name;
  Framing framing = DetectFraming(file.view->bytes());
  ForEachDocument(file.view->bytes(), label, diagnostics, [&](const FramedDocument& d) {
    ++count;
    map(Document{d.json, label, "/" + label + "/" + DocumentPath(framing, d), DocumentPlace(framing, d)});
  });
  if (framing == Framing::kEmpty) {
    diagnostics.Warn(Location{label, "byte 0"}, "empty collection file");
  } else if (framing == Framing::kUnknown) {
    const std::string message = "rocketchat-mongo: " + label +
                                " does not hold mongoexport JSON documents (it starts with neither '{' nor '[')";
    if (required) return Error::Corrupt(message, Location{label, "byte 0"});
    diagnostics.Warn(Location{label, "byte 0"}, message + "; skipped");
  } else if (required && count == 0) {
    return Error::Corrupt("rocketchat-mongo: no complete document in " + label, Location{label, "byte 0"});
  }
  return count;
}

}  // namespace

ImporterInfo RocketChatMongoImporter::Describe() const {
  return ImporterInfo{
      std::string("rocketchat-mongo"),
      std::string("1"),
      std::string("Rocket.Chat server seizure: a folder of mongoexport files (rocketchat_message, rocketchat_room, "
                  "users, rocketchat_uploads, rocketchat__trash) in JSON Lines, --jsonArray or --pretty framing"),
      std::string("rocketchat:"),
      {std::string("rocketchat_message.json"), std::string("rocketchat_room.json"), std::string("users.json"),
       std::string("rocketchat_uploads.json"), std::string("rocketchat__trash.json")},
      {OptionSpec{std::string("instance"),
                  std::string("label of the Rocket.Chat server (refs are rocketchat:<user id>@<instance>); "
                              "default \"default\""),
                  false}}};
}

SniffResult RocketChatMongoImporter::Sniff(const Probe& probe) const { return rocketchat::SniffMongo(probe); }

Result<ImportSummary> RocketChatMongoImporter::Import(const Source& source, const ImportOptions& options, Sink& sink,
                                                      Diagnostics& diagnostics) const {
  auto layout = FindLayout(source);
  if (!layout) return layout.error();
  CollectionFiles& files = layout->files;
  for (const auto& ignored : files.ignored) {
    diagnostics.Warn(Location{ignored, ""}, "a second file for the same collection; ignored");
  }
  ExportFolder folder(*source.fs, layout->dir);
  rocketchat::Run run(options, sink, diagnostics, &folder);
  for (const char* dir : {"uploads", "rocketchat_uploads"}) {
    auto st = source.fs->Stat(JoinPath(layout->dir, dir));
    if (source.is_directory && st && st->is_directory) {
      run.uploads_dir = dir;
      break;
    }
  }
  auto each = [&](const std::optional<std::string>& name, bool required,
                  const std::function<void(const Document&)>& map) -> Result<size_t> {
    if (!name) return size_t{0};
    auto file = OpenCollection(source, *layout, *name);
    if (!file) return file.error();
    return ForEachInFile(*file, diagnostics, required, map);
  };
  if (auto r = each(files.users, false, [&](const Document& d) { rocketchat::MapUser(run, d); }); !r) return r.error();
  if (auto r = each(files.rooms, false, [&](const Document& d) { rocketchat::MapRoom(run, d); }); !r) return r.error();
  run.have_uploads_collection = files.uploads.has_value();
  if (auto r = each(files.uploads, false, [&](const Document& d) { rocketchat::MapUpload(run, d); }); !r) return r.error();
  if (!files.messages) {
    diagnostics.Warn(Location{source.path, ""},
                     "no rocketchat_message collection file: accounts and rooms only, no messages");
  }
  // Pass 1: history copies, from the messages and from the trash.
  auto collect = [&](const Document& d) {
    if (rocketchat::MaybeEditCopy(d.json)) rocketchat::CollectEditCopy(run, d);
  };
  auto messages = each(files.messages, true, collect);
  if (!messages) return messages.error();
  if (auto r = each(files.trash, false, collect); !r) return r.error();
  // Pass 2: messages.
  run.damaged = 0;
  if (auto r = each(files.messages, true, [&](const Document& d) {
        rocketchat::MapMessage(run, d, rocketchat::MessageOrigin::kCollection);
      });
      !r) {
    return r.error();
  }
  if (*messages > 0 && run.damaged == *messages) {
    return Error::Corrupt("rocketchat-mongo: no readable document in " + *files.messages,
                          Location{*files.messages, "byte 0"});
  }
  if (auto r = each(files.trash, false, [&](const Document& d) {
        rocketchat::MapMessage(run, d, rocketchat::MessageOrigin::kTrash);
      });
      !r) {
    return r.error();
  }
  rocketchat::EmitOrphanCopies(run);
  ImportSummary summary = std::move(run.summary);
  summary.accounts = run.distinct_accounts();
  summary.main_file = files.messages ? *files.messages : files.rooms ? *files.rooms : files.users ? *files.users : "";
  summary.time_note = "Rocket.Chat stores UTC instants; no local offset applies";
  return summary;
}

Result<std::string> RocketChatMongoImporter::Show(const Source& source, const std::string& locator) const {
  auto layout = FindLayout(source);
  if (!layout) return layout.error();
  // "/<file>/line/<N>[/pointer]" or "/<file>/<index>[/pointer]".
  if (locator.size() < 2 || locator[0] != '/') {
    return Error::InvalidArgument("rocketchat-mongo: a locator looks like /rocketchat_message.json/line/12 or "
                                  "/rocketchat_room.json/3, not '" + locator + "'",
                                  Location{source.path, locator});
  }
  const size_t slash = locator.find('/', 1);
  const std::string name = locator.substr(1, slash == std::string::npos ? std::string::npos : slash - 1);
  std::string_view rest = slash == std::string::npos ? std::string_view() : std::string_view(locator).substr(slash + 1);
  auto c = rocketchat::CollectionOfFileName(name);
  if (!c || layout->files.Slot(*c) != name) {
    return Error::NotFound("rocketchat-mongo: no collection file " + name + " in the exhibit", Location{source.path, locator});
  }
  bool by_line = false;
  if (rest.substr(0, 5) == "line/") {
    by_line = true;
    rest.remove_prefix(5);
  }
  const size_t end = rest.find('/');
  const std::string number(rest.substr(0, end));
  const std::string_view pointer = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos || number.size() > 12) {
    return Error::InvalidArgument("rocketchat-mongo: no document number in '" + locator + "'", Location{name, locator});
  }
  const size_t wanted = std::stoull(number);
  auto file = OpenCollection(source, *layout, name);
  if (!file) return file.error();
  Diagnostics ignored;
  const Framing framing = DetectFraming(file->view->bytes());
  std::optional<FramedDocument> found;
  ForEachDocument(file->view->bytes(), name, ignored, [&](const FramedDocument& d) {
    if (found) return;
    if (by_line ? (framing == Framing::kLines && d.line == wanted) : (framing != Framing::kLines && d.index == wanted)) {
      found = d;
    }
  });
  if (!found) return Error::NotFound("rocketchat-mongo: no document at " + locator, Location{name, locator});
  return rocketchat::ShowInDocument(found->json, pointer, Location{name, DocumentPlace(framing, *found)});
}

}  // namespace casegraph::ingest
