// Which files make up an exhibit, and whether a file looks like a disk image. E01 sets are
// expanded by libewf's own naming rules (E01…E99, EAA…), split raw sets by .001, .002, ….
#include <libewf.h>
#include <sys/stat.h>

#include <cctype>
#include <cstring>

#include <fmt/format.h>

#include "triage/file_tree.h"
#include "triage/image_entries.h"

namespace casegraph::triage {
namespace {

std::string LowerExtension(std::string_view path) {
  auto slash = path.rfind('/');
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(path.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool IsEwfExtension(const std::string& ext) { return ext == "e01" || ext == "ex01"; }

bool Exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::string EwfErrorText(libewf_error_t* error) {
  if (error == nullptr) return "unknown libewf error";
  char text[512] = {};
  libewf_error_sprint(error, text, sizeof(text));
  libewf_error_free(&error);
  std::string s = text;
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s.empty() ? "unknown libewf error" : s;
}

Result<std::vector<std::string>> GlobEwf(const std::string& path) {
  char** names = nullptr;
  int count = 0;
  libewf_error_t* error = nullptr;
  if (libewf_glob(path.c_str(), path.size(), LIBEWF_FORMAT_UNKNOWN, &names, &count, &error) != 1) {
    return Error::Corrupt(fmt::format("cannot list the E01 segments: {}", EwfErrorText(error)),
                          Location{path, ""});
  }
  std::vector<std::string> out;
  for (int idx = 0; idx < count; ++idx) out.emplace_back(names[idx]);
  libewf_glob_free(names, count, nullptr);
  if (out.empty()) return Error::NotFound("no E01 segment found", Location{path, ""});
  return out;
}

bool HasAt(std::string_view head, size_t offset, std::string_view magic) {
  return head.size() >= offset + magic.size() && head.substr(offset, magic.size()) == magic;
}

}  // namespace

Result<std::vector<std::string>> ExhibitSegments(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    return Error::NotFound(fmt::format("cannot open the exhibit: {}", std::strerror(errno)),
                           Location{path, ""});
  }
  if (S_ISDIR(st.st_mode)) return std::vector<std::string>{path};
  std::string ext = LowerExtension(path);
  if (IsEwfExtension(ext)) return GlobEwf(path);
  if (ext == "001") {
    std::vector<std::string> out{path};
    std::string base = path.substr(0, path.size() - 3);
    for (int part = 2; part <= 999; ++part) {
      std::string next = base + fmt::format("{:03d}", part);
      if (!Exists(next)) break;
      out.push_back(std::move(next));
    }
    return out;
  }
  return std::vector<std::string>{path};
}

bool LooksLikeDiskImage(std::string_view path, std::string_view head) {
  std::string ext = LowerExtension(path);
  if (ext == "dd" || ext == "img" || ext == "raw" || ext == "001" || ext == "iso" ||
      IsEwfExtension(ext)) {
    return true;
  }
  if (HasAt(head, 0, "EVF\x09\x0d\x0a\xff") || HasAt(head, 0, "EVF2\r\n\x81")) return true;  // EWF
  if (HasAt(head, 512, "EFI PART")) return true;                                               // GPT
  if (HasAt(head, 3, "NTFS    ") || HasAt(head, 3, "EXFAT   ")) return true;
  if (HasAt(head, 54, "FAT1") || HasAt(head, 82, "FAT32   ")) return true;
  if (HasAt(head, 1080, "\x53\xef")) return true;                                              // ext2/3/4
  // An MBR: the boot signature and at least one partition entry with a known-sane status byte.
  if (HasAt(head, 510, "\x55\xaa") && head.size() >= 512) {
    for (size_t entry = 0; entry < 4; ++entry) {
      auto status = static_cast<uint8_t>(head[446 + entry * 16]);
      auto type = static_cast<uint8_t>(head[446 + entry * 16 + 4]);
      if ((status == 0x00 || status == 0x80) && type != 0) return true;
    }
  }
  return false;
}

EwfSetInfo InspectEwfSet(const std::vector<std::string>& segments) {
  EwfSetInfo info;
  libewf_handle_t* handle = nullptr;
  libewf_error_t* error = nullptr;
  if (libewf_handle_initialize(&handle, &error) != 1) {
    info.open_error = EwfErrorText(error);
    return info;
  }
  std::vector<char*> names;
  for (const auto& s : segments) names.push_back(const_cast<char*>(s.c_str()));
  if (libewf_handle_open(handle, names.data(), static_cast<int>(names.size()), LIBEWF_OPEN_READ,
                         &error) != 1) {
    info.open_error = EwfErrorText(error);
  } else {
    info.corrupted = libewf_handle_segment_files_corrupted(handle, nullptr) == 1;
    uint8_t value[64] = {};
    if (libewf_handle_get_utf8_hash_value_md5(handle, value, sizeof(value), nullptr) == 1) {
      info.stored_md5 = reinterpret_cast<const char*>(value);
      for (char& c : info.stored_md5) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    libewf_handle_close(handle, nullptr);
  }
  libewf_handle_free(&handle, nullptr);
  return info;
}

}  // namespace casegraph::triage
