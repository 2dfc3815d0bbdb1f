// Fuzz target for identifier extraction: Extractor::Scan and NormalizePhone over arbitrary bytes.
// Traps if a hit is out of bounds, empty, or out of order.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/identifier.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const casegraph::extract::Extractor extractor{casegraph::extract::ExtractorOptions{}};
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto hits = extractor.Scan(text);
  uint32_t previous_start = 0;
  for (const auto& hit : hits) {
    if (hit.start >= hit.end || hit.end > size || hit.start < previous_start || hit.value.empty()) {
      __builtin_trap();
    }
    previous_start = hit.start;
  }
  (void)extractor.NormalizePhone(text.substr(0, 64));
  return 0;
}
