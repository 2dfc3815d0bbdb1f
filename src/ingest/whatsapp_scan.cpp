#include "ingest/whatsapp_scan.h"

#include <cstring>

#include "ingest/whatsapp_lexicon.h"

namespace casegraph::ingest::whatsapp {
namespace {

bool HasQuote(std::string_view s) {
  return s.find('"') != std::string_view::npos || s.find("“") != std::string_view::npos ||
         s.find("«") != std::string_view::npos || s.find("„") != std::string_view::npos;
}

}  // namespace

std::string_view WithoutTerminator(std::string_view s) {
  if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
  return s;
}

std::string WithoutMarks(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = MarkLength(s, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out.push_back(s[i++]);
  }
  return out;
}

size_t SenderLength(std::string_view rest) {
  constexpr size_t kMaxSender = 200;  // names are short; a long prefix is text, not a sender
  const char* p = rest.data();
  const char* end = p + std::min(rest.size(), kMaxSender + 2);
  while (p < end) {
    const void* colon = std::memchr(p, ':', end - p);
    if (colon == nullptr) return 0;
    const char* c = static_cast<const char*>(colon);
    if (c + 1 < rest.data() + rest.size() && c[1] == ' ') {
      const size_t n = c - rest.data();
      if (n == 0 || HasQuote(rest.substr(0, n))) return 0;  // `X changed the subject to "a: b"`
      return n;
    }
    if (c + 1 == rest.data() + rest.size()) {  // "Name:" with empty text
      const size_t n = c - rest.data();
      return n == 0 || HasQuote(rest.substr(0, n)) ? 0 : n;
    }
    p = c + 1;
  }
  return 0;
}

ChatScan ScanChat(std::string_view bytes, People& people) {
  ChatScan scan;
  // Over-reserve (untouched pages cost nothing): growing would copy every entry once more.
  scan.entries.reserve(bytes.size() / 48 + 16);
  const char* base = bytes.data();
  const size_t n = bytes.size();
  size_t pos = 0;
  uint32_t line = 0;
  std::string_view last_sender_raw;
  uint32_t last_sender_id = kNoSender;
  while (pos < n) {
    ++line;
    const void* nl = std::memchr(base + pos, '\n', n - pos);
    const size_t eol = nl ? static_cast<size_t>(static_cast<const char*>(nl) - base) : n;
    std::string_view text(base + pos, eol - pos);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    Entry e;
    if (ParseHeader(text, &e.header)) {
      e.offset = pos;
      e.line = line;
      const std::string_view rest = text.substr(e.header.length);
      e.sender_len = static_cast<uint16_t>(SenderLength(rest));
      if (e.sender_len > 0) {
        const std::string_view raw = rest.substr(0, e.sender_len);
        if (raw != last_sender_raw) {  // consecutive lines by one sender: skip the hash lookup
          last_sender_id = people.Intern(raw);
          last_sender_raw = raw;
        }
        e.sender = last_sender_id;
      }
      // System lines: without "sender: ", or (iOS) under the chat's name with LRM-led text.
      const std::string_view body = e.sender_len > 0 ? rest.substr(std::min<size_t>(rest.size(), e.sender_len + 2)) : rest;
      if (e.sender_len == 0 || MarkLength(body, 0) > 0) {
        SystemEvent ev;
        const std::string clean = WithoutMarks(body);
        const std::string_view trimmed = TrimMarks(clean);
        const bool placeholder = e.sender_len > 0 && (!OmittedMediaKind(trimmed).empty() ||
                                                      (!trimmed.empty() && trimmed.back() == '>'));
        if (!placeholder && MatchSystemText(trimmed, true, &ev)) {
          if (ev.group) scan.group_evidence = true;
          if (!ev.title.empty()) scan.subject = std::string(ev.title);
        }
      }
      scan.vote.Add(e.header, line);
      scan.entries.push_back(e);
    } else {
      if (!scan.entries.empty()) scan.entries.back().multi_line = true;
      if (text.empty()) {
        pos = eol + 1;
        continue;
      }
      if (scan.entries.empty()) ++scan.leading_lines;
      if (LooksLikeBrokenHeader(text)) {
        if (scan.broken_headers++ == 0) scan.first_broken_line = line;
      }
    }
    pos = eol + 1;
  }
  scan.lines = line;
  return scan;
}

std::string_view MessageBytes(std::string_view bytes, const std::vector<Entry>& entries, size_t i) {
  const size_t begin = entries[i].offset;
  const size_t end = i + 1 < entries.size() ? entries[i + 1].offset : bytes.size();
  return WithoutTerminator(bytes.substr(begin, end - begin));
}

}  // namespace casegraph::ingest::whatsapp

namespace casegraph::ingest::whatsapp {

std::string RepairUtf8(std::string_view s, bool* repaired) {
  *repaired = false;
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    size_t len = 0;
    uint32_t min = 0, cp = 0;
    if (b < 0x80) len = 1, cp = b;
    else if ((b & 0xE0) == 0xC0) len = 2, cp = b & 0x1F, min = 0x80;
    else if ((b & 0xF0) == 0xE0) len = 3, cp = b & 0x0F, min = 0x800;
    else if ((b & 0xF8) == 0xF0) len = 4, cp = b & 0x07, min = 0x10000;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k) {
      const unsigned char c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
    if (!ok) {
      out += "\xEF\xBF\xBD";
      *repaired = true;
      ++i;
      continue;
    }
    out.append(s.data() + i, len);
    i += len;
  }
  return out;
}

}  // namespace casegraph::ingest::whatsapp
