// Membership and display-name history of a Matrix room, built in timeline order from
// m.room.member events (content.displayname, unsigned.prev_content): events carry only the
// sender's mxid, so this is where names come from. Sends an AccountRecord when an account is
// first seen and again for every display-name change (with the time it took effect), and
// describes each membership event as a service message (join, leave, invite, kick, ban,
// change_name, …). Lives for one import; one thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "ingest/element_event.h"
#include "ingest/sink.h"
#include "model/records.h"

namespace casegraph::ingest::element {

inline constexpr std::string_view kRefPrefix = "matrix:";

class MemberBook {
 public:
  explicit MemberBook(Sink& sink) : sink_(sink) {}

  // The display name `user_id` has at this point of the timeline, or empty.
  std::string_view NameOf(std::string_view user_id) const;
  // Sends an account record for `user_id` the first time it is seen.
  void See(std::string_view user_id, const std::string& locator);
  // Records that `user_id` is called `name` (from `seen_at` on, when known).
  void Name(std::string_view user_id, std::string_view name, std::optional<int64_t> seen_at, const std::string& locator);
  // Applies one m.room.member event and fills the service message's action, text and members.
  void ApplyMembership(const Event& event, const std::string& locator, model::MessageRecord& service);
  // The account whose current display name is `name`, when exactly one has it.
  std::string UniqueUserNamed(std::string_view name) const;
  uint64_t accounts() const { return people_.size(); }

 private:
  struct Person {
    std::string name;
    bool sent = false;
  };
  Person& Get(std::string_view user_id);
  std::string Label(std::string_view user_id) const;  // name, else the mxid

  Sink& sink_;
  std::unordered_map<std::string, Person> people_;
  std::string last_id_;  // one-entry cache: consecutive events often share a sender
  Person* last_ = nullptr;
};

}  // namespace casegraph::ingest::element
