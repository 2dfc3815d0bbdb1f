// Walks a parsed DCE channel export (guild, channel, dateRange, exportedAt, messages,
// messageCount) and sends the conversation, then each message through DiscordMessageReader.
// Internal to discord-json.
#pragma once

#include "ingest/discord_context.h"

namespace casegraph::ingest {

Status WalkDiscordExport(dod::document& doc, DiscordRun& run);

}  // namespace casegraph::ingest
