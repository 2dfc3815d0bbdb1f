// Buffered tdesktop-style JSON writer and escaping (see json_output.h).
#include "synth/json_output.h"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace casegraph::synth {
namespace {

// Bytes that stop the copy loop: control characters, '"', '\\', and 0xE2 (which may start U+2028/9).
struct EscapeTable {
  bool stop[256] = {};
  constexpr EscapeTable() {
    for (int c = 0; c < 0x20; ++c) stop[c] = true;
    stop[static_cast<unsigned char>('"')] = stop[static_cast<unsigned char>('\\')] = stop[0xE2] = true;
  }
};
constexpr EscapeTable kEscape;

bool NeedsEscape(unsigned char c) { return kEscape.stop[c]; }

}  // namespace

void AppendJsonString(std::string_view text, std::string* out, bool x_escapes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  out->push_back('"');
  size_t run = 0;  // start of the pending run of bytes copied as they are
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!NeedsEscape(c)) continue;
    if (c == 0xE2) {  // only U+2028 / U+2029 (E2 80 A8 / E2 80 A9) are escaped
      if (i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
           static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
        out->append(text.data() + run, i - run);
        out->append(static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029");
        i += 2;
        run = i + 1;
      }
      continue;
    }
    out->append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      default:
        out->append(x_escapes ? "\\x" : "\\u00");
        out->push_back(kHex[c >> 4]);
        out->push_back(kHex[c & 0xF]);
    }
  }
  out->append(text.data() + run, text.size() - run);
  out->push_back('"');
}

JsonFileWriter::~JsonFileWriter() {
  if (file_ != nullptr) std::fclose(file_);
}

Status JsonFileWriter::Open(const std::string& path) {
  if (file_ != nullptr) return Error::Internal("writer already open", Location{path, ""});
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) {
    return Error::Io(std::string("cannot create file: ") + std::strerror(errno), Location{path, ""});
  }
  std::setvbuf(file_, nullptr, _IONBF, 0);  // we buffer ourselves
  path_ = path;
  buffer_.clear();
  buffer_.reserve(kBufferBytes + 64 * 1024);
  flushed_ = 0;
  failed_ = false;
  depth_ = 0;
  return Ok();
}

Status JsonFileWriter::Finish() {
  if (file_ == nullptr) return Error::Internal("writer not open");
  Flush();
  const bool close_failed = std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed_ || close_failed) {
    return Error::Io(std::string("write failed: ") + std::strerror(errno), Location{path_, ""});
  }
  return Ok();
}

void JsonFileWriter::Flush() {
  if (file_ == nullptr || buffer_.empty()) return;
  if (!failed_ && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) {
    failed_ = true;
  }
  flushed_ += buffer_.size();
  buffer_.clear();
}

void JsonFileWriter::Push(char bracket) {
  buffer_.push_back(bracket);
  if (depth_ < kMaxDepth) {
    closers_[depth_] = bracket == '{' ? '}' : ']';
    had_item_[depth_] = false;
  }
  ++depth_;
}

void JsonFileWriter::End() {
  if (depth_ == 0) return;
  --depth_;
  buffer_.push_back('\n');
  Indent(depth_);
  buffer_.push_back(depth_ < kMaxDepth ? closers_[depth_] : '}');
  MaybeFlush();
}

void JsonFileWriter::Key(std::string_view key) {
  Item();
  AppendJsonString(key, &buffer_);
  buffer_.append(": ");
}

void JsonFileWriter::Item() {
  const int top = depth_ - 1;
  if (top >= 0 && top < kMaxDepth) {
    if (had_item_[top]) buffer_.push_back(',');
    had_item_[top] = true;
  }
  buffer_.push_back('\n');
  Indent(depth_);
}

void JsonFileWriter::Number(int64_t value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  buffer_.append(digits, static_cast<size_t>(end - digits));
  MaybeFlush();
}

Status WriteSmallFile(const std::string& path, std::string_view bytes) {
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return Error::Io(std::string("cannot create file: ") + std::strerror(errno), Location{path, ""});
  }
  const bool wrote = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
  const bool closed = std::fclose(file) == 0;
  if (!wrote || !closed) return Error::Io("cannot write file", Location{path, ""});
  return Ok();
}

Status MakeDirectories(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) return Error::Io("cannot create folder: " + ec.message(), Location{path, ""});
  return Ok();
}

}  // namespace casegraph::synth
