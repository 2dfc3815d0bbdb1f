// Fuzz target for examiner rules files: RuleSet::Parse over arbitrary bytes (no FileSystem, so
// listed YARA files are never read), then path and lexicon matching of the same bytes, both with
// the rules just parsed and with a fixed rule set (so the matchers are fuzzed even when the
// bytes are not valid TOML). Traps if a hit's span is out of bounds or reversed.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/rules_file.h"

namespace {

constexpr const char* kFixedRules = R"(
[[path_rule]]
name = "attack tactics folder"
patterns = ["attack tactics", "saldırı taktikleri", "*.d?cx", "kılavuz*", "a*b*c"]

[[lexicon]]
name = "secrecy"
terms = ["tell no one", "kimseye söyleme", "delete this", "delete", "لا تخبر أحدا"]
)";

void CheckSpans(const std::vector<casegraph::rules::RuleHit>& hits, size_t size) {
  for (const auto& hit : hits) {
    if (hit.start > hit.end || hit.end > size || hit.matched.empty() || hit.rule_name.empty()) __builtin_trap();
  }
}

void MatchBoth(const casegraph::rules::RuleSet& rules, std::string_view bytes) {
  CheckSpans(rules.MatchPath(bytes), bytes.size());
  const auto text_hits = rules.MatchText(bytes);
  CheckSpans(text_hits, bytes.size());
  for (const auto& hit : text_hits) (void)casegraph::rules::Excerpt(bytes, hit.start, hit.end);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const casegraph::rules::RuleSet fixed = *casegraph::rules::RuleSet::Parse(kFixedRules, "fixed.toml", "/", nullptr);
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto parsed = casegraph::rules::RuleSet::Parse(bytes, "fuzz.toml", "/", nullptr);
  if (parsed) {
    if (parsed->has_yara()) __builtin_trap();  // no FileSystem: YARA files must not be loaded
    MatchBoth(*parsed, bytes);
  } else if (parsed.error().message().rfind("fuzz.toml:", 0) != 0) {
    __builtin_trap();  // every error names the file
  }
  MatchBoth(fixed, bytes);
  return 0;
}
