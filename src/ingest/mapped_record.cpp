#include "ingest/mapped_record.h"

#include "base/time_util.h"
#include "ingest/mapped_time.h"

namespace casegraph::ingest::mapped {

namespace od = simdjson::ondemand;

JsonRecord::JsonRecord(std::string_view raw, std::string where) : where_(std::move(where)) {
  buffer_.reserve(raw.size() + 2 + simdjson::SIMDJSON_PADDING);
  buffer_ += '[';
  buffer_.append(raw);
  buffer_ += ']';
  size_ = buffer_.size();
  buffer_.append(simdjson::SIMDJSON_PADDING, ' ');
}

Status JsonRecord::Walk(const Path& path, const MatchFn& fn) {
  auto fail = [&](simdjson::error_code err) {
    return Error::Corrupt(std::string("invalid JSON in the record: ") + simdjson::error_message(err), Location{"", where_});
  };
  if (!started_) {
    if (auto err = parser_.iterate(simdjson::padded_string_view(buffer_.data(), size_, buffer_.size())).get(doc_)) {
      return fail(err);
    }
    started_ = true;
  } else {
    doc_.rewind();
  }
  od::array array;
  if (auto err = doc_.get_array().get(array)) return fail(err);
  for (auto element : array) {
    od::value value;
    if (auto err = element.get(value)) return fail(err);
    if (auto err = WalkPath(value, path, fn)) return fail(err);
    break;  // the array holds the one record
  }
  return Ok();
}

Result<std::optional<Scalar>> JsonRecord::Get(const Path& path) {
  std::optional<Scalar> found;
  bool seen = false;
  CASEGRAPH_RETURN_IF_ERROR(Walk(path, [&](od::value& value, const std::string&) -> simdjson::error_code {
    if (seen) return simdjson::SUCCESS;
    seen = true;
    return ReadScalar(value, found);
  }));
  return found;
}

Status JsonRecord::GetAll(const Path& path, std::vector<Scalar>& out) {
  return Walk(path, [&](od::value& value, const std::string&) -> simdjson::error_code {
    std::optional<Scalar> s;
    if (auto err = ReadScalar(value, s)) return err;
    if (s) out.push_back(std::move(*s));
    return simdjson::SUCCESS;
  });
}

Status JsonRecord::Each(const Path& path, const EachFn& fn) {
  // Sub-records are copied out first: the callback reads them with its own parser while this
  // record's document is not being iterated.
  std::vector<std::pair<std::string, std::string>> subs;
  CASEGRAPH_RETURN_IF_ERROR(Walk(path, [&](od::value& value, const std::string& pointer) -> simdjson::error_code {
    od::json_type type;
    if (auto err = value.type().get(type)) return err;
    // Sub-records are objects (or arrays); a stray scalar or null is no record.
    if (type != od::json_type::object && type != od::json_type::array) return simdjson::SUCCESS;
    std::string_view raw;
    if (auto err = RawJsonText(value, raw)) return err;
    subs.emplace_back(pointer, std::string(raw));
    return simdjson::SUCCESS;
  }));
  for (const auto& [pointer, raw] : subs) {
    JsonRecord sub(raw, where_ + pointer);
    CASEGRAPH_RETURN_IF_ERROR(fn(sub, pointer));
  }
  return Ok();
}

Result<std::optional<Scalar>> CsvRow::Get(const Path& path) {
  if (path.tokens.size() != 1 || path.tokens[0].wildcard) return std::optional<Scalar>();
  for (size_t i = 0; i < header_->size(); ++i) {
    if ((*header_)[i] != path.tokens[0].key) continue;
    if (i >= fields_->size() || (*fields_)[i].empty()) return std::optional<Scalar>();
    return std::optional<Scalar>(Scalar{Scalar::Type::kString, (*fields_)[i]});
  }
  return std::optional<Scalar>();
}

Status CsvRow::GetAll(const Path& path, std::vector<Scalar>& out) {
  auto one = Get(path);
  if (!one) return one.error();
  if (*one) out.push_back(std::move(**one));
  return Ok();
}

Status CsvRow::Each(const Path& path, const EachFn& fn) {
  if (!path.tokens.empty()) return Ok();  // a row has no nested records; "" is the row itself
  return fn(*this, "");
}

namespace {

Result<std::string> Text(Record& record, const Path& path) {
  auto value = record.Get(path);
  if (!value) return value.error();
  return *value ? (*value)->text : std::string();
}

std::string Named(const Names& names, const std::string& name) {
  for (const auto& [n, v] : names) {
    if (n == name) return v;
  }
  return {};
}

Result<std::string> Source(const FieldSpec& spec, Record& record, const Names& names) {
  std::string out;
  switch (spec.source) {
    case FieldSpec::Source::kNone:
      break;
    case FieldSpec::Source::kConst:
      out = spec.literal;
      break;
    case FieldSpec::Source::kPath:
      return Text(record, spec.paths[0]);
    case FieldSpec::Source::kFirst:
      for (const auto& item : spec.items) {
        auto t = EvalField(item, record, names);
        if (!t) return t.error();
        if (!t->empty()) return t;
      }
      break;
    case FieldSpec::Source::kJoin:
      for (const auto& item : spec.items) {
        if (item.source == FieldSpec::Source::kPath && item.paths[0].HasWildcard()) {
          // "/parts/*" in a join contributes every value it reaches.
          std::vector<Scalar> all;
          CASEGRAPH_RETURN_IF_ERROR(record.GetAll(item.paths[0], all));
          for (const auto& one : all) {
            if (one.text.empty()) continue;
            if (!out.empty()) out += spec.separator;
            out += one.text;
          }
          continue;
        }
        auto t = EvalField(item, record, names);
        if (!t) return t.error();
        if (t->empty()) continue;
        if (!out.empty()) out += spec.separator;
        out += *t;
      }
      break;
    case FieldSpec::Source::kEach: {
      auto list = EvalList(spec, record, names);
      if (!list) return list.error();
      for (const auto& t : *list) {
        if (!out.empty()) out += spec.separator;
        out += t;
      }
      break;
    }
    case FieldSpec::Source::kTemplate:
      for (const auto& part : spec.parts) {
        if (part.kind == TemplatePart::Kind::kLiteral) {
          out += part.text;
          continue;
        }
        std::string piece;
        if (part.kind == TemplatePart::Kind::kPath) {
          auto t = Text(record, part.path);
          if (!t) return t.error();
          piece = std::move(*t);
        } else {
          piece = Named(names, part.text);
        }
        // A template over an empty value names nothing: "techhaven:" is not a ref.
        if (piece.empty() && !part.optional) return std::string();
        out += piece;
      }
      break;
  }
  return out;
}

}  // namespace

Result<bool> Holds(const std::vector<Condition>& when, Record& record, const Names& names) {
  for (const auto& c : when) {
    std::string value;
    if (c.path) {
      auto t = Text(record, *c.path);
      if (!t) return t.error();
      value = std::move(*t);
    } else {
      value = Named(names, c.field);
    }
    bool in = false;
    for (const auto& v : c.values) in = in || v == value;
    bool ok = true;
    switch (c.op) {
      case Condition::Op::kPresent: ok = !value.empty(); break;
      case Condition::Op::kAbsent: ok = value.empty(); break;
      case Condition::Op::kEquals: case Condition::Op::kIn: ok = in; break;
      case Condition::Op::kNotEquals: case Condition::Op::kNotIn: ok = !in; break;
      case Condition::Op::kContains: ok = value.find(c.values[0]) != std::string::npos; break;
    }
    if (!ok) return false;
  }
  return true;
}

Result<std::string> EvalField(const FieldSpec& spec, Record& record, const Names& names) {
  if (!spec.set()) return std::string();
  if (!spec.when.empty()) {
    auto holds = Holds(spec.when, record, names);
    if (!holds) return holds.error();
    if (!*holds) return std::string();
  }
  auto source = Source(spec, record, names);
  if (!source) return source.error();
  std::string out = std::move(*source);
  if (spec.as_utc && !out.empty()) {
    TimeSpec time;
    time.format = *spec.as_utc;
    time.zone = "utc";
    if (auto t = ConvertTime(out, time, "")) out = FormatUtc(t->utc);  // else kept as written
  }
  if (!spec.map.empty()) {
    auto it = spec.map.find(out);
    if (it != spec.map.end()) {
      out = it->second;
    } else if (auto any = spec.map.find("*"); any != spec.map.end() && !out.empty()) {
      out = any->second;
    }
  }
  if (!out.empty()) out = spec.prefix + out + spec.suffix;
  if (out.empty() && spec.fallback) out = *spec.fallback;
  return out;
}

Result<std::vector<std::string>> EvalList(const FieldSpec& spec, Record& record, const Names& names) {
  std::vector<std::string> out;
  if (spec.source != FieldSpec::Source::kEach) {
    auto one = EvalField(spec, record, names);
    if (!one) return one.error();
    if (!one->empty()) out.push_back(std::move(*one));
    return out;
  }
  if (!spec.when.empty()) {
    auto holds = Holds(spec.when, record, names);
    if (!holds) return holds.error();
    if (!*holds) return out;
  }
  CASEGRAPH_RETURN_IF_ERROR(record.Each(spec.each, [&](Record& sub, const std::string&) -> Status {
    auto one = EvalField(spec.items[0], sub, names);
    if (!one) return one.error();
    if (!one->empty()) out.push_back(std::move(*one));
    return Ok();
  }));
  return out;
}

}  // namespace casegraph::ingest::mapped
