// Streaming JSON output in Telegram Desktop's style (one space of indentation per level,
// "key": value, no trailing newline) through one reused 1 MiB buffer, so documents of any size
// are written in constant memory. Also: tdesktop-style string escaping and small-file helpers.
// Not thread-safe.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "base/result.h"

namespace casegraph::synth {

// Appends `text` as a quoted JSON string: `"` `\` `\n` `\r` `\t` escaped, other control
// characters as \u00XX (or as tdesktop's invalid \xNN when `x_escapes`), U+2028/U+2029 as
// \u2028/\u2029, all other bytes (UTF-8) raw, as tdesktop writes them.
void AppendJsonString(std::string_view text, std::string* out, bool x_escapes = false);

class JsonFileWriter {
 public:
  static constexpr size_t kBufferBytes = size_t{1} << 20;

  JsonFileWriter() = default;
  ~JsonFileWriter();
  JsonFileWriter(const JsonFileWriter&) = delete;
  JsonFileWriter& operator=(const JsonFileWriter&) = delete;

  Status Open(const std::string& path);
  // Flushes and closes; reports any write error seen since Open.
  Status Finish();
  uint64_t bytes_written() const { return flushed_ + buffer_.size(); }

  // Structure. Open* write the bracket where a value is expected; Key and Item start the next
  // member/element (comma, newline, indentation); End writes newline, indentation, bracket.
  void OpenObject() { Push('{'); }
  void OpenArray() { Push('['); }
  void End();
  void Key(std::string_view key);
  void Item();

  // Values.
  void String(std::string_view text, bool x_escapes = false) {
    AppendJsonString(text, &buffer_, x_escapes);
    MaybeFlush();
  }
  void Number(int64_t value);
  void Raw(std::string_view bytes) {
    buffer_.append(bytes);
    MaybeFlush();
  }
  // Convenience: "key": "text" / "key": number.
  void KeyString(std::string_view key, std::string_view text) {
    Key(key);
    String(text);
  }
  void KeyNumber(std::string_view key, int64_t value) {
    Key(key);
    Number(value);
  }

  int depth() const { return depth_; }

 private:
  static constexpr int kMaxDepth = 32;
  void Push(char bracket);
  void Indent(int levels) { buffer_.append(static_cast<size_t>(levels), ' '); }
  void MaybeFlush() {
    if (buffer_.size() >= kBufferBytes) Flush();
  }
  void Flush();

  std::FILE* file_ = nullptr;
  std::string path_;
  std::string buffer_;
  uint64_t flushed_ = 0;
  bool failed_ = false;
  int depth_ = 0;
  char closers_[kMaxDepth] = {};
  bool had_item_[kMaxDepth] = {};
};

// Writes `bytes` to `path` (replacing it).
Status WriteSmallFile(const std::string& path, std::string_view bytes);
// mkdir -p.
Status MakeDirectories(const std::string& path);

}  // namespace casegraph::synth
