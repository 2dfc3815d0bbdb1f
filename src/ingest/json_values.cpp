// simdjson On-Demand readers (see json_values.h).
#include "ingest/json_values.h"

#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "ingest/json_scan.h"

namespace casegraph::ingest {
namespace {

// Offset of the first '"' or '\\' in [p, p + n), or n.
size_t FindQuoteOrBackslash(const char* p, size_t n) {
  size_t i = 0;
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= n; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const unsigned mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, backslash))));
    if (mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
#endif
  for (; i < n; ++i) {
    if (p[i] == '"' || p[i] == '\\') return i;
  }
  return n;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// `digits` hex digits at `p` (the caller checked they are there), or -1.
int32_t ParseHex(const char* p, int digits) {
  int32_t value = 0;
  for (int k = 0; k < digits; ++k) {
    const int v = HexValue(p[k]);
    if (v < 0) return -1;
    value = value * 16 + v;
  }
  return value;
}

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    const char bytes[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(bytes, 2);
  } else if (cp < 0x10000) {
    const char bytes[3] = {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                           static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(bytes, 3);
  } else {
    const char bytes[4] = {static_cast<char>(0xF0 | (cp >> 18)), static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                           static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(bytes, 4);
  }
}

}  // namespace

bool AppendJsonString(std::string_view raw, std::string& out) {
  const char* p = raw.data();
  size_t n = raw.size();
  while (true) {
    const size_t k = FindQuoteOrBackslash(p, n);
    out.append(p, k);
    if (k == n) return false;  // no closing quote
    if (p[k] == '"') return true;
    if (k + 1 >= n) return false;
    p += k;
    n -= k;
    size_t used = 2;
    switch (p[1]) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case '/': out.push_back('/'); break;
      case 'b': out.push_back('\b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'x': {  // Telegram Desktop's \xNN: the code point U+00NN
        if (n < 4) return false;
        const int32_t value = ParseHex(p + 2, 2);
        if (value < 0) return false;
        AppendUtf8(static_cast<uint32_t>(value), out);
        used = 4;
        break;
      }
      case 'u': {
        if (n < 6) return false;
        int32_t cp = ParseHex(p + 2, 4);
        if (cp < 0) return false;
        used = 6;
        if (cp >= 0xD800 && cp < 0xDC00) {
          // A high surrogate must be followed by an escaped low one.
          if (n < 12 || p[6] != '\\' || p[7] != 'u') return false;
          const int32_t low = ParseHex(p + 8, 4);
          if (low < 0xDC00 || low > 0xDFFF) return false;
          cp = (((cp - 0xD800) << 10) | (low - 0xDC00)) + 0x10000;
          used = 12;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
          return false;  // a lone low surrogate
        }
        AppendUtf8(static_cast<uint32_t>(cp), out);
        break;
      }
      default:
        return false;
    }
    p += used;
    n -= used;
  }
}

simdjson::error_code GetString(od::value& value, std::string& out, bool append) {
  if (!append) out.clear();
  const size_t before = out.size();
  // The raw token runs from the opening quote up to the next token, so it holds the closing
  // quote. Anything unexpected goes to simdjson, whose error (or result) then counts.
  const std::string_view token = value.raw_json_token();
  if (!token.empty() && token.front() == '"' && AppendJsonString(token.substr(1), out)) return simdjson::SUCCESS;
  out.resize(before);
  std::string_view text;
  if (auto err = value.get_string().get(text)) return err;
  out.append(text);
  return simdjson::SUCCESS;
}

std::string_view KeyOf(const od::field& field) {
  // raw() points just past the opening quote; the key ends at the first unescaped quote,
  // which the parser has already proven to exist, and the input is padded by at least
  // SIMDJSON_PADDING readable bytes, so whole 16-byte blocks may be read up to that quote.
  const char* start = field.key().raw();
  const char* p = start;
  while (true) {
    const size_t k = FindQuoteOrBackslash(p, 16);
    p += k;
    if (k == 16) continue;
    if (*p == '"') break;
    p += 2;  // an escape pair
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
  if (auto err = GetString(value, out)) return errors.Parse(err, ChildPointer(pointer, key));
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
    case od::json_type::string:
      if (auto err = GetString(value, out)) return errors.Parse(err, ChildPointer(pointer, key));
      return Ok();
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
      std::string text;  // digits fit the small-string buffer: no allocation
      if (auto err = GetString(value, text)) return errors.Parse(err, ChildPointer(pointer, key));
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
