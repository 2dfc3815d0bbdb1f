#include "model/records.h"

namespace casegraph::model {

const char* AttachmentStatusName(AttachmentStatus status) {
  switch (status) {
    case AttachmentStatus::kPresent: return "present";
    case AttachmentStatus::kNotExported: return "not-exported";
    case AttachmentStatus::kMissing: return "missing";
    case AttachmentStatus::kRefused: return "refused";
  }
  return "missing";
}

std::string ScopeLocalRefs(std::string text, std::string_view scope) {
  for (size_t pos = text.find(kExhibitScope); pos != std::string::npos; pos = text.find(kExhibitScope, pos + scope.size())) {
    text.replace(pos, kExhibitScope.size(), scope);
  }
  return text;
}

}  // namespace casegraph::model
