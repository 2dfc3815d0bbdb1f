// PlanScenario (see scenario.h): the cases with their people and devices
// (scenario_plan_cases.cpp), the operatives and their story (scenario_plan_operatives.cpp),
// then the subjects' birth dates, the optional format restriction, and the message budget:
// what the planted lines leave of --messages is split over the conversations as filler.
#include <algorithm>
#include <cstdio>
#include <set>

#include "synth/scenario_plan_internal.h"
#include "synth/synth_clock.h"

namespace casegraph::synth {
namespace {

const std::set<std::string>& KnownFormats() {
  static const std::set<std::string> formats = {"telegram-json", "telegram-html", "element-json",
                                                "rocketchat-mongo", "whatsapp-txt",  "discord-json"};
  return formats;
}

// A birth date that makes the subject 13-16 years old during the story (2025).
std::string BirthDate(Rng& rng) {
  char born[16];
  std::snprintf(born, sizeof born, "%04d-%02d-%02d", static_cast<int>(rng.Between(2009, 2011)),
                static_cast<int>(rng.Between(1, 12)), static_cast<int>(rng.Between(1, 28)));
  return born;
}

double Weight(const SynthConversation& c, Rng& rng) {
  const double base = c.kind == ConversationKind::kChannel ? 1.0 : c.kind == ConversationKind::kGroup ? 4.0 : 3.0;
  return base * (0.5 + static_cast<double>(rng.Below(100)) / 100.0);
}

Status CheckInvariants(const Scenario& s) {
  for (const SynthExhibit& e : s.exhibits) {
    for (const SynthConversation& c : e.conversations) {
      const auto where = [&] { return e.case_code + "/" + e.label + " conversation " + c.id; };
      if (c.planted.empty() || c.planted.front().at_utc >= c.filler_from || c.filler_from >= c.filler_to) {
        return Error::Internal("scenario plan: filler does not follow the opening in " + where());
      }
      if (c.planted.back().at_utc > s.story_to) return Error::Internal("scenario plan: planted after the story in " + where());
    }
  }
  return Ok();
}

}  // namespace

Result<Scenario> PlanScenario(const ScenarioOptions& options) {
  if (options.cases < 1 || options.cases > 999) {
    return Error::InvalidArgument("--cases must be between 1 and 999, not " + std::to_string(options.cases));
  }
  for (const auto& f : options.formats) {
    if (KnownFormats().count(f) == 0) return Error::InvalidArgument("unknown scenario format '" + f + "'");
  }
  Scenario s;
  s.seed = options.seed;
  s.story_from = FromCivilUtc(2025, 1, 6, 0, 0, 0);
  s.story_to = FromCivilUtc(2025, 6, 28, 0, 0, 0);
  plan::World w(&s, options.seed);
  std::vector<plan::CasePlan> cases = plan::PlanCases(w, options.cases);
  plan::PlanOperatives(w, cases);
  plan::PlanStrangers(w, cases);

  for (plan::CasePlan& c : cases) {
    SynthCase sc;
    sc.code = c.code;
    sc.title = "Synthetic case " + std::to_string(c.index + 1);
    sc.subjects.push_back(SynthSubject{c.subject, BirthDate(w.rng()), "victim"});
    s.cases.push_back(std::move(sc));
    for (SynthExhibit& e : c.exhibits) {
      if (!options.formats.empty() &&
          std::find(options.formats.begin(), options.formats.end(), e.format) == options.formats.end()) {
        continue;
      }
      for (SynthConversation& conv : e.conversations) {
        std::stable_sort(conv.planted.begin(), conv.planted.end(),
                         [](const SynthMessage& a, const SynthMessage& b) { return a.at_utc < b.at_utc; });
        conv.filler_to = s.story_to;
      }
      s.exhibits.push_back(std::move(e));
    }
  }

  // The budget: planted lines and each WhatsApp export's opening notice count; the rest is filler.
  uint64_t fixed = 0;
  std::vector<SynthConversation*> all;
  std::vector<double> weights;
  for (SynthExhibit& e : s.exhibits) {
    if (e.format == "whatsapp-txt") ++fixed;
    for (SynthConversation& c : e.conversations) {
      fixed += c.planted.size();
      if (c.quiet) continue;
      all.push_back(&c);
      weights.push_back(Weight(c, w.rng()));
    }
  }
  if (!all.empty()) {
    const uint64_t filler = options.messages > fixed ? options.messages - fixed : 0;
    const std::vector<uint64_t> shares = SplitByWeights(filler, weights);
    for (size_t i = 0; i < all.size(); ++i) all[i]->filler = shares[i];
  }
  CASEGRAPH_RETURN_IF_ERROR(CheckInvariants(s));
  return s;
}

}  // namespace casegraph::synth
