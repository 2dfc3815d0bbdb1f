// `show` for the mapped importer: the source record at a locator, read again from the
// evidence, without the mapping (the locator alone says where: see mapped_input.h).
#include <simdjson.h>

#include "ingest/export_folder.h"
#include "ingest/json_scan.h"
#include "ingest/mapped_csv.h"
#include "ingest/mapped_importer.h"
#include "ingest/mapped_path.h"

namespace casegraph::ingest {
namespace {

namespace od = simdjson::ondemand;

std::string Unescape(std::string_view token) {
  std::string out;
  for (size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

// The raw JSON at `pointer` ("" for the whole value) of the document `json`.
Result<std::string> RawAt(std::string_view json, size_t capacity, const std::string& pointer, const std::string& file,
                          const std::string& locator) {
  od::parser parser;
  od::document doc;
  auto fail = [&](simdjson::error_code err) -> Error {
    if (err == simdjson::NO_SUCH_FIELD || err == simdjson::INDEX_OUT_OF_BOUNDS || err == simdjson::INVALID_JSON_POINTER ||
        err == simdjson::INCORRECT_TYPE) {
      return Error::NotFound("mapped: nothing at " + locator + " in " + file, Location{file, locator});
    }
    return Error::Corrupt(std::string("mapped: invalid JSON: ") + simdjson::error_message(err), Location{file, locator});
  };
  if (auto err = parser.iterate(simdjson::padded_string_view(json.data(), json.size(), capacity)).get(doc)) return fail(err);
  if (pointer.empty()) {
    std::string_view raw;
    if (auto err = doc.raw_json().get(raw)) return fail(err);
    return std::string(TrimJsonToken(raw));
  }
  od::value value;
  if (auto err = doc.at_pointer(pointer).get(value)) return fail(err);
  std::string_view raw;
  if (auto err = RawJsonText(value, raw)) return fail(err);
  return std::string(raw);
}

bool LooksLikeCsv(const std::string& file, std::string_view line) {
  const size_t dot = file.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : file.substr(dot + 1);
  if (ext == "csv" || ext == "tsv") return true;
  if (ext == "jsonl" || ext == "ndjson" || ext == "json") return false;
  const size_t first = line.find_first_not_of(" \t");
  return first == std::string_view::npos || (line[first] != '{' && line[first] != '[');
}

// Physical line `n` (1-based) without its line end.
std::optional<std::string_view> LineAt(std::string_view text, size_t n) {
  size_t start = 0;
  for (size_t i = 1; i < n; ++i) {
    const size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return std::nullopt;
    start = nl + 1;
  }
  if (start >= text.size()) return std::nullopt;
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(start, end - start);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

Result<std::string> MappedImporter::Show(const Source& source, const std::string& locator) const {
  if (source.fs == nullptr) return Error::Internal("mapped: no file system given");
  if (locator.empty() || locator[0] != '/') {
    return Error::InvalidArgument("mapped: a locator starts with '/' (\"/rooms/0/messages/3\", \"/line:12\"), not '" +
                                  locator + "'", Location{source.path, locator});
  }
  std::string rel, rest = locator;
  if (source.is_directory) {
    const size_t end = std::min(locator.find('/', 1), locator.size());
    rel = Unescape(std::string_view(locator).substr(1, end - 1));
    rest = locator.substr(end);
    if (rel.empty() || LeavesFolder(rel)) {
      return Error::InvalidArgument("mapped: the locator does not name a file of the exhibit", Location{source.path, locator});
    }
  }
  const std::string path = rel.empty() ? source.path : JoinPath(source.path, rel);
  const std::string label = rel.empty() ? source.path : rel;
  auto view = source.fs->Map(path);
  if (!view) return Error::NotFound("mapped: cannot read " + label + ": " + view.error().message(), Location{label, locator});
  std::string_view bytes = (*view)->bytes();
  size_t capacity = bytes.size() + FileView::kPadding;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    capacity -= 3;
  }
  if (rest.rfind("/line:", 0) != 0) return RawAt(bytes, capacity, rest, label, locator);

  size_t pos = 6, n = 0;
  while (pos < rest.size() && rest[pos] >= '0' && rest[pos] <= '9' && n < 100000000000) n = n * 10 + (rest[pos++] - '0');
  if (pos == 6 || n == 0 || (pos < rest.size() && rest[pos] != '/')) {
    return Error::InvalidArgument("mapped: expected /line:N in the locator", Location{label, locator});
  }
  const std::string tail = rest.substr(pos);
  auto line = LineAt(bytes, n);
  if (!line) return Error::NotFound("mapped: " + label + " has no line " + std::to_string(n), Location{label, locator});
  if (LooksLikeCsv(label, *line)) {
    if (!tail.empty()) return Error::NotFound("mapped: a csv row has no parts", Location{label, locator});
    return mapped::CsvRecordAtLine(bytes, n, '"', label);
  }
  if (tail.empty()) return std::string(*line);
  std::string padded(*line);
  const size_t size = padded.size();
  padded.append(simdjson::SIMDJSON_PADDING, ' ');
  return RawAt(std::string_view(padded.data(), size), padded.size(), tail, label, locator);
}

}  // namespace casegraph::ingest
