// Neutral placeholder chatter and planted identifiers for synthetic chat exports. The
// vocabulary mixes Turkish (with ı İ ş ğ ç ö ü), English and some Arabic; it is everyday small
// talk only. Identifiers are synthetic: TR mobile numbers (530-559 prefixes) in several written
// forms, https URLs on example domains, t.me invites, e-mails at example.org/example.com,
// @usernames, Matrix ids and bc1q-style strings. Pure functions of the Rng; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "synth/synth_random.h"

namespace casegraph::synth {

enum class PlantKind { kPhone, kUrl, kInvite, kEmail, kUsername, kMatrixId, kBitcoin };
inline constexpr int kPlantKindCount = 7;

// Ground-truth key: "phone", "url", "telegram_invite", "email", "username", "matrix_id",
// "bitcoin".
const char* PlantKindName(PlantKind kind);

// Appends `words` (>= 1) words separated by single spaces, sometimes with a trailing "?", "!",
// "." or an emoji; no leading or trailing space.
void AppendChatter(Rng& rng, int words, std::string* out);

// One vocabulary word.
std::string_view RandomWord(Rng& rng);

struct Planted {
  PlantKind kind;
  // Entity type Telegram would give the identifier ("link", "email", "mention", "phone"), or
  // nullptr when it stays plain text.
  const char* entity_type;
};

// Appends one identifier of a random kind (no surrounding spaces).
Planted AppendIdentifier(Rng& rng, std::string* out);

// Individual makers, also used for hrefs, profiles and contacts.
void AppendUrl(Rng& rng, std::string* out);
// "+90 5XX XXX XXXX" as tdesktop formats the account's and contacts' numbers.
void AppendProfilePhone(Rng& rng, std::string* out);
// Lower-case handle without '@' ("deniz_kitap42"), 5..32 chars of [a-z0-9_].
void AppendHandle(Rng& rng, std::string* out);

}  // namespace casegraph::synth
