// Folding kernel: ASCII inline, two-byte code points by table, the rest through ICU.
//
// Why a per-code-point table is exact for U+0080..U+07FF: case folding with default options is
// context-free, and after decomposition every combining mark that could join a neighbour in NFC is
// a nonspacing mark (Mn), which the fold drops. So folding a run of two-byte code points one by one
// gives the same result as folding the run at once. Three- and four-byte code points (Hangul jamo,
// Indic spacing vowel signs, ...) can compose with neighbours and always go through ICU as whole
// runs.
#include "extract/fold_core.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "extract/fold_icu.h"

namespace casegraph::extract::internal {
namespace {

constexpr int32_t kTableFirst = 0x80;
constexpr int32_t kTableEnd = 0x800;
constexpr size_t kTableSize = kTableEnd - kTableFirst;

struct TwoByteTable {
  std::array<uint16_t, kTableSize> offset{};
  std::array<uint8_t, kTableSize> length{};
  std::string pool;
};

bool IsAsciiWord(int32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

std::array<FoldEntry, kFoldTableEnd> BuildFoldTable() {
  std::array<FoldEntry, kFoldTableEnd> table{};
  std::string folded;
  for (int32_t cp = 0; cp < kFoldTableEnd; ++cp) {
    FoldEntry& entry = table[static_cast<size_t>(cp)];
    if (cp < 0x80) {
      entry.role = IsAsciiWord(cp) ? CharRole::kWord : CharRole::kSeparator;
      entry.bytes[0] = static_cast<char>((cp >= 'A' && cp <= 'Z') ? cp + ('a' - 'A') : cp);
      entry.length = 1;
      continue;
    }
    char utf8[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(utf8, len, cp);
    folded.clear();
    AppendFoldedIcu(std::string_view(utf8, static_cast<size_t>(len)), folded);
    entry.role = RoleOfCodePoint(cp);
    if (folded.size() > sizeof(entry.bytes) ||
        (entry.role == CharRole::kJoiner && !folded.empty())) {
      entry.slow = true;
      continue;
    }
    std::memcpy(entry.bytes, folded.data(), std::min(folded.size(), sizeof(entry.bytes)));
    entry.length = static_cast<uint8_t>(folded.size());
  }
  return table;
}

TwoByteTable BuildTable() {
  TwoByteTable table;
  std::string folded;
  for (int32_t cp = kTableFirst; cp < kTableEnd; ++cp) {
    char utf8[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(utf8, len, cp);
    folded.clear();
    AppendFoldedIcu(std::string_view(utf8, static_cast<size_t>(len)), folded);
    size_t index = static_cast<size_t>(cp - kTableFirst);
    table.offset[index] = static_cast<uint16_t>(table.pool.size());
    table.length[index] = static_cast<uint8_t>(folded.size());
    table.pool += folded;
  }
  return table;
}

const TwoByteTable& GetTable() {
  static const TwoByteTable table = BuildTable();
  return table;
}

constexpr char AsciiLower(unsigned char c) {
  return static_cast<char>((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
}

// True if bytes[i, i+2) is a well-formed two-byte sequence.
inline bool IsTwoByteAt(std::string_view bytes, size_t i) {
  auto lead = static_cast<unsigned char>(bytes[i]);
  return lead >= 0xC2 && lead <= 0xDF && i + 1 < bytes.size() &&
         (static_cast<unsigned char>(bytes[i + 1]) & 0xC0) == 0x80;
}

}  // namespace

const FoldEntry* FoldTable() {
  static const std::array<FoldEntry, kFoldTableEnd> table = BuildFoldTable();
  return table.data();
}

CharRole RoleOfCodePoint(int32_t cp) {
  if (cp == 0x200C || cp == 0x200D || cp == 0x00AD) return CharRole::kJoiner;
  uint32_t mask = U_GET_GC_MASK(cp);
  if ((mask & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0) return CharRole::kWord;
  return CharRole::kSeparator;
}

void AppendFolded(std::string_view utf8, std::string& out) {
  const TwoByteTable& table = GetTable();
  size_t i = 0;
  const size_t n = utf8.size();
  while (i < n) {
    auto byte = static_cast<unsigned char>(utf8[i]);
    if (byte < 0x80) {
      out.push_back(AsciiLower(byte));
      ++i;
      continue;
    }
    if (IsTwoByteAt(utf8, i)) {
      int32_t cp = ((byte & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F);
      size_t index = static_cast<size_t>(cp - kTableFirst);
      out.append(table.pool, table.offset[index], table.length[index]);
      i += 2;
      continue;
    }
    size_t run_end = i + 1;
    while (run_end < n && static_cast<unsigned char>(utf8[run_end]) >= 0x80 &&
           !IsTwoByteAt(utf8, run_end)) {
      ++run_end;
    }
    AppendFoldedIcu(utf8.substr(i, run_end - i), out);
    i = run_end;
  }
}

}  // namespace casegraph::extract::internal
