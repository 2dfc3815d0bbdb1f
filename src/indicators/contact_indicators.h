// The contact indicators: who reached a subject and how (one file each). flags.cpp lists them
// in its registry; the content indicators are declared in content_indicators.h.
#pragma once

#include "indicators/indicator.h"

namespace casegraph::indicators {

const Indicator& UnsolicitedContactMinorIndicator();  // unsolicited_contact_minor.cpp
const Indicator& PlatformMigrationIndicator();        // platform_migration.cpp
const Indicator& CrossCaseIndicator();                // cross_case.cpp

}  // namespace casegraph::indicators
