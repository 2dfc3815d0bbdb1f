// CSV hash sets: a generic header CSV (a hash-type + value column pair, or one column per
// algorithm as in NSRLFile.txt), the ThreatExchange `dataset --csv` export and HashKeeper .hsh.
// The first meaningful line is the header; every later line one row.
#include <algorithm>
#include <optional>

#include "hashing/hashset_format_parts.h"

namespace casegraph::hashing::internal {
namespace {

std::optional<size_t> FindColumn(const std::vector<std::string>& header, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == n) return i;
    }
  }
  return std::nullopt;
}

std::string Cell(const std::vector<std::string>& row, std::optional<size_t> col) {
  if (!col || *col >= row.size()) return "";
  return std::string(TrimSpaces(row[*col]));
}

std::string AlgorithmOfTypeName(const std::string& type) {
  const std::string t = LowerAscii(type);
  if (t == "md5" || t == "video_md5" || t == "hash_md5") return "md5";
  if (t == "sha1" || t == "sha-1" || t == "hash_sha1") return "sha1";
  if (t == "sha256" || t == "sha-256" || t == "video_sha256" || t == "hash_sha256") return "sha256";
  if (t == "pdq" || t == "hash_pdq") return "pdq";
  return "";
}

void EmitRowValue(const std::string& path, size_t line_no, const std::string& algorithm, const std::string& value,
                  const std::string& label, std::optional<int> quality, const Emit& emit, Diagnostics& d) {
  auto v = NormalizeHashValue(algorithm, value);
  if (!v) {
    d.Warn(LineLocation(path, line_no), v.error().message());
    return;
  }
  emit(HashSetEntry{algorithm, std::move(*v), label, algorithm == "pdq" ? quality : std::nullopt, "line " + std::to_string(line_no)});
}

std::optional<int> QualityCell(const std::string& s) {
  if (s.empty() || s.size() > 3 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
  const int q = std::stoi(s);  // at most 3 digits: cannot throw
  return q <= 100 ? std::optional<int>(q) : std::nullopt;
}

// Calls `row` for every data line after the header; lines with an open quote are warnings.
Status ForEachCsvRow(const FileSystem& fs, const std::string& path, Diagnostics& d,
                     const std::function<Status(const std::vector<std::string>& header)>& on_header,
                     const std::function<void(size_t line_no, const std::vector<std::string>& row)>& row) {
  std::vector<std::string> cells;
  bool have_header = false;
  Status header_status;
  Status s = ForEachLine(fs, path, d, [&](size_t line_no, std::string_view line) {
    if (!header_status.ok()) return;
    if (!SplitCsvLine(line, cells)) {
      d.Warn(LineLocation(path, line_no), "unterminated quote");
      return;
    }
    if (!have_header) {
      have_header = true;
      for (auto& c : cells) c = LowerAscii(TrimSpaces(c));
      header_status = on_header(cells);
      if (!header_status.ok()) header_status = header_status.error().WithFile(path);
      return;
    }
    row(line_no, cells);
  });
  if (!s) return s;
  return header_status;
}

}  // namespace

