// Streaming digests over OpenSSL's EVP interface: SHA-256 alone (exhibits) or MD5, SHA-1 and
// SHA-256 in one pass (files and attachments, so each file is read once). Not thread-safe;
// one object per stream.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/file_system.h"
#include "base/result.h"
#include "model/records.h"

namespace casegraph::hashing {

class Digest {
 public:
  enum class Algorithm { kMd5, kSha1, kSha256 };
  explicit Digest(Algorithm algorithm);
  ~Digest();
  Digest(const Digest&) = delete;
  Digest& operator=(const Digest&) = delete;
  void Update(std::string_view bytes);
  std::string FinishHex();  // lower-case hex; the object is spent afterwards

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// MD5 + SHA-1 + SHA-256 + size in one pass.
class MultiDigest {
 public:
  MultiDigest();
  void Update(std::string_view bytes);
  model::FileDigests Finish();

 private:
  Digest md5_, sha1_, sha256_;
  uint64_t size_ = 0;
};

std::string Sha256Hex(std::string_view bytes);
Result<std::string> Sha256File(const FileSystem& fs, const std::string& path);
Result<model::FileDigests> DigestFile(const FileSystem& fs, const std::string& path);

}  // namespace casegraph::hashing
