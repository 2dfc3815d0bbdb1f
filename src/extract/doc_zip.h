// Internal to extract/: a zip archive read from memory with libzip, with every entry read
// bounded (per entry and in total) so a zip bomb ends in an error, not in memory exhaustion.
// Also the XXE-safe XML walk that DOCX and ODT share. Not thread-safe; one per extraction.
#pragma once

#include <zip.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "extract/document_text.h"

namespace casegraph::extract::doc {

class MemoryZip {
 public:
  // `bytes` must outlive the MemoryZip (libzip reads it in place). `kind` prefixes errors.
  static Result<std::unique_ptr<MemoryZip>> Open(std::string_view bytes, std::string_view kind,
                                                 const DocumentLimits& limits);
  ~MemoryZip();
  MemoryZip(const MemoryZip&) = delete;
  MemoryZip& operator=(const MemoryZip&) = delete;

  // Entry names in byte order.
  std::vector<std::string> Names() const;
  // The entry's bytes, nullopt when absent; an error past the size limits or when damaged.
  Result<std::optional<std::string>> Read(const std::string& name);

 private:
  MemoryZip(zip_t* zip, std::string kind, const DocumentLimits& limits)
      : zip_(zip), kind_(std::move(kind)), limits_(limits) {}
  zip_t* zip_;
  std::string kind_;
  DocumentLimits limits_;
  uint64_t read_bytes_ = 0;
};

// What the XML walk reports. Names are local names (no prefix); `ns` the namespace URI.
struct XmlEvents {
  // An element opens; `attribute(ns, local)` reads one of its attributes ("" when absent).
  std::function<void(
      std::string_view local, std::string_view ns, bool empty,
      const std::function<std::string(const char* ns, const char* local)>& attribute)>
      start;
  std::function<void(std::string_view local, std::string_view ns)>
      end;                                          // also after an empty element
  std::function<void(std::string_view text)> text;  // text, CDATA and white space
  std::function<bool()> stop;                       // true: stop reading early
};

// Walks `xml` with libxml2's reader: no network, no DTD loading, no entity substitution (an
// external entity is never fetched; a reference stays unexpanded and is skipped).
// Errors name `kind`, the entry and the line.
Status WalkXml(std::string_view xml, std::string_view kind, const std::string& entry,
               const XmlEvents& events);

}  // namespace casegraph::extract::doc
