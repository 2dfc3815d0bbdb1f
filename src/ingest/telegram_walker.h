// Walks a parsed Telegram export with simdjson On-Demand, in file order and without building a
// DOM: the single-chat shape (root "messages") and the full-account shape (personal_information,
// contacts.list, chats.list, left_chats.list; each optional). Emits owner, contacts and each
// conversation before its messages. Locator scheme: docs/formats/telegram-json.md#locators.
#pragma once

#include <simdjson.h>

#include "base/result.h"
#include "ingest/telegram_context.h"

namespace casegraph::ingest {

// REQUIRES: `doc` was iterated from the text that `run.errors` describes.
Status WalkTelegramExport(simdjson::ondemand::document& doc, TelegramRun& run);

}  // namespace casegraph::ingest
