// Search latency over an existing workspace: 1,000 queries (single words, two-word phrases and
// prefixes drawn deterministically from the indexed text itself), each timed end to end through
// store::Search with the CLI's default limit. Prints median and p99.
// Usage: search_latency WORKSPACE.db [QUERIES]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "store/queries.h"

using namespace casegraph;

namespace {

std::vector<std::string> SampleWords(store::Workspace& ws, size_t want) {
  std::vector<std::string> words;
  auto stmt = ws.db().Prepare("SELECT text FROM messages WHERE id % 997 = 0 LIMIT 5000");
  if (!stmt) return words;
  while (*stmt->Step()) {
    std::string text = stmt->Text(0);
    size_t start = 0;
    while (start < text.size()) {
      size_t end = text.find(' ', start);
      if (end == std::string::npos) end = text.size();
      std::string w = text.substr(start, end - start);
      bool plain = w.size() >= 3 && w.find_first_of("\"*:@/.+()#") == std::string::npos;
      if (plain) words.push_back(w);
      start = end + 1;
    }
  }
  std::mt19937_64 rng(42);
  std::shuffle(words.begin(), words.end(), rng);
  if (words.size() > want) words.resize(want);
  return words;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: search_latency WORKSPACE.db [QUERIES]\n");
    return 2;
  }
  const int n = argc > 2 ? std::atoi(argv[2]) : 1000;
  auto ws = store::Workspace::Open(argv[1], false);
  if (!ws) {
    std::fprintf(stderr, "%s\n", ws.error().ToString().c_str());
    return 1;
  }
  std::vector<std::string> words = SampleWords(**ws, static_cast<size_t>(n) * 2);
  if (words.size() < 2) {
    std::fprintf(stderr, "workspace has too little text\n");
    return 1;
  }
  std::vector<double> ms, by_kind[3];
  const char* kind_names[3] = {"word", "phrase", "prefix (3 letters)"};
  int64_t hits = 0;
  for (int i = 0; i < n; ++i) {
    const std::string& a = words[static_cast<size_t>(i) % words.size()];
    const std::string& b = words[static_cast<size_t>(i * 7 + 3) % words.size()];
    std::string q = i % 3 == 0 ? a : i % 3 == 1 ? "\"" + a + " " + b + "\"" : a.substr(0, 3) + "*";
    auto t0 = std::chrono::steady_clock::now();
    auto r = store::Search(**ws, q, "", 20);
    auto t1 = std::chrono::steady_clock::now();
    if (r) hits += r->total;
    ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    by_kind[i % 3].push_back(ms.back());
  }
  for (int k = 0; k < 3; ++k) {
    auto& v = by_kind[k];
    std::sort(v.begin(), v.end());
    std::printf("  %-20s median %.2f ms, p99 %.2f ms\n", kind_names[k], v[v.size() / 2], v[v.size() * 99 / 100]);
  }
  std::sort(ms.begin(), ms.end());
  std::printf("search latency over %d queries: median %.2f ms, p99 %.2f ms, max %.2f ms (%lld hits in all)\n", n,
              ms[ms.size() / 2], ms[ms.size() * 99 / 100], ms.back(), static_cast<long long>(hits));
  return 0;
}
