// Document framing for mongoexport files (see rocketchat_framing.h).
#include "ingest/rocketchat_framing.h"

#include <cstring>

namespace casegraph::ingest {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

size_t SkipBom(std::string_view bytes) { return bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0; }

size_t SkipBlanks(std::string_view bytes, size_t i) {
  while (i < bytes.size() && IsBlank(bytes[i])) ++i;
  return i;
}

// Warns about stray bytes between documents (once per run of them).
void WarnStray(std::string_view bytes, size_t at, const std::string& label, Diagnostics& diagnostics) {
  static constexpr char kHex[] = "0123456789abcdef";
  const auto c = static_cast<unsigned char>(bytes[at]);
  const std::string hex{kHex[c >> 4], kHex[c & 15]};
  diagnostics.Warn(Location{label, "byte " + std::to_string(at)},
                   "unexpected byte 0x" + hex + " between documents; skipped up to the next document");
}

void ForEachLine(std::string_view bytes, size_t begin, const std::string& label, Diagnostics& diagnostics,
                 const std::function<void(const FramedDocument&)>& visit) {
  size_t index = 0, line = 1, pos = 0;
  // Lines before `begin` (only a byte-order mark and blank lines) still count.
  for (size_t i = 0; i < begin; ++i) line += bytes[i] == '\n';
  pos = begin;
  while (pos < bytes.size()) {
    const char* nl = static_cast<const char*>(std::memchr(bytes.data() + pos, '\n', bytes.size() - pos));
    const size_t end = nl ? static_cast<size_t>(nl - bytes.data()) : bytes.size();
    size_t b = pos, e = end;
    while (b < e && IsBlank(bytes[b])) ++b;
    while (e > b && IsBlank(bytes[e - 1])) --e;
    if (b < e) {
      if (bytes[b] != '{') {
        diagnostics.Warn(Location{label, "line " + std::to_string(line)},
                         "line is not a JSON object (JSON Lines framing); skipped");
      } else {
        visit(FramedDocument{bytes.substr(b, e - b), b, index, line});
      }
      ++index;
    }
    pos = end + 1;
    ++line;
  }
}

// Objects one after the other, or (with `array`) the elements of one top-level array.
void ForEachObject(std::string_view bytes, size_t begin, bool array, const std::string& label,
                   Diagnostics& diagnostics, const std::function<void(const FramedDocument&)>& visit) {
  size_t i = begin + (array ? 1 : 0);
  size_t index = 0;
  bool stray_run = false;
  while (true) {
    i = SkipBlanks(bytes, i);
    if (i >= bytes.size()) break;
    const char c = bytes[i];
    if (array && c == ',') {
      ++i;
      continue;
    }
    if (array && c == ']') {
      const size_t after = SkipBlanks(bytes, i + 1);
      if (after < bytes.size()) WarnStray(bytes, after, label, diagnostics);
      return;
    }
    if (c != '{') {
      if (!stray_run) WarnStray(bytes, i, label, diagnostics);
      stray_run = true;
      ++i;
      continue;
    }
    stray_run = false;
    const size_t end = ObjectEnd(bytes, i);
    if (end == std::string_view::npos) {
      diagnostics.Warn(Location{label, "byte " + std::to_string(i)},
                       "document " + std::to_string(index) + " is cut short at the end of the file; skipped");
      return;
    }
    visit(FramedDocument{bytes.substr(i, end - i), i, index, 0});
    ++index;
    i = end;
  }
  if (array) {
    diagnostics.Warn(Location{label, "byte " + std::to_string(bytes.size())},
                     "the JSON array is not closed: the file is cut short");
  }
}

}  // namespace

const char* FramingName(Framing framing) {
  switch (framing) {
    case Framing::kEmpty: return "empty";
    case Framing::kLines: return "JSON Lines";
    case Framing::kArray: return "JSON array";
    case Framing::kConcatenated: return "concatenated documents";
    case Framing::kUnknown: break;
  }
  return "unknown";
}

size_t ObjectEnd(std::string_view bytes, size_t begin) {
  size_t depth = 0;
  const char* p = bytes.data() + begin;
  const char* const end = bytes.data() + bytes.size();
  while (p < end) {
    const char c = *p;
    if (c == '"') {
      // Jump to the closing quote: the next quote not escaped by an odd run of backslashes.
      ++p;
      while (true) {
        const void* q = std::memchr(p, '"', static_cast<size_t>(end - p));
        if (q == nullptr) return std::string_view::npos;
        const char* quote = static_cast<const char*>(q);
        size_t slashes = 0;
        for (const char* s = quote; s > p && s[-1] == '\\'; --s) ++slashes;
        p = quote + 1;
        if (slashes % 2 == 0) break;
      }
      continue;
    }
    if (c == '{') {
      ++depth;
    } else if (c == '}') {
      if (depth == 0) return std::string_view::npos;
      if (--depth == 0) return static_cast<size_t>(p - bytes.data()) + 1;
    }
    ++p;
  }
  return std::string_view::npos;
}

Framing DetectFraming(std::string_view bytes) {
  const size_t first = SkipBlanks(bytes, SkipBom(bytes));
  if (first >= bytes.size()) return Framing::kEmpty;
  if (bytes[first] == '[') return Framing::kArray;
  if (bytes[first] != '{') return Framing::kUnknown;
  const size_t newline = bytes.find('\n', first);
  const size_t end = ObjectEnd(bytes.substr(0, newline == std::string_view::npos ? bytes.size() : newline), first);
  return end == std::string_view::npos ? Framing::kConcatenated : Framing::kLines;
}

std::string DocumentPath(Framing framing, const FramedDocument& doc) {
  if (framing == Framing::kLines) return "line/" + std::to_string(doc.line);
  return std::to_string(doc.index);
}

std::string DocumentPlace(Framing framing, const FramedDocument& doc) {
  if (framing == Framing::kLines) return "line " + std::to_string(doc.line);
  return "document " + std::to_string(doc.index) + " (byte " + std::to_string(doc.offset) + ")";
}

Framing ForEachDocument(std::string_view bytes, const std::string& label, Diagnostics& diagnostics,
                        const std::function<void(const FramedDocument&)>& visit) {
  const Framing framing = DetectFraming(bytes);
  const size_t first = SkipBlanks(bytes, SkipBom(bytes));
  switch (framing) {
    case Framing::kLines: ForEachLine(bytes, first, label, diagnostics, visit); break;
    case Framing::kArray: ForEachObject(bytes, first, true, label, diagnostics, visit); break;
    case Framing::kConcatenated: ForEachObject(bytes, first, false, label, diagnostics, visit); break;
    case Framing::kEmpty:
    case Framing::kUnknown: break;
  }
  return framing;
}

}  // namespace casegraph::ingest
