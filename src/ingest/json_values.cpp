// simdjson On-Demand readers (see json_values.h).
#include "ingest/json_values.h"

#include <cstring>

#include "ingest/json_scan.h"

namespace casegraph::ingest {

std::string_view KeyOf(const od::field& field) {
  // raw() points just past the opening quote; the key ends at the first unescaped quote,
  // which the parser has already proven to exist.
  const char* start = field.key().raw();
  const char* p = start;
  while (*p != '"') {
    if (*p == '\\') ++p;
    ++p;
  }
  return {start, static_cast<size_t>(p - start)};
}

std::string ChildPointer(std::string_view pointer, std::string_view key) {
  std::string out;
  out.reserve(pointer.size() + key.size() + 1);
  out.append(pointer);
  out.push_back('/');
  out.append(key);
  return out;
}

Result<od::json_type> TypeOf(od::value& value, const JsonErrors& errors, std::string_view pointer) {
  od::json_type type;
  if (auto err = value.type().get(type)) return errors.Parse(err, pointer);
  return type;
}

bool IsIntegerText(std::string_view text) {
  if (!text.empty() && text[0] == '-') text.remove_prefix(1);
  if (text.empty()) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Status ReadString(od::value& value, std::string& out, const JsonErrors& errors,
                  std::string_view pointer, std::string_view key) {
  od::json_type type;
  if (auto err = value.type().get(type)) return errors.Parse(err, ChildPointer(pointer, key));
  if (type == od::json_type::null) {
    out.clear();
    return Ok();
  }
  if (type != od::json_type::string) return errors.Type("a string", ChildPointer(pointer, key));
  std::string_view text;
  if (auto err = value.get_string().get(text)) return errors.Parse(err, ChildPointer(pointer, key));
  out.assign(text);
  return Ok();
}

Result<std::string_view> RawScalar(od::value& value, const JsonErrors& /*errors*/, std::string_view /*pointer*/) {
  // The token of a value whose type was already read cannot fail in simdjson 3.
  return TrimJsonToken(value.raw_json_token());
}

Status ReadIdText(od::value& value, std::string& out, const JsonErrors& errors,
                  std::string_view pointer, std::string_view key) {
  od::json_type type;
  if (auto err = value.type().get(type)) return errors.Parse(err, ChildPointer(pointer, key));
  switch (type) {
    case od::json_type::null:
      out.clear();
      return Ok();
    case od::json_type::number: {
      auto token = RawScalar(value, errors, ChildPointer(pointer, key));
      if (!token) return token.error();
      if (!IsIntegerText(*token)) return errors.Type("an integer id", ChildPointer(pointer, key));
      out.assign(*token);
      return Ok();
    }
    case od::json_type::string: {
      std::string_view text;
      if (auto err = value.get_string().get(text)) return errors.Parse(err, ChildPointer(pointer, key));
      out.assign(text);
      return Ok();
    }
    default:
      return errors.Type("a number or string id", ChildPointer(pointer, key));
  }
}

Status ReadUnixtime(od::value& value, std::optional<int64_t>& out, const JsonErrors& errors,
                    std::string_view pointer, std::string_view key) {
  out.reset();
  od::json_type type;
  if (auto err = value.type().get(type)) return errors.Parse(err, ChildPointer(pointer, key));
  switch (type) {
    case od::json_type::null:
      return Ok();
    case od::json_type::string: {
      std::string_view text;
      if (auto err = value.get_string().get(text)) return errors.Parse(err, ChildPointer(pointer, key));
      out = ParseUnixtimeDigits(text);
      return Ok();
    }
    case od::json_type::number: {
      auto token = RawScalar(value, errors, ChildPointer(pointer, key));
      if (!token) return token.error();
      out = ParseUnixtimeDigits(*token);
      return Ok();
    }
    default:
      return errors.Type("a string of digits", ChildPointer(pointer, key));
  }
}

}  // namespace casegraph::ingest
