#include "ingest/mapped_csv.h"

namespace casegraph::ingest::mapped {

CsvReader::CsvReader(std::string_view text, char delimiter, char quote)
    : text_(text), delimiter_(delimiter), quote_(quote) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

Result<bool> CsvReader::Next(CsvRecord& out, const std::string& file) {
  while (pos_ < text_.size()) {
    out.fields.clear();
    out.line = line_;
    out.begin = pos_;
    std::string field;
    bool quoted = false;       // inside a quoted section
    size_t quote_line = 0;
    bool blank = true;
    while (true) {
      if (pos_ >= text_.size()) {
        if (quoted) {
          return Error::Corrupt("csv: a quoted field opened on line " + std::to_string(quote_line) +
                                    " is never closed (unbalanced quotes)",
                                Location{file, "line " + std::to_string(quote_line)});
        }
        out.end = pos_;
        break;
      }
      const char c = text_[pos_];
      if (quoted) {
        if (c == quote_) {
          if (pos_ + 1 < text_.size() && text_[pos_ + 1] == quote_) {
            field += quote_;
            pos_ += 2;
          } else {
            quoted = false;
            ++pos_;
          }
          continue;
        }
        if (c == '\n' || (c == '\r' && (pos_ + 1 >= text_.size() || text_[pos_ + 1] != '\n'))) ++line_;
        field += c;
        ++pos_;
        continue;
      }
      if (c == '\r' || c == '\n') {
        out.end = pos_;
        pos_ += (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ? 2 : 1;
        ++line_;
        break;
      }
      blank = false;
      if (IsDelimiter(c)) {
        out.fields.push_back(std::move(field));
        field.clear();
      } else if (c == quote_ && field.empty() && (pos_ == out.begin || IsDelimiter(text_[pos_ - 1]))) {
        quoted = true;
        quote_line = line_;
      } else {
        field += c;  // lenient: a stray quote inside an unquoted field is text
      }
      ++pos_;
    }
    if (blank) continue;
    out.fields.push_back(std::move(field));
    return true;
  }
  return false;
}

Result<std::string> CsvRecordAtLine(std::string_view text, size_t line, char quote, const std::string& file) {
  // Record boundaries do not depend on the delimiter, only on quotes and line ends.
  CsvReader reader(text, '\0', quote);
  CsvRecord record;
  while (true) {
    auto more = reader.Next(record, file);
    if (!more) return more.error();
    if (!*more) break;
    if (record.line == line) return std::string(text.substr(record.begin, record.end - record.begin));
    if (record.line > line) break;
  }
  return Error::NotFound("csv: no record starts on line " + std::to_string(line), Location{file, "line " + std::to_string(line)});
}

}  // namespace casegraph::ingest::mapped
