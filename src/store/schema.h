// The workspace schema as an ordered list of migrations. Migration N takes a workspace from
// user_version N-1 to N; Workspace::Open applies the missing ones in one transaction each.
// Never edit a released migration: add a new one.
#pragma once

#include <string_view>
#include <vector>

namespace casegraph::store {

const std::vector<std::string_view>& Migrations();

}  // namespace casegraph::store
