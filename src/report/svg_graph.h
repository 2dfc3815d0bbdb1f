// The link graph drawn by us as inline SVG (no script, no external resource): accounts as
// circles placed by graph_layout.h, private chats as solid lines (thicker with more messages),
// shared groups as dashed lines, subjects' accounts ringed in blue and flagged accounts filled
// with the colour of their highest severity. Labels and tooltips are escaped evidence.
// Pure functions.
#pragma once

#include <string>

#include "report/report_data.h"

namespace casegraph::report {

// One <svg> element (empty graph: an empty string).
std::string RenderGraphSvg(const LinkGraph& graph);

// At most `max_chars` code points of valid UTF-8 `text`: when longer, its start and end around
// a "…" (max_chars below 3: the text unchanged).
std::string TruncateChars(const std::string& text, size_t max_chars);

}  // namespace casegraph::report
