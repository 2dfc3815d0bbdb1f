// Splits a mongoexport collection file into its documents, whatever framing mongoexport used:
// JSON Lines (the default), one `--jsonArray` array, or `--pretty` documents concatenated
// without separators. Splitting is byte-level and string-aware (braces inside strings do not
// count); each document is then parsed on its own with simdjson, so one damaged document
// costs only that document. Pure functions over the file's bytes.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace casegraph::ingest {

enum class Framing { kEmpty, kLines, kArray, kConcatenated, kUnknown };
const char* FramingName(Framing framing);

struct FramedDocument {
  std::string_view json;  // the document's bytes exactly as in the file
  size_t offset = 0;      // byte offset of its first byte in the file
  size_t index = 0;       // 0-based document number in the file
  size_t line = 0;        // 1-based line it starts on (JSON Lines framing only; else 0)
};

// The framing of a file, decided from its first document: '[' → array; '{' whose first
// object closes before the first line break → lines; '{' otherwise → concatenated; only
// blanks → empty; anything else → unknown.
Framing DetectFraming(std::string_view bytes);

// The locator path of a document inside its file: "line/88" for JSON Lines, else "3".
std::string DocumentPath(Framing framing, const FramedDocument& doc);
// The human form for Locations: "line 88" or "document 3 (byte 1234)".
std::string DocumentPlace(Framing framing, const FramedDocument& doc);

// Calls `visit` for every document in `bytes` (a whole file, UTF-8 byte-order mark allowed).
// Text between documents that is not a document, and a document cut short at the end of the
// file, are warned about (located in `label`) and skipped. Returns the framing used.
Framing ForEachDocument(std::string_view bytes, const std::string& label, Diagnostics& diagnostics,
                        const std::function<void(const FramedDocument&)>& visit);

// The end (one past the closing brace) of the JSON object starting at bytes[begin] == '{',
// skipping strings; npos when the bytes end first.
size_t ObjectEnd(std::string_view bytes, size_t begin);

}  // namespace casegraph::ingest
