// Line-per-hash readers: md5sum/sha1sum/sha256sum output (GNU and BSD styles, as TSK's
// md5sum.cpp accepts them), PDQ lists (the hash list the C++ reference tools read and the
// `hash,quality,filename` lines its hasher prints) and ThreatExchange local_file lines.
#include <charconv>

#include "hashing/hashset_format_parts.h"

namespace casegraph::hashing::internal {
namespace {

// GNU coreutils escapes a name holding '\\', '\n' or '\r' and marks the line with a leading '\\'.
std::string UnescapeGnuName(std::string_view name) {
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '\\' && i + 1 < name.size()) {
      const char n = name[++i];
      out += n == 'n' ? '\n' : n == 'r' ? '\r' : n;
    } else {
      out += name[i];
    }
  }
  return out;
}

std::string AlgorithmOfLength(size_t n) {
  if (n == 32) return "md5";
  if (n == 40) return "sha1";
  if (n == 64) return "sha256";
  return "";
}

std::string AlgorithmOfBsdTag(std::string_view tag) {
  const std::string t = LowerAscii(tag);
  if (t == "md5") return "md5";
  if (t == "sha1" || t == "sha-1") return "sha1";
  if (t == "sha256" || t == "sha-256") return "sha256";
  return "";
}

// Emits the entry or warns why the value is not one.
void EmitChecked(const std::string& path, size_t line_no, std::string algorithm, std::string_view value, std::string label,
                 std::optional<int> quality, const Emit& emit, Diagnostics& d) {
  auto v = NormalizeHashValue(algorithm, value);
  if (!v) {
    d.Warn(LineLocation(path, line_no), v.error().message());
    return;
  }
  emit(HashSetEntry{std::move(algorithm), std::move(*v), std::move(label), quality, "line " + std::to_string(line_no)});
}

std::optional<int> ParseQuality(std::string_view s) {
  s = TrimSpaces(s);
  int q = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), q);
  if (ec != std::errc() || p != s.data() + s.size() || q < 0 || q > 100) return std::nullopt;
  return q;
}

bool AllDigits(std::string_view s) {
  s = TrimSpaces(s);
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Status ReadDigestList(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d) {
  return ForEachLine(fs, path, d, [&](size_t line_no, std::string_view line) {
    const bool escaped = line[0] == '\\';
    if (escaped) line.remove_prefix(1);
    // BSD: "TAG (name) = HEX".
    const size_t open = line.find(" (");
    const size_t close = line.rfind(") = ");
    if (open != std::string_view::npos && close != std::string_view::npos && close > open && open <= 8 &&
        !IsHex(line.substr(0, open))) {
      const std::string algorithm = AlgorithmOfBsdTag(line.substr(0, open));
      if (algorithm.empty()) {
        d.Warn(LineLocation(path, line_no), "unsupported digest '" + std::string(line.substr(0, open)) + "' (md5, sha1, sha256 are read)");
        return;
      }
      std::string name(line.substr(open + 2, close - open - 2));
      EmitChecked(path, line_no, algorithm, TrimSpaces(line.substr(close + 4)), escaped ? UnescapeGnuName(name) : name,
                  std::nullopt, emit, d);
      return;
    }
    // GNU: "HEX  name" (text mode), "HEX *name" (binary mode), or a bare digest.
    size_t end = 0;
    while (end < line.size() && line[end] != ' ' && line[end] != '\t') ++end;
    const std::string_view hex = line.substr(0, end);
    std::string_view name = line.substr(end);
    if (!name.empty()) name.remove_prefix(1);
    if (!name.empty() && (name[0] == '*' || name[0] == ' ')) name.remove_prefix(1);
    const std::string algorithm = AlgorithmOfLength(hex.size());
    if (algorithm.empty() || !IsHex(hex)) {
      d.Warn(LineLocation(path, line_no), IsHex(hex) ? std::to_string(hex.size()) + " hex digits is not an md5, sha1 or sha256 digest"
                                                     : "not a digest line: '" + std::string(line.substr(0, 60)) + "'");
      return;
    }
    EmitChecked(path, line_no, algorithm, hex, escaped ? UnescapeGnuName(name) : std::string(name), std::nullopt, emit, d);
  });
}

Status ReadPdqList(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d) {
  std::vector<std::string> fields;
  return ForEachLine(fs, path, d, [&](size_t line_no, std::string_view line) {
    SplitCsvLine(line, fields);
    std::string_view hash = TrimSpaces(fields[0]);
    if (hash.substr(0, 5) == "hash=") hash.remove_prefix(5);
    std::optional<int> quality;
    std::string label;
    for (size_t i = 1; i < fields.size(); ++i) {
      const std::string_view f = TrimSpaces(fields[i]);
      if (f.substr(0, 8) == "quality=") {
        quality = ParseQuality(f.substr(8));
      } else if (f.substr(0, 9) == "filename=") {
        label = std::string(f.substr(9));
      } else if (f.substr(0, 5) == "norm=" || f.substr(0, 6) == "delta=") {
        continue;  // --details statistics, not metadata
      } else if (i == 1 && AllDigits(f)) {
        quality = ParseQuality(f);  // `hash,quality,filename` from the C++ hasher
        if (!quality) d.Warn(LineLocation(path, line_no), "quality '" + std::string(f) + "' is not 0..100; ignored");
      } else {
        if (!label.empty()) label += ',';
        label += f;
      }
    }
    EmitChecked(path, line_no, "pdq", hash, std::move(label), quality, emit, d);
  });
}

Status ReadThreatExchangeLines(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d) {
  return ForEachLine(fs, path, d, [&](size_t line_no, std::string_view line) {
    line = TrimSpaces(line);
    const size_t space = line.find_first_of(" \t");
    if (space == std::string_view::npos) {
      // A bare value: the collaboration fixes the type; PDQ is the common case for 64 digits.
      const std::string algorithm = line.size() == 32 ? "md5" : "pdq";
      EmitChecked(path, line_no, algorithm, line, "", std::nullopt, emit, d);
      return;
    }
    const std::string type = LowerAscii(line.substr(0, space));
    const std::string algorithm = AlgorithmOfSignalType(type);
    if (algorithm.empty()) {
      d.Warn(LineLocation(path, line_no), IsKnownSignalType(type) ? "signal type '" + type + "' is not a file hash; skipped"
                                                                  : "unknown signal type '" + type + "'; skipped");
      return;
    }
    EmitChecked(path, line_no, algorithm, TrimSpaces(line.substr(space + 1)), "", std::nullopt, emit, d);
  });
}

std::string AlgorithmOfSignalType(std::string_view signal_type) {
  if (signal_type == "pdq") return "pdq";
  if (signal_type == "video_md5") return "md5";
  if (signal_type == "video_sha256") return "sha256";
  return "";
}

bool IsKnownSignalType(std::string_view t) {
  static const char* const kTypes[] = {"pdq",  "video_md5", "video_sha256", "url",  "url_md5",  "raw_text", "trend_query",
                                       "vpdq", "pdq_ocr",   "text_tlsh",    "clip", "photodna", "tmk_pdqf"};
  for (const char* k : kTypes) {
    if (t == k) return true;
  }
  return false;
}

}  // namespace casegraph::hashing::internal
