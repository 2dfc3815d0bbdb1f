// Synthetic Element (Matrix) JSON export for benchmarks and tests: one room export folder with
// export.json in Element's layout (room_name … messages[] of Matrix events) and a few tiny media
// files under images/ named as Element's exporter names them. The timeline mixes membership
// events with display-name changes, m.text (some with a matrix.to pill, replies with the quoted
// fallback, thread messages), media, m.replace edits, redacted events, m.room.redaction events
// and undecryptable m.room.encrypted events. Neutral placeholder text (synth_text.h).
// Deterministic: the same options give byte-identical output. Streams in constant memory.
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"

namespace casegraph::synth {

struct ElementSynthOptions {
  uint64_t seed = 1;
  uint64_t messages = 2000;  // events in messages[] (state events included)
  uint64_t members = 40;
  std::string out_dir;       // created if missing; export.json and images/ are written here
};

struct ElementSynthSummary {
  std::string folder;
  std::string export_json;
  uint64_t events = 0;           // entries of messages[]
  uint64_t message_records = 0;  // what the importer should emit (edits, redactions folded)
  uint64_t members = 0;
  uint64_t bytes = 0;
};

Result<ElementSynthSummary> WriteElementExport(const ElementSynthOptions& options);

}  // namespace casegraph::synth
