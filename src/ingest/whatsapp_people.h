// Who wrote a WhatsApp line, as a ref (docs/formats/whatsapp-txt.md, "Senders"):
//   a phone number (also wrapped in U+202A..U+202C, NBSP/U+202F between groups, "~ " prefix)
//     -> "whatsapp:+E164" (libphonenumber; the digits as written when it cannot parse them);
//   "You" or a translation -> the exhibit owner "whatsapp-owner:<exhibit>";
//   a saved contact name  -> exhibit-local "whatsapp-contact:<exhibit>/<name>".
// <exhibit> is model::kExhibitScope, which the store replaces with "<case>/<exhibit label>", so
// equal names on two seized phones stay two accounts. Each account
// is emitted to the sink once, the first time it is needed, before the message citing it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ingest/sink.h"

namespace casegraph::ingest::whatsapp {

// "+7 999 999-99-99" (marks and separators allowed) -> "+79999999999"; nullopt when the name
// is not a phone number. Valid numbers go through libphonenumber's E.164 formatting.
std::optional<std::string> PhoneRef(std::string_view name);

// The sender name without marks and without the "~ " non-contact prefix.
std::string_view CleanName(std::string_view raw);

class People {
 public:
  explicit People(std::string exhibit) : exhibit_(std::move(exhibit)) {}

  // A stable small id for a raw sender/actor string (as written in the file).
  uint32_t Intern(std::string_view raw);
  size_t size() const { return people_.size(); }
  // Distinct people other than the owner.
  size_t others() const;

  // The ref of person `id`, emitting its account first if not yet done.
  const std::string& Use(uint32_t id, const std::string& locator, Sink& sink);
  const std::string& Name(uint32_t id) const { return people_[id].name; }
  bool IsOwner(uint32_t id) const { return people_[id].owner; }

  // The owner's ref, empty until "You" was seen.
  const std::string& owner_ref() const { return owner_ref_; }
  uint64_t accounts_emitted() const { return emitted_; }

 private:
  struct Person {
    std::string raw, name, ref, phone;
    bool owner = false;
    bool emitted = false;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::string exhibit_;
  std::vector<Person> people_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> by_raw_;
  std::unordered_map<std::string, bool> ref_emitted_;  // two raw spellings may share a ref
  std::string owner_ref_;
  uint64_t emitted_ = 0;
};

}  // namespace casegraph::ingest::whatsapp
