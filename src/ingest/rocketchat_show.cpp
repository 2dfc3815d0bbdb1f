// Show with redaction (see rocketchat_show.h).
#include "ingest/rocketchat_show.h"

#include <simdjson.h>

#include "ingest/json_raw.h"
#include "ingest/json_scan.h"

namespace casegraph::ingest::rocketchat {
namespace {

namespace od = simdjson::ondemand;

Error ParseError(simdjson::error_code err, const Location& where) {
  return Error::Corrupt(std::string("rocketchat: cannot read the document: ") + simdjson::error_message(err), where);
}

bool PointsIntoServices(std::string_view pointer) {
  return pointer == "/services" || pointer.rfind("/services/", 0) == 0;
}

}  // namespace

Result<std::string> ShowInDocument(std::string_view doc, std::string_view pointer, const Location& where) {
  if (PointsIntoServices(pointer)) {
    return Error::InvalidArgument("rocketchat: the services subtree (password hashes, login tokens) is never shown",
                                  where);
  }
  const simdjson::padded_string copy(doc);
  od::parser parser;
  od::document document;
  if (auto err = parser.iterate(copy).get(document)) return ParseError(err, where);
  if (!pointer.empty()) {
    od::value value;
    if (auto err = document.at_pointer(pointer).get(value)) {
      if (err == simdjson::NO_SUCH_FIELD || err == simdjson::INDEX_OUT_OF_BOUNDS ||
          err == simdjson::INVALID_JSON_POINTER || err == simdjson::INCORRECT_TYPE) {
        return Error::NotFound("rocketchat: nothing at " + std::string(pointer) + " in the document", where);
      }
      return ParseError(err, where);
    }
    std::string_view raw;
    if (auto err = RawJsonText(value, raw)) return ParseError(err, where);
    return std::string(raw);
  }
  // The whole document: cut out every top-level "services" (duplicate keys included).
  od::object object;
  if (auto err = document.get_object().get(object)) return ParseError(err, where);
  std::string out;
  size_t copied = 0;
  for (auto field : object) {
    std::string_view key;
    if (auto err = field.unescaped_key().get(key)) return ParseError(err, where);
    if (key != "services") continue;  // unread values are skipped by the iterator
    od::value value;
    if (auto err = field.value().get(value)) return ParseError(err, where);
    std::string_view raw;
    if (auto err = RawJsonText(value, raw)) return ParseError(err, where);
    const size_t begin = static_cast<size_t>(raw.data() - copy.data());
    out.append(doc.substr(copied, begin - copied));
    out += kRedactedServices;
    copied = begin + raw.size();
  }
  out.append(doc.substr(copied));
  return out;
}

}  // namespace casegraph::ingest::rocketchat
