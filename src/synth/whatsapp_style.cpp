// WhatsApp export header styles (see whatsapp_style.h).
#include "synth/whatsapp_style.h"

#include <iterator>

namespace casegraph::synth {
namespace {

constexpr const char* kE2eEn =
    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or "
    "listen to them.";
constexpr const char* kE2eDe =
    "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Niemand außerhalb dieses Chats kann sie lesen oder "
    "anhören, nicht einmal WhatsApp.";

constexpr WhatsAppStyle kStyles[] = {
    {"android-en-GB", false, false, true, false, '/', "<Media omitted>", "This message was deleted",
     "You deleted this message", "<This message was edited>", " added ", " left",
     " joined using this group's invite link", "You", kE2eEn},
    {"android-en-US", false, true, false, true, '/', "<Media omitted>", "This message was deleted",
     "You deleted this message", "<This message was edited>", " added ", " left",
     " joined using this group's invite link", "You", kE2eEn},
    {"android-de", false, false, false, false, '.', "<Medien ausgeschlossen>", "Diese Nachricht wurde gelöscht.",
     "Du hast diese Nachricht gelöscht.", "<Diese Nachricht wurde bearbeitet>", " hat ", " hat die Gruppe verlassen",
     " ist über den Einladungslink dieser Gruppe beigetreten", "Du", kE2eDe},
    {"ios-en-US", true, true, false, true, '/', "image omitted", "This message was deleted.",
     "You deleted this message.", "<This message was edited>", " added ", " left",
     " joined using this group's invite link", "You", kE2eEn},
    {"ios-en-GB", true, false, true, false, '/', "image omitted", "This message was deleted.",
     "You deleted this message.", "<This message was edited>", " added ", " left",
     " joined using this group's invite link", "You", kE2eEn},
};

void Two(int v, std::string* out) {
  out->push_back(static_cast<char>('0' + v / 10 % 10));
  out->push_back(static_cast<char>('0' + v % 10));
}

void Num(int v, std::string* out) { out->append(std::to_string(v)); }

// "+905321234567" -> {"+90", "532", "123", "45", "67"} joined by `sep`.
std::string Grouped(std::string_view e164, std::string_view sep) {
  std::string out;
  if (e164.size() != 13 || e164.substr(0, 3) != "+90") return std::string(e164);  // not a TR mobile: as is
  const size_t cuts[] = {3, 6, 9, 11, 13};
  size_t from = 0;
  for (size_t i = 0; i < std::size(cuts); ++i) {
    if (i > 0) out.append(sep);
    out.append(e164.substr(from, cuts[i] - from));
    from = cuts[i];
  }
  return out;
}

}  // namespace

const WhatsAppStyle* FindWhatsAppStyle(std::string_view name) {
  for (const auto& s : kStyles) {
    if (name == s.name) return &s;
  }
  return nullptr;
}

size_t WhatsAppStyleCount() { return std::size(kStyles); }
const WhatsAppStyle& WhatsAppStyleAt(size_t i) { return kStyles[i]; }

const char* WhatsAppDateOrder(const WhatsAppStyle& s) { return s.month_first ? "mdy" : "dmy"; }

void AppendWhatsAppHeader(const WhatsAppStyle& s, const CivilTime& t, bool lrm, std::string* out) {
  if (s.ios && lrm) out->append(kWhatsAppLrm);
  if (s.ios) out->push_back('[');
  const int first = s.month_first ? t.month : t.day, second = s.month_first ? t.day : t.month;
  if (s.four_digit_year || !s.month_first) Two(first, out); else Num(first, out);
  out->push_back(s.date_sep);
  if (s.four_digit_year || !s.month_first) Two(second, out); else Num(second, out);
  out->push_back(s.date_sep);
  if (s.four_digit_year) Num(t.year, out); else Two(t.year % 100, out);
  out->append(", ");
  if (s.twelve_hour) {
    const int h = t.hour % 12 == 0 ? 12 : t.hour % 12;
    Num(h, out);
  } else {
    Two(t.hour, out);
  }
  out->push_back(':');
  Two(t.minute, out);
  if (s.ios) {
    out->push_back(':');
    Two(t.second, out);
  }
  if (s.twelve_hour) {
    out->append(s.ios ? " " : "\u202F");
    out->append(t.hour < 12 ? "AM" : "PM");
  }
  out->append(s.ios ? "] " : " - ");
}

std::string WhatsAppNumberSender(std::string_view e164) {
  return "\u202A" + Grouped(e164, "\u00A0") + "\u202C";
}

std::string WhatsAppNumberText(std::string_view e164) { return Grouped(e164, " "); }

}  // namespace casegraph::synth
