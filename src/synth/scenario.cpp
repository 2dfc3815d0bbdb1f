// WriteScenario (see scenario.h): plans the scenario, writes every exhibit with its format's
// writer (exhibits in parallel: each depends only on the plan, so the bytes do not depend on
// the thread count), then ground-truth.json from what was written.
#include <algorithm>
#include <atomic>
#include <thread>

#include "synth/json_output.h"
#include "synth/scenario.h"
#include "synth/scenario_truth.h"

namespace casegraph::synth {

Result<uint64_t> WriteExhibit(const Scenario& s, SynthExhibit& e, const ScenarioOptions& o) {
  if (e.format == "telegram-json") return WriteTelegramJsonExhibit(s, e, o);
  if (e.format == "telegram-html") return WriteTelegramHtmlExhibit(s, e, o);
  if (e.format == "element-json") return WriteElementExhibit(s, e, o);
  if (e.format == "rocketchat-mongo") return WriteRocketChatExhibit(s, e, o);
  if (e.format == "whatsapp-txt") return WriteWhatsAppExhibit(s, e, o);
  if (e.format == "discord-json") return WriteDiscordExhibit(s, e, o);
  return Error::InvalidArgument("no scenario writer for format '" + e.format + "'");
}

Result<ScenarioSummary> WriteScenario(const ScenarioOptions& options) {
  if (options.out_dir.empty()) return Error::InvalidArgument("no output folder given (--out)");
  auto planned = PlanScenario(options);
  if (!planned) return planned.error();
  Scenario& s = *planned;
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(options.out_dir));

  const size_t n = s.exhibits.size();
  std::vector<uint64_t> written(n, 0);
  std::vector<Status> status(n);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < n; i = next++) {
      auto r = WriteExhibit(s, s.exhibits[i], options);
      if (r) {
        written[i] = *r;
      } else {
        status[i] = r.error();
      }
    }
  };
  const unsigned hardware = std::max(1u, std::thread::hardware_concurrency());
  const size_t threads = std::min<size_t>(n, options.threads > 0 ? static_cast<size_t>(options.threads) : hardware);
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();
  for (const Status& st : status) CASEGRAPH_RETURN_IF_ERROR(st);

  auto reference = WriteReferenceFiles(s, options.out_dir);
  if (!reference) return reference.error();
  GroundTruth truth = BuildGroundTruth(s, written);
  truth.known_bad_list = reference->known_bad;
  truth.rules_file = reference->rules;
  ScenarioSummary summary;
  summary.folder = options.out_dir;
  summary.truth_file = options.out_dir + "/ground-truth.json";
  CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(summary.truth_file, GroundTruthJson(truth)));
  summary.messages = truth.messages;
  summary.exhibits = n;
  summary.cases = s.cases.size();
  summary.accounts = s.accounts.size();
  return summary;
}

}  // namespace casegraph::synth
