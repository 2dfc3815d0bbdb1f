// Internal to extract/: finds Bitcoin and Ethereum addresses in text. Candidates are maximal ASCII
// alphanumeric tokens of wallet length; only checksum-valid addresses are reported.
#pragma once

#include <string_view>
#include <vector>

#include "extract/identifier.h"

namespace casegraph::extract::internal {

void ScanWallets(std::string_view text, std::vector<IdentifierHit>& hits);

}  // namespace casegraph::extract::internal
