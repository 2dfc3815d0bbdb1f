// The header styles of WhatsApp's "Export chat" text (Android and iOS, a few locales), shared by
// the single-chat generator (whatsapp_synth.cpp) and the scenario writer
// (scenario_write_whatsapp.cpp): the date header, the localised words for "You", media, deleted
// and system lines, and how an unsaved contact's number is shown. Pure data and functions.
#pragma once

#include <string>
#include <string_view>

#include "synth/synth_clock.h"

namespace casegraph::synth {

struct WhatsAppStyle {
  const char* name;
  bool ios;
  bool month_first;
  bool four_digit_year;
  bool twelve_hour;
  char date_sep;
  const char* media_omitted;  // Android: whole text; iOS: "image omitted" style
  const char* deleted;
  const char* you_deleted;
  const char* edited;
  const char* added;          // "%s added %s"
  const char* left;           // "%s left"
  const char* joined;         // "%s joined using this group's invite link"
  const char* you;            // the exporter's own name: "You" / "Du"
  const char* e2e_notice;     // the end-to-end notice every export opens with
};

// nullptr for an unknown name. Names: android-en-GB, android-en-US, android-de, ios-en-US, ios-en-GB.
const WhatsAppStyle* FindWhatsAppStyle(std::string_view name);
// Number of styles and the i-th (for listing).
size_t WhatsAppStyleCount();
const WhatsAppStyle& WhatsAppStyleAt(size_t i);

// "dmy" or "mdy": the day/month order the style writes.
const char* WhatsAppDateOrder(const WhatsAppStyle& s);

// Appends the header of a message at local civil time `t` ("DD/MM/YYYY, HH:MM - " or
// "[M/D/YY, h:mm:ss AM] "), with iOS's leading LRM when `lrm`.
void AppendWhatsAppHeader(const WhatsAppStyle& s, const CivilTime& t, bool lrm, std::string* out);

// An unsaved contact as WhatsApp shows it: "+90 532 123 45 67" wrapped in U+202A..U+202C with
// NBSP between the digit groups. `e164` is "+905321234567" (a TR mobile number).
std::string WhatsAppNumberSender(std::string_view e164);
// "+90 532 123 45 67" (plain spaces), as in a file name.
std::string WhatsAppNumberText(std::string_view e164);

inline constexpr const char* kWhatsAppLrm = "\u200E";

}  // namespace casegraph::synth
