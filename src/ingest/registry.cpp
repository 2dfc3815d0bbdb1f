#include "ingest/registry.h"

#include <algorithm>

#include "ingest/discord_json.h"
#include "ingest/element_json.h"
#include "ingest/mapped_importer.h"
#include "ingest/rocketchat_mongo.h"
#include "ingest/rocketchat_rest.h"
#include "ingest/signal_export.h"
#include "ingest/telegram_html.h"
#include "ingest/telegram_json.h"
#include "ingest/whatsapp_txt.h"

namespace casegraph::ingest {

const std::vector<std::unique_ptr<Importer>>& Importers() {
  static const std::vector<std::unique_ptr<Importer>> list = [] {
    std::vector<std::unique_ptr<Importer>> v;
    v.push_back(std::make_unique<TelegramJsonImporter>());
    v.push_back(std::make_unique<SignalExportImporter>());
    v.push_back(std::make_unique<TelegramHtmlImporter>());
    v.push_back(std::make_unique<RocketChatMongoImporter>());
    v.push_back(std::make_unique<RocketChatRestImporter>());
    v.push_back(std::make_unique<DiscordJsonImporter>());
    v.push_back(std::make_unique<ElementJsonImporter>());
    v.push_back(std::make_unique<MappedImporter>());  // never sniffed: --format mapped --mapping FILE
    v.push_back(std::make_unique<WhatsAppTxtImporter>());
    return v;
  }();
  return list;
}

const Importer* FindImporter(const std::string& name) {
  for (const auto& imp : Importers()) {
    if (imp->Describe().name == name) return imp.get();
  }
  return nullptr;
}

namespace {

std::string HeadOf(const FileSystem& fs, const std::string& path, Status* status) {
  auto view = fs.Map(path);
  if (!view) {
    *status = view.error();
    return {};
  }
  std::string_view bytes = (*view)->bytes();
  return std::string(bytes.substr(0, std::min(bytes.size(), Probe::kHeadBytes)));
}

std::string FormatScore(double score) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", score);
  return text;
}

struct Candidate {
  const Importer* importer;
  SniffResult sniff;
};

std::vector<Candidate> Ranked(const Probe& probe) {
  std::vector<Candidate> candidates;
  for (const auto& imp : Importers()) candidates.push_back({imp.get(), imp->Sniff(probe)});
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.sniff.confidence > b.sniff.confidence; });
  return candidates;
}

// For a folder no importer claims as a whole: the top-level files that are exports on their own.
std::vector<std::string> ExportsInside(const Probe& folder) {
  std::vector<std::string> found;
  for (const auto& f : folder.files) {
    Probe one;
    one.path = JoinPath(folder.path, f.name);
    one.head = f.head;
    auto ranked = Ranked(one);
    if (!ranked.empty() && ranked[0].sniff.confidence >= 0.5) {
      found.push_back(f.name + " (" + ranked[0].importer->Describe().name + ")");
    }
  }
  return found;
}

}  // namespace

Result<Probe> MakeProbe(const Source& source) {
  const FileSystem& fs = *source.fs;
  Probe probe;
  probe.path = source.path;
  probe.is_directory = source.is_directory;
  probe.in_zip = source.in_zip;
  Status status;
  if (!source.is_directory) {
    probe.head = HeadOf(fs, source.path, &status);
    if (!status) return status.error();
    return probe;
  }
  auto names = fs.List(source.path);
  if (!names) return names.error();
  probe.top_names = *names;
  for (const auto& name : probe.top_names) {
    if (probe.files.size() >= Probe::kMaxFiles) break;
    const std::string child = JoinPath(source.path, name);
    auto st = fs.Stat(child);
    if (!st || st->is_directory || st->is_symlink) continue;
    std::string head = HeadOf(fs, child, &status);
    if (!status) return status.error();
    if (name == "result.json") probe.head = head;
    probe.files.push_back({name, std::move(head)});
  }
  return probe;
}

Result<Probe> MakeProbe(const FileSystem& fs, const std::string& path) {
  auto st = fs.Stat(path);
  if (!st) return st.error();
  return MakeProbe(Source{&fs, path, st->is_directory, false});
}

Result<const Importer*> ChooseImporter(const Probe& probe) {
  std::vector<Candidate> candidates = Ranked(probe);
  const double best = candidates.empty() ? 0 : candidates[0].sniff.confidence;
  const double second = candidates.size() > 1 ? candidates[1].sniff.confidence : 0;
  if (best >= 0.5 && best - second >= 0.2) return candidates[0].importer;
  if (probe.is_directory && best < 0.5) {
    std::vector<std::string> inside = ExportsInside(probe);
    if (!inside.empty()) {
      std::string msg = inside.size() == 1 ? "this folder is not an export folder, but it holds an export:"
                                           : "this folder holds " + std::to_string(inside.size()) + " exports:";
      for (const auto& e : inside) msg += "\n  " + e;
      msg += "\ningest each file as its own exhibit";
      return Error::Unsupported(msg, Location{probe.path, ""});
    }
  }
  std::string msg = best < 0.5 ? "no importer recognises this exhibit" : "more than one importer fits this exhibit";
  msg += "; candidates:";
  for (const auto& c : candidates) {
    msg += "\n  " + c.importer->Describe().name + " (" + FormatScore(c.sniff.confidence) + "): " + c.sniff.reason;
  }
  msg += "\nchoose one with --format NAME";
  return Error::Unsupported(msg, Location{probe.path, ""});
}

}  // namespace casegraph::ingest
