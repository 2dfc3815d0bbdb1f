// Internal to extract/: identifiers built around '@' and '#': e-mail addresses, Telegram
// "@username" mentions, Matrix user ids "@user:server" and room aliases "#room:server".
#pragma once

#include <string_view>
#include <vector>

#include "extract/identifier.h"

namespace casegraph::extract::internal {

// Every '@': an e-mail if a local part precedes it, else a Matrix user id if ":server" follows the
// localpart, else a Telegram username.
void ScanAtSigns(std::string_view text, std::vector<IdentifierHit>& hits);

// Every '#' not glued to a word: a Matrix room alias "#alias:server".
void ScanRoomAliases(std::string_view text, std::vector<IdentifierHit>& hits);

}  // namespace casegraph::extract::internal
