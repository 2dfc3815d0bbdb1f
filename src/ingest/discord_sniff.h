// Sniffing for DiscordChatExporter JSON: a channel export file, or a folder holding exactly one
// such file (with its "<file>_Files" media folder). Pure functions over the probe.
#pragma once

#include <string_view>

#include "ingest/importer.h"

namespace casegraph::ingest {

SniffResult SniffDiscordJson(const Probe& probe);

// The score of one file's head alone (what a folder's files are judged by).
SniffResult SniffDiscordHead(std::string_view head);

// Confidence from which a folder's file counts as a DCE export.
inline constexpr double kDiscordFileThreshold = 0.8;

// True when `name` ends in ".json" (any case).
bool HasJsonExtension(std::string_view name);

}  // namespace casegraph::ingest
