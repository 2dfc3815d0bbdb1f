// The examiner's reference material that comes with a scenario (reference/): the unit's list of
// known files (sha256sum format: every file an operative sends, whichever writer wrote it) and
// a rules file whose secrecy lexicon finds the operatives' planted requests for secrecy. Both
// hold neutral placeholders only: synthetic bytes and everyday phrases.
#include <set>

#include "hashing/digest.h"
#include "synth/json_output.h"
#include "synth/scenario.h"
#include "synth/scenario_write_common.h"

namespace casegraph::synth {
namespace {

constexpr const char* kRules = R"toml(# The examiner's rules for the synthetic scenario: neutral placeholder terms only.
# Format: docs/rules.md. `casegraph demo` ingests every exhibit with this file.

[[lexicon]]
name = "secrecy"
description = "requests for secrecy or deletion"
terms = ["tell no one", "kimseye söyleme", "delete this", "bunu sil", "aramızda kalsın"]

[[lexicon]]
name = "move to another app"
description = "asks to continue the conversation elsewhere"
terms = ["üzerinden yazalım", "write to me on"]
)toml";

}  // namespace

Result<ReferenceFiles> WriteReferenceFiles(const Scenario& s, const std::string& out_dir) {
  std::set<std::pair<std::string, std::string>> known;  // (sha256, name)
  known.insert({hashing::Sha256Hex(SyntheticPhotoBytes()), "synthetic-photo.jpg"});
  for (const SynthExhibit& e : s.exhibits) {
    for (const SynthConversation& c : e.conversations) {
      for (const SynthMessage& m : c.planted) {
        if (m.kind != SynthMessage::Kind::kFile || m.sender < 0) continue;
        if (s.accounts[static_cast<size_t>(m.sender)].role != Role::kOperative) continue;
        known.insert({hashing::Sha256Hex(PlaceholderFileBytes(m.file_name)), m.file_name});
      }
    }
  }
  std::string list = "# Synthetic reference list of known files (placeholder bytes), sha256sum format.\n";
  for (const auto& [sha, name] : known) list += sha + "  " + name + "\n";
  ReferenceFiles files{"reference/known-bad.sha256", "reference/rules.toml"};
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(out_dir + "/reference"));
  CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(out_dir + "/" + files.known_bad, list));
  CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(out_dir + "/" + files.rules, kRules));
  return files;
}

}  // namespace casegraph::synth
