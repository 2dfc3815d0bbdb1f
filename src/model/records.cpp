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

}  // namespace casegraph::model
