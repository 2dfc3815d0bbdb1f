// A message's uploads (`files`, the older `file`, and `attachments` entries whose title_link is
// /file-upload/<id>/<name>) → AttachmentRecords with the metadata rocketchat_uploads gives;
// quote attachments (`message_link`) → reply_to and a "quote" entity; other cards → entities.
// Internal to the Rocket.Chat importers.
#pragma once

#include <string_view>

#include "ingest/rocketchat_fields.h"
#include "ingest/rocketchat_run.h"

namespace casegraph::ingest::rocketchat {

void ReadAttachments(Run& run, const Fields& f, const Document& doc, model::MessageRecord& m);

// The message id in a permalink ".../group/x?msg=<id>", or "".
std::string_view MessageIdOfLink(std::string_view link);

// The upload id in "/file-upload/<id>/<name>", or "".
std::string_view UploadIdOfLink(std::string_view link);

}  // namespace casegraph::ingest::rocketchat
