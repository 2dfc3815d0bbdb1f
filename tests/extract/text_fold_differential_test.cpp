// Differential test of the table-driven folding fast paths against the ICU-only reference
// (extract/fold_reference.h): every code point U+0000..U+07FF alone and inside a token, pairs of
// them adjacent (every code point against the combining marks that could interact with it, plus
// random partners), and random strings mixing ASCII, Turkish, Arabic, Greek, Cyrillic, combining
// marks, joiners, invalid UTF-8 and three-/four-byte characters. Tokens, byte offsets, the token
// count and FoldForSearch must all match exactly. CASEGRAPH_FOLD_EXHAUSTIVE=1 also runs every pair
// of code points below U+0800 (slow; meant for a Release build).
#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <cstdint>
#include <cstdlib>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "extract/fold_reference.h"
#include "extract/text_fold.h"

#include "extract_test_util.h"

namespace casegraph::extract {
namespace {

using Token = testing::Token;

int Collect(void* ctx, const char* token, size_t size, size_t start, size_t end) {
  static_cast<std::vector<Token>*>(ctx)->push_back({std::string(token, size), start, end});
  return 0;
}

std::string Hex(std::string_view text) {
  std::string out;
  char buf[4];
  for (unsigned char c : text) {
    std::snprintf(buf, sizeof(buf), "%02X ", c);
    out += buf;
  }
  return out;
}

// Returns true if the fast and reference paths agree on `text`; records a failure otherwise.
bool Agrees(std::string_view text) {
  std::vector<Token> fast;
  std::vector<Token> reference;
  size_t fast_count = TokenizeFolded(text, Collect, &fast);
  size_t reference_count = internal::TokenizeFoldedReference(text, Collect, &reference);
  bool ok = true;
  if (fast != reference || fast_count != reference_count) {
    ADD_FAILURE() << "TokenizeFolded differs on " << Hex(text)
                  << "\n fast: " << ::testing::PrintToString(fast)
                  << "\n reference: " << ::testing::PrintToString(reference);
    ok = false;
  }
  std::string folded = FoldForSearch(text);
  std::string folded_reference = internal::FoldForSearchReference(text);
  if (folded != folded_reference) {
    ADD_FAILURE() << "FoldForSearch differs on " << Hex(text) << ": " << Hex(folded) << " vs "
                  << Hex(folded_reference);
    ok = false;
  }
  return ok;
}

void AppendCodePoint(std::string& out, int32_t cp) {
  char buf[4];
  int32_t len = 0;
  U8_APPEND_UNSAFE(buf, len, cp);
  out.append(buf, static_cast<size_t>(len));
}

std::string Utf8(std::initializer_list<int32_t> cps) {
  std::string out;
  for (int32_t cp : cps) AppendCodePoint(out, cp);
  return out;
}

// Combining marks and other code points below U+0800 whose folding could depend on a neighbour.
const std::vector<int32_t>& Interacting() {
  static const std::vector<int32_t> cps = [] {
    std::vector<int32_t> v = {0x0130, 0x0131, 'I', 'i', 0x0345, 0x0399, 0x03B9, 0x03A3, 0x03C2,
                              0x03C3, 0x00DF, 0x0149, 0x01F0, 0x0390, 0x03B0, 0x0587, 0x00AD,
                              0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627, 0x0648, 0x064A,
                              0x0649, 0x0629, 0x0640, 0x0671, 0x06C1, 0x06D2, 0x06D5, 0x0488,
                              0x0489, 0x0338, 0x0334};
    for (int32_t cp = 0x0300; cp <= 0x036F; cp += 3) v.push_back(cp);
    for (int32_t cp = 0x0483; cp <= 0x0487; ++cp) v.push_back(cp);
    for (int32_t cp = 0x0591; cp <= 0x05C7; cp += 5) v.push_back(cp);
    for (int32_t cp = 0x0610; cp <= 0x061A; cp += 2) v.push_back(cp);
    for (int32_t cp = 0x064B; cp <= 0x065F; ++cp) v.push_back(cp);
    v.push_back(0x0670);
    for (int32_t cp = 0x06D6; cp <= 0x06ED; cp += 3) v.push_back(cp);
    for (int32_t cp = 0x0711; cp <= 0x074A; cp += 7) v.push_back(cp);
    for (int32_t cp = 0x07A6; cp <= 0x07B0; cp += 2) v.push_back(cp);
    for (int32_t cp = 0x07EB; cp <= 0x07F3; ++cp) v.push_back(cp);
    return v;
  }();
  return cps;
}

TEST(FoldDifferentialTest, EveryTwoByteCodePointAloneAndInsideAToken) {
  for (int32_t cp = 0; cp < 0x800; ++cp) {
    std::string c = Utf8({cp});
    ASSERT_TRUE(Agrees(c)) << "U+" << std::hex << cp;
    ASSERT_TRUE(Agrees("a" + c + "b")) << "U+" << std::hex << cp;
    ASSERT_TRUE(Agrees(Utf8({0x0627}) + c + Utf8({0x0644}))) << "U+" << std::hex << cp;
    ASSERT_TRUE(Agrees(c + c + " " + c)) << "U+" << std::hex << cp;
  }
}

TEST(FoldDifferentialTest, PairsOfTwoByteCodePoints) {
  std::mt19937 rng(12345);
  const auto& interacting = Interacting();
  size_t failures = 0;
  for (int32_t a = 0; a < 0x800 && failures < 20; ++a) {
    std::string ca = Utf8({a});
    for (int32_t b : interacting) {
      std::string cb = Utf8({b});
      if (!Agrees(ca + cb)) ++failures;
      if (!Agrees(cb + ca)) ++failures;
    }
    for (int k = 0; k < 8; ++k) {
      int32_t b = static_cast<int32_t>(rng() % 0x800);
      if (!Agrees("x" + ca + Utf8({b}) + "y")) ++failures;
    }
  }
}

TEST(FoldDifferentialTest, ExhaustivePairsWhenAsked) {
  const char* env = std::getenv("CASEGRAPH_FOLD_EXHAUSTIVE");
  if (env == nullptr || std::string(env) != "1") GTEST_SKIP() << "set CASEGRAPH_FOLD_EXHAUSTIVE=1";
  size_t failures = 0;
  for (int32_t a = 0x80; a < 0x800 && failures < 20; ++a) {
    std::string ca = Utf8({a});
    for (int32_t b = 0; b < 0x800 && failures < 20; ++b) {
      if (!Agrees(ca + Utf8({b}))) ++failures;
    }
  }
}

// A random element of mixed chat-like text.
std::string RandomPiece(std::mt19937& rng) {
  static const std::vector<std::string> kInvalid = {"\x80", "\xBF", "\xC0", "\xC1\x81", "\xFF",
                                                     "\xD8", "\xE2\x82", "\xF0\x9F\x98",
                                                     "\xED\xA0\x80", "\xF4\x90\x80\x80"};
  static const std::vector<int32_t> kTurkish = {0x00E7, 0x011F, 0x0131, 0x0130, 0x00F6, 0x015F,
                                                0x00FC, 0x00C7, 0x011E, 0x00D6, 0x015E, 0x00DC,
                                                'I',    'i'};
  static const std::vector<int32_t> kWide = {
      0x1100, 0x1161, 0x11A8, 0xAC00, 0xAC01, 0x0B47, 0x0B3E, 0x0B57, 0x0915, 0x093E, 0x094D,
      0x09C7, 0x09BE, 0x0DD9, 0x0DCF, 0xFEF7, 0xFB01, 0xFF21, 0x2044, 0x20DD, 0x1DC0, 0x1E9E,
      0x1FB3, 0x1F80, 0x2126, 0x212A, 0x4E2D, 0x3042, 0x3099, 0x200C, 0x200D, 0x200B, 0x2060,
      0xFE0F, 0xFEFF, 0x1F600, 0x1D400, 0x10400, 0x10428, 0x1E900, 0xE0041, 0x0E33, 0x0F73};
  std::string out;
  switch (rng() % 16) {
    case 0:
    case 1:
    case 2: {  // ASCII word, maybe capitalised
      size_t len = 1 + rng() % 6;
      for (size_t k = 0; k < len; ++k) out += static_cast<char>((rng() % 3 == 0 ? 'A' : 'a') + rng() % 26);
      break;
    }
    case 3:  // ASCII separator or digit
      out += " ,.-_'!:0123456789\t\n@#"[rng() % 23];
      break;
    case 4:
    case 5:
      AppendCodePoint(out, kTurkish[rng() % kTurkish.size()]);
      break;
    case 6:
    case 7:  // Arabic letters, harakat, tatweel, extended Arabic
      AppendCodePoint(out, 0x0600 + static_cast<int32_t>(rng() % 0x100));
      break;
    case 8:  // Greek
      AppendCodePoint(out, 0x0370 + static_cast<int32_t>(rng() % 0x90));
      break;
    case 9:  // Cyrillic
      AppendCodePoint(out, 0x0400 + static_cast<int32_t>(rng() % 0x130));
      break;
    case 10:  // combining marks and ypogegrammeni
      AppendCodePoint(out, rng() % 4 == 0 ? 0x0345 : 0x0300 + static_cast<int32_t>(rng() % 0x70));
      break;
    case 11:
      out += kInvalid[rng() % kInvalid.size()];
      break;
    case 12:
    case 13:
      AppendCodePoint(out, kWide[rng() % kWide.size()]);
      break;
    case 14:  // anything below U+0800
      AppendCodePoint(out, static_cast<int32_t>(rng() % 0x800));
      break;
    default:  // joiners and interacting code points
      AppendCodePoint(out, rng() % 3 == 0 ? 0x00AD : Interacting()[rng() % Interacting().size()]);
      break;
  }
  return out;
}

TEST(FoldDifferentialTest, RandomMixedStrings) {
  std::mt19937 rng(20240115);
  size_t failures = 0;
  for (int iteration = 0; iteration < 50000 && failures < 20; ++iteration) {
    std::string text;
    size_t pieces = 1 + rng() % 16;
    for (size_t k = 0; k < pieces; ++k) text += RandomPiece(rng);
    if (!Agrees(text)) ++failures;
  }
}

TEST(FoldDifferentialTest, CallbackCanStopEarly) {
  std::string text = "Merhaba İstanbul, أحمد كـتـاب 가나 ışık çok ĞÜZEL";
  for (size_t limit = 1; limit <= 9; ++limit) {
    struct Ctx {
      std::vector<Token> tokens;
      size_t limit;
    };
    auto stop_after = [](void* ctx, const char* token, size_t size, size_t start, size_t end) {
      auto* c = static_cast<Ctx*>(ctx);
      c->tokens.push_back({std::string(token, size), start, end});
      return c->tokens.size() >= c->limit ? 1 : 0;
    };
    Ctx fast{{}, limit};
    Ctx reference{{}, limit};
    EXPECT_EQ(TokenizeFolded(text, stop_after, &fast),
              internal::TokenizeFoldedReference(text, stop_after, &reference));
    EXPECT_EQ(fast.tokens, reference.tokens);
  }
}

}  // namespace
}  // namespace casegraph::extract
