// Repair of Telegram Desktop's invalid JSON (see json_repair.h). One forward pass that tracks
// whether it is inside a string; the copy starts only at the first edit.
#include "ingest/json_repair.h"

#include <string.h>

#include <algorithm>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace casegraph::ingest {
namespace {

constexpr std::string_view kDocumentIdKey = "\"document_id\"";

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// True when the value after `"document_id"` at `key_pos` is not valid JSON: tdesktop 4.1.1
// wrote a bare path there (tdesktop issues #24961, #24984).
bool UnquotedValueFollows(std::string_view json, size_t key_pos) {
  size_t i = key_pos + kDocumentIdKey.size();
  while (i < json.size() && (IsBlank(json[i]) || json[i] == '\r' || json[i] == '\n')) ++i;
  if (i >= json.size() || json[i] != ':') return false;
  ++i;
  while (i < json.size() && IsBlank(json[i])) ++i;
  if (i >= json.size()) return false;
  const char c = json[i];
  return !(c == '"' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9') || c == 't' ||
           c == 'f' || c == 'n' || c == ',' || c == '}' || c == ']' || c == '\r' || c == '\n');
}

}  // namespace

size_t RepairedJson::ToOriginal(size_t offset) const {
  // The last edit that ends at or before `offset` gives the shift.
  auto it = std::upper_bound(edits_.begin(), edits_.end(), offset,
                             [](size_t value, const auto& edit) { return value < edit.first; });
  if (it == edits_.begin()) return offset;
  const int64_t shifted = static_cast<int64_t>(offset) - std::prev(it)->second;
  return shifted < 0 ? 0 : static_cast<size_t>(shifted);
}

size_t FindBytes(std::string_view haystack, std::string_view needle, size_t from) {
  const size_t n = haystack.size(), m = needle.size();
  if (m == 0 || from >= n || n - from < m) return std::string_view::npos;
  size_t i = from;
#if defined(__SSE2__)
  // Compare the needle's first and last byte against 16 candidate positions at once and verify
  // only where both match (Mula's "generic SIMD" substring search). string_view::find stops at
  // every first byte, and memmem is byte-serial for short needles; in a file of hundreds of
  // megabytes both cost more than the parse.
  const __m128i first = _mm_set1_epi8(needle.front());
  const __m128i last = _mm_set1_epi8(needle.back());
  for (; i + m - 1 + 16 <= n; i += 16) {
    const __m128i block_first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(haystack.data() + i));
    const __m128i block_last = _mm_loadu_si128(reinterpret_cast<const __m128i*>(haystack.data() + i + m - 1));
    unsigned mask = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(block_first, first), _mm_cmpeq_epi8(block_last, last))));
    while (mask != 0) {
      const unsigned bit = static_cast<unsigned>(__builtin_ctz(mask));
      if (haystack.compare(i + bit, m, needle) == 0) return i + bit;
      mask &= mask - 1;
    }
  }
#endif
  if (i >= n || n - i < m) return std::string_view::npos;
  const void* hit = memmem(haystack.data() + i, n - i, needle.data(), m);
  return hit == nullptr ? std::string_view::npos : static_cast<size_t>(static_cast<const char*>(hit) - haystack.data());
}

