// Typed field reads (see rocketchat_fields.h).
#include "ingest/rocketchat_fields.h"

#include "ingest/rocketchat_ejson.h"

namespace casegraph::ingest::rocketchat {

bool ParseDocument(Run& run, const Document& doc, dom::object& out) {
  dom::element root;
  auto err = run.parser().parse(doc.json.data(), doc.json.size(), false).get(root);
  if (!err) err = root.get_object().get(out);
  if (err) {
    ++run.damaged;
    run.Warn(doc, "", std::string("damaged document skipped: ") + simdjson::error_message(err));
    return false;
  }
  return true;
}

std::optional<dom::element> Fields::Get(std::string_view key) const {
  dom::element e;
  if (object_.at_key(key).get(e) != simdjson::SUCCESS || e.is_null()) return std::nullopt;
  return e;
}

void Fields::WrongType(std::string_view key, std::string_view what) const {
  run_.Warn(doc_, "/" + std::string(key), "expected " + std::string(what) + "; field ignored");
}

std::string_view Fields::Str(std::string_view key) const {
  auto e = Get(key);
  if (!e) return {};
  std::string_view s;
  if (e->get_string().get(s) != simdjson::SUCCESS) {
    WrongType(key, "a string");
    return {};
  }
  return s;
}

std::string_view Fields::Id(std::string_view key) const {
  auto e = Get(key);
  if (!e) return {};
  std::string_view s = IdText(*e);
  if (s.empty() && !e->is_string()) WrongType(key, "an id (string or {\"$oid\"})");
  return s;
}

bool Fields::Bool(std::string_view key) const {
  auto e = Get(key);
  if (!e) return false;
  bool b = false;
  if (e->get_bool().get(b) != simdjson::SUCCESS) {
    WrongType(key, "true or false");
    return false;
  }
  return b;
}

std::optional<int64_t> Fields::Date(std::string_view key) const {
  auto e = Get(key);
  if (!e) return std::nullopt;
  auto ms = DateMillis(*e);
  if (!ms) WrongType(key, "a date ({\"$date\": …}, an ISO string or milliseconds)");
  return ms;
}

std::optional<int64_t> Fields::Int(std::string_view key) const {
  auto e = Get(key);
  if (!e) return std::nullopt;
  auto v = Int64(*e);
  if (!v) WrongType(key, "an integer");
  return v;
}

std::optional<dom::object> Fields::Object(std::string_view key) const {
  auto e = Get(key);
  if (!e) return std::nullopt;
  dom::object o;
  if (e->get_object().get(o) != simdjson::SUCCESS) {
    WrongType(key, "an object");
    return std::nullopt;
  }
  return o;
}

std::optional<dom::array> Fields::Array(std::string_view key) const {
  auto e = Get(key);
  if (!e) return std::nullopt;
  dom::array a;
  if (e->get_array().get(a) != simdjson::SUCCESS) {
    WrongType(key, "an array");
    return std::nullopt;
  }
  return a;
}

std::string_view StrOf(dom::object object, std::string_view key) {
  std::string_view s;
  if (object.at_key(key).get_string().get(s) != simdjson::SUCCESS) return {};
  return s;
}

}  // namespace casegraph::ingest::rocketchat
