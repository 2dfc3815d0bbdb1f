// Extended JSON readers (see rocketchat_ejson.h).
#include "ingest/rocketchat_ejson.h"

#include <charconv>

#include "base/time_util.h"

namespace casegraph::ingest::rocketchat {
namespace {

bool Digits(std::string_view text, size_t at, size_t n, int& out) {
  if (at + n > text.size()) return false;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  out = v;
  return true;
}

std::optional<int64_t> IntegerText(std::string_view text) {
  int64_t v = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(begin, end, v);
  if (ec != std::errc() || ptr != end || text.empty()) return std::nullopt;
  return v;
}

std::optional<int64_t> NumberOrText(dom::element value) {
  int64_t i = 0;
  if (value.get_int64().get(i) == simdjson::SUCCESS) return i;
  uint64_t u = 0;
  if (value.get_uint64().get(u) == simdjson::SUCCESS) return std::nullopt;  // past int64
  double d = 0;
  if (value.get_double().get(d) == simdjson::SUCCESS) {
    if (d > -9.2e18 && d < 9.2e18) return static_cast<int64_t>(d);
    return std::nullopt;
  }
  std::string_view s;
  if (value.get_string().get(s) == simdjson::SUCCESS) return IntegerText(s);
  return std::nullopt;
}

}  // namespace

std::optional<int64_t> ParseIsoMillis(std::string_view text) {
  LocalDateTime t;
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' || (text[10] != 'T' && text[10] != ' ') ||
      text[13] != ':' || text[16] != ':') {
    return std::nullopt;
  }
  if (!Digits(text, 0, 4, t.year) || !Digits(text, 5, 2, t.month) || !Digits(text, 8, 2, t.day) ||
      !Digits(text, 11, 2, t.hour) || !Digits(text, 14, 2, t.minute) || !Digits(text, 17, 2, t.second)) {
    return std::nullopt;
  }
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour > 23 || t.minute > 59 || t.second > 60) {
    return std::nullopt;
  }
  size_t i = 19;
  int64_t ms = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    int scale = 100, digits = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      if (digits++ < 3) ms += (text[i] - '0') * scale, scale /= 10;
      ++i;
    }
    if (digits == 0) return std::nullopt;
  }
  int64_t offset_s = 0;
  if (i < text.size()) {
    if (text[i] == 'Z' || text[i] == 'z') {
      ++i;
    } else if (text[i] == '+' || text[i] == '-') {
      const int sign = text[i] == '-' ? -1 : 1;
      int hh = 0, mm = 0;
      if (!Digits(text, i + 1, 2, hh)) return std::nullopt;
      size_t j = i + 3;
      if (j < text.size() && text[j] == ':') ++j;
      if (!Digits(text, j, 2, mm)) return std::nullopt;
      offset_s = sign * (hh * 3600 + mm * 60);
      i = j + 2;
    }
  }
  if (i != text.size()) return std::nullopt;
  return (CivilToUnix(t) - offset_s) * 1000 + ms;
}

std::optional<int64_t> DateMillis(dom::element value) {
  dom::object object;
  if (value.get_object().get(object) == simdjson::SUCCESS) {
    dom::element inner;
    if (object.at_key("$date").get(inner) != simdjson::SUCCESS) return std::nullopt;
    std::string_view iso;
    if (inner.get_string().get(iso) == simdjson::SUCCESS) {
      if (auto ms = ParseIsoMillis(iso)) return ms;
      return IntegerText(iso);
    }
    return Int64(inner);  // {"$numberLong": "ms"} or a bare number
  }
  std::string_view iso;
  if (value.get_string().get(iso) == simdjson::SUCCESS) return ParseIsoMillis(iso);
  return NumberOrText(value);
}

std::optional<int64_t> Int64(dom::element value) {
  dom::object object;
  if (value.get_object().get(object) == simdjson::SUCCESS) {
    for (const char* key : {"$numberLong", "$numberInt", "$numberDouble"}) {
      dom::element inner;
      if (object.at_key(key).get(inner) == simdjson::SUCCESS) return NumberOrText(inner);
    }
    return std::nullopt;
  }
  return NumberOrText(value);
}

std::string_view IdText(dom::element value) {
  std::string_view s;
  if (value.get_string().get(s) == simdjson::SUCCESS) return s;
  dom::object object;
  if (value.get_object().get(object) == simdjson::SUCCESS) {
    if (object.at_key("$oid").get_string().get(s) == simdjson::SUCCESS) return s;
  }
  return {};
}

}  // namespace casegraph::ingest::rocketchat
