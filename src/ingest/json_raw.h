// The source text of a JSON value as the exporter wrote it, for `show`: what every JSON
// importer's Show needs after simdjson's at_pointer, in one place.
#pragma once

#include <simdjson.h>

#include <string_view>

namespace casegraph::ingest {

// The bytes of `value` (an object, array or scalar) exactly as in the source, without the
// whitespace simdjson's raw views run into.
simdjson::error_code RawJsonText(simdjson::ondemand::value& value, std::string_view& raw);

// True for the errors at_pointer gives when nothing is at the pointer (or the pointer does not
// fit the document's shape): a "not found", not damaged data.
bool IsNoSuchPointer(simdjson::error_code err);

}  // namespace casegraph::ingest
