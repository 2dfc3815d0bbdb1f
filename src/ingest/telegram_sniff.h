// How sure the telegram-json importer is that a probe is a Telegram Desktop JSON export, from
// the probe alone (path, folder names, first 64 KiB): Telegram's own keys raise the score;
// keys of Element/Matrix, DiscordChatExporter and Rocket.Chat exports lower it; HTML scores 0
// (the telegram-html importer reads it). Pure; never fails.
#pragma once

#include "ingest/importer.h"

namespace casegraph::ingest {

SniffResult SniffTelegramJson(const Probe& probe);

}  // namespace casegraph::ingest
