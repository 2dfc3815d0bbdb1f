// Per-run state of one discord-json import, shared by the walker (discord_walker.cpp) and the
// message reader (discord_message*.cpp): where records go, which accounts were already sent,
// how simdjson failures become located Errors, and small typed readers that turn a wrong JSON
// type into a located warning. Lives on Import's stack; one thread. Internal to discord-json.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "base/diagnostics.h"
#include "base/result.h"
#include "ingest/export_folder.h"
#include "ingest/importer.h"
#include "ingest/sink.h"

namespace casegraph::ingest {

namespace dod = simdjson::ondemand;

// Errors that name the file, the JSON pointer being read and, for syntax damage, the byte offset.
class DiscordErrors {
 public:
  DiscordErrors(std::string file_label, std::string_view json, size_t base_offset)
      : file_label_(std::move(file_label)), json_(json), base_offset_(base_offset) {}

  void set_document(dod::document* doc) { doc_ = doc; }
  const std::string& file_label() const { return file_label_; }

  // "discord-json: expected <what> at <pointer>".
  Error Type(std::string_view expected, std::string_view pointer) const;
  // A simdjson failure while reading `pointer`: truncated file, bad UTF-8, depth, syntax.
  Error Parse(simdjson::error_code code, std::string_view pointer) const;

 private:
  std::string file_label_;
  std::string_view json_;
  size_t base_offset_;  // bytes before json_ in the file (a byte-order mark)
  dod::document* doc_ = nullptr;
};

// A user as DCE writes it (author, mentions, reaction users, interaction user).
struct DiscordUser {
  std::string id, name, discriminator, nickname;
  bool has_nickname = false;
  bool is_bot = false;
  std::string Ref() const { return id.empty() ? std::string() : "discord:" + id; }
  std::string DisplayName() const { return has_nickname && !nickname.empty() ? nickname : name; }
  // name, plus "#discriminator" for pre-2023 accounts ("0000"/"0" mean none).
  std::string Username() const;
};

struct DiscordRun {
  DiscordRun(Sink& sink_in, Diagnostics& diagnostics_in, const ExportFolder& folder_in, DiscordErrors& errors_in)
      : sink(sink_in), diagnostics(diagnostics_in), folder(folder_in), errors(errors_in) {}

  void Warn(std::string_view pointer, std::string message) {
    diagnostics.Warn(Location{errors.file_label(), std::string(pointer)}, std::move(message));
  }

  // Sends an AccountRecord for `user` unless the same (ref, display name, username) was sent.
  void SeeAccount(const DiscordUser& user, std::optional<int64_t> seen_at, const std::string& locator);

  Sink& sink;
  Diagnostics& diagnostics;
  const ExportFolder& folder;
  DiscordErrors& errors;
  ImportSummary summary;
  std::unordered_set<std::string> account_keys;  // ref \x1f display name \x1f username
  std::unordered_set<std::string> refs;
  // Message ids seen, to warn on duplicates: snowflakes as numbers (a string per id would
  // cost several times the memory on a channel of millions), anything else as text.
  bool FirstMessageId(const std::string& id);
  std::unordered_set<uint64_t> numeric_message_ids;
  std::unordered_set<std::string> other_message_ids;
};

// Typed readers. Each returns an Error only for damage the parser reports (syntax, truncation,
// UTF-8); a value of the wrong type is a warning at pointer/key, and the field reads as absent.
// null always reads as absent.
std::string DiscordChild(std::string_view pointer, std::string_view key);
// The key as written (DCE writes plain ASCII keys).
std::string_view DiscordKey(const dod::field& field);
Result<dod::json_type> DiscordTypeOf(dod::value& value, DiscordRun& run, std::string_view pointer);
// A string into `out` (cleared first). Returns whether a string was read.
Result<bool> ReadDiscordString(dod::value& value, std::string& out, DiscordRun& run, std::string_view pointer);
// An id: DCE writes snowflakes as strings; a number is taken by its digits (never a double).
Result<bool> ReadDiscordId(dod::value& value, std::string& out, DiscordRun& run, std::string_view pointer);
Result<std::optional<uint64_t>> ReadDiscordCount(dod::value& value, DiscordRun& run, std::string_view pointer);
Result<std::optional<bool>> ReadDiscordBool(dod::value& value, DiscordRun& run, std::string_view pointer);
// A user object (author, mention, reactor). False (with a warning) when it is not an object.
Result<bool> ReadDiscordUser(dod::value& value, DiscordUser& user, DiscordRun& run, std::string_view pointer);

// Calls fn(element, element_pointer) for each element of an array; null is an empty array and
// any other type a warning.
template <typename Fn>
Status ForEachDiscordElement(dod::value& value, DiscordRun& run, const std::string& pointer, Fn&& fn) {
  auto type = DiscordTypeOf(value, run, pointer);
  if (!type) return type.error();
  if (*type == dod::json_type::null) return Ok();
  if (*type != dod::json_type::array) {
    run.Warn(pointer, "expected an array; ignored");
    return Ok();
  }
  dod::array array;
  if (auto err = value.get_array().get(array)) return run.errors.Parse(err, pointer);
  size_t index = 0;
  std::string element_pointer;
  for (auto element_or : array) {
    element_pointer = pointer + "/" + std::to_string(index);
    dod::value element;
    if (auto err = std::move(element_or).get(element)) return run.errors.Parse(err, element_pointer);
    CASEGRAPH_RETURN_IF_ERROR(fn(element, element_pointer));
    ++index;
  }
  return Ok();
}

// Calls fn(key, value) for each field of an object. False when `value` is not an object
// (null silently, other types with a warning).
template <typename Fn>
Result<bool> ForEachDiscordField(dod::value& value, DiscordRun& run, const std::string& pointer, Fn&& fn) {
  auto type = DiscordTypeOf(value, run, pointer);
  if (!type) return type.error();
  if (*type == dod::json_type::null) return false;
  if (*type != dod::json_type::object) {
    run.Warn(pointer, "expected an object; ignored");
    return false;
  }
  dod::object object;
  if (auto err = value.get_object().get(object)) return run.errors.Parse(err, pointer);
  for (auto field_or : object) {
    dod::field field;
    if (auto err = std::move(field_or).get(field)) return run.errors.Parse(err, pointer);
    CASEGRAPH_RETURN_IF_ERROR(fn(DiscordKey(field), field.value()));
  }
  return true;
}

}  // namespace casegraph::ingest
