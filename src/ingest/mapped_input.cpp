#include "ingest/mapped_input.h"

#include <simdjson.h>

#include "ingest/json_scan.h"
#include "ingest/mapped_csv.h"

namespace casegraph::ingest::mapped {
namespace {

namespace od = simdjson::ondemand;

std::string_view WithoutBom(std::string_view bytes) {
  return bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes;
}

// A JSON parse error, located as well as the bytes allow: where a cut-short file ends, or the
// first invalid UTF-8 byte.
Error JsonError(simdjson::error_code err, std::string_view json, const std::string& file, const std::string& place) {
  if (auto cut = TruncationPointer(json)) {
    return Error::Corrupt("the JSON ends early (truncated file?) inside " + (cut->empty() ? std::string("/") : *cut),
                          Location{file, cut->empty() ? "byte " + std::to_string(json.size()) : *cut});
  }
  if (auto bad = FirstInvalidUtf8(json)) {
    return Error::Corrupt("invalid UTF-8", Location{file, "byte " + std::to_string(*bad)});
  }
  return Error::Corrupt(std::string("invalid JSON: ") + simdjson::error_message(err), Location{file, place});
}

// Walks `path` over one parsed document, calling `fn` with each match as a record. A JSON
// error comes back in `json_error` (the caller locates it); an error of `fn` as the Result.
Result<size_t> WalkDocument(od::document& doc, const Path& path, const std::string& base, const std::string& file,
                            const RecordFn& fn, simdjson::error_code& json_error, Diagnostics& diagnostics) {
  size_t matched = 0;
  Status failed;
  od::value root;
  json_error = doc.get_value().get(root);  // a lone scalar holds no records: SCALAR_DOCUMENT_AS_VALUE
  if (json_error) return matched;
  json_error = WalkPath(root, path, [&](od::value& value, const std::string& pointer) -> simdjson::error_code {
    std::string_view raw;
    if (auto e = RawJsonText(value, raw)) return e;
    if (raw == "null") return simdjson::SUCCESS;
    const std::string locator = base + pointer;
    if (raw.empty() || (raw[0] != '{' && raw[0] != '[')) {
      diagnostics.Warn(Location{file, locator}, "skipped a record that is not an object: " + std::string(raw.substr(0, 40)));
      return simdjson::SUCCESS;
    }
    ++matched;
    JsonRecord record(raw, file + " at " + locator);
    failed = fn(record, locator);
    return failed.ok() ? simdjson::SUCCESS : simdjson::UNEXPECTED_ERROR;  // stops the walk
  });
  if (!failed.ok()) return failed.error();
  return matched;
}

Result<size_t> JsonFile(const InputFile& file, const Path& path, const RecordFn& fn, Diagnostics& diagnostics) {
  std::string_view json = WithoutBom(file.bytes);
  const size_t bom = file.bytes.size() - json.size();
  if (json.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Error::Corrupt("empty file", Location{file.label, "byte 0"});
  }
  // On-Demand reads lazily and stops where the path's last match ends: a file cut short after
  // it would pass unnoticed, so the bytes are checked for that first (one cheap pass).
  if (auto cut = TruncationPointer(json)) return JsonError(simdjson::INCOMPLETE_ARRAY_OR_OBJECT, json, file.label, *cut);
  od::parser parser;
  od::document doc;
  if (auto err = parser.iterate(simdjson::padded_string_view(json.data(), json.size(), file.capacity - bom)).get(doc)) {
    return JsonError(err, json, file.label, "");
  }
  simdjson::error_code json_error = simdjson::SUCCESS;
  auto matched = WalkDocument(doc, path, file.prefix, file.label, fn, json_error, diagnostics);
  if (!matched) return matched.error();
  if (json_error) return JsonError(json_error, json, file.label, "");
  return matched;
}

Result<size_t> JsonLinesFile(const InputFile& file, const Path& path, const RecordFn& fn, Diagnostics& diagnostics) {
  const std::string_view text = WithoutBom(file.bytes);
  od::parser parser;
  std::string line_buffer;
  size_t matched = 0, lines = 0, bad = 0, start = 0, number = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    ++lines;
    const std::string place = "line " + std::to_string(number);
    line_buffer.assign(line);
    line_buffer.append(simdjson::SIMDJSON_PADDING, ' ');
    od::document doc;
    simdjson::error_code json_error = parser.iterate(
        simdjson::padded_string_view(line_buffer.data(), line.size(), line_buffer.size())).get(doc);
    size_t got = 0;
    if (!json_error) {
      auto walked = WalkDocument(doc, path, file.prefix + "/line:" + std::to_string(number), file.label, fn, json_error, diagnostics);
      if (!walked) return walked.error();
      got = *walked;
    }
    if (json_error) {
      ++bad;
      diagnostics.Warn(Location{file.label, place},
                       std::string("skipped a line that is not valid JSON: ") + simdjson::error_message(json_error));
      continue;
    }
    matched += got;
  }
  if (lines == 0) return Error::Corrupt("empty file", Location{file.label, "byte 0"});
  if (bad == lines) return Error::Corrupt("no line is valid JSON (is this a JSON-lines file?)", Location{file.label, "line 1"});
  return matched;
}

Result<size_t> CsvFile(const InputFile& file, const Mapping& mapping, const RecordFn& fn, Diagnostics& diagnostics) {
  CsvReader reader(file.bytes, mapping.csv.delimiter, mapping.csv.quote);
  CsvRecord header, row;
  auto got = reader.Next(header, file.label);
  if (!got) return got.error();
  if (!*got) return Error::Corrupt("empty file: no header row", Location{file.label, "byte 0"});
  size_t matched = 0;
  bool warned_width = false;
  while (true) {
    auto more = reader.Next(row, file.label);
    if (!more) return more.error();
    if (!*more) break;
    if (row.fields.size() != header.fields.size() && !warned_width) {
      warned_width = true;
      diagnostics.Warn(Location{file.label, "line " + std::to_string(row.line)},
                       "row has " + std::to_string(row.fields.size()) + " fields, the header " +
                           std::to_string(header.fields.size()) + " (further such rows are not reported)");
    }
    ++matched;
    CsvRow record(&header.fields, &row.fields);
    CASEGRAPH_RETURN_IF_ERROR(fn(record, file.prefix + "/line:" + std::to_string(row.line)));
  }
  return matched;
}

}  // namespace

Result<size_t> ForEachRecord(const InputFile& file, const Mapping& mapping, const Path& path, const RecordFn& fn,
                             Diagnostics& diagnostics) {
  switch (mapping.input) {
    case InputKind::kJson: return JsonFile(file, path, fn, diagnostics);
    case InputKind::kJsonLines: return JsonLinesFile(file, path, fn, diagnostics);
    case InputKind::kCsv: return CsvFile(file, mapping, fn, diagnostics);
  }
  return size_t{0};
}

}  // namespace casegraph::ingest::mapped
