// Byte-level JSON checks (see json_scan.h).
#include "ingest/json_scan.h"

#include <cstdint>
#include <vector>

namespace casegraph::ingest {

namespace {

struct Frame {
  bool is_array = false;
  size_t index = 0;          // arrays: the element being written
  std::string_view key;      // objects: the member being written (empty before its key ends)
};

void AppendPointerToken(std::string& out, std::string_view token) {
  out.push_back('/');
  for (char c : token) {
    if (c == '~') {
      out.append("~0");
    } else if (c == '/') {
      out.append("~1");
    } else {
      out.push_back(c);
    }
  }
}

}  // namespace

std::optional<std::string> TruncationPointer(std::string_view json) {
  std::vector<Frame> stack;
  bool in_string = false, any = false, expecting_key = false, string_is_key = false;
  size_t string_start = 0;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
        if (string_is_key && !stack.empty()) stack.back().key = json.substr(string_start, i - string_start);
      }
      continue;
    }
    switch (c) {
      case '"':
        in_string = true;
        any = true;
        string_start = i + 1;
        string_is_key = expecting_key;
        expecting_key = false;
        break;
      case '{':
        any = true;
        stack.push_back(Frame{});
        expecting_key = true;
        break;
      case '[':
        any = true;
        stack.push_back(Frame{true, 0, {}});
        break;
      case '}':
      case ']':
        if (!stack.empty()) stack.pop_back();
        expecting_key = false;
        break;
      case ',':
        if (!stack.empty()) {
          if (stack.back().is_array) {
            ++stack.back().index;
          } else {
            stack.back().key = {};
            expecting_key = true;
          }
        }
        break;
      case ' ': case '\t': case '\r': case '\n': case ':':
        break;
      default:
        any = true;
        break;
    }
  }
  if (any && !in_string && stack.empty()) return std::nullopt;
  std::string pointer;
  for (const Frame& frame : stack) {
    if (frame.is_array) {
      AppendPointerToken(pointer, std::to_string(frame.index));
    } else if (!frame.key.empty()) {
      AppendPointerToken(pointer, frame.key);
    } else {
      break;  // cut before the member's key ended: the object itself is being read
    }
  }
  return pointer;
}

std::optional<size_t> FirstInvalidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += len;
  }
  return std::nullopt;
}

std::string_view TrimJsonToken(std::string_view token) {
  while (!token.empty()) {
    const char c = token.back();
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
    token.remove_suffix(1);
  }
  return token;
}

}  // namespace casegraph::ingest
