// An examiner's rules file, loaded and ready to match: path rules over every component of a
// file's path, lexicons over message and document text (both folded like search, on word
// boundaries), and YARA rules over file content. Format and semantics: docs/rules.md.
// Load once per command; a RuleSet is immutable and its Match* methods are thread-safe.
// Copies share the compiled YARA rules.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/file_system.h"
#include "base/result.h"
#include "rules/lexicon.h"
#include "rules/path_rules.h"
#include "rules/rule_definitions.h"
#include "rules/rule_hit.h"
#include "rules/yara_rules.h"

namespace casegraph::rules {

class RuleSet {
 public:
  // Reads `path` and the YARA files it lists (relative to the rules file's folder, or
  // absolute). Errors name the file and line:column (TOML) or the YARA file and line.
  static Result<RuleSet> Load(const FileSystem& fs, const std::string& path);
  // `origin` names the file in errors; YARA files are read through `fs` from `base_dir`.
  // With `fs` null the [yara] section is checked but its files are not read (has_yara() false).
  static Result<RuleSet> Parse(std::string_view toml, const std::string& origin, const std::string& base_dir,
                               const FileSystem* fs);

  std::vector<RuleHit> MatchPath(std::string_view path) const;  // every path component
  std::vector<RuleHit> MatchText(std::string_view text) const;  // lexicon terms
  // YARA over a file's content (empty when there are no YARA rules); hits sorted by
  // (file, rule). An error when the scan fails or times out.
  Result<std::vector<RuleHit>> MatchContent(std::string_view bytes) const;

  // The `flag` of the lexicon a hit came from ("" for other rules and unflagged lexicons),
  // stored with the hit so that indicators can tell which lexicon fed them.
  std::string FlagOf(const RuleHit& hit) const;

  bool has_yara() const { return yara_ != nullptr; }
  bool has_lexicons() const { return !lexicons_.empty(); }
  bool has_path_rules() const { return !paths_.empty(); }
  // SHA-256 of what the rules are made of, recorded on every hit: without YARA files, of the
  // rules file itself (as `sha256sum` prints it); with them, of a manifest listing each
  // source's SHA-256 ("<sha256>  rules.toml\n<sha256>  example.yar\n", in listed order).
  const std::string& sha256() const { return sha256_; }
  const RuleDefinitions& definitions() const { return defs_; }

 private:
  RuleDefinitions defs_;
  PathMatcher paths_;
  LexiconMatcher lexicons_;
  std::shared_ptr<const YaraRules> yara_;
  std::string sha256_;
};

}  // namespace casegraph::rules
