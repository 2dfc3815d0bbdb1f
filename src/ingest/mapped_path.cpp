#include "ingest/mapped_path.h"

#include "ingest/json_scan.h"

namespace casegraph::ingest::mapped {

bool Path::HasWildcard() const {
  for (const auto& t : tokens) {
    if (t.wildcard) return true;
  }
  return false;
}

std::optional<Path> ParsePath(std::string_view text, std::string* why) {
  Path path;
  path.text = std::string(text);
  if (text.empty()) return path;
  if (text[0] != '/') {
    *why = "a path is a JSON pointer and starts with '/' (\"/author/id\"); \"\" is the record itself";
    return std::nullopt;
  }
  size_t start = 1;
  while (true) {
    const size_t end = std::min(text.find('/', start), text.size());
    std::string_view raw = text.substr(start, end - start);
    PathToken token;
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '~') {
        token.key += raw[i];
      } else if (i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token.key += raw[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        *why = "'~' in a path must be written ~0 (and '/' inside a key ~1)";
        return std::nullopt;
      }
    }
    token.wildcard = raw == "*";
    path.tokens.push_back(std::move(token));
    if (end == text.size()) break;
    start = end + 1;
  }
  return path;
}

std::string EscapeToken(std::string_view key) {
  std::string out;
  out.reserve(key.size());
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

bool ArrayIndex(std::string_view key, size_t& index) {
  if (key.empty() || key.size() > 18 || (key.size() > 1 && key[0] == '0')) return false;
  index = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
    index = index * 10 + static_cast<size_t>(c - '0');
  }
  return true;
}

simdjson::error_code Walk(od::value value, const Path& path, size_t i, std::string& pointer, const MatchFn& fn) {
  if (i == path.tokens.size()) return fn(value, pointer);
  const PathToken& token = path.tokens[i];
  od::json_type type;
  if (auto err = value.type().get(type)) return err;
  const size_t keep = pointer.size();
  if (type == od::json_type::object) {
    od::object object;
    if (auto err = value.get_object().get(object)) return err;
    for (auto field : object) {
      std::string_view key;
      if (auto err = field.unescaped_key().get(key)) return err;
      if (!token.wildcard && key != token.key) continue;
      pointer += '/';
      pointer += EscapeToken(key);
      od::value child;
      if (auto err = field.value().get(child)) return err;
      if (auto err = Walk(child, path, i + 1, pointer, fn)) return err;
      pointer.resize(keep);
      if (!token.wildcard) break;  // keys are unique in the exports we map; take the first
    }
    return simdjson::SUCCESS;
  }
  if (type == od::json_type::array) {
    size_t wanted = 0;
    const bool indexed = !token.wildcard && ArrayIndex(token.key, wanted);
    if (!token.wildcard && !indexed) return simdjson::SUCCESS;
    od::array array;
    if (auto err = value.get_array().get(array)) return err;
    size_t index = 0;
    for (auto element : array) {
      od::value child;
      if (auto err = element.get(child)) return err;
      if (token.wildcard || index == wanted) {
        pointer += '/';
        pointer += std::to_string(index);
        if (auto err = Walk(child, path, i + 1, pointer, fn)) return err;
        pointer.resize(keep);
        if (!token.wildcard) break;
      }
      ++index;
    }
    return simdjson::SUCCESS;
  }
  return simdjson::SUCCESS;  // a scalar has no children: the path does not reach
}

}  // namespace

simdjson::error_code WalkPath(od::value value, const Path& path, const MatchFn& fn) {
  std::string pointer;
  return Walk(value, path, 0, pointer, fn);
}

simdjson::error_code ReadScalar(od::value& value, std::optional<Scalar>& out) {
  out.reset();
  od::json_type type;
  if (auto err = value.type().get(type)) return err;
  Scalar s;
  switch (type) {
    case od::json_type::null: {
      bool is_null = false;
      if (auto err = value.is_null().get(is_null)) return err;
      return is_null ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    case od::json_type::string: {
      std::string_view text;
      if (auto err = value.get_string().get(text)) return err;
      s.text = std::string(text);
      break;
    }
    case od::json_type::number: {
      // The exact digits as written: a 64-bit snowflake must not pass through a double.
      s.type = Scalar::Type::kNumber;
      s.text = std::string(TrimJsonToken(value.raw_json_token()));
      break;
    }
    case od::json_type::boolean: {
      bool b = false;
      if (auto err = value.get_bool().get(b)) return err;
      s.type = Scalar::Type::kBool;
      s.text = b ? "true" : "false";
      break;
    }
    default: {
      std::string_view raw;
      if (auto err = RawJsonText(value, raw)) return err;
      s.type = Scalar::Type::kStructured;
      s.text = std::string(raw);
    }
  }
  out = std::move(s);
  return simdjson::SUCCESS;
}

}  // namespace casegraph::ingest::mapped
