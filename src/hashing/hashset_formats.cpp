#include "hashing/hashset_formats.h"

#include <algorithm>

#include "hashing/hashset_format_parts.h"

namespace casegraph::hashing {
namespace {

using internal::IsHex;
using internal::LowerAscii;
using internal::TrimSpaces;

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};
constexpr std::string_view kEnCaseMagic{"HASH\r\n\xff\x00", 8};
constexpr std::string_view kBom = "\xEF\xBB\xBF";

size_t ExpectedHexLength(std::string_view algorithm) {
  if (algorithm == "md5") return 32;
  if (algorithm == "sha1") return 40;
  if (algorithm == "sha256" || algorithm == "pdq") return 64;
  return 0;
}

// The first line that is neither blank nor a comment, without BOM and line ending.
std::string_view FirstMeaningfulLine(std::string_view head) {
  if (head.substr(0, kBom.size()) == kBom) head.remove_prefix(kBom.size());
  while (!head.empty()) {
    const size_t nl = head.find('\n');
    std::string_view line = head.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view trimmed = TrimSpaces(line);
    if (!trimmed.empty() && trimmed[0] != '#') return trimmed;
    if (nl == std::string_view::npos) break;
    head.remove_prefix(nl + 1);
  }
  return {};
}

bool IsCsvHeaderName(const std::string& cell) {
  static const char* const kNames[] = {"md5", "sha1", "sha-1", "sha256", "sha-256", "pdq", "hash", "hash_type",
                                       "hashtype", "hash type", "algorithm", "type", "value", "hash_value", "digest"};
  return std::any_of(std::begin(kNames), std::end(kNames), [&](const char* n) { return cell == n; });
}

std::string FromDigestLength(size_t n) {
  if (n == 32) return "md5sum";
  if (n == 40) return "sha1sum";
  return "sha256sum";
}

}  // namespace

const std::vector<std::string>& HashSetFormats() {
  static const std::vector<std::string> kFormats = {"md5sum",    "sha1sum",    "sha256sum",  "csv",
                                                    "threatexchange-csv", "threatexchange-lines", "pdq-list",
                                                    "hashkeeper", "encase",    "nsrl-rds3"};
  return kFormats;
}

bool IsHashSetFormat(std::string_view name) {
  const auto& f = HashSetFormats();
  return std::find(f.begin(), f.end(), name) != f.end();
}

Result<std::string> NormalizeHashValue(std::string_view algorithm, std::string_view value) {
  const size_t want = ExpectedHexLength(algorithm);
  if (want == 0) return Error::InvalidArgument("unknown hash algorithm '" + std::string(algorithm) + "'");
  if (!IsHex(value)) return Error::InvalidArgument(std::string(algorithm) + " value is not hex: '" + std::string(value.substr(0, 80)) + "'");
  if (value.size() != want) {
    return Error::InvalidArgument(std::string(algorithm) + " value has " + std::to_string(value.size()) + " hex digits, expected " +
                                  std::to_string(want));
  }
  return LowerAscii(value);
}

Result<std::string> DetectHashSetFormat(const std::string& path, std::string_view head) {
  if (head.substr(0, kSqliteMagic.size()) == kSqliteMagic) return std::string("nsrl-rds3");
  if (head.substr(0, kEnCaseMagic.size()) == kEnCaseMagic) return std::string("encase");
  const std::string_view line = FirstMeaningfulLine(head);
  if (line.empty()) return Error::InvalidArgument("empty hash set: no line holds a hash", Location{path, ""});
  const std::string lower = LowerAscii(line);
  const std::string name = LowerAscii(BaseName(path));

  std::vector<std::string> cells;
  if (line.find(',') != std::string_view::npos && internal::SplitCsvLine(line, cells)) {
    for (auto& c : cells) c = LowerAscii(TrimSpaces(c));
    if (cells.size() >= 2 && cells[0] == "file_id" && cells[1] == "hashset_id") return std::string("hashkeeper");
    if (cells.size() >= 2 && cells[0] == "signal_type" && cells[1] == "signal_str") return std::string("threatexchange-csv");
    if (std::any_of(cells.begin(), cells.end(), IsCsvHeaderName)) return std::string("csv");
    std::string_view first = TrimSpaces(cells[0]);
    if (first.substr(0, 5) == "hash=") first.remove_prefix(5);
    if (first.size() == 64 && IsHex(first)) return std::string("pdq-list");
  }
  if (line.find(',') == std::string_view::npos && IsCsvHeaderName(std::string(TrimSpaces(lower)))) return std::string("csv");
  if (lower.substr(0, 5) == "hash=") return std::string("pdq-list");
  // BSD style: "MD5 (name) = HEX", also written by `sha256sum --tag`.
  const std::string_view bsd = lower[0] == '\\' ? std::string_view(lower).substr(1) : std::string_view(lower);
  if (bsd.substr(0, 5) == "md5 (") return std::string("md5sum");
  if (bsd.substr(0, 6) == "sha1 (") return std::string("sha1sum");
  if (bsd.substr(0, 8) == "sha256 (") return std::string("sha256sum");
  // ThreatExchange local_file: "<signal_type> <value>".
  const size_t space = line.find(' ');
  if (space != std::string_view::npos && internal::IsKnownSignalType(lower.substr(0, space))) {
    return std::string("threatexchange-lines");
  }
  // GNU style: "HEX  name", "HEX *name", "\HEX  name"; or a bare digest.
  std::string_view hex = line[0] == '\\' ? line.substr(1) : line;
  const size_t end = std::min(hex.find(' '), hex.find('\t'));
  const bool has_name = end != std::string_view::npos;
  hex = hex.substr(0, end);
  if (IsHex(hex) && (hex.size() == 32 || hex.size() == 40 || hex.size() == 64)) {
    if (hex.size() != 64 || has_name) return FromDigestLength(hex.size());
    if (name.find("pdq") != std::string::npos) return std::string("pdq-list");
    if (name.find("sha256") != std::string::npos || name.find("sha-256") != std::string::npos) return std::string("sha256sum");
    return Error::InvalidArgument("bare 64-digit hashes could be SHA-256 or PDQ: give --format sha256sum or --format pdq-list",
                                  Location{path, ""});
  }
  return Error::InvalidArgument("not a hash set this version reads (first line: '" + std::string(line.substr(0, 60)) +
                                    "'); formats: md5sum, sha1sum, sha256sum, csv, threatexchange-csv, "
                                    "threatexchange-lines, pdq-list, hashkeeper, encase, nsrl-rds3",
                                Location{path, ""});
}

