// Located errors, typed readers and account de-duplication for discord-json (see
// discord_context.h).
#include "ingest/discord_context.h"

#include <charconv>

#include "ingest/json_scan.h"
#include "ingest/json_values.h"

namespace casegraph::ingest {
namespace {

std::string PointerText(std::string_view pointer) {
  return pointer.empty() ? std::string("the root") : std::string(pointer);
}

const char* TypeName(dod::json_type type) {
  switch (type) {
    case dod::json_type::array: return "an array";
    case dod::json_type::object: return "an object";
    case dod::json_type::number: return "a number";
    case dod::json_type::string: return "a string";
    case dod::json_type::boolean: return "a boolean";
    case dod::json_type::null: return "null";
  }
  return "a value";
}

void WarnType(DiscordRun& run, std::string_view pointer, std::string_view expected, dod::json_type got) {
  run.Warn(pointer, "expected " + std::string(expected) + ", found " + TypeName(got) + "; ignored");
}

}  // namespace

Error DiscordErrors::Type(std::string_view expected, std::string_view pointer) const {
  return Error::Corrupt("discord-json: expected " + std::string(expected) + " at " + PointerText(pointer),
                        Location{file_label_, std::string(pointer)});
}

Error DiscordErrors::Parse(simdjson::error_code code, std::string_view pointer) const {
  if (code == simdjson::UTF8_ERROR) {
    auto bad = FirstInvalidUtf8(json_);
    const std::string byte = "byte " + std::to_string(base_offset_ + (bad ? *bad : 0));
    return Error::Corrupt("discord-json: invalid UTF-8 at " + byte + " (the file is damaged or not UTF-8 text)",
                          Location{file_label_, byte});
  }
  if (code == simdjson::DEPTH_ERROR) {
    return Error::Corrupt("discord-json: JSON nested deeper than the parser's limit while reading " +
                              PointerText(pointer),
                          Location{file_label_, std::string(pointer)});
  }
  if (auto cut = TruncationPointer(json_)) {
    // The scan names the value being written where the data ends: more precise than where the
    // parser noticed.
    const std::string& where = cut->empty() ? std::string(pointer) : *cut;
    const std::string byte = "byte " + std::to_string(base_offset_ + json_.size());
    return Error::Corrupt("discord-json: truncated JSON: the file ends at " + byte + " while reading " +
                              PointerText(where) + " (an export that crashed or was cut short)",
                          Location{file_label_, where.empty() ? byte : where});
  }
  if (code == simdjson::INCORRECT_TYPE) return Type("another JSON type", pointer);
  size_t at = base_offset_ + json_.size();
  if (doc_ != nullptr) {
    const char* position = nullptr;
    if (!doc_->current_location().get(position) && position >= json_.data() &&
        position <= json_.data() + json_.size()) {
      at = base_offset_ + static_cast<size_t>(position - json_.data());
    }
  }
  const std::string byte = "byte " + std::to_string(at);
  return Error::Corrupt("discord-json: invalid JSON (" + std::string(simdjson::error_message(code)) + ") at " + byte +
                            " while reading " + PointerText(pointer),
                        Location{file_label_, byte});
}

std::string DiscordUser::Username() const {
  if (name.empty() || discriminator.empty() || discriminator == "0" || discriminator == "0000") return name;
  return name + "#" + discriminator;
}

void DiscordRun::SeeAccount(const DiscordUser& user, std::optional<int64_t> seen_at, const std::string& locator) {
  const std::string ref = user.Ref();
  if (ref.empty()) return;
  model::AccountRecord a;
  a.display_name = user.DisplayName();
  a.username = user.Username();
  std::string key = ref;
  key.push_back('\x1f');
  key += a.display_name;
  key.push_back('\x1f');
  key += a.username;
  if (!account_keys.insert(std::move(key)).second) return;
  refs.insert(ref);
  a.ref = ref;
  a.platform = "discord";
  a.role = model::AccountRole::kParticipant;
  a.seen_at_utc = seen_at;
  a.locator = locator;
  sink.Account(std::move(a));
}

bool DiscordRun::FirstMessageId(const std::string& id) {
  uint64_t value = 0;
  const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), value);
  // "0012" and "12" are different ids as text: only canonical decimals go to the number set.
  if (ec == std::errc() && end == id.data() + id.size() && !id.empty() && (id[0] != '0' || id.size() == 1)) {
    return numeric_message_ids.insert(value).second;
  }
  return other_message_ids.insert(id).second;
}

std::string DiscordChild(std::string_view pointer, std::string_view key) {
  std::string out(pointer);
  out.push_back('/');
  out.append(key);
  return out;
}

