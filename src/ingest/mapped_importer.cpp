// The mapped importer: parses the mapping, picks the exhibit's input files, and reads each in
// up to three streaming passes (accounts, conversations, messages) so that accounts and
// conversations reach the sink before the messages that refer to them.
#include "ingest/mapped_importer.h"

#include <fnmatch.h>

#include "base/time_util.h"
#include "ingest/export_folder.h"
#include "ingest/mapped_emit.h"
#include "ingest/mapped_input.h"
#include "ingest/mapped_mapping.h"

namespace casegraph::ingest {
namespace {

using mapped::InputFile;
using mapped::Mapping;

// Paths (relative to the folder) of the files the mapping's globs select, sorted.
Result<std::vector<std::string>> SelectFiles(const Source& source, const Mapping& mapping) {
  if (mapping.files.empty()) {
    return Error::InvalidArgument("mapping " + mapping.file + ": key files: the exhibit is a folder; say which files "
                                  "to read (files = \"*.json\")", Location{source.path, ""});
  }
  auto all = ListTree(*source.fs, source.path);
  if (!all) return all.error();
  std::vector<std::string> chosen;
  for (const auto& rel : *all) {
    for (const auto& glob : mapping.files) {
      if (fnmatch(glob.c_str(), rel.c_str(), FNM_PATHNAME) == 0) {
        chosen.push_back(rel);
        break;
      }
    }
  }
  if (chosen.empty()) {
    std::string globs;
    for (const auto& g : mapping.files) globs += (globs.empty() ? "" : ", ") + g;
    return Error::NotFound("mapping " + mapping.file + ": key files: no file in the folder matches " + globs,
                           Location{source.path, ""});
  }
  return chosen;
}

Error NoMatch(const Mapping& mapping, const char* key, const mapped::Path& path, const std::string& files) {
  return Error::NotFound("mapping " + mapping.file + ": key " + key + ".path: \"" + path.text +
                             "\" matched no record in " + files + " (check the path against the export)",
                         Location{files, ""});
}

}  // namespace

ImporterInfo MappedImporter::Describe() const {
  return ImporterInfo{
      std::string("mapped"),
      std::string("1"),
      std::string("any app's JSON, JSON-lines or CSV export, read as a declarative mapping file says "
                  "(--mapping FILE; examples in mappings/)"),
      std::string(""),
      {},
      {OptionSpec{std::string("mapping"), std::string("the mapping file (TOML or JSON)"), true},
       OptionSpec{std::string("tz"), std::string("IANA zone for local times when the mapping's zone is \"examiner\""),
                  false}}};
}

SniffResult MappedImporter::Sniff(const Probe&) const {
  return SniffResult{0.0, "needs --mapping (chosen only with --format mapped)"};
}

Result<ImportSummary> MappedImporter::Import(const Source& source, const ImportOptions& options, Sink& sink,
                                             Diagnostics& diagnostics) const {
  if (source.fs == nullptr) return Error::Internal("mapped: no file system given");
  if (options.mapping_text.empty()) {
    return Error::InvalidArgument("mapped: no mapping given: use --format mapped --mapping FILE (a TOML or JSON "
                                  "mapping; see docs/formats/mapped.md and the examples in mappings/)");
  }
  auto parsed = mapped::ParseMapping(options.mapping_text, options.mapping_path);
  if (!parsed) return parsed.error();
  const Mapping& mapping = *parsed;
  if (!options.tz.empty()) CASEGRAPH_RETURN_IF_ERROR(ValidateTimeZone(options.tz));

  std::vector<std::string> rels;
  if (source.is_directory) {
    auto chosen = SelectFiles(source, mapping);
    if (!chosen) return chosen.error();
    rels = std::move(*chosen);
  } else {
    rels.push_back("");
  }
  ExportFolder folder(*source.fs, source.is_directory ? source.path : ParentDir(source.path));
  mapped::MappedRun run(mapping, options, sink, diagnostics, folder);
  size_t messages_matched = 0, conversations_matched = 0;
  std::string labels;
  for (const auto& rel : rels) {
    const std::string path = rel.empty() ? source.path : JoinPath(source.path, rel);
    InputFile file;
    file.label = rel.empty() ? BaseName(source.path) : rel;
    file.prefix = rel.empty() ? "" : "/" + mapped::EscapeToken(rel);
    labels += (labels.empty() ? "" : ", ") + file.label;
    auto view = source.fs->Map(path);
    if (!view) return Error::Io("mapped: cannot read " + path + ": " + view.error().message(), Location{file.label, ""});
    file.bytes = (*view)->bytes();
    file.capacity = file.bytes.size() + FileView::kPadding;
    run.BeginFile(file.label, file.label);
    if (mapping.accounts) {
      auto n = mapped::ForEachRecord(file, mapping, mapping.accounts->path,
                                     [&](mapped::Record& r, const std::string& loc) { return run.Account(r, loc); },
                                     diagnostics);
      if (!n) return n.error().WithFile(file.label);
      if (*n == 0) diagnostics.Warn(Location{file.label, ""}, "accounts.path \"" + mapping.accounts->path.text + "\" matched nothing");
    }
    if (mapping.conversations) {
      auto n = mapped::ForEachRecord(file, mapping, mapping.conversations->path,
                                     [&](mapped::Record& r, const std::string& loc) { return run.Conversation(r, loc); },
                                     diagnostics);
      if (!n) return n.error().WithFile(file.label);
      conversations_matched += *n;
      if (*n == 0) {
        diagnostics.Warn(Location{file.label, ""},
                         "conversations.path \"" + mapping.conversations->path.text + "\" matched nothing");
      }
    }
    auto n = mapped::ForEachRecord(file, mapping, mapping.messages.path,
                                   [&](mapped::Record& r, const std::string& loc) { return run.Message(r, loc); },
                                   diagnostics);
    if (!n) return n.error().WithFile(file.label);
    messages_matched += *n;
  }
  // No message at all is an error unless conversations were found (an export of empty chats).
  if (messages_matched == 0 && conversations_matched == 0) {
    return NoMatch(mapping, "messages", mapping.messages.path, labels);
  }
  if (messages_matched == 0) {
    diagnostics.Warn(Location{labels, ""}, "messages.path \"" + mapping.messages.path.text + "\" matched no message");
  }
  ImportSummary summary;
  CASEGRAPH_RETURN_IF_ERROR(run.Finish(summary));
  if (rels.size() == 1) summary.main_file = rels[0].empty() ? BaseName(source.path) : rels[0];
  return summary;
}

}  // namespace casegraph::ingest
