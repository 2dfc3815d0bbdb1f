// Telegram Desktop writes two kinds of invalid JSON (docs/formats/telegram-json.md):
//  - `\xNN` escapes for control characters. simdjson On-Demand checks escapes only when a
//    string is decoded, and the importer decodes strings itself (GetString in json_values.h,
//    which accepts `\xNN`), so these need no copy of the file: ScanTelegramQuirks only counts
//    them for the import's warning.
//  - the v4.1.1 unquoted custom_emoji `"document_id": some/path`, which breaks the structure.
//    Only then is a repaired copy made (the value quoted, and `\xNN` turned into `\u00NN` on
//    the way), with a map back to original byte offsets.
// The original bytes are never changed. Pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casegraph::ingest {

class RepairedJson {
 public:
  // The repaired text (without the zero padding that follows it in storage).
  std::string_view text() const { return {storage_.data(), size_}; }
  // Bytes of storage available from text().data() (size + padding), for simdjson.
  size_t capacity() const { return storage_.size(); }
  // The byte offset in the original file that `offset` in the repaired text came from.
  size_t ToOriginal(size_t offset) const;
  size_t escapes_fixed() const { return escapes_fixed_; }
  size_t values_quoted() const { return values_quoted_; }

 private:
  friend class JsonRepairer;
  std::string storage_;
  size_t size_ = 0;
  // (end of an edit in the repaired text, repaired minus original offset after it), ascending.
  std::vector<std::pair<size_t, int64_t>> edits_;
  size_t escapes_fixed_ = 0;
  size_t values_quoted_ = 0;
};

// memmem over a string_view: the offset of `needle` at or after `from`, or npos.
size_t FindBytes(std::string_view haystack, std::string_view needle, size_t from);

// What one SIMD pass over the bytes finds of Telegram Desktop's invalid JSON.
struct TelegramQuirks {
  // `\xNN` escapes: a backslash preceded by an even run of backslashes, then x and two hex digits.
  size_t backslash_x_escapes = 0;
  // A `"document_id":` followed by a bare (unquoted) value: the file needs a repaired copy.
  bool unquoted_document_id = false;
};
TelegramQuirks ScanTelegramQuirks(std::string_view json);

// True when `json` needs a repaired copy to be parsed (an unquoted document_id value).
bool MayNeedTelegramRepair(std::string_view json);

// The repaired copy followed by `padding` zero bytes, or nullopt when no structural repair is
// needed (`\xNN` escapes alone are read from the original bytes and make no copy).
std::optional<RepairedJson> RepairTelegramJson(std::string_view json, size_t padding);

}  // namespace casegraph::ingest