std::string_view DiscordKey(const dod::field& field) { return KeyOf(field); }

Result<dod::json_type> DiscordTypeOf(dod::value& value, DiscordRun& run, std::string_view pointer) {
  dod::json_type type;
  if (auto err = value.type().get(type)) return run.errors.Parse(err, pointer);
  return type;
}

Result<bool> ReadDiscordString(dod::value& value, std::string& out, DiscordRun& run, std::string_view pointer) {
  out.clear();
  auto type = DiscordTypeOf(value, run, pointer);
  if (!type) return type.error();
  if (*type == dod::json_type::null) return false;
  if (*type != dod::json_type::string) {
    WarnType(run, pointer, "a string", *type);
    return false;
  }
  if (auto err = GetString(value, out)) return run.errors.Parse(err, pointer);
  return true;
}

Result<bool> ReadDiscordId(dod::value& value, std::string& out, DiscordRun& run, std::string_view pointer) {
  out.clear();
  auto type = DiscordTypeOf(value, run, pointer);
  if (!type) return type.error();
  if (*type == dod::json_type::null) return false;
  if (*type == dod::json_type::number) {
    // A hand-edited or converted file may hold the id as a number: take its digits as written
    // (a double would round ids above 2^53).
    const std::string_view token = TrimJsonToken(value.raw_json_token());
    if (!IsIntegerText(token) || token[0] == '-') {
      run.Warn(pointer, "id is a number but not a whole positive one; ignored");
      return false;
    }
    out.assign(token);
    return true;
  }
  if (*type != dod::json_type::string) {
    WarnType(run, pointer, "a string id", *type);
    return false;
  }
  if (auto err = GetString(value, out)) return run.errors.Parse(err, pointer);
  return !out.empty();
}

Result<std::optional<uint64_t>> ReadDiscordCount(dod::value& value, DiscordRun& run, std::string_view pointer) {
  auto type = DiscordTypeOf(value, run, pointer);
  if (!type) return type.error();
  if (*type == dod::json_type::null) return std::optional<uint64_t>();
  if (*type == dod::json_type::string) {  // tolerated: a count written as digits
    std::string text;
    if (auto err = GetString(value, text)) return run.errors.Parse(err, pointer);
    if (!text.empty() && text.size() < 20 && IsIntegerText(text) && text[0] != '-') {
      return std::optional<uint64_t>(std::stoull(text));
    }
    run.Warn(pointer, "expected a count, found the string '" + text + "'; ignored");
    return std::optional<uint64_t>();
  }
  if (*type != dod::json_type::number) {
    WarnType(run, pointer, "a number", *type);
    return std::optional<uint64_t>();
  }
  uint64_t n = 0;
  if (value.get_uint64().get(n)) {
    run.Warn(pointer, "expected a whole non-negative number; ignored");
    return std::optional<uint64_t>();
  }
  return std::optional<uint64_t>(n);
}

Result<std::optional<bool>> ReadDiscordBool(dod::value& value, DiscordRun& run, std::string_view pointer) {
  auto type = DiscordTypeOf(value, run, pointer);
  if (!type) return type.error();
  if (*type == dod::json_type::null) return std::optional<bool>();
  if (*type != dod::json_type::boolean) {
    WarnType(run, pointer, "true or false", *type);
    return std::optional<bool>();
  }
  bool b = false;
  if (auto err = value.get_bool().get(b)) return run.errors.Parse(err, pointer);
  return std::optional<bool>(b);
}

Result<bool> ReadDiscordUser(dod::value& value, DiscordUser& user, DiscordRun& run, std::string_view pointer) {
  user = DiscordUser();
  const std::string where(pointer);
  return ForEachDiscordField(value, run, where, [&](std::string_view key, dod::value& v) -> Status {
    const std::string at = DiscordChild(where, key);
    if (key == "id") {
      auto r = ReadDiscordId(v, user.id, run, at);
      if (!r) return r.error();
    } else if (key == "name") {
      auto r = ReadDiscordString(v, user.name, run, at);
      if (!r) return r.error();
    } else if (key == "discriminator") {
      auto r = ReadDiscordId(v, user.discriminator, run, at);  // "0000", or 7 as a number
      if (!r) return r.error();
    } else if (key == "nickname") {
      auto r = ReadDiscordString(v, user.nickname, run, at);
      if (!r) return r.error();
      user.has_nickname = *r;
    } else if (key == "isBot") {
      auto r = ReadDiscordBool(v, run, at);
      if (!r) return r.error();
      user.is_bot = r->value_or(false);
    }
    return Ok();
  });
}

}  // namespace casegraph::ingest
