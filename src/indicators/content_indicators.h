// The indicators that rest on what the evidence contains rather than on who talked to whom:
// known-content (hash-set matches of files sent, received or found on a subject's device),
// secrecy (a secrecy lexicon's hits in a subject's conversations), and the grouped hits of the
// examiner's other rules (lexicon, path-rule). Each is one file behind indicator.h; flags.cpp
// runs them. Severity rules: the issue-6 spec, repeated in each file's comment.
#pragma once

#include "indicators/indicator.h"

namespace casegraph::indicators {

const Indicator& KnownContentIndicator();  // known_content.cpp
const Indicator& SecrecyIndicator();       // secrecy.cpp
const Indicator& LexiconIndicator();       // rule_groups.cpp
const Indicator& PathRuleIndicator();      // rule_groups.cpp

}  // namespace casegraph::indicators
