#include "base/result.h"

namespace casegraph {

const char* ErrorKindName(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kInvalidArgument: return "invalid-argument";
    case ErrorKind::kNotFound: return "not-found";
    case ErrorKind::kIo: return "io";
    case ErrorKind::kCorrupt: return "corrupt";
    case ErrorKind::kUnsupported: return "unsupported";
    case ErrorKind::kConflict: return "conflict";
    case ErrorKind::kInternal: return "internal";
  }
  return "internal";
}

std::string Location::ToString() const {
  if (file.empty()) return place;
  if (place.empty()) return file;
  return file + " at " + place;
}

std::string Error::ToString() const {
  if (where_.empty()) return message_;
  return message_ + " (" + where_.ToString() + ")";
}

}  // namespace casegraph
