// Placeholders for the writers another branch (i4-synth-writers) provides; deleted at merge.
#include "synth/scenario.h"

namespace casegraph::synth {
namespace {

Result<uint64_t> NotYet(const SynthExhibit& e) {
  return Error::Unsupported("scenario writer for " + e.format + " not yet written (exhibit " + e.case_code + "/" +
                            e.label + ")");
}

}  // namespace

Result<uint64_t> WriteTelegramHtmlExhibit(const Scenario&, SynthExhibit& e, const ScenarioOptions&) { return NotYet(e); }
Result<uint64_t> WriteElementExhibit(const Scenario&, SynthExhibit& e, const ScenarioOptions&) { return NotYet(e); }
Result<uint64_t> WriteRocketChatExhibit(const Scenario&, SynthExhibit& e, const ScenarioOptions&) { return NotYet(e); }
Result<uint64_t> WriteDiscordExhibit(const Scenario&, SynthExhibit& e, const ScenarioOptions&) { return NotYet(e); }

}  // namespace casegraph::synth