namespace {

// Whether the candidate hits of ScanTelegramQuirks at `i` are real.
bool IsBackslashXEscape(std::string_view json, size_t i) {
  if (i + 3 >= json.size() || !IsHex(json[i + 2]) || !IsHex(json[i + 3])) return false;
  size_t run = 0;  // backslashes just before: an odd run escapes this one ("\\x41")
  while (run < i && json[i - 1 - run] == '\\') ++run;
  return run % 2 == 0;
}

bool IsUnquotedDocumentId(std::string_view json, size_t d) {
  // `d` is the 'd' of document_id; the key starts one byte before.
  return d >= 1 && json.compare(d - 1, kDocumentIdKey.size(), kDocumentIdKey) == 0 &&
         UnquotedValueFollows(json, d - 1);
}

// Candidates: '\\' followed by 'x', and 'd' with '_' eight bytes on (document_id), so that
// one pass checks both and stops rarely. kLookahead bytes past a block are read.
constexpr size_t kLookahead = 8;

void ScanScalar(std::string_view json, size_t from, TelegramQuirks& out) {
  for (size_t i = from; i < json.size(); ++i) {
    if (json[i] == '\\' && i + 1 < json.size() && json[i + 1] == 'x' && IsBackslashXEscape(json, i)) {
      ++out.backslash_x_escapes;
    } else if (json[i] == 'd' && !out.unquoted_document_id && IsUnquotedDocumentId(json, i)) {
      out.unquoted_document_id = true;
    }
  }
}

void VerifyCandidates(std::string_view json, size_t base, uint64_t mask_x, uint64_t mask_d, TelegramQuirks& out) {
  while (mask_x != 0) {
    const size_t i = base + static_cast<size_t>(__builtin_ctzll(mask_x));
    if (IsBackslashXEscape(json, i)) ++out.backslash_x_escapes;
    mask_x &= mask_x - 1;
  }
  while (mask_d != 0 && !out.unquoted_document_id) {
    const size_t i = base + static_cast<size_t>(__builtin_ctzll(mask_d));
    if (IsUnquotedDocumentId(json, i)) out.unquoted_document_id = true;
    mask_d &= mask_d - 1;
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
// AVX2 is chosen at run time (the binary runs on any x86-64); 64 bytes per step.
__attribute__((target("avx2"))) size_t ScanAvx2(std::string_view json, TelegramQuirks& out) {
  const char* p = json.data();
  const size_t n = json.size();
  const __m256i backslash = _mm256_set1_epi8('\\'), x = _mm256_set1_epi8('x');
  const __m256i d = _mm256_set1_epi8('d'), underscore = _mm256_set1_epi8('_');
#define CASEGRAPH_LOAD256(at) _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p + (at)))
  size_t i = 0;
  for (; i + 64 + kLookahead <= n; i += 64) {
    const __m256i a0 = CASEGRAPH_LOAD256(i), a1 = CASEGRAPH_LOAD256(i + 32);
    const __m256i hx0 = _mm256_and_si256(_mm256_cmpeq_epi8(a0, backslash), _mm256_cmpeq_epi8(CASEGRAPH_LOAD256(i + 1), x));
    const __m256i hx1 = _mm256_and_si256(_mm256_cmpeq_epi8(a1, backslash), _mm256_cmpeq_epi8(CASEGRAPH_LOAD256(i + 33), x));
    const __m256i hd0 = _mm256_and_si256(_mm256_cmpeq_epi8(a0, d), _mm256_cmpeq_epi8(CASEGRAPH_LOAD256(i + 8), underscore));
    const __m256i hd1 = _mm256_and_si256(_mm256_cmpeq_epi8(a1, d), _mm256_cmpeq_epi8(CASEGRAPH_LOAD256(i + 40), underscore));
    const __m256i any = _mm256_or_si256(_mm256_or_si256(hx0, hx1), _mm256_or_si256(hd0, hd1));
    if (_mm256_testz_si256(any, any)) continue;
    const auto bits = [](int mask) { return static_cast<uint64_t>(static_cast<uint32_t>(mask)); };
    VerifyCandidates(json, i, bits(_mm256_movemask_epi8(hx0)) | (bits(_mm256_movemask_epi8(hx1)) << 32),
                     bits(_mm256_movemask_epi8(hd0)) | (bits(_mm256_movemask_epi8(hd1)) << 32), out);
  }
#undef CASEGRAPH_LOAD256
  return i;
}
#endif

size_t ScanSse2(std::string_view json, TelegramQuirks& out) {
  size_t i = 0;
#if defined(__SSE2__)
  const char* p = json.data();
  const size_t n = json.size();
  const __m128i backslash = _mm_set1_epi8('\\'), x = _mm_set1_epi8('x');
  const __m128i d = _mm_set1_epi8('d'), underscore = _mm_set1_epi8('_');
  auto load = [p](size_t at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at)); };
  for (; i + 16 + kLookahead <= n; i += 16) {
    const __m128i a = load(i);
    const __m128i hx = _mm_and_si128(_mm_cmpeq_epi8(a, backslash), _mm_cmpeq_epi8(load(i + 1), x));
    const __m128i hd = _mm_and_si128(_mm_cmpeq_epi8(a, d), _mm_cmpeq_epi8(load(i + 8), underscore));
    const int any = _mm_movemask_epi8(_mm_or_si128(hx, hd));
    if (any == 0) continue;
    VerifyCandidates(json, i, static_cast<uint32_t>(_mm_movemask_epi8(hx)),
                     static_cast<uint32_t>(_mm_movemask_epi8(hd)), out);
  }
#endif
  return i;
}

}  // namespace

TelegramQuirks ScanTelegramQuirks(std::string_view json) {
  TelegramQuirks out;
  size_t done = 0;
#if defined(__x86_64__) && defined(__GNUC__)
  if (__builtin_cpu_supports("avx2")) {
    done = ScanAvx2(json, out);
  } else {
    done = ScanSse2(json, out);
  }
#else
  done = ScanSse2(json, out);
#endif
  ScanScalar(json, done, out);
  return out;
}

