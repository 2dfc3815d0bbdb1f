// Pieces the hash-set readers share (internal to src/hashing): a streaming line reader that
// handles BOM, CRLF, blank lines and '#' comments, a small RFC 4180 CSV line splitter, and
// the per-family readers that hashset_formats.cpp dispatches to.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "hashing/hashset_formats.h"

namespace casegraph::hashing::internal {

using Emit = std::function<void(HashSetEntry)>;
// line_no is 1-based; `line` has no BOM, no line ending, and is never blank or a comment.
using LineFn = std::function<void(size_t line_no, std::string_view line)>;

// Lines longer than this are reported and skipped, so a binary file cannot exhaust memory.
inline constexpr size_t kMaxLineBytes = 1u << 20;

Status ForEachLine(const FileSystem& fs, const std::string& path, Diagnostics& diagnostics, const LineFn& fn);
std::string_view TrimSpaces(std::string_view s);
std::string LowerAscii(std::string_view s);
bool IsHex(std::string_view s);
Location LineLocation(const std::string& path, size_t line_no);

// Splits one CSV line (',' separated, '"' quoting, "" escapes); false when a quote is left open.
bool SplitCsvLine(std::string_view line, std::vector<std::string>& cells);

// Text families (hashset_text_formats.cpp).
Status ReadDigestList(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d);
Status ReadPdqList(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d);
Status ReadThreatExchangeLines(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d);
// CSV families (hashset_csv_formats.cpp).
Status ReadHeaderCsv(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d);
Status ReadThreatExchangeCsv(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d);
Status ReadHashKeeper(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d);
// Binary (hashset_encase.cpp).
Status ReadEnCaseHash(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d);

// ThreatExchange signal type → our algorithm ("" when not a hash we match on).
std::string AlgorithmOfSignalType(std::string_view signal_type);
bool IsKnownSignalType(std::string_view signal_type);

}  // namespace casegraph::hashing::internal
