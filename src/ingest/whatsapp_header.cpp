#include "ingest/whatsapp_header.h"

#include <cstring>

namespace casegraph::ingest::whatsapp {
namespace {

using U8 = unsigned char;

// A cursor over one line; every read is bounds-checked.
struct Cursor {
  const char* p;
  const char* end;
  U8 at(size_t k = 0) const { return p + k < end ? static_cast<U8>(p[k]) : 0; }
  bool done() const { return p >= end; }
  bool Eat(std::string_view lit) {
    if (static_cast<size_t>(end - p) < lit.size() || std::memcmp(p, lit.data(), lit.size()) != 0) return false;
    p += lit.size();
    return true;
  }
};

void SkipMarks(Cursor& c) {
  while (!c.done()) {
    const size_t n = MarkLength(std::string_view(c.p, c.end - c.p), 0);
    if (n == 0) return;
    c.p += n;
  }
}

// ASCII space, U+00A0 or U+202F (or U+2009 thin space): the byte length, or 0.
size_t SpaceLength(const Cursor& c) {
  if (c.at() == ' ') return 1;
  if (c.at() == 0xC2 && c.at(1) == 0xA0) return 2;
  if (c.at() == 0xE2 && c.at(1) == 0x80 && (c.at(2) == 0xAF || c.at(2) == 0x89)) return 3;
  return 0;
}

bool SkipSpace(Cursor& c) {
  const size_t n = SpaceLength(c);
  c.p += n;
  return n > 0;
}

// A decimal digit in ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari or Bengali script:
// its value and byte length through *len, or -1.
int Digit(const Cursor& c, size_t* len) {
  const U8 b = c.at();
  if (b >= '0' && b <= '9') {
    *len = 1;
    return b - '0';
  }
  if (b == 0xD9 && c.at(1) >= 0xA0 && c.at(1) <= 0xA9) {  // U+0660..U+0669
    *len = 2;
    return c.at(1) - 0xA0;
  }
  if (b == 0xDB && c.at(1) >= 0xB0 && c.at(1) <= 0xB9) {  // U+06F0..U+06F9
    *len = 2;
    return c.at(1) - 0xB0;
  }
  if (b == 0xE0 && (c.at(1) == 0xA5 || c.at(1) == 0xA7) && c.at(2) >= 0xA6 && c.at(2) <= 0xAF) {  // U+0966, U+09E6
    *len = 3;
    return c.at(2) - 0xA6;
  }
  return -1;
}

// 1..max_digits digits; false if none.
bool Number(Cursor& c, int max_digits, uint16_t* value, uint8_t* count) {
  int v = 0, n = 0;
  size_t len = 0;
  int d;
  while (n < max_digits && (d = Digit(c, &len)) >= 0) {
    v = v * 10 + d;
    c.p += len;
    ++n;
  }
  if (n == 0) return false;
  size_t ignored;
  if (Digit(c, &ignored) >= 0) return false;  // too many digits
  *value = static_cast<uint16_t>(v);
  *count = static_cast<uint8_t>(n);
  return true;
}

bool IsEraLetter(U8 b) { return b == 'M' || b == 'T' || b == 'S' || b == 'H' || b == 'R'; }

// One date field, possibly a Japanese-era year ("R4").
bool DateField(Cursor& c, Header* h, int i) {
  if (IsEraLetter(c.at()) && (i == 0 || i == 2)) {
    size_t len;
    if (Digit(Cursor{c.p + 1, c.end}, &len) < 0) return false;
    h->era = static_cast<char>(c.at());
    h->era_first = i == 0;
    ++c.p;
    return Number(c, 2, &h->field[i], &h->digits[i]);
  }
  return Number(c, 4, &h->field[i], &h->digits[i]);
}

// DATE: three numbers with one separator kind, marks allowed around separators, a space allowed
// after a '.' (Hungarian "2022. 03. 12."), an optional trailing '.' and " BE" (Buddhist era).
bool ParseDate(Cursor& c, Header* h) {
  SkipMarks(c);
  if (!DateField(c, h, 0)) return false;
  SkipMarks(c);
  const U8 sep = c.at();
  if (sep != '/' && sep != '.' && sep != '-') return false;
  h->date_sep = static_cast<char>(sep);
  for (int i = 1; i < 3; ++i) {
    SkipMarks(c);
    if (c.at() != sep) return false;
    ++c.p;
    SkipMarks(c);
    if (sep == '.' && c.at() == ' ') ++c.p;
    if (!DateField(c, h, i)) return false;
  }
  SkipMarks(c);
  if (sep == '.' && c.at() == '.') ++c.p;
  Cursor probe = c;
  if (SkipSpace(probe) && probe.Eat("BE")) {
    c = probe;
    h->era = 'B';
  }
  // Exactly one year-like field, at the start or the end; the others have 1-2 digits.
  const bool year_first = h->digits[0] == 4 || h->era_first;
  h->year_first = year_first;
  for (int i = 0; i < 3; ++i) {
    const bool may_be_long = (i == 0 && year_first) || i == 2;
    if (h->digits[i] > 2 && !may_be_long) return false;
    if (h->digits[i] == 3) return false;
  }
  if (year_first && h->digits[2] > 2) return false;
  return true;
}

// TIME: H:MM[:SS] with ':' or '.' (Indonesian), hour 0-23, minutes/seconds 0-59.
bool ParseTime(Cursor& c, Header* h) {
  uint16_t v;
  uint8_t n;
  if (!Number(c, 2, &v, &n) || v > 24) return false;
  h->hour = static_cast<uint8_t>(v);
  const U8 sep = c.at();
  if (sep != ':' && sep != '.') return false;
  ++c.p;
  if (!Number(c, 2, &v, &n) || n != 2 || v > 59) return false;
  h->minute = static_cast<uint8_t>(v);
  size_t digit_len;
  if (c.at() == sep && Digit(Cursor{c.p + 1, c.end}, &digit_len) >= 0) {
    ++c.p;
    if (!Number(c, 2, &v, &n) || n != 2 || v > 59) return false;
    h->second = static_cast<uint8_t>(v);
    h->has_seconds = true;
  }
  return true;
}

// AM/PM words seen in exports, compared after dropping spaces and dots and lower-casing ASCII.
struct MarkerWord {
  const char* word;
  Meridiem meridiem;
};
constexpr MarkerWord kMarkers[] = {
    {"am", Meridiem::kAm},    {"pm", Meridiem::kPm},
    {"a", Meridiem::kAm},     {"p", Meridiem::kPm},                        // "a. m." after dropping
    {"vorm", Meridiem::kAm},  {"nachm", Meridiem::kPm},                    // de (rare)
    {"de", Meridiem::kAm},    {"du", Meridiem::kPm},                       // hu
    {"vm", Meridiem::kAm},    {"nm", Meridiem::kPm},                       // af
    {"pg", Meridiem::kAm},    {"ptg", Meridiem::kPm},                      // ms
    {"sa", Meridiem::kAm},    {"ch", Meridiem::kPm},                       // vi
    {"πμ", Meridiem::kAm},    {"μμ", Meridiem::kPm},                       // el
    {"ص", Meridiem::kAm},     {"م", Meridiem::kPm},                        // ar
    {"ق‌ظ", Meridiem::kAm},   {"ب‌ظ", Meridiem::kPm},                      // fa
    {"قظ", Meridiem::kAm},    {"بظ", Meridiem::kPm},
    {"午前", Meridiem::kAm},  {"午後", Meridiem::kPm},                     // ja
    {"上午", Meridiem::kAm},  {"下午", Meridiem::kPm},                     // zh
    {"凌晨", Meridiem::kAm},  {"早上", Meridiem::kAm},  {"中午", Meridiem::kPm},  {"晚上", Meridiem::kPm},
    {"오전", Meridiem::kAm},  {"오후", Meridiem::kPm},                     // ko
    {"ก่อนเที่ยง", Meridiem::kAm}, {"หลังเที่ยง", Meridiem::kPm},          // th
    {"पूर्वाह्न", Meridiem::kAm}, {"अपराह्न", Meridiem::kPm},              // hi
    {"לפנהצ", Meridiem::kAm}, {"אחהצ", Meridiem::kPm},                     // he
};

bool ClassifyMarker(std::string_view raw, Meridiem* out) {
  char buf[40];
  size_t n = 0;
  for (size_t i = 0; i < raw.size();) {
    const U8 b = static_cast<U8>(raw[i]);
    if (b == ' ' || b == '.' || b == '"' || b == '\'') {
      ++i;
      continue;
    }
    if (b == 0xC2 && i + 1 < raw.size() && static_cast<U8>(raw[i + 1]) == 0xA0) {
      i += 2;
      continue;
    }
    if (b == 0xD7 && i + 1 < raw.size() && static_cast<U8>(raw[i + 1]) == 0xB4) {  // Hebrew gershayim
      i += 2;
      continue;
    }
    const size_t mark = MarkLength(raw, i);
    if (mark > 0 || (b == 0xE2 && i + 2 < raw.size() && static_cast<U8>(raw[i + 1]) == 0x80 &&
                     static_cast<U8>(raw[i + 2]) == 0xAF)) {
      i += mark > 0 ? mark : 3;
      continue;
    }
    if (n + 1 >= sizeof buf) return false;
    buf[n++] = (b >= 'A' && b <= 'Z') ? static_cast<char>(b + 32) : static_cast<char>(b);
    ++i;
  }
  const std::string_view word(buf, n);
  for (const auto& m : kMarkers) {
    if (word == m.word) {
      *out = m.meridiem;
      return true;
    }
  }
  return false;
}

// Words that come before the time in East Asian locales ("오후 2:56:01", "下午2:56:01").
bool EatPreTimeMarker(Cursor& c, Meridiem* out) {
  static constexpr MarkerWord kPre[] = {{"오전", Meridiem::kAm}, {"오후", Meridiem::kPm}, {"上午", Meridiem::kAm},
                                        {"下午", Meridiem::kPm}, {"午前", Meridiem::kAm}, {"午後", Meridiem::kPm},
                                        {"凌晨", Meridiem::kAm}, {"早上", Meridiem::kAm}, {"中午", Meridiem::kPm},
                                        {"晚上", Meridiem::kPm}};
  for (const auto& m : kPre) {
    if (c.Eat(m.word)) {
      *out = m.meridiem;
      SkipSpace(c);
      return true;
    }
  }
  return false;
}

// Between date and time: marks, then "," / Arabic comma "،" and/or spaces (at least one).
bool DateTimeSeparator(Cursor& c) {
  SkipMarks(c);
  bool any = false;
  if (c.at() == ',') {
    ++c.p;
    any = true;
  } else if (c.at() == 0xD8 && c.at(1) == 0x8C) {
    c.p += 2;
    any = true;
  }
  SkipMarks(c);
  while (SkipSpace(c)) {
    any = true;
    SkipMarks(c);
  }
  return any;
}

// After the time: the optional marker, then the end of the header (`] ` or ` - `).
bool ParseTail(Cursor& c, Header* h) {
  SkipMarks(c);
  auto at_end = [&](const Cursor& k) {
    if (h->bracketed) return k.at() == ']';
    return k.at() == ' ' && k.at(1) == '-' && k.at(2) == ' ';
  };
  if (!at_end(c)) {
    if (SpaceLength(c) == 0 && h->meridiem == Meridiem::kNone) {
      // A marker glued to the time ("10:30PM") is allowed only when it starts with a letter.
      const U8 b = c.at();
      if (!((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b >= 0xC0)) return false;
    }
    SkipSpace(c);
    const char* start = c.p;
    while (!c.done() && !at_end(c) && c.p - start < 32) ++c.p;
    if (!at_end(c)) return false;
    Meridiem m;
    if (!ClassifyMarker(std::string_view(start, c.p - start), &m)) return false;
    if (h->meridiem != Meridiem::kNone) return false;
    h->meridiem = m;
  }
  if (h->bracketed) {
    ++c.p;  // ']'
    SkipMarks(c);
    SkipSpace(c);
  } else {
    c.p += 3;  // " - "
  }
  return true;
}

bool ApplyMeridiem(Header* h) {
  if (h->meridiem == Meridiem::kNone) return h->hour <= 23;
  if (h->hour > 12) return false;
  if (h->meridiem == Meridiem::kPm && h->hour < 12) h->hour = static_cast<uint8_t>(h->hour + 12);
  if (h->meridiem == Meridiem::kAm && h->hour == 12) h->hour = 0;
  return true;
}

bool ParseDateThenTime(Cursor c, const char* line_start, Header* h) {
  if (!ParseDate(c, h) || !DateTimeSeparator(c)) return false;
  EatPreTimeMarker(c, &h->meridiem);
  if (!ParseTime(c, h) || !ParseTail(c, h) || !ApplyMeridiem(h)) return false;
  if (c.p - line_start > 0xFFFF) return false;
  h->length = static_cast<uint16_t>(c.p - line_start);
  return true;
}

bool ParseTimeThenDate(Cursor c, const char* line_start, Header* h) {
  EatPreTimeMarker(c, &h->meridiem);
  if (!ParseTime(c, h)) return false;
  // An optional marker before the comma ("9:12:33 AM, 8/15/23") is not seen in exports; keep strict.
  if (!DateTimeSeparator(c) || !ParseDate(c, h)) return false;
  SkipMarks(c);
  if (c.at() != ']') return false;
  ++c.p;
  SkipMarks(c);
  SkipSpace(c);
  if (!ApplyMeridiem(h)) return false;
  h->time_first = true;
  h->length = static_cast<uint16_t>(c.p - line_start);
  return true;
}

}  // namespace

size_t MarkLength(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  const U8 b = static_cast<U8>(s[i]);
  if (b < 0xD8) return 0;  // fast path: ASCII and most letters
  if (i + 1 < s.size() && b == 0xD8 && static_cast<U8>(s[i + 1]) == 0x9C) return 2;  // U+061C ALM
  if (i + 2 >= s.size()) return 0;
  const U8 b1 = static_cast<U8>(s[i + 1]), b2 = static_cast<U8>(s[i + 2]);
  if (b == 0xE2 && b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) return 3;
  if (b == 0xE2 && b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 3;
  if (b == 0xEF && b1 == 0xBB && b2 == 0xBF) return 3;
  return 0;
}

bool HasMark(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    if (static_cast<U8>(s[i]) >= 0xD8 && MarkLength(s, i) > 0) return true;  // marks start at 0xD8+
  }
  return false;
}

std::string_view TrimMarks(std::string_view s) {
  for (;;) {
    if (s.empty()) return s;
    size_t n = MarkLength(s, 0);
    if (n == 0 && (s[0] == ' ' || s[0] == '\t')) n = 1;
    if (n == 0 && s.size() >= 2 && static_cast<U8>(s[0]) == 0xC2 && static_cast<U8>(s[1]) == 0xA0) n = 2;
    if (n == 0 && s.size() >= 3 && static_cast<U8>(s[0]) == 0xE2 && static_cast<U8>(s[1]) == 0x80 &&
        static_cast<U8>(s[2]) == 0xAF) {
      n = 3;
    }
    if (n == 0) break;
    s.remove_prefix(n);
  }
  for (;;) {
    if (s.empty()) return s;
    const size_t k = s.size();
    size_t n = 0;
    if (s[k - 1] == ' ' || s[k - 1] == '\t' || s[k - 1] == '\r') n = 1;
    if (n == 0 && k >= 2 && static_cast<U8>(s[k - 2]) == 0xC2 && static_cast<U8>(s[k - 1]) == 0xA0) n = 2;
    if (n == 0 && k >= 3 && MarkLength(s, k - 3) == 3) n = 3;
    if (n == 0 && k >= 3 && static_cast<U8>(s[k - 3]) == 0xE2 && static_cast<U8>(s[k - 2]) == 0x80 &&
        static_cast<U8>(s[k - 1]) == 0xAF) {
      n = 3;
    }
    if (n == 0 && k >= 2 && MarkLength(s, k - 2) == 2) n = 2;
    if (n == 0) break;
    s.remove_suffix(n);
  }
  return s;
}

bool ParseHeader(std::string_view line, Header* out) {
  if (line.size() < 10) return false;
  Cursor c{line.data(), line.data() + line.size()};
  SkipMarks(c);
  Header h;
  if (c.at() == '[') {
    h.bracketed = true;
    ++c.p;
    SkipMarks(c);
  }
  // Fast reject: a header starts with a digit (any script) or an era letter.
  size_t len;
  if (Digit(c, &len) < 0 && !IsEraLetter(c.at())) return false;
  Header first = h;
  if (ParseDateThenTime(c, line.data(), &first)) {
    *out = first;
    return true;
  }
  if (h.bracketed) {
    Header second = h;
    if (ParseTimeThenDate(c, line.data(), &second)) {
      *out = second;
      return true;
    }
  }
  return false;
}

bool LooksLikeBrokenHeader(std::string_view line) {
  Cursor c{line.data(), line.data() + line.size()};
  SkipMarks(c);
  Header h;
  if (c.at() == '[') {
    h.bracketed = true;
    ++c.p;
  }
  if (!ParseDate(c, &h) || !DateTimeSeparator(c)) return false;
  EatPreTimeMarker(c, &h.meridiem);
  return ParseTime(c, &h);
}

}  // namespace casegraph::ingest::whatsapp
