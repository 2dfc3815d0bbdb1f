// Located errors and account de-duplication for the Telegram importer (see telegram_context.h).
#include "ingest/telegram_context.h"

#include "ingest/json_scan.h"

namespace casegraph::ingest {
namespace {

std::string PointerText(std::string_view pointer) {
  return pointer.empty() ? std::string("the root") : std::string(pointer);
}

}  // namespace

size_t JsonErrors::OriginalOffset(const char* position) const {
  if (position < json_.data() || position > json_.data() + json_.size()) return original_size_;
  const auto offset = static_cast<size_t>(position - json_.data());
  return base_offset_ + (repaired_ != nullptr ? repaired_->ToOriginal(offset) : offset);
}

Error JsonErrors::Type(std::string_view expected, std::string_view pointer) const {
  return Error::Corrupt("telegram-json: expected " + std::string(expected) + " at " + PointerText(pointer),
                        Location{file_label_, std::string(pointer)});
}

Error JsonErrors::Parse(simdjson::error_code code, std::string_view pointer) const {
  if (code == simdjson::UTF8_ERROR) {
    auto bad = FirstInvalidUtf8(json_);
    const size_t at = bad ? OriginalOffset(json_.data() + *bad) : 0;
    const std::string byte = "byte " + std::to_string(at);
    return Error::Corrupt("telegram-json: invalid UTF-8 at " + byte + " (the file is damaged or not UTF-8 text)",
                          Location{file_label_, byte});
  }
  if (code == simdjson::DEPTH_ERROR) {
    return Error::Corrupt("telegram-json: JSON nested deeper than the parser's limit while reading " +
                              PointerText(pointer),
                          Location{file_label_, std::string(pointer)});
  }
  if (auto cut = TruncationPointer(json_)) {
    // The scan names the value being written where the data ends, which is more precise than
    // where the parser noticed (simdjson checks a root object's last byte before reading it).
    const std::string& where = cut->empty() ? std::string(pointer) : *cut;
    const std::string byte = "byte " + std::to_string(original_size_);
    return Error::Corrupt("telegram-json: truncated JSON: the file ends at " + byte + " while reading " +
                              PointerText(where) + " (an export that crashed or was cut short)",
                          Location{file_label_, where.empty() ? byte : where});
  }
  if (code == simdjson::INCORRECT_TYPE) return Type("another JSON type", pointer);
  size_t at = original_size_;
  if (doc_ != nullptr) {
    const char* position = nullptr;
    if (!doc_->current_location().get(position)) at = OriginalOffset(position);
  }
  const std::string byte = "byte " + std::to_string(at);
  return Error::Corrupt("telegram-json: invalid JSON (" + std::string(simdjson::error_message(code)) + ") at " +
                            byte + " while reading " + PointerText(pointer),
                        Location{file_label_, byte});
}

void AccountBook::Remember(std::string_view ref, std::string_view name) {
  Recent& slot = recent_[recent_next_];
  slot.ref.assign(ref);
  slot.name.assign(name);
  recent_next_ = (recent_next_ + 1) % kRecent;
  if (recent_used_ < kRecent) ++recent_used_;
}

bool AccountBook::FirstTime(std::string_view ref, std::string_view name) {
  for (size_t i = 0; i < recent_used_; ++i) {
    if (recent_[i].ref == ref && recent_[i].name == name) return false;
  }
  key_.assign(ref);
  key_.push_back('\x1f');
  key_.append(name);
  const bool seen = pairs_.find(key_) != pairs_.end();
  if (!seen) {
    pairs_.insert(key_);
    if (refs_.find(std::string(ref)) == refs_.end()) refs_.emplace(ref);
  }
  Remember(ref, name);
  return !seen;
}

}  // namespace casegraph::ingest
