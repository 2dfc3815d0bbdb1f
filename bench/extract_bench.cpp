// Throughput of identifier extraction and search folding (Google Benchmark) over a synthetic chat
// corpus: ~100-byte messages, 30% of them carrying an identifier. Bytes/second is the figure to
// watch: Scan runs on every ingested message, TokenizeFolded inside the FTS5 tokenizer.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include "extract/identifier.h"
#include "extract/text_fold.h"

namespace casegraph::extract {
namespace {

const char* const kWords[] = {"merhaba",   "yarın",    "toplantı",   "saat",   "the",   "meeting",
                              "is",        "moved",    "to",         "Friday", "ok",    "thanks",
                              "görüşürüz", "İstanbul", "please",     "check",  "file",  "done",
                              "akşam",     "14:30",    "2024-01-15", "Ahmet",  "ŞİMDİ", "ışık"};
const char* const kIdentifiers[] = {"phone",
                                    "phone",  // replaced by FakePhone
                                    "https://example.org/docs/item?id=42",
                                    "t.me/example_channel",
                                    "user.name@example.org",
                                    "@some_user",
                                    "@alice:matrix.example.org",
                                    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
                                    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                                    "www.example.com/path"};
const char* const kArabicWords[] = {"أحمد", "كتاب", "مدرسة", "على", "السلام", "عليكم", "كـتـاب"};

// A fictitious Turkish mobile number: from a pool of `pool` numbers, or all distinct if 0.
std::string FakePhone(std::mt19937& rng, size_t pool) {
  uint32_t subscriber = pool == 0 ? rng() % 10000000 : rng() % pool;
  std::string digits = std::to_string(10000000 + subscriber).substr(1);
  return (rng() % 2 == 0 ? "+90 532 " : "0532 ") + digits.substr(0, 3) + " " + digits.substr(3, 2) +
         " " + digits.substr(5, 2);
}

std::vector<std::string> MakeMessages(size_t count, bool arabic, size_t phone_pool = 200) {
  std::mt19937 rng(42);
  std::vector<std::string> messages;
  messages.reserve(count);
  for (size_t m = 0; m < count; ++m) {
    std::string text;
    bool with_identifier = rng() % 10 < 3;
    size_t insert_at = rng() % 60;
    while (text.size() < 100) {
      if (with_identifier && text.size() >= insert_at) {
        size_t pick = rng() % std::size(kIdentifiers);
        text += pick < 2 ? FakePhone(rng, phone_pool) : std::string(kIdentifiers[pick]);
        with_identifier = false;
      } else if (arabic) {
        text += kArabicWords[rng() % std::size(kArabicWords)];
      } else {
        text += kWords[rng() % std::size(kWords)];
      }
      text += rng() % 8 == 0 ? ", " : " ";
    }
    messages.push_back(std::move(text));
  }
  return messages;
}

size_t TotalBytes(const std::vector<std::string>& messages) {
  size_t total = 0;
  for (const auto& m : messages) total += m.size();
  return total;
}

// Arg: size of the pool phone numbers are drawn from (0 = every number distinct, so the per-thread
// cache of libphonenumber results never helps).
void BM_Scan(benchmark::State& state) {
  Extractor extractor{ExtractorOptions{}};
  auto messages = MakeMessages(100000, false, static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    size_t hits = 0;
    for (const auto& m : messages) hits += extractor.Scan(m).size();
    benchmark::DoNotOptimize(hits);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(messages)));
}
BENCHMARK(BM_Scan)->Arg(200)->Arg(0)->Unit(benchmark::kMillisecond);

void BM_TokenizeFolded(benchmark::State& state) {
  auto messages = MakeMessages(100000, state.range(0) != 0);
  for (auto _ : state) {
    size_t bytes = 0;
    for (const auto& m : messages) {
      ForEachFoldedToken(m, [&](std::string_view token, size_t, size_t) { bytes += token.size(); });
    }
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(messages)));
}
BENCHMARK(BM_TokenizeFolded)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

void BM_FoldForSearch(benchmark::State& state) {
  auto messages = MakeMessages(100000, false);
  for (auto _ : state) {
    size_t bytes = 0;
    for (const auto& m : messages) bytes += FoldForSearch(m).size();
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * TotalBytes(messages)));
}
BENCHMARK(BM_FoldForSearch)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace casegraph::extract

BENCHMARK_MAIN();
