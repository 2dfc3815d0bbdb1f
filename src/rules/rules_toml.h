// Reads an examiner's rules file (TOML, parsed with tomlplusplus) into RuleDefinitions and
// checks it: only known keys, the right types, no empty names, patterns or terms, no rule name
// used twice. The shape is documented in docs/rules.md. Errors name the file, line and column
// of the first problem in the file, compiler style: "rules.toml:7:1: unknown key 'nmae' ...".
// Pure; does not read the YARA files it lists.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "rules/rule_definitions.h"

namespace casegraph::rules {

// `origin` names the file in error messages.
Result<RuleDefinitions> ParseRulesToml(std::string_view toml, const std::string& origin);

}  // namespace casegraph::rules