Status ReadHeaderCsv(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d) {
  std::optional<size_t> type_col, value_col, label_col, quality_col;
  std::vector<std::pair<size_t, std::string>> direct;  // (column, algorithm) for md5/sha1/sha256/pdq columns
  auto on_header = [&](const std::vector<std::string>& h) -> Status {
    type_col = FindColumn(h, {"hash_type", "hashtype", "hash type", "algorithm", "algo", "type"});
    value_col = FindColumn(h, {"hash", "value", "hash_value", "digest"});
    label_col = FindColumn(h, {"label", "category", "name", "file_name", "filename", "description", "comment"});
    quality_col = FindColumn(h, {"quality"});
    for (size_t i = 0; i < h.size(); ++i) {
      const std::string a = AlgorithmOfTypeName(h[i]);
      if (!a.empty()) direct.emplace_back(i, a);
    }
    if (!value_col && direct.empty()) {
      return Error::InvalidArgument("CSV header names no hash column (expected hash/value, or md5/sha1/sha256/pdq)",
                                    Location{"", "line 1"});
    }
    return Ok();
  };
  auto on_row = [&](size_t line_no, const std::vector<std::string>& row) {
    const std::string label = Cell(row, label_col);
    const std::optional<int> quality = QualityCell(Cell(row, quality_col));
    if (value_col) {
      const std::string value = Cell(row, value_col);
      std::string algorithm;
      if (type_col) {
        algorithm = AlgorithmOfTypeName(Cell(row, type_col));
        if (algorithm.empty()) {
          d.Warn(LineLocation(path, line_no), "unknown hash type '" + Cell(row, type_col) + "'");
          return;
        }
      } else {
        algorithm = value.size() == 32 ? "md5" : value.size() == 40 ? "sha1" : "sha256";
      }
      EmitRowValue(path, line_no, algorithm, value, label, quality, emit, d);
      return;
    }
    bool any = false;
    for (const auto& [col, algorithm] : direct) {
      const std::string value = Cell(row, col);
      if (value.empty()) continue;
      any = true;
      EmitRowValue(path, line_no, algorithm, value, label, quality, emit, d);
    }
    if (!any) d.Warn(LineLocation(path, line_no), "row holds no hash");
  };
  return ForEachCsvRow(fs, path, d, on_header, on_row);
}

Status ReadThreatExchangeCsv(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d) {
  std::optional<size_t> type_col, value_col, category_col, tags_col;
  auto on_header = [&](const std::vector<std::string>& h) -> Status {
    type_col = FindColumn(h, {"signal_type"});
    value_col = FindColumn(h, {"signal_str"});
    category_col = FindColumn(h, {"category"});
    tags_col = FindColumn(h, {"tags"});
    if (!type_col || !value_col) {
      return Error::InvalidArgument("ThreatExchange CSV needs the columns signal_type and signal_str", Location{"", "line 1"});
    }
    return Ok();
  };
  auto on_row = [&](size_t line_no, const std::vector<std::string>& row) {
    const std::string type = LowerAscii(Cell(row, type_col));
    const std::string algorithm = AlgorithmOfSignalType(type);
    if (algorithm.empty()) {
      d.Warn(LineLocation(path, line_no), IsKnownSignalType(type) ? "signal type '" + type + "' is not a file hash; skipped"
                                                                  : "unknown signal type '" + type + "'; skipped");
      return;
    }
    std::string label = Cell(row, category_col);
    const std::string tags = Cell(row, tags_col);
    if (!tags.empty()) label += (label.empty() ? "" : "; ") + std::string("tags: ") + tags;
    EmitRowValue(path, line_no, algorithm, Cell(row, value_col), label, std::nullopt, emit, d);
  };
  return ForEachCsvRow(fs, path, d, on_header, on_row);
}

Status ReadHashKeeper(const FileSystem& fs, const std::string& path, const Emit& emit, Diagnostics& d) {
  auto on_header = [&](const std::vector<std::string>& h) -> Status {
    if (h.size() < 5 || h[0] != "file_id" || h[4] != "hash") {
      return Error::InvalidArgument("not a HashKeeper header (\"file_id\",\"hashset_id\",\"file_name\",\"directory\",\"hash\",…)",
                                    Location{"", "line 1"});
    }
    return Ok();
  };
  auto on_row = [&](size_t line_no, const std::vector<std::string>& row) {
    if (row.size() < 5) {
      d.Warn(LineLocation(path, line_no), "HashKeeper row has " + std::to_string(row.size()) + " fields, expected 12");
      return;
    }
    EmitRowValue(path, line_no, "md5", std::string(TrimSpaces(row[4])), std::string(TrimSpaces(row[2])), std::nullopt, emit, d);
  };
  return ForEachCsvRow(fs, path, d, on_header, on_row);
}

}  // namespace casegraph::hashing::internal
