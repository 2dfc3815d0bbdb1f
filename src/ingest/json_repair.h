// Repairs the two kinds of invalid JSON that Telegram Desktop writes, so that a strict parser
// (simdjson) can read the file: `\xNN` escapes for control characters (becomes `\u00NN`) and
// the v4.1.1 unquoted custom_emoji `"document_id": some/path` (becomes a quoted string). See
// docs/formats/telegram-json.md. The original bytes are never changed: a repaired copy is made
// only when a repair is needed, with a map back to original byte offsets. Pure functions.
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

// Cheap test (memmem) whether `json` may need a repair; false means it certainly does not.
bool MayNeedTelegramRepair(std::string_view json);

// The repaired copy followed by `padding` zero bytes, or nullopt when nothing needed fixing.
std::optional<RepairedJson> RepairTelegramJson(std::string_view json, size_t padding);

}  // namespace casegraph::ingest
