// Paths as the evidence spells them, made printable: file names are bytes, but records and
// JSON need valid UTF-8. Used by the folder and image walkers. Pure functions.
#pragma once

#include <string>
#include <string_view>

namespace casegraph::triage {

// "a/b\xffc" for the bytes of a path: valid UTF-8 sequences kept, every other byte written
// as \xNN (lower-case hex), and a backslash that would be read as an escape is kept as is
// (raw_path_hex then disambiguates). `was_valid` (may be null) is set to false when any
// byte had to be escaped.
std::string EscapePathBytes(std::string_view raw, bool* was_valid);

// Lower-case hex of the bytes, and back (false on odd length or a non-hex digit).
std::string HexOfBytes(std::string_view bytes);
bool BytesOfHex(std::string_view hex, std::string* out);

}  // namespace casegraph::triage
