#include "ingest/json_raw.h"

#include "ingest/json_scan.h"

namespace casegraph::ingest {

namespace od = simdjson::ondemand;

simdjson::error_code RawJsonText(od::value& value, std::string_view& raw) {
  od::json_type type;
  if (auto err = value.type().get(type)) return err;
  simdjson::error_code err = simdjson::SUCCESS;
  if (type == od::json_type::object) {
    od::object object;
    err = value.get_object().get(object);
    if (!err) err = object.raw_json().get(raw);
  } else if (type == od::json_type::array) {
    od::array array;
    err = value.get_array().get(array);
    if (!err) err = array.raw_json().get(raw);
  } else {
    raw = value.raw_json_token();
  }
  raw = TrimJsonToken(raw);
  return err;
}

bool IsNoSuchPointer(simdjson::error_code err) {
  return err == simdjson::NO_SUCH_FIELD || err == simdjson::INDEX_OUT_OF_BOUNDS || err == simdjson::INVALID_JSON_POINTER ||
         err == simdjson::INCORRECT_TYPE;
}

}  // namespace casegraph::ingest
