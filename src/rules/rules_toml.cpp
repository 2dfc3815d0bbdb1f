#include "rules/rules_toml.h"

#include <toml++/toml.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <type_traits>

#include "rules/lexicon.h"
#include "rules/path_rules.h"

namespace casegraph::rules {
namespace {

// Every problem found, so the one reported is the first in the file whatever order the
// checks ran in (tomlplusplus keeps table keys sorted, not in file order).
class Problems {
 public:
  explicit Problems(const std::string& origin) : origin_(origin) {}
  void Add(const toml::source_region& where, std::string message) {
    list_.push_back({where.begin.line, where.begin.column, std::move(message)});
  }
  bool empty() const { return list_.empty(); }
  Error First() const {
    const auto& p = *std::min_element(list_.begin(), list_.end(), [](const Problem& a, const Problem& b) {
      return std::tie(a.line, a.column, a.message) < std::tie(b.line, b.column, b.message);
    });
    std::string text = origin_ + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + p.message;
    if (list_.size() == 2) text += " (and 1 more problem)";
    if (list_.size() > 2) text += " (and " + std::to_string(list_.size() - 1) + " more problems)";
    return Error::InvalidArgument(text);
  }

 private:
  struct Problem {
    toml::source_index line, column;
    std::string message;
  };
  std::string origin_;
  std::vector<Problem> list_;
};

bool IsBlank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string Place(const toml::source_region& where) {
  return "line " + std::to_string(where.begin.line);
}

// An optional string field; false (with a problem) when present with another type.
void ReadString(const toml::node& value, const char* key, std::string& out, Problems& problems) {
  if (const auto* s = value.as_string()) {
    out = s->get();
  } else {
    problems.Add(value.source(), std::string("'") + key + "' must be a string");
  }
}

void ReadSeverity(const toml::node& value, std::string& out, Problems& problems) {
  ReadString(value, "severity", out, problems);
  if (!value.is_string()) return;
  if (std::find(std::begin(kSeverities), std::end(kSeverities), out) == std::end(kSeverities)) {
    problems.Add(value.source(), "'severity' must be one of info, low, medium, high, critical (not '" + out + "')");
  }
}

// A lexicon's optional `flag`: which indicator its hits feed (kLexiconFlags).
void ReadFlag(const toml::node& value, std::string& out, Problems& problems) {
  ReadString(value, "flag", out, problems);
  if (!value.is_string()) return;
  if (std::find_if(std::begin(kLexiconFlags), std::end(kLexiconFlags), [&](const char* f) { return out == f; }) ==
      std::end(kLexiconFlags)) {
    problems.Add(value.source(), "'flag' must be \"secrecy\" (not '" + out + "')");
  }
}

// A non-empty array of strings, each accepted by `problem_of` ("" = fine).
template <typename ProblemOf>
void ReadStringList(const toml::node& value, const char* key, std::vector<std::string>& out, Problems& problems,
                    ProblemOf problem_of) {
  const auto* array = value.as_array();
  if (array == nullptr) {
    problems.Add(value.source(), std::string("'") + key + "' must be an array of strings");
    return;
  }
  if (array->empty()) problems.Add(value.source(), std::string("'") + key + "' must list at least one entry");
  for (const toml::node& item : *array) {
    const auto* s = item.as_string();
    if (s == nullptr) {
      problems.Add(item.source(), std::string("every entry of '") + key + "' must be a string");
      continue;
    }
    if (std::string why = problem_of(s->get()); !why.empty()) problems.Add(item.source(), why);
    out.push_back(s->get());
  }
}

// One [[path_rule]] or [[lexicon]] table: name, the list (`list_key`), description, severity.
template <typename Rule, typename ProblemOf>
void ReadRule(const toml::table& table, const char* section, const char* list_key, std::vector<std::string> Rule::*list,
              ProblemOf problem_of, std::vector<Rule>& rules, std::map<std::string, std::string>& names,
              Problems& problems) {
  Rule rule;
  bool has_name = false, has_list = false, has_unknown = false;
  for (const auto& [key, value] : table) {
    const std::string_view k = key.str();
    if (k == "name") {
      has_name = true;
      ReadString(value, "name", rule.name, problems);
      if (value.is_string() && IsBlank(rule.name)) problems.Add(value.source(), "'name' must not be empty");
      if (value.is_string() && !IsBlank(rule.name)) {
        auto [it, inserted] = names.emplace(rule.name, Place(value.source()));
        if (!inserted) {
          problems.Add(value.source(), std::string("another [[") + section + "]] is already named '" + rule.name + "' (" +
                                           it->second + ")");
        }
      }
    } else if (k == list_key) {
      has_list = true;
      ReadStringList(value, list_key, rule.*list, problems, problem_of);
    } else if (k == "description") {
      ReadString(value, "description", rule.description, problems);
    } else if (k == "severity") {
      ReadSeverity(value, rule.severity, problems);
    } else if constexpr (std::is_same_v<Rule, Lexicon>) {
      if (k == "flag") {
        ReadFlag(value, rule.flag, problems);
      } else {
        has_unknown = true;
        problems.Add(key.source(), "unknown key '" + std::string(k) + "' in [[" + section + "]] (expected name, " +
                                       list_key + ", description, severity, flag)");
      }
    } else {
      has_unknown = true;
      problems.Add(key.source(), "unknown key '" + std::string(k) + "' in [[" + section + "]] (expected name, " + list_key +
                                     ", description, severity)");
    }
  }
  // A misspelt key ("nmae") is reported as unknown; saying the name is missing too would only
  // put a less useful message first.
  if (!has_name && !has_unknown) problems.Add(table.source(), std::string("[[") + section + "]] needs a name");
  if (!has_list && !has_unknown) problems.Add(table.source(), std::string("[[") + section + "]] needs " + list_key);
  rules.push_back(std::move(rule));
}

template <typename Rule, typename ProblemOf>
void ReadRules(const toml::node& value, const char* section, const char* list_key, std::vector<std::string> Rule::*list,
               ProblemOf problem_of, std::vector<Rule>& rules, Problems& problems) {
  const auto* array = value.as_array();
  if (array == nullptr) {
    problems.Add(value.source(), std::string("'") + section + "' must be written as [[" + section + "]] tables");
    return;
  }
  std::map<std::string, std::string> names;
  for (const toml::node& item : *array) {
    const auto* table = item.as_table();
    if (table == nullptr) {
      problems.Add(item.source(), std::string("'") + section + "' must be written as [[" + section + "]] tables");
      continue;
    }
    ReadRule(*table, section, list_key, list, problem_of, rules, names, problems);
  }
}

void ReadYara(const toml::node& value, RuleDefinitions& defs, Problems& problems) {
  const auto* table = value.as_table();
  if (table == nullptr) {
    problems.Add(value.source(), "'yara' must be a table: [yara] with files = [...]");
    return;
  }
  YaraSection yara;
  bool has_files = false;
  for (const auto& [key, item] : *table) {
    const std::string_view k = key.str();
    if (k == "files") {
      has_files = true;
      std::map<std::string, bool> seen;
      ReadStringList(item, "files", yara.files, problems, [&](const std::string& file) -> std::string {
        if (IsBlank(file)) return "a YARA file name must not be empty";
        if (!seen.emplace(file, true).second) return "YARA file '" + file + "' is listed twice";
        return "";
      });
    } else if (k == "timeout_seconds") {
      const auto* n = item.as_integer();
      if (n == nullptr || n->get() < 1 || n->get() > 3600) {
        problems.Add(item.source(), "'timeout_seconds' must be an integer from 1 to 3600");
      } else {
        yara.timeout_seconds = static_cast<int>(n->get());
      }
    } else {
      problems.Add(key.source(), "unknown key '" + std::string(k) + "' in [yara] (expected files, timeout_seconds)");
    }
  }
  if (!has_files) problems.Add(table->source(), "[yara] needs files = [\"...\"]");
  defs.yara = std::move(yara);
}

}  // namespace

Result<RuleDefinitions> ParseRulesToml(std::string_view text, const std::string& origin) {
  toml::table root;
  // tomlplusplus reports syntax errors by exception: caught here, at the library's edge.
  try {
    root = toml::parse(text, origin);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    return Error::InvalidArgument(origin + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.column) +
                                  ": invalid TOML: " + std::string(e.description()));
  }
  RuleDefinitions defs;
  Problems problems(origin);
  for (const auto& [key, value] : root) {
    const std::string_view k = key.str();
    if (k == "path_rule") {
      ReadRules(value, "path_rule", "patterns", &PathRule::patterns,
                [](const std::string& p) { return PathPatternProblem(p); }, defs.path_rules, problems);
    } else if (k == "lexicon") {
      ReadRules(value, "lexicon", "terms", &Lexicon::terms, [](const std::string& t) { return LexiconTermProblem(t); },
                defs.lexicons, problems);
    } else if (k == "yara") {
      ReadYara(value, defs, problems);
    } else {
      problems.Add(key.source(), "unknown key '" + std::string(k) + "' (expected [[path_rule]], [[lexicon]] or [yara])");
    }
  }
  if (!problems.empty()) return problems.First();
  if (defs.path_rules.empty() && defs.lexicons.empty() && !defs.yara) {
    return Error::InvalidArgument(origin + ": the rules file defines no rules (expected [[path_rule]], [[lexicon]] or [yara])");
  }
  return defs;
}

}  // namespace casegraph::rules
