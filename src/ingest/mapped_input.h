// Record sets of one input file: every record a mapping path matches in a JSON document (one
// streaming pass with simdjson On-Demand), in each line of a JSON-lines file, or each row of a
// CSV file, handed over with its locator. Locator scheme (docs/formats/mapped.md):
//   JSON   <prefix>/rooms/3/messages/7      (a JSON pointer)
//   JSONL  <prefix>/line:12[/pointer]       (physical line, then a pointer inside that line)
//   CSV    <prefix>/line:12                 (the physical line where the row starts)
// where <prefix> is "/" + the file's path in a folder exhibit as one pointer token, or empty.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "ingest/mapped_mapping.h"
#include "ingest/mapped_record.h"

namespace casegraph::ingest::mapped {

struct InputFile {
  std::string label;   // file named in errors and warnings ("rooms.json" or the path given)
  std::string prefix;  // locator prefix ("" for a lone file)
  std::string_view bytes;
  size_t capacity = 0;  // readable bytes from bytes.data() (simdjson wants padding)
};

using RecordFn = std::function<Status(Record& record, const std::string& locator)>;

// Calls `fn` for each record that `path` matches, in source order. Returns how many matched.
// Damage that only loses one JSON line or row is warned about and skipped.
Result<size_t> ForEachRecord(const InputFile& file, const Mapping& mapping, const Path& path, const RecordFn& fn,
                             Diagnostics& diagnostics);

}  // namespace casegraph::ingest::mapped