bool MayNeedTelegramRepair(std::string_view json) { return ScanTelegramQuirks(json).unquoted_document_id; }

class JsonRepairer {
 public:
  explicit JsonRepairer(std::string_view json) : json_(json) {}

  std::optional<RepairedJson> Run(size_t padding) {
    bool in_string = false;
    size_t string_start = 0;  // position of the opening quote of the current/last string
    size_t last_string_start = std::string_view::npos, last_string_end = 0;
    size_t i = 0;
    const size_t n = json_.size();
    while (i < n) {
      const char c = json_[i];
      if (in_string) {
        if (c == '\\') {
          if (i + 3 < n && json_[i + 1] == 'x' && IsHex(json_[i + 2]) && IsHex(json_[i + 3])) {
            Begin(i);
            out_.storage_.append("\\u00");
            out_.storage_.push_back(json_[i + 2]);
            out_.storage_.push_back(json_[i + 3]);
            i += 4;
            EndEdit(i);
            ++out_.escapes_fixed_;
            continue;
          }
          i += 2;  // any other escape pair, including "\\" before a literal x
          continue;
        }
        if (c == '"') {
          in_string = false;
          last_string_start = string_start;
          last_string_end = i + 1;
        }
        ++i;
        continue;
      }
      if (c == '"') {
        in_string = true;
        string_start = i;
        ++i;
        continue;
      }
      if (c == ':' && last_string_start != std::string_view::npos &&
          json_.substr(last_string_start, last_string_end - last_string_start) == kDocumentIdKey &&
          UnquotedValueFollows(json_, last_string_start)) {
        i = QuoteBareValue(i + 1);
        last_string_start = std::string_view::npos;
        continue;
      }
      ++i;
    }
    if (!copying_) return std::nullopt;
    out_.storage_.append(json_.substr(copied_upto_));
    out_.size_ = out_.storage_.size();
    out_.storage_.append(padding, '\0');
    return std::move(out_);
  }

 private:
  // Copies the untouched bytes before an edit at `pos`.
  void Begin(size_t pos) {
    if (!copying_) {
      copying_ = true;
      out_.storage_.reserve(json_.size() + json_.size() / 64 + 64);
    }
    out_.storage_.append(json_.substr(copied_upto_, pos - copied_upto_));
  }
  void EndEdit(size_t original_end) {
    copied_upto_ = original_end;
    const int64_t delta = static_cast<int64_t>(out_.storage_.size()) - static_cast<int64_t>(original_end);
    out_.edits_.emplace_back(out_.storage_.size(), delta);
  }

  // Quotes the bare value that starts after blanks at `pos`, up to the end of its line (minus
  // trailing blanks and a trailing comma). Returns where scanning resumes.
  size_t QuoteBareValue(size_t pos) {
    while (pos < json_.size() && IsBlank(json_[pos])) ++pos;
    size_t end = pos;
    while (end < json_.size() && json_[end] != '\n' && json_[end] != '\r') ++end;
    size_t value_end = end;
    while (value_end > pos && IsBlank(json_[value_end - 1])) --value_end;
    if (value_end > pos && json_[value_end - 1] == ',') --value_end;
    while (value_end > pos && IsBlank(json_[value_end - 1])) --value_end;
    Begin(pos);
    out_.storage_.push_back('"');
    for (size_t k = pos; k < value_end; ++k) {
      const char ch = json_[k];
      if (static_cast<unsigned char>(ch) < 0x20) {
        static constexpr char kHex[] = "0123456789abcdef";
        out_.storage_.append("\\u00");
        out_.storage_.push_back(kHex[(ch >> 4) & 0xf]);
        out_.storage_.push_back(kHex[ch & 0xf]);
        continue;
      }
      if (ch == '"' || ch == '\\') out_.storage_.push_back('\\');
      out_.storage_.push_back(ch);
    }
    out_.storage_.push_back('"');
    EndEdit(value_end);
    ++out_.values_quoted_;
    return value_end;
  }

  std::string_view json_;
  RepairedJson out_;
  bool copying_ = false;
  size_t copied_upto_ = 0;
};

std::optional<RepairedJson> RepairTelegramJson(std::string_view json, size_t padding) {
  if (!MayNeedTelegramRepair(json)) return std::nullopt;
  return JsonRepairer(json).Run(padding);
}

}  // namespace casegraph::ingest
