// Recognising Element (Matrix) exports from a probe: the JSON export (file, folder or ZIP, in
// the old layout with export.json at the top or the newer one with everything inside a
// "<brand> - <room> - Chat Export - <date>" folder), a Matrix `/messages` response, and the
// forms the importer refuses with a clear message: Element's HTML and plain-text exports and a
// lone Matrix event. Pure functions of the probe.
#pragma once

#include <string_view>

#include "ingest/importer.h"

namespace casegraph::ingest::element {

SniffResult SniffElement(const Probe& probe);

// What a file's first bytes look like, for sniffing and for Import's refusals.
enum class HeadShape { kUnknown, kElementJson, kMessagesChunk, kSingleEvent, kElementHtml, kElementText };
HeadShape ShapeOfHead(std::string_view head, std::string_view file_name);

// True for a folder name of Element's newer ZIP layout ("matrix - Room - Chat Export - …").
bool IsExportFolderName(std::string_view name);

}  // namespace casegraph::ingest::element
