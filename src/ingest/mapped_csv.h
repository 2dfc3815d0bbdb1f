// A small RFC 4180 reader for the mapped importer: quoted fields with embedded delimiters and
// newlines, doubled quotes, CRLF/LF/CR line ends, a UTF-8 byte-order mark. Each record keeps the
// physical line it starts on and its byte span, for locators and `show`. Debian's only C CSV
// library (libcsv) reports neither, hence this reader (docs/formats/mapped.md).
// Lenient where real exports are sloppy: a quote inside an unquoted field is kept as text, text
// after a closing quote is appended. A quoted field still open at the end of the data is an
// error naming the line where it opened.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace casegraph::ingest::mapped {

struct CsvRecord {
  size_t line = 0;               // 1-based physical line where the record starts
  size_t begin = 0, end = 0;     // byte span in the text (without the line end)
  std::vector<std::string> fields;
};

class CsvReader {
 public:
  CsvReader(std::string_view text, char delimiter = ',', char quote = '"');
  // The next non-blank record into `out`; false at the end of the data. `file` names errors.
  Result<bool> Next(CsvRecord& out, const std::string& file);

 private:
  std::string_view text_;
  // '\0' (for `show`, which has no mapping) takes any of , ; TAB | as a delimiter.
  bool IsDelimiter(char c) const {
    return delimiter_ == '\0' ? (c == ',' || c == ';' || c == '\t' || c == '|') : c == delimiter_;
  }
  char delimiter_, quote_;
  size_t pos_ = 0;
  size_t line_ = 1;
};

// The bytes of the record that starts on physical line `line` (for `show`), or nullopt.
Result<std::string> CsvRecordAtLine(std::string_view text, size_t line, char quote, const std::string& file);

}  // namespace casegraph::ingest::mapped
