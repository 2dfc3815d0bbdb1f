// Typed reads of one Rocket.Chat document's fields over simdjson DOM, with Rocket.Chat's
// tolerance rules: a field that is absent or null reads as absent; a field of the wrong type
// reads as absent and is warned about with the document's place and the field name.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/rocketchat_run.h"

namespace casegraph::ingest::rocketchat {

// Parses `doc.json` (which must be followed by simdjson's padding in memory, as a mapped file
// is) into `out`; a damaged document is warned about and false returned. The object stays
// valid until the run's parser parses the next document.
bool ParseDocument(Run& run, const Document& doc, dom::object& out);

class Fields {
 public:
  Fields(Run& run, const Document& doc, dom::object object) : run_(run), doc_(doc), object_(object) {}

  dom::object object() const { return object_; }
  // The field's element, or nullopt when absent or null.
  std::optional<dom::element> Get(std::string_view key) const;
  std::string_view Str(std::string_view key) const;
  std::string_view Id(std::string_view key) const;
  bool Bool(std::string_view key) const;
  std::optional<int64_t> Date(std::string_view key) const;
  std::optional<int64_t> Int(std::string_view key) const;
  std::optional<dom::object> Object(std::string_view key) const;
  std::optional<dom::array> Array(std::string_view key) const;

  // Warns "expected <what> at <place>/<key>".
  void WrongType(std::string_view key, std::string_view what) const;

 private:
  Run& run_;
  const Document& doc_;
  dom::object object_;
};

// A string field of a nested object; empty when absent or not a string.
std::string_view StrOf(dom::object object, std::string_view key);

}  // namespace casegraph::ingest::rocketchat
