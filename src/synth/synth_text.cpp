// Vocabulary and identifier makers for synthetic chats (see synth_text.h). Everything here is
// invented placeholder material: no real people, places beyond well-known city names, or data.
#include "synth/synth_text.h"

namespace casegraph::synth {
namespace {

constexpr std::string_view kWords[] = {
    // Turkish
    "merhaba", "selam", "nasılsın", "iyiyim", "okul", "ders", "ödev", "sınav", "maç", "gol",
    "takım", "yarın", "bugün", "akşam", "sabah", "görüşürüz", "ışık", "İzmir", "İstanbul",
    "Ankara", "çay", "kahve", "şehir", "güneş", "yağmur", "kış", "yaz", "tatil", "deniz",
    "kitap", "müzik", "şarkı", "film", "dizi", "oyun", "arkadaş", "öğretmen", "sınıf", "teneffüs",
    "otobüs", "çarşı", "pazar", "dondurma", "pizza", "sıcak", "soğuk", "güzel", "çok", "biraz",
    "şimdi", "sonra", "değil", "evet", "hayır", "tamam", "belki", "gerçekten", "harika", "üzgünüm",
    "teşekkürler", "lütfen", "görüşmek", "üzere", "hafta", "sonu", "doğum", "günü", "kutlu",
    "olsun", "ağaç", "köprü", "çiçek", "öğle", "yemeği", "basketbol", "voleybol", "İngilizce",
    "matematik", "fizik", "kimya", "resim", "bisiklet", "koşu", "yürüyüş", "ışıklar", "şarj",
    "telefon", "bilgisayar", "internet", "fotoğraf", "video",
    // English
    "hello", "hey", "thanks", "okay", "sure", "later", "tomorrow", "tonight", "school", "homework",
    "game", "match", "score", "team", "movie", "music", "song", "weekend", "coffee", "tea",
    "weather", "rain", "sunny", "bus", "train", "library", "book", "chapter", "exam", "lunch",
    "dinner", "pizza", "birthday", "party", "photo", "video", "funny", "great", "nice", "really",
    "maybe", "never", "always", "today", "now", "soon", "please", "sorry", "cool", "awesome",
    "see", "you", "the", "and", "with", "for", "meeting", "practice", "ticket", "park",
    // Arabic
    "مرحبا", "كتاب", "السلام", "عليكم", "شكرا", "صباح", "الخير", "مساء", "مدرسة", "صديق",
    "جميل", "غدا", "اليوم", "قهوة", "كرة", "القدم",
};

constexpr std::string_view kEndings[] = {"?", "!", ".", " 😂", " 👍", " 🙂", " ⚽", " 📚", "..."};

constexpr std::string_view kHandleParts[] = {
    "deniz", "ece", "mert", "elif", "kaan", "selin", "oyun", "kitap", "mac", "okul", "film",
    "gunes", "yildiz", "kedi", "kopek", "muzik", "sky", "blue", "fox", "pixel", "river", "moon",
    "star", "cloud", "noor", "omar", "lina", "sam", "alex", "maya"};

constexpr std::string_view kDomains[] = {"example.org", "example.com", "example.net",
                                         "okul.example.org", "blog.example.com",
                                         "video.example.net", "forum.example.org"};

constexpr std::string_view kPathWords[] = {"haber", "video", "post", "galeri", "etkinlik",
                                           "news", "watch", "page", "events", "docs", "mac",
                                           "sonuclar", "liste", "ders-notlari"};

constexpr char kInviteChars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
constexpr char kBech32Chars[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
constexpr std::string_view kNbsp = "\xC2\xA0";

void AppendDigits(Rng& rng, int count, std::string* out) {
  for (int i = 0; i < count; ++i) out->push_back(static_cast<char>('0' + rng.Below(10)));
}

void AppendNumber(uint64_t n, std::string* out) { out->append(std::to_string(n)); }

// The 10 national digits of a TR mobile number: 5XX (530-559) and 7 more, the first not 0.
std::string MobileDigits(Rng& rng) {
  std::string d = std::to_string(530 + rng.Below(30));
  d.push_back(static_cast<char>('1' + rng.Below(9)));
  AppendDigits(rng, 6, &d);
  return d;
}

// Groups "5XX XXX XX XX" with `sep` between groups.
void AppendGrouped(const std::string& d, std::string_view sep, bool two_two, std::string* out) {
  out->append(d, 0, 3);
  out->append(sep);
  out->append(d, 3, 3);
  out->append(sep);
  if (two_two) {
    out->append(d, 6, 2);
    out->append(sep);
    out->append(d, 8, 2);
  } else {
    out->append(d, 6, 4);
  }
}

// Returns the entity type: only the compact international form is auto-detected as "phone".
const char* AppendPhone(Rng& rng, std::string* out) {
  const std::string d = MobileDigits(rng);
  switch (rng.Below(6)) {
    case 0:  // +90 532 123 45 67
      out->append("+90 ");
      AppendGrouped(d, " ", true, out);
      return nullptr;
    case 1:  // 0532 123 4567
      out->push_back('0');
      AppendGrouped(d, " ", false, out);
      return nullptr;
    case 2:  // +905321234567
      out->append("+90");
      out->append(d);
      return "phone";
    case 3:  // +90 532 123 45 67 with no-break spaces
      out->append("+90");
      out->append(kNbsp);
      AppendGrouped(d, kNbsp, true, out);
      return nullptr;
    case 4:  // (0532) 123 45 67
      out->append("(0");
      out->append(d, 0, 3);
      out->append(") ");
      out->append(d, 3, 3);
      out->push_back(' ');
      out->append(d, 6, 2);
      out->push_back(' ');
      out->append(d, 8, 2);
      return nullptr;
    default:  // 05321234567
      out->push_back('0');
      out->append(d);
      return nullptr;
  }
}

void AppendInvite(Rng& rng, std::string* out) {
  switch (rng.Below(3)) {
    case 0: out->append("https://t.me/joinchat/"); break;
    case 1: out->append("https://t.me/+"); break;
    default: out->append("t.me/+"); break;
  }
  for (int i = 0; i < 16; ++i) out->push_back(kInviteChars[rng.Below(sizeof kInviteChars - 1)]);
}

void AppendEmail(Rng& rng, std::string* out) {
  out->append(rng.Pick(kHandleParts));
  out->push_back(rng.PerMille(500) ? '.' : '_');
  out->append(rng.Pick(kHandleParts));
  AppendNumber(rng.Below(100), out);
  out->append(rng.PerMille(500) ? "@example.org" : "@example.com");
}

void AppendBitcoin(Rng& rng, std::string* out) {
  out->append("bc1q");
  for (int i = 0; i < 38; ++i) out->push_back(kBech32Chars[rng.Below(32)]);
}

}  // namespace

const char* PlantKindName(PlantKind kind) {
  switch (kind) {
    case PlantKind::kPhone: return "phone";
    case PlantKind::kUrl: return "url";
    case PlantKind::kInvite: return "telegram_invite";
    case PlantKind::kEmail: return "email";
    case PlantKind::kUsername: return "username";
    case PlantKind::kMatrixId: return "matrix_id";
    case PlantKind::kBitcoin: return "bitcoin";
  }
  return "unknown";
}

std::string_view RandomWord(Rng& rng) { return rng.Pick(kWords); }

void AppendChatter(Rng& rng, int words, std::string* out) {
  for (int i = 0; i < words; ++i) {
    if (i > 0) out->push_back(' ');
    out->append(rng.Pick(kWords));
  }
  if (rng.PerMille(350)) out->append(rng.Pick(kEndings));
}

void AppendUrl(Rng& rng, std::string* out) {
  out->append("https://");
  out->append(rng.Pick(kDomains));
  out->push_back('/');
  out->append(rng.Pick(kPathWords));
  if (rng.PerMille(500)) {
    out->push_back('/');
    AppendNumber(1000 + rng.Below(90000), out);
  }
  if (rng.PerMille(250)) {
    out->append("?id=");
    AppendNumber(rng.Below(1000000), out);
  }
}

void AppendProfilePhone(Rng& rng, std::string* out) {
  out->append("+90 ");
  AppendGrouped(MobileDigits(rng), " ", false, out);
}

void AppendHandle(Rng& rng, std::string* out) {
  out->append(rng.Pick(kHandleParts));
  out->push_back('_');
  out->append(rng.Pick(kHandleParts));
  AppendNumber(rng.Below(1000), out);
}

Planted AppendIdentifier(Rng& rng, std::string* out) {
  // Phones and URLs are the most common identifiers in real chats; weight them up a little.
  static constexpr PlantKind kMix[] = {
      PlantKind::kPhone,    PlantKind::kPhone,    PlantKind::kPhone, PlantKind::kUrl,
      PlantKind::kUrl,      PlantKind::kInvite,   PlantKind::kEmail, PlantKind::kUsername,
      PlantKind::kUsername, PlantKind::kMatrixId, PlantKind::kBitcoin};
  const PlantKind kind = rng.Pick(kMix);
  switch (kind) {
    case PlantKind::kPhone: return {kind, AppendPhone(rng, out)};
    case PlantKind::kUrl: AppendUrl(rng, out); return {kind, "link"};
    case PlantKind::kInvite: AppendInvite(rng, out); return {kind, "link"};
    case PlantKind::kEmail: AppendEmail(rng, out); return {kind, "email"};
    case PlantKind::kUsername:
      out->push_back('@');
      AppendHandle(rng, out);
      return {kind, "mention"};
    case PlantKind::kMatrixId:
      out->push_back('@');
      out->append(rng.Pick(kHandleParts));
      AppendNumber(rng.Below(100), out);
      out->append(":matrix.example.org");
      return {kind, nullptr};
    case PlantKind::kBitcoin: AppendBitcoin(rng, out); return {kind, nullptr};
  }
  return {kind, nullptr};
}

}  // namespace casegraph::synth
