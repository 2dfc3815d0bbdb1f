#include "rules/rules_file.h"

#include "hashing/digest.h"
#include "rules/rules_toml.h"

namespace casegraph::rules {

Result<RuleSet> RuleSet::Load(const FileSystem& fs, const std::string& path) {
  auto text = ReadWholeFile(fs, path);
  if (!text) return Error(text.error().kind(), "cannot read rules file " + path + ": " + text.error().message());
  return Parse(*text, path, ParentDir(path), &fs);
}

Result<RuleSet> RuleSet::Parse(std::string_view toml, const std::string& origin, const std::string& base_dir,
                               const FileSystem* fs) {
  auto defs = ParseRulesToml(toml, origin);
  if (!defs) return defs.error();
  RuleSet set;
  set.defs_ = std::move(*defs);
  set.paths_ = PathMatcher(set.defs_.path_rules);
  set.lexicons_ = LexiconMatcher(set.defs_.lexicons);
  set.sha256_ = hashing::Sha256Hex(toml);
  if (fs == nullptr || !set.defs_.yara) return set;

  std::vector<YaraRules::Source> sources;
  std::string manifest = set.sha256_ + "  " + BaseName(origin) + "\n";
  for (const std::string& file : set.defs_.yara->files) {
    const std::string path = file.front() == '/' ? file : JoinPath(base_dir, file);
    auto text = ReadWholeFile(*fs, path);
    if (!text) {
      return Error(text.error().kind(), origin + ": cannot read YARA file " + path + " listed in [yara] files: " +
                                            text.error().message());
    }
    manifest += hashing::Sha256Hex(*text) + "  " + file + "\n";
    sources.push_back(YaraRules::Source{file, path, std::move(*text)});
  }
  auto compiled = YaraRules::Compile(sources);
  if (!compiled) return compiled.error();
  set.yara_ = std::move(*compiled);
  set.sha256_ = hashing::Sha256Hex(manifest);
  return set;
}

std::vector<RuleHit> RuleSet::MatchPath(std::string_view path) const { return paths_.Match(path); }

std::vector<RuleHit> RuleSet::MatchText(std::string_view text) const { return lexicons_.Match(text); }

std::string RuleSet::FlagOf(const RuleHit& hit) const {
  if (hit.rule_kind != "lexicon") return "";
  for (const Lexicon& lexicon : defs_.lexicons) {
    if (lexicon.name == hit.rule_name) return lexicon.flag;  // names are unique among lexicons
  }
  return "";
}

Result<std::vector<RuleHit>> RuleSet::MatchContent(std::string_view bytes) const {
  std::vector<RuleHit> hits;
  if (!yara_) return hits;
  auto matches = yara_->Scan(bytes, defs_.yara->timeout_seconds);
  if (!matches) return matches.error();
  for (auto& m : *matches) hits.push_back(RuleHit{"yara", std::move(m.file), std::move(m.rule), 0, 0});
  return hits;
}

}  // namespace casegraph::rules
