#include "ingest/registry.h"

#include <algorithm>

#include "ingest/telegram_json.h"

namespace casegraph::ingest {

const std::vector<std::unique_ptr<Importer>>& Importers() {
  static const std::vector<std::unique_ptr<Importer>> list = [] {
    std::vector<std::unique_ptr<Importer>> v;
    v.push_back(std::make_unique<TelegramJsonImporter>());
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

Result<Probe> MakeProbe(const FileSystem& fs, const std::string& path) {
  auto st = fs.Stat(path);
  if (!st) return st.error();
  Probe probe;
  probe.path = path;
  probe.is_directory = st->is_directory;
  std::string head_file = path;
  if (st->is_directory) {
    auto names = fs.List(path);
    if (!names) return names.error();
    probe.top_names = *names;
    // The main document of an export folder: the first JSON or text file at top level.
    head_file.clear();
    for (const auto& n : probe.top_names) {
      if (n == "result.json") head_file = JoinPath(path, n);
    }
    if (head_file.empty()) return probe;
  }
  auto view = fs.Map(head_file);
  if (!view) return view.error();
  std::string_view bytes = (*view)->bytes();
  probe.head.assign(bytes.substr(0, std::min(bytes.size(), Probe::kHeadBytes)));
  return probe;
}

Result<const Importer*> ChooseImporter(const Probe& probe) {
  struct Candidate {
    const Importer* importer;
    SniffResult sniff;
  };
  std::vector<Candidate> candidates;
  for (const auto& imp : Importers()) candidates.push_back({imp.get(), imp->Sniff(probe)});
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.sniff.confidence > b.sniff.confidence; });
  const double best = candidates.empty() ? 0 : candidates[0].sniff.confidence;
  const double second = candidates.size() > 1 ? candidates[1].sniff.confidence : 0;
  if (best >= 0.5 && best - second >= 0.2) return candidates[0].importer;
  std::string msg = best < 0.5 ? "no importer recognises this exhibit" : "more than one importer fits this exhibit";
  msg += "; candidates:";
  for (const auto& c : candidates) {
    char score[16];
    std::snprintf(score, sizeof score, "%.2f", c.sniff.confidence);
    msg += "\n  " + c.importer->Describe().name + " (" + score + "): " + c.sniff.reason;
  }
  msg += "\nchoose one with --format NAME";
  return Error::Unsupported(msg, Location{probe.path, ""});
}

}  // namespace casegraph::ingest
