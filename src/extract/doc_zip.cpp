// MemoryZip (libzip over a buffer) and WalkXml (libxml2 reader); see doc_zip.h.
#include "extract/doc_zip.h"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <climits>
#include <mutex>

namespace casegraph::extract::doc {
namespace {

std::string ZipError(zip_error_t* error) {
  const char* text = zip_error_strerror(error);
  return text ? text : "unknown zip error";
}

std::string Str(const xmlChar* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

void KeepFirstError(void* first, xmlErrorPtr error) {
  auto* message = static_cast<std::string*>(first);
  if (error == nullptr || !message->empty()) return;
  *message = Str(reinterpret_cast<const xmlChar*>(error->message));
  while (!message->empty() && message->back() == '\n') message->pop_back();
}

}  // namespace

Result<std::unique_ptr<MemoryZip>> MemoryZip::Open(std::string_view bytes, std::string_view kind,
                                                   const DocumentLimits& limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    Error e =
        Error::Corrupt(std::string(kind) + ": cannot read the zip container: " + ZipError(&error));
    zip_error_fini(&error);
    return e;
  }
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip == nullptr) {
    zip_source_free(source);
    Error e =
        Error::Corrupt(std::string(kind) + ": not a readable zip container: " + ZipError(&error));
    zip_error_fini(&error);
    return e;
  }
  zip_error_fini(&error);
  return std::unique_ptr<MemoryZip>(new MemoryZip(zip, std::string(kind), limits));
}

MemoryZip::~MemoryZip() { zip_discard(zip_); }

std::vector<std::string> MemoryZip::Names() const {
  std::vector<std::string> names;
  const zip_int64_t count = zip_get_num_entries(zip_, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(zip_, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name != nullptr) names.emplace_back(name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

Result<std::optional<std::string>> MemoryZip::Read(const std::string& name) {
  const zip_int64_t index = zip_name_locate(zip_, name.c_str(), ZIP_FL_ENC_RAW);
  if (index < 0) return std::optional<std::string>();
  const Location where{name, ""};
  zip_file_t* file = zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    return Error::Corrupt(kind_ + ": cannot open zip entry: " + std::string(zip_strerror(zip_)),
                          where);
  }
  // The declared size can lie, so the bytes actually inflated are what is counted.
  std::string out;
  char buffer[64 * 1024];
  for (;;) {
    const zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      Error e = Error::Corrupt(
          kind_ + ": damaged zip entry: " + std::string(zip_file_strerror(file)), where);
      zip_fclose(file);
      return e;
    }
    if (n == 0) break;
    out.append(buffer, static_cast<size_t>(n));
    read_bytes_ += static_cast<uint64_t>(n);
    if (out.size() > limits_.max_entry_bytes || read_bytes_ > limits_.max_zip_bytes) {
      zip_fclose(file);
      const bool entry = out.size() > limits_.max_entry_bytes;
      return Error::Unsupported(
          kind_ + ": zip entry expands past " +
              std::to_string(entry ? limits_.max_entry_bytes : limits_.max_zip_bytes) +
              (entry ? " bytes (zip bomb?)" : " bytes in total (zip bomb?)"),
          where);
    }
  }
  zip_fclose(file);
  return std::optional<std::string>(std::move(out));
}

Status WalkXml(std::string_view xml, std::string_view kind, const std::string& entry,
               const XmlEvents& events) {
  if (xml.size() > static_cast<size_t>(INT_MAX))
    return Error::Unsupported(std::string(kind) + ": XML part too large");
  // libxml2 wants its globals set up once before parsers run on several threads.
  static std::once_flag init_once;
  std::call_once(init_once, [] { xmlInitParser(); });
  // No XML_PARSE_NOENT / DTDLOAD / DTDATTR: entities are not substituted and nothing outside the
  // buffer is read (XXE); NONET forbids network access should anything still try.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
  xmlTextReaderPtr reader =
      xmlReaderForMemory(xml.data(), static_cast<int>(xml.size()), nullptr, nullptr, options);
  if (reader == nullptr)
    return Error::Corrupt(std::string(kind) + ": cannot read XML", Location{entry, ""});
  std::string first_error;
  xmlTextReaderSetStructuredErrorHandler(reader, KeepFirstError, &first_error);
  auto attribute = [reader](const char* ns, const char* local) {
    xmlChar* value = xmlTextReaderGetAttributeNs(reader, reinterpret_cast<const xmlChar*>(local),
                                                 reinterpret_cast<const xmlChar*>(ns));
    std::string out = Str(value);
    xmlFree(value);
    return out;
  };
  int status = 1;
  while (!(events.stop && events.stop()) && (status = xmlTextReaderRead(reader)) == 1) {
    const int type = xmlTextReaderNodeType(reader);
    if (type == XML_READER_TYPE_ELEMENT || type == XML_READER_TYPE_END_ELEMENT) {
      const std::string local = Str(xmlTextReaderConstLocalName(reader));
      const std::string ns = Str(xmlTextReaderConstNamespaceUri(reader));
      if (type == XML_READER_TYPE_ELEMENT) {
        const bool empty = xmlTextReaderIsEmptyElement(reader) == 1;
        if (events.start) events.start(local, ns, empty, attribute);
        if (empty && events.end) events.end(local, ns);
      } else if (events.end) {
        events.end(local, ns);
      }
    } else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
               type == XML_READER_TYPE_WHITESPACE ||
               type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) {
      if (events.text) events.text(Str(xmlTextReaderConstValue(reader)));
    }
  }
  const int line = xmlTextReaderGetParserLineNumber(reader);
  xmlFreeTextReader(reader);
  if (status < 0) {
    return Error::Corrupt(
        std::string(kind) + ": malformed XML" + (first_error.empty() ? "" : ": " + first_error),
        Location{entry, "line " + std::to_string(line)});
  }
  return Ok();
}

}  // namespace casegraph::extract::doc
