// The words WhatsApp writes into an export, per language: system lines (group created, member
// added/left/removed, subject changed, joined by invite link, end-to-end notice, security code
// changed, ...), media placeholders, deleted and edited markers, the exporter's "You", and the
// localised "WhatsApp Chat with X" file names. Tables only plus a tiny pattern matcher; the
// importer decides what to do with a match. Strings are compared after invisible marks are
// removed (see whatsapp_header.h). Languages: the fixtures' (en, cs, de, es, fr, hi, id, it,
// ja, pt, ru, th, uk, vi) plus nl and tr; unknown wording degrades to plain text / a service
// message without an action, never to an error.
#pragma once

#include <string>
#include <string_view>

namespace casegraph::ingest::whatsapp {

// A recognised system line. Views point into the text given to MatchSystemText.
struct SystemEvent {
  std::string_view action;   // create_group, add_members, leave, remove_members, change_subject,
                             // join_by_link, e2e_notice, security_code_changed, ...
  std::string_view actor;    // who did it, as written ("You" and translations included)
  std::string_view members;  // whom it concerned, as written ("A, B and C")
  std::string_view old_title, title;
  bool group = false;        // the event only happens in groups
};

// `text` without marks. `system_context`: the line had no sender, or its text began with an
// LRM/RLM as iOS writes system text; only then are the looser end-to-end keywords accepted.
bool MatchSystemText(std::string_view text, bool system_context, SystemEvent* out);

// "This message was deleted", "You deleted this message." and translations (marks removed).
bool IsDeletedMarker(std::string_view text);

// Whole-text "omitted media" placeholders ("<Media omitted>", "image omitted",
// "document omitted", ...): the attachment kind, or empty.
std::string_view OmittedMediaKind(std::string_view text);

// The label in "FILE (file attached)" and translations.
bool IsFileAttachedLabel(std::string_view label);
// The label in "<attached: FILE>" and translations.
bool IsAttachedLabel(std::string_view label);

// If `text` ends with "<This message was edited>" (or a translation, marks allowed before it),
// returns the text without it and sets *edited.
std::string_view StripEditedMarker(std::string_view text, bool* edited);

// "You", "Du", "Vous", "Tú", "Вы", ... : the exporting account.
bool IsYouWord(std::string_view name);

// photo, video, audio, sticker, gif, contact or document, from an exported media file name
// (Android IMG-/VID-/PTT-/STK-..., iOS 00000035-PHOTO-..., else the extension).
std::string_view KindFromFileName(std::string_view name);

// True for names WhatsApp gives exported media ("IMG-20220323-WA0002.jpg",
// "00000035-PHOTO-2022-03-27-21-41-55.jpg", "00000046-Some file.txt").
bool LooksLikeExportedMediaName(std::string_view name);

// "WhatsApp Chat with Alice" / "WhatsApp Chat - Alice" / "Chat WhatsApp s uživatelem Alice" ->
// "Alice"; empty when the stem is not such a name.
std::string TitleFromFileName(std::string_view stem);

// Splits "A, B and C" into names (", " and the word for "and" in the tables' languages).
template <typename F>
void ForEachMember(std::string_view members, F&& f);

}  // namespace casegraph::ingest::whatsapp

#include "ingest/whatsapp_lexicon_inl.h"
