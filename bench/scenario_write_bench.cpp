// Throughput of the scenario writers for telegram-html, element-json, rocketchat-mongo and
// discord-json (reported, never asserted): one exhibit per format holding one conversation of
// N messages (default 1,000,000) of neutral chatter, written to DIR; prints messages/s and
// CPU time per format (the machine may be shared). The messages are built before the clock starts (they are planted messages,
// so this measures the writers, not filler generation).
// Each format is written --repeat times (default 3) and the fastest run reported.
//   scenario_write_bench [--messages N] [--out DIR] [--format NAME] [--repeat R]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "synth/scenario.h"
#include "synth/synth_random.h"
#include "synth/synth_text.h"

using namespace casegraph::synth;

namespace {

// User + system CPU seconds of this process: on a shared machine, wall time overstates.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

uint64_t FolderBytes(const std::string& dir) {
  uint64_t total = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) total += entry.file_size();
  }
  return total;
}

struct Format {
  const char* name;
  Platform platform;
  casegraph::Result<uint64_t> (*write)(const Scenario&, SynthExhibit&, const ScenarioOptions&);
  const char* uids[2];
};

}  // namespace

int main(int argc, char** argv) {
  uint64_t messages = 1000000;
  std::string out = "/tmp/scenario-write-bench";
  std::string only;
  int repeat = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--messages") messages = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--out") out = argv[i + 1];
    if (flag == "--format") only = argv[i + 1];
    if (flag == "--repeat") repeat = std::max(1, std::atoi(argv[i + 1]));
  }
  const Format formats[] = {
      {"telegram-html", Platform::kTelegram, WriteTelegramHtmlExhibit, {"5012345601", "5012345602"}},
      {"element-json", Platform::kElement, WriteElementExhibit, {"@a:matrix.example", "@b:matrix.example"}},
      {"rocketchat-mongo", Platform::kRocketChat, WriteRocketChatExhibit, {"ZkQ3mWx8Ln2Pb7TaR", "aB4cD5eF6gH7jK8mN"}},
      {"discord-json", Platform::kDiscord, WriteDiscordExhibit, {"845123456789012345", "912345678901234567"}},
  };
  Rng rng(42);
  std::vector<SynthMessage> chatter;
  chatter.reserve(messages);
  int64_t at = 1735700000;
  for (uint64_t i = 0; i < messages; ++i) {
    SynthMessage m;
    at += 1 + static_cast<int64_t>(rng.Below(120));
    m.at_utc = at;
    m.sender = static_cast<int>(rng.Below(2));
    AppendChatter(rng, static_cast<int>(rng.Between(3, 12)), &m.text);
    chatter.push_back(std::move(m));
  }
  std::printf("%-17s %10s %8s %10s %8s %12s %7s\n", "format", "messages", "wall s", "msgs/s", "cpu s", "msgs/cpu-s",
              "MB");
  for (const Format& f : formats) {
    if (!only.empty() && only != f.name) continue;
    Scenario s;
    for (int i = 0; i < 2; ++i) {
      SynthAccount a;
      a.person = i == 0 ? "subject" : "friend";
      a.platform = f.platform;
      a.uid = f.uids[i];
      a.display_name = i == 0 ? "Deniz Kaya" : "Elif Demir";
      a.username = i == 0 ? "deniz_k" : "elif_d";
      s.accounts.push_back(a);
    }
    SynthExhibit e;
    e.case_code = "C001";
    e.label = std::string("bench-") + f.name;
    e.format = f.name;
    e.tz = "Europe/Istanbul";
    e.owner = 0;
    SynthConversation c;
    c.id = "bench-chat";
    c.kind = ConversationKind::kGroup;
    c.title = "Bench group";
    c.members = {0, 1};
    c.planted = chatter;
    e.conversations.push_back(std::move(c));
    s.exhibits.push_back(std::move(e));
    ScenarioOptions o;
    o.out_dir = out;
    double best_wall = 1e300, best_cpu = 1e300;
    uint64_t written = 0;
    for (int run = 0; run < repeat; ++run) {
      std::filesystem::remove_all(out + "/C001/" + s.exhibits[0].label);
      const auto start = std::chrono::steady_clock::now();
      const double cpu_start = CpuSeconds();
      auto n = f.write(s, s.exhibits[0], o);
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const double cpu = CpuSeconds() - cpu_start;
      if (!n.ok()) {
        std::fprintf(stderr, "%s: %s\n", f.name, n.error().ToString().c_str());
        return 1;
      }
      written = *n;
      best_wall = std::min(best_wall, seconds);
      best_cpu = std::min(best_cpu, cpu);
    }
    const double mb = static_cast<double>(FolderBytes(out + "/" + s.exhibits[0].rel_path)) / 1e6;
    std::printf("%-17s %10llu %8.2f %10.0f %8.2f %12.0f %7.0f\n", f.name, static_cast<unsigned long long>(written),
                best_wall, static_cast<double>(written) / best_wall, best_cpu, static_cast<double>(written) / best_cpu,
                mb);
  }
  return 0;
}
