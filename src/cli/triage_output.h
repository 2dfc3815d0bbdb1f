// How triage answers are printed, shared by `scan` and `matches`: a hash-set match of a file
// or attachment and a rules-file hit, as JSON objects and as one text line each.
#pragma once

#include "cli/json_writer.h"
#include "store/rule_hits.h"
#include "store/scan_query.h"

namespace casegraph::cli {

void WriteMatchJson(JsonWriter& j, const store::FileMatchView& m);
void WriteRuleHitJson(JsonWriter& j, const store::RuleHitView& h);
void PrintMatchLine(const store::FileMatchView& m);
void PrintRuleHitLine(const store::RuleHitView& h);

}  // namespace casegraph::cli
