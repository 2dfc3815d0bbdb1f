// MongoDB Extended JSON values (v1 and v2, relaxed and canonical) as Rocket.Chat documents
// hold them, read from simdjson DOM elements: dates in all three forms ({"$date":"ISO"},
// {"$date":{"$numberLong":"ms"}}, {"$date":ms}) and the plain ISO strings of the REST API,
// {"$numberLong"}/{"$numberInt"} numbers, and ids as strings or {"$oid"}. Pure functions; an
// unreadable value gives nullopt / empty, and the caller decides whether to warn.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string_view>

namespace casegraph::ingest::rocketchat {

namespace dom = simdjson::dom;

// Milliseconds since the epoch of "2024-01-31T12:00:00.000Z" (fraction and zone optional;
// "+hh:mm", "+hhmm" and "Z" accepted; no zone means UTC, as Rocket.Chat dates are UTC).
std::optional<int64_t> ParseIsoMillis(std::string_view text);

// A date: an Extended JSON {"$date": …} in any form, an ISO string, or a number of ms.
std::optional<int64_t> DateMillis(dom::element value);

// An integer: a JSON number, {"$numberLong":"…"}, {"$numberInt":"…"}, or a string of digits.
std::optional<int64_t> Int64(dom::element value);

// An id: a string, or the hex of {"$oid":"…"}; empty for anything else.
std::string_view IdText(dom::element value);

// Floor division of ms by 1000 (dates before 1970 stay correct).
inline int64_t MillisToSeconds(int64_t ms) { return ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000); }

}  // namespace casegraph::ingest::rocketchat
