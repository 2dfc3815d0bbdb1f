// Per-run state of one Telegram import, shared by the walker (telegram_walker.cpp) and the
// message reader (telegram_message.cpp): where records go, the time policy, which accounts were
// already sent, and how simdjson failures become located Errors. Lives on Import's stack; one
// thread. Internal to the telegram-json importer.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "base/diagnostics.h"
#include "base/result.h"
#include "ingest/export_folder.h"
#include "ingest/importer.h"
#include "ingest/json_repair.h"
#include "ingest/sink.h"
#include "ingest/telegram_time.h"

namespace casegraph::ingest {

// Builds Errors that name the file, the JSON pointer being read and, for syntax damage, the
// byte offset in the original file.
class JsonErrors {
 public:
  // `json` is the text being parsed: the file from `base_offset` on (after a byte-order mark),
  // or its repaired copy.
  JsonErrors(std::string file_label, std::string_view json, size_t original_size,
             const RepairedJson* repaired, size_t base_offset = 0)
      : file_label_(std::move(file_label)), json_(json), original_size_(original_size), repaired_(repaired),
        base_offset_(base_offset) {}

  void set_document(simdjson::ondemand::document* doc) { doc_ = doc; }
  const std::string& file_label() const { return file_label_; }

  // "telegram-json: expected <what> at <pointer>".
  Error Type(std::string_view expected, std::string_view pointer) const;
  // A simdjson failure while reading `pointer`: truncated file, bad UTF-8, depth, syntax.
  Error Parse(simdjson::error_code code, std::string_view pointer) const;
  // The original-file offset of a position inside the parsed text.
  size_t OriginalOffset(const char* position) const;

 private:
  std::string file_label_;
  std::string_view json_;
  size_t original_size_;
  const RepairedJson* repaired_;
  size_t base_offset_;
  simdjson::ondemand::document* doc_ = nullptr;
};

// Remembers which (ref, display name) pairs were sent, so an account is emitted when first seen
// and again only when its name changes.
class AccountBook {
 public:
  // True (and remembered) when this pair is new.
  bool FirstTime(std::string_view ref, std::string_view name);
  // True when any record with this ref was sent.
  bool Knows(std::string_view ref) const { return refs_.find(std::string(ref)) != refs_.end(); }
  uint64_t distinct_refs() const { return refs_.size(); }

 private:
  std::string key_;  // reused lookup buffer
  // The last few pairs seen, which spares the hash lookup for most messages of a chat.
  struct Recent {
    std::string ref, name;
  };
  static constexpr size_t kRecent = 4;
  Recent recent_[kRecent];
  size_t recent_used_ = 0, recent_next_ = 0;
  void Remember(std::string_view ref, std::string_view name);
  std::unordered_set<std::string> pairs_;
  std::unordered_set<std::string> refs_;
};

struct TelegramRun {
  TelegramRun(const ImportOptions& options_in, Sink& sink_in, Diagnostics& diagnostics_in,
              const ExportFolder& folder_in, JsonErrors& errors_in, std::string_view json)
      : options(options_in), sink(sink_in), diagnostics(diagnostics_in), folder(folder_in),
        errors(errors_in), clock(options_in.tz, json) {}

  void Warn(std::string_view pointer, std::string message) {
    diagnostics.Warn(Location{errors.file_label(), std::string(pointer)}, std::move(message));
  }

  const ImportOptions& options;
  Sink& sink;
  Diagnostics& diagnostics;
  const ExportFolder& folder;
  JsonErrors& errors;
  TelegramClock clock;
  AccountBook accounts;
  std::string owner_ref;
  ImportSummary summary;
  bool checked_first_message = false;  // the first message proves the file is Telegram's
};

}  // namespace casegraph::ingest
