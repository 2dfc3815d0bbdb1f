// Turns the parsed event array of an Element export (or of a /messages chunk) into records.
// Two passes over the parsed document: the first gathers what later events say about earlier
// ones (m.replace edits, m.room.redaction, m.reaction) and the room's id and name; the second
// emits accounts, the conversation and one message per event in file order, folding edits,
// redactions and reactions into the message they concern. Internal to the element-json importer.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/result.h"
#include "ingest/element_media.h"
#include "ingest/importer.h"
#include "ingest/sink.h"

namespace casegraph::ingest::element {

// The export's top-level fields (all optional; a /messages chunk has none).
struct ExportHeader {
  std::string_view room_name, room_creator, topic, export_date, exported_by;
};

struct Timeline {
  simdjson::dom::array events;
  std::string pointer;  // "/messages" or "/chunk": locators are "<pointer>/<index>"
  ExportHeader header;
  std::string label;    // the file named in warnings
};

ImportSummary WalkTimeline(const Timeline& timeline, MediaIndex& media, Sink& sink, Diagnostics& diagnostics);

}  // namespace casegraph::ingest::element
