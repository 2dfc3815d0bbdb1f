// Pass 1 of the whatsapp-txt importer: one memchr walk over the mapped chat file that finds
// every message-start line (whatsapp_header.h), splits "sender: " off it, and notes what the
// whole-file decisions need (date-order votes, group evidence, subject). Continuation lines are
// only skipped here; pass 2 (whatsapp_message.h) reads them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/whatsapp_date_order.h"
#include "ingest/whatsapp_header.h"
#include "ingest/whatsapp_people.h"

namespace casegraph::ingest::whatsapp {

inline constexpr uint32_t kNoSender = UINT32_MAX;

struct Entry {
  uint64_t offset = 0;          // of the line start
  uint32_t line = 0;            // 1-based
  uint32_t sender = kNoSender;  // People id; kNoSender for a system line
  uint16_t sender_len = 0;      // bytes of the raw sender field after the header
  bool multi_line = false;      // continuation lines follow
  Header header;
};

struct ChatScan {
  std::vector<Entry> entries;
  uint64_t lines = 0;
  uint64_t leading_lines = 0;      // non-empty lines before the first header
  uint64_t broken_headers = 0;     // lines that look like a damaged header
  uint32_t first_broken_line = 0;
  DateOrderVote vote;
  bool group_evidence = false;     // a system line only groups have
  std::string subject;             // the latest group subject a system line gave
};

// The length of the raw "sender" field at the start of `rest` (the first line after the
// header), or 0 when the line is a system line without "sender: ".
size_t SenderLength(std::string_view rest);

ChatScan ScanChat(std::string_view bytes, People& people);

// The bytes of message `i` (its first line through its last continuation line), without the
// final line terminator.
std::string_view MessageBytes(std::string_view bytes, const std::vector<Entry>& entries, size_t i);

// Strips a trailing "\r\n" / "\n" / "\r".
std::string_view WithoutTerminator(std::string_view s);

// A copy of `s` without any invisible marks (for matching localised sentences).
std::string WithoutMarks(std::string_view s);

}  // namespace casegraph::ingest::whatsapp

namespace casegraph::ingest::whatsapp {

// `s` with every invalid UTF-8 sequence replaced by U+FFFD; *repaired says whether any was.
std::string RepairUtf8(std::string_view s, bool* repaired);

}  // namespace casegraph::ingest::whatsapp
