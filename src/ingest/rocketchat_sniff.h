// Sniffing for the Rocket.Chat importers: a folder of mongoexport collection files
// (rocketchat-mongo) and REST history / room-list responses (rocketchat-rest). Pure functions
// of the probe.
#pragma once

#include <string_view>

#include "ingest/importer.h"

namespace casegraph::ingest::rocketchat {

SniffResult SniffMongo(const Probe& probe);
SniffResult SniffRest(const Probe& probe);

// The head of a REST response: {"messages": [...]} with Rocket.Chat message keys, or a room
// list ({"channels"|"groups"|"ims"|"update": [...]}) with room keys. 0 when neither.
double RestHeadScore(std::string_view head);

}  // namespace casegraph::ingest::rocketchat
