// The declarative mapping (format "mapped"): which files of an export to read, where its
// accounts, conversations and messages are, and how each record field is taken from them.
// Parsed from TOML or JSON (mapped_mapping.cpp), validated strictly: an unknown key or a bad
// value is an Error naming the mapping file and the key (with its line for TOML).
// Language reference: docs/formats/mapped.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "ingest/mapped_path.h"

namespace casegraph::ingest::mapped {

enum class InputKind { kJson, kJsonLines, kCsv };

// One piece of a template: literal text, a named field ("{sender_id}") or a path ("{/a/b}").
// "{?name}" is optional: an empty value leaves the template standing; any other empty
// placeholder makes the whole template empty (so "techhaven:{sender_id}" never names "techhaven:").
struct TemplatePart {
  enum class Kind { kLiteral, kField, kPath };
  Kind kind = Kind::kLiteral;
  std::string text;  // literal text or field name
  Path path;
  bool optional = false;
};

// A test on a value of the record ("/reference/type") or a named field ("conversation_kind").
struct Condition {
  enum class Op { kPresent, kAbsent, kEquals, kNotEquals, kIn, kNotIn, kContains };
  std::optional<Path> path;
  std::string field;
  Op op = Op::kPresent;
  std::vector<std::string> values;
};

enum class TimeFormat { kIso8601, kUnixSeconds, kUnixMillis, kPattern };

// How one record field is computed. One source: a path, the first non-empty of several specs,
// several specs joined, a constant, a template, or `each` sub-record through `item`. Then, in
// this order: `when` (all must hold, else empty), `as_utc` (a time rewritten as
// "2023-01-06T14:03:03Z"), `map`, `prefix`/`suffix` (around a non-empty value), `default`.
struct FieldSpec {
  enum class Source { kNone, kPath, kFirst, kJoin, kConst, kTemplate, kEach };
  Source source = Source::kNone;
  std::vector<Path> paths;             // kPath: one
  std::vector<FieldSpec> items;        // kFirst/kJoin: the parts; kEach: the one item spec
  Path each;                           // kEach: sub-records
  std::string separator;               // kJoin / kEach
  std::string literal;                 // kConst
  std::vector<TemplatePart> parts;     // kTemplate
  std::vector<Condition> when;
  std::optional<TimeFormat> as_utc;
  std::map<std::string, std::string> map;  // value -> value; "*" for any other non-empty value
  std::string prefix, suffix;
  std::optional<std::string> fallback;     // when the result is empty
  std::string where;                   // "key messages.text (line 12, column 1)"
  bool set() const { return source != Source::kNone; }
};

// How a time field is read: a value, its format, and the zone of values without an offset.
struct TimeSpec {
  FieldSpec value;
  TimeFormat format = TimeFormat::kIso8601;
  std::string pattern;  // kPattern: strftime-like ("%d.%m.%Y %H:%M")
  // "utc", a fixed offset "+03:00", an IANA zone, or "examiner" (the --tz option).
  std::string zone;
  bool set() const { return value.set(); }
};

struct AttachmentSpec {
  Path path;  // relative to the message; "*" wildcards
  FieldSpec kind, declared_path, file_name, mime_type;
  std::vector<Condition> when;
};

struct ReactionSpec {
  Path path;
  FieldSpec emoji, count;
  Path users;         // ids of reactors, relative to the reaction ("/users/*/id")
  FieldSpec user_ref;  // template over {user_id}
};

// Text entities (mentions, links) from sub-records. The first of `find` that occurs in `in`
// (default: the message text) gives the entity's span and text; else `text`, with no span.
struct EntitySpec {
  Path path;
  std::string type = "mention";
  FieldSpec user_id, user_ref, text, in;  // user_ref: template over {user_id}
  std::vector<FieldSpec> find;
  std::vector<Condition> when;
};

// Accounts named inside a message besides its sender (mentioned users, reactors).
struct MessageAccountSpec {
  Path path;
  FieldSpec id, ref, display_name, username;
  std::vector<Condition> when;
};

// An edit marker: the time of the (last) edit, the text after it, and who edited.
struct EditSpec {
  TimeSpec time;
  FieldSpec text, editor_ref;  // defaults: the message text, the sender
};

struct AccountsSpec {
  Path path;
  FieldSpec id, ref, display_name, username, phone, bio, role;
};

struct ConversationsSpec {
  Path path;
  FieldSpec key, ref, title, kind;
  std::optional<Path> locator;  // what a citation of the conversation points at, relative to the record
};

struct MessagesSpec {
  Path path;
  FieldSpec id, conversation, kind, action, sender_id, sender_name, sender_username, sender_ref,
      text, reply_to, thread_root, forwarded_from, deleted, deleted_detail;
  FieldSpec conversation_ref, conversation_title, conversation_kind;  // conversations seen only here
  TimeSpec time, edited_at;
  std::optional<EditSpec> edit;
  FieldSpec members;  // service messages: names (a list: `each` gives one per sub-record)
  std::vector<AttachmentSpec> attachments;
  std::optional<ReactionSpec> reactions;
  std::vector<EntitySpec> entities;
  std::vector<MessageAccountSpec> accounts;
};

struct CsvOptions {
  char delimiter = ',';
  char quote = '"';
};

struct Mapping {
  std::string file;      // the mapping file as named to the examiner
  std::string name;      // "techhaven"
  std::string platform;  // account platform and default ref prefix
  std::string description;
  InputKind input = InputKind::kJson;
  std::vector<std::string> files;  // globs inside a folder exhibit ("*.json", "data/*.csv")
  CsvOptions csv;
  std::optional<AccountsSpec> accounts;
  std::optional<ConversationsSpec> conversations;
  MessagesSpec messages;
};

// Parses and validates a mapping. `file` names it in errors; its extension (.toml / .json)
// decides the syntax, else the first character ('{' means JSON).
Result<Mapping> ParseMapping(const std::string& text, const std::string& file);

}  // namespace casegraph::ingest::mapped