Status ReadHashSet(const FileSystem& fs, const std::string& path, const std::string& format,
                   const std::function<void(HashSetEntry)>& emit, Diagnostics& diagnostics) {
  size_t valid = 0;
  const internal::Emit counted = [&](HashSetEntry e) {
    ++valid;
    emit(std::move(e));
  };
  Status s;
  if (format == "md5sum" || format == "sha1sum" || format == "sha256sum") {
    s = internal::ReadDigestList(fs, path, counted, diagnostics);
  } else if (format == "csv") {
    s = internal::ReadHeaderCsv(fs, path, counted, diagnostics);
  } else if (format == "threatexchange-csv") {
    s = internal::ReadThreatExchangeCsv(fs, path, counted, diagnostics);
  } else if (format == "threatexchange-lines") {
    s = internal::ReadThreatExchangeLines(fs, path, counted, diagnostics);
  } else if (format == "pdq-list") {
    s = internal::ReadPdqList(fs, path, counted, diagnostics);
  } else if (format == "hashkeeper") {
    s = internal::ReadHashKeeper(fs, path, counted, diagnostics);
  } else if (format == "encase") {
    s = internal::ReadEnCaseHash(fs, path, counted, diagnostics);
  } else if (format == "nsrl-rds3") {
    return Error::InvalidArgument("nsrl-rds3 is looked up in place by the store, not read as a list", Location{path, ""});
  } else {
    return Error::InvalidArgument("unknown hash-set format '" + format + "'", Location{path, ""});
  }
  if (!s) return s.error().WithFile(path);
  if (valid == 0) {
    std::string why = diagnostics.count() ? " (" + std::to_string(diagnostics.count()) + " malformed lines; first: " +
                                                diagnostics.warnings().front().where.place + ": " +
                                                diagnostics.warnings().front().message + ")"
                                          : "";
    return Error::InvalidArgument("no valid " + format + " entry in the hash set" + why, Location{path, ""});
  }
  return Ok();
}

namespace internal {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool IsHex(std::string_view s) {
  if (s.empty()) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

Location LineLocation(const std::string& path, size_t line_no) { return Location{path, "line " + std::to_string(line_no)}; }

Status ForEachLine(const FileSystem& fs, const std::string& path, Diagnostics& diagnostics, const LineFn& fn) {
  std::string carry;
  size_t line_no = 0;
  bool skipping_long = false;
  auto finish_line = [&](std::string_view line) {
    ++line_no;
    if (line_no == 1 && line.substr(0, kBom.size()) == kBom) line.remove_prefix(kBom.size());
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const std::string_view trimmed = TrimSpaces(line);
    if (trimmed.empty() || trimmed[0] == '#') return;
    fn(line_no, line);
  };
  Status s = fs.ReadChunks(path, [&](std::string_view chunk) {
    while (!chunk.empty()) {
      const size_t nl = chunk.find('\n');
      const std::string_view part = chunk.substr(0, nl);
      if (!skipping_long) {
        if (carry.size() + part.size() > kMaxLineBytes) {
          skipping_long = true;
          carry.clear();
        } else if (nl == std::string_view::npos) {
          carry.append(part);
        } else if (carry.empty()) {
          finish_line(part);
        } else {
          carry.append(part);
          finish_line(carry);
          carry.clear();
        }
      }
      if (nl == std::string_view::npos) break;
      if (skipping_long) {
        ++line_no;
        diagnostics.Warn(LineLocation(path, line_no), "line longer than 1 MiB skipped");
        skipping_long = false;
      }
      chunk.remove_prefix(nl + 1);
    }
  });
  if (!s) return s;
  if (skipping_long) {
    diagnostics.Warn(LineLocation(path, line_no + 1), "line longer than 1 MiB skipped");
  } else if (!carry.empty()) {
    finish_line(carry);
  }
  return Ok();
}

bool SplitCsvLine(std::string_view line, std::vector<std::string>& cells) {
  cells.clear();
  std::string cell;
  bool quoted = false, was_quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"' && TrimSpaces(cell).empty() && !was_quoted) {
      cell.clear();
      quoted = was_quoted = true;
    } else if (c == ',') {
      cells.push_back(std::move(cell));
      cell.clear();
      was_quoted = false;
    } else {
      cell += c;
    }
  }
  cells.push_back(std::move(cell));
  return !quoted;
}

}  // namespace internal
}  // namespace casegraph::hashing
