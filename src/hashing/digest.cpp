#include "hashing/digest.h"

#include <openssl/evp.h>

namespace casegraph::hashing {

struct Digest::Impl {
  EVP_MD_CTX* ctx = nullptr;
};

Digest::Digest(Algorithm algorithm) : impl_(std::make_unique<Impl>()) {
  impl_->ctx = EVP_MD_CTX_new();
  const EVP_MD* md = algorithm == Algorithm::kMd5    ? EVP_md5()
                     : algorithm == Algorithm::kSha1 ? EVP_sha1()
                                                     : EVP_sha256();
  EVP_DigestInit_ex(impl_->ctx, md, nullptr);
}

Digest::~Digest() { EVP_MD_CTX_free(impl_->ctx); }

void Digest::Update(std::string_view bytes) { EVP_DigestUpdate(impl_->ctx, bytes.data(), bytes.size()); }

std::string Digest::FinishHex() {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(impl_->ctx, out, &len);
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    hex.push_back(kHex[out[i] >> 4]);
    hex.push_back(kHex[out[i] & 15]);
  }
  return hex;
}

MultiDigest::MultiDigest()
    : md5_(Digest::Algorithm::kMd5), sha1_(Digest::Algorithm::kSha1), sha256_(Digest::Algorithm::kSha256) {}

void MultiDigest::Update(std::string_view bytes) {
  md5_.Update(bytes);
  sha1_.Update(bytes);
  sha256_.Update(bytes);
  size_ += bytes.size();
}

model::FileDigests MultiDigest::Finish() {
  model::FileDigests d;
  d.size_bytes = size_;
  d.md5 = md5_.FinishHex();
  d.sha1 = sha1_.FinishHex();
  d.sha256 = sha256_.FinishHex();
  return d;
}

std::string Sha256Hex(std::string_view bytes) {
  Digest d(Digest::Algorithm::kSha256);
  d.Update(bytes);
  return d.FinishHex();
}

Result<std::string> Sha256File(const FileSystem& fs, const std::string& path) {
  Digest d(Digest::Algorithm::kSha256);
  CASEGRAPH_RETURN_IF_ERROR(fs.ReadChunks(path, [&](std::string_view chunk) { d.Update(chunk); }));
  return d.FinishHex();
}

Result<model::FileDigests> DigestFile(const FileSystem& fs, const std::string& path) {
  MultiDigest d;
  CASEGRAPH_RETURN_IF_ERROR(fs.ReadChunks(path, [&](std::string_view chunk) { d.Update(chunk); }));
  return d.Finish();
}

}  // namespace casegraph::hashing
