#include "ingest/whatsapp_people.h"

#include <phonenumbers/phonenumberutil.h>

#include "ingest/whatsapp_header.h"
#include "ingest/whatsapp_lexicon.h"

namespace casegraph::ingest::whatsapp {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::string_view CleanName(std::string_view raw) {
  std::string_view s = TrimMarks(raw);
  if (!s.empty() && s.front() == '~') {
    s.remove_prefix(1);
    s = TrimMarks(s);
  }
  return s;
}

std::optional<std::string> PhoneRef(std::string_view name) {
  std::string digits = "+";
  size_t i = 0;
  const std::string_view s = CleanName(name);
  if (s.empty() || s[0] != '+') return std::nullopt;
  for (i = 1; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b >= '0' && b <= '9') {
      digits.push_back(static_cast<char>(b));
      ++i;
    } else if (b == ' ' || b == '-' || b == '(' || b == ')' || b == '.') {
      ++i;
    } else if (const size_t mark = MarkLength(s, i)) {
      i += mark;
    } else if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      i += 2;
    } else if (b == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xAF || static_cast<unsigned char>(s[i + 2]) == 0x91 ||
                static_cast<unsigned char>(s[i + 2]) == 0x90)) {
      i += 3;  // U+202F, U+2011 non-breaking hyphen, U+2010 hyphen
    } else {
      return std::nullopt;
    }
  }
  if (digits.size() < 8 || digits.size() > 16) return std::nullopt;
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(digits, "ZZ", &number) == PhoneNumberUtil::NO_PARSING_ERROR && util.IsValidNumber(number)) {
    std::string e164;
    util.Format(number, PhoneNumberUtil::E164, &e164);
    return "whatsapp:" + e164;
  }
  return "whatsapp:" + digits;  // as written: WhatsApp shows numbers in international form
}

uint32_t People::Intern(std::string_view raw) {
  auto it = by_raw_.find(raw);
  if (it != by_raw_.end()) return it->second;
  Person p;
  p.raw = std::string(raw);
  p.name = std::string(CleanName(raw));
  if (IsYouWord(p.name)) {
    p.owner = true;
    p.ref = "whatsapp-owner:" + exhibit_;
  } else if (auto phone = PhoneRef(raw)) {
    p.ref = *phone;
    p.phone = p.name;
  } else {
    p.ref = "whatsapp-contact:" + exhibit_ + "/" + p.name;
  }
  const uint32_t id = static_cast<uint32_t>(people_.size());
  people_.push_back(std::move(p));
  by_raw_.emplace(people_.back().raw, id);
  return id;
}

size_t People::others() const {
  size_t n = 0;
  for (const auto& p : people_) n += p.owner ? 0 : 1;
  return n;
}

const std::string& People::Use(uint32_t id, const std::string& locator, Sink& sink) {
  Person& p = people_[id];
  if (!p.emitted) {
    p.emitted = true;
    auto [it, fresh] = ref_emitted_.emplace(p.ref, true);
    if (fresh) {
      model::AccountRecord a;
      a.ref = p.ref;
      a.platform = "whatsapp";
      a.display_name = p.owner ? std::string() : (p.phone.empty() ? p.name : std::string());
      a.phone = p.phone;
      a.role = p.owner ? model::AccountRole::kOwner : model::AccountRole::kParticipant;
      a.locator = locator;
      sink.Account(std::move(a));
      ++emitted_;
      if (p.owner) owner_ref_ = p.ref;
    }
  }
  return p.ref;
}

}  // namespace casegraph::ingest::whatsapp
