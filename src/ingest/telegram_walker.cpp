// The Telegram export walker (see telegram_walker.h).
#include "ingest/telegram_walker.h"

#include <charconv>

#include "ingest/json_values.h"
#include "ingest/telegram_message.h"
#include "ingest/telegram_refs.h"

namespace casegraph::ingest {
namespace {

enum class Section { kContacts, kChats, kLeftChats };

struct ChatMeta {
  std::string name, type, id;
};

void AppendIndex(std::string& out, size_t index) {
  char digits[24];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, index).ptr);
}

class Walker {
 public:
  Walker(od::document& doc, TelegramRun& run) : doc_(doc), run_(run), messages_(run) {}

  Status Run() {
    od::json_type type;
    if (auto err = doc_.type().get(type)) return run_.errors.Parse(err, "");
    if (type != od::json_type::object) {
      return Error::Unsupported("telegram-json: not a Telegram export: the root is not a JSON object",
                                Location{run_.errors.file_label(), ""});
    }
    od::object root;
    if (auto err = doc_.get_object().get(root)) return run_.errors.Parse(err, "");
    ChatMeta meta;
    bool telegram_root = false, emitted = false;
    for (auto field_or : root) {
      od::field field;
      if (auto err = std::move(field_or).get(field)) return run_.errors.Parse(err, "");
      const std::string_view key = KeyOf(field);
      od::value& value = field.value();
      if (key == "personal_information") {
        telegram_root = true;
        CASEGRAPH_RETURN_IF_ERROR(ReadPersonalInformation(value));
      } else if (key == "contacts") {
        telegram_root = true;
        CASEGRAPH_RETURN_IF_ERROR(ReadSection(value, "/contacts", Section::kContacts));
      } else if (key == "chats") {
        telegram_root = true;
        CASEGRAPH_RETURN_IF_ERROR(ReadSection(value, "/chats", Section::kChats));
      } else if (key == "left_chats") {
        telegram_root = true;
        CASEGRAPH_RETURN_IF_ERROR(ReadSection(value, "/left_chats", Section::kLeftChats));
      } else if (key == "frequent_contacts" || key == "profile_pictures" || key == "web_sessions") {
        telegram_root = true;
      } else if (key == "name" || key == "type" || key == "id") {
        CASEGRAPH_RETURN_IF_ERROR(ReadChatMeta(key, value, "", meta, emitted));
      } else if (key == "messages") {
        telegram_root = true;
        if (!emitted) EmitConversation(meta, "", "0", false);
        emitted = true;
        CASEGRAPH_RETURN_IF_ERROR(ReadMessages(value, "", conversation_key_));
      }
    }
    if (!telegram_root) {
      return Error::Unsupported(
          "telegram-json: not a Telegram export: the root object has none of messages, chats, "
          "left_chats, personal_information or contacts",
          Location{run_.errors.file_label(), ""});
    }
    return Ok();
  }

 private:
  Status ReadChatMeta(std::string_view key, od::value& value, const std::string& pointer, ChatMeta& meta,
                      bool emitted) {
    if (emitted) {
      run_.Warn(ChildPointer(pointer, key), "chat field after the chat's messages is ignored");
      return Ok();
    }
    if (key == "id") return ReadIdText(value, meta.id, run_.errors, pointer, key);
    return ReadString(value, key == "name" ? meta.name : meta.type, run_.errors, pointer, key);
  }

  void EmitConversation(const ChatMeta& meta, const std::string& pointer, std::string fallback_key, bool left) {
    model::ConversationRecord c;
    c.key = meta.id.empty() ? std::move(fallback_key) : meta.id;
    c.ref = ChatRef(meta.type, meta.id, run_.owner_ref);
    c.kind = meta.type;
    c.title = meta.name;
    c.left = left;
    c.locator = pointer;
    conversation_key_ = c.key;
    ++run_.summary.conversations;
    run_.sink.Conversation(std::move(c));
  }

  Status ReadPersonalInformation(od::value& value) {
    const std::string pointer = "/personal_information";
    od::json_type type;
    if (auto err = value.type().get(type)) return run_.errors.Parse(err, pointer);
    if (type == od::json_type::null) return Ok();
    if (type != od::json_type::object) return run_.errors.Type("an object", pointer);
    od::object object;
    if (auto err = value.get_object().get(object)) return run_.errors.Parse(err, pointer);
    std::string user_id, first, last;
    model::AccountRecord owner;
    for (auto field_or : object) {
      od::field field;
      if (auto err = std::move(field_or).get(field)) return run_.errors.Parse(err, pointer);
      const std::string_view key = KeyOf(field);
      od::value& v = field.value();
      if (key == "user_id") {
        CASEGRAPH_RETURN_IF_ERROR(ReadIdText(v, user_id, run_.errors, pointer, key));
      } else if (key == "first_name") {
        CASEGRAPH_RETURN_IF_ERROR(ReadString(v, first, run_.errors, pointer, key));
      } else if (key == "last_name") {
        CASEGRAPH_RETURN_IF_ERROR(ReadString(v, last, run_.errors, pointer, key));
      } else if (key == "phone_number") {
        CASEGRAPH_RETURN_IF_ERROR(ReadString(v, owner.phone, run_.errors, pointer, key));
      } else if (key == "username") {
        CASEGRAPH_RETURN_IF_ERROR(ReadString(v, owner.username, run_.errors, pointer, key));
      } else if (key == "bio") {
        CASEGRAPH_RETURN_IF_ERROR(ReadString(v, owner.bio, run_.errors, pointer, key));
      }
    }
    if (!UserRefFromId(user_id, owner.ref)) {
      run_.Warn(pointer, "personal_information has no usable user_id; the export owner stays unknown");
      return Ok();
    }
    if (!owner.username.empty() && owner.username[0] == '@') owner.username.erase(0, 1);
    owner.platform = "telegram";
    owner.display_name = JoinName(first, last);
    owner.role = model::AccountRole::kOwner;
    owner.locator = pointer;
    run_.owner_ref = owner.ref;
    run_.summary.owner_ref = owner.ref;
    run_.accounts.FirstTime(owner.ref, owner.display_name);
    run_.sink.Account(std::move(owner));
    return Ok();
  }

  Status ReadSection(od::value& value, const std::string& pointer, Section section) {
    od::json_type type;
    if (auto err = value.type().get(type)) return run_.errors.Parse(err, pointer);
    if (type == od::json_type::null) return Ok();
    if (type != od::json_type::object) return run_.errors.Type("an object with a list", pointer);
    od::object object;
    if (auto err = value.get_object().get(object)) return run_.errors.Parse(err, pointer);
    for (auto field_or : object) {
      od::field field;
      if (auto err = std::move(field_or).get(field)) return run_.errors.Parse(err, pointer);
      if (KeyOf(field) != "list") continue;
      const std::string list_pointer = pointer + "/list";
      od::value& list = field.value();
      od::json_type list_type;
      if (auto err = list.type().get(list_type)) return run_.errors.Parse(err, list_pointer);
      if (list_type == od::json_type::null) continue;
      if (list_type != od::json_type::array) return run_.errors.Type("an array", list_pointer);
      od::array array;
      if (auto err = list.get_array().get(array)) return run_.errors.Parse(err, list_pointer);
      size_t index = 0;
      for (auto element_or : array) {
        std::string element_pointer = list_pointer + "/";
        AppendIndex(element_pointer, index);
        od::value element;
        if (auto err = std::move(element_or).get(element)) return run_.errors.Parse(err, element_pointer);
        if (section == Section::kContacts) {
          CASEGRAPH_RETURN_IF_ERROR(ReadContact(element, element_pointer));
        } else {
          const bool left = section == Section::kLeftChats;
          std::string fallback = left ? "left" : "";
          AppendIndex(fallback, index);
          CASEGRAPH_RETURN_IF_ERROR(ReadChat(element, element_pointer, std::move(fallback), left));
        }
        ++index;
      }
    }
    return Ok();
  }

  Status ReadContact(od::value& value, const std::string& pointer) {
    od::json_type type;
    if (auto err = value.type().get(type)) return run_.errors.Parse(err, pointer);
    if (type != od::json_type::object) return run_.errors.Type("an object (a contact)", pointer);
    od::object object;
    if (auto err = value.get_object().get(object)) return run_.errors.Parse(err, pointer);
    std::string user_id, first, last, date;
    std::optional<int64_t> unixtime;
    model::AccountRecord contact;
    for (auto field_or : object) {
      od::field field;
      if (auto err = std::move(field_or).get(field)) return run_.errors.Parse(err, pointer);
      const std::string_view key = KeyOf(field);
      od::value& v = field.value();
      if (key == "user_id") {
        CASEGRAPH_RETURN_IF_ERROR(ReadIdText(v, user_id, run_.errors, pointer, key));
      } else if (key == "first_name") {
        CASEGRAPH_RETURN_IF_ERROR(ReadString(v, first, run_.errors, pointer, key));
      } else if (key == "last_name") {
        CASEGRAPH_RETURN_IF_ERROR(ReadString(v, last, run_.errors, pointer, key));
      } else if (key == "phone_number") {
        CASEGRAPH_RETURN_IF_ERROR(ReadString(v, contact.phone, run_.errors, pointer, key));
      } else if (key == "date") {
        CASEGRAPH_RETURN_IF_ERROR(ReadString(v, date, run_.errors, pointer, key));
      } else if (key == "date_unixtime") {
        CASEGRAPH_RETURN_IF_ERROR(ReadUnixtime(v, unixtime, run_.errors, pointer, key));
      }
    }
    if (!UserRefFromId(user_id, contact.ref)) {
      run_.Warn(pointer, "contact without a usable user_id (a deleted contact?) is skipped");
      return Ok();
    }
    contact.platform = "telegram";
    contact.display_name = JoinName(first, last);
    contact.role = model::AccountRole::kContact;
    contact.seen_at_utc = run_.clock.ResolveLenient(date, unixtime);
    contact.locator = pointer;
    run_.accounts.FirstTime(contact.ref, contact.display_name);
    run_.sink.Account(std::move(contact));
    return Ok();
  }

  Status ReadChat(od::value& value, const std::string& pointer, std::string fallback_key, bool left) {
    od::json_type type;
    if (auto err = value.type().get(type)) return run_.errors.Parse(err, pointer);
    if (type != od::json_type::object) return run_.errors.Type("an object (a chat)", pointer);
    od::object object;
    if (auto err = value.get_object().get(object)) return run_.errors.Parse(err, pointer);
    ChatMeta meta;
    bool emitted = false;
    for (auto field_or : object) {
      od::field field;
      if (auto err = std::move(field_or).get(field)) return run_.errors.Parse(err, pointer);
      const std::string_view key = KeyOf(field);
      od::value& v = field.value();
      if (key == "name" || key == "type" || key == "id") {
        CASEGRAPH_RETURN_IF_ERROR(ReadChatMeta(key, v, pointer, meta, emitted));
      } else if (key == "messages") {
        if (!emitted) EmitConversation(meta, pointer, fallback_key, left);
        emitted = true;
        CASEGRAPH_RETURN_IF_ERROR(ReadMessages(v, pointer, conversation_key_));
      }
    }
    if (!emitted) EmitConversation(meta, pointer, std::move(fallback_key), left);
    return Ok();
  }

  Status ReadMessages(od::value& value, const std::string& chat_pointer, const std::string& key) {
    std::string pointer = chat_pointer + "/messages";
    od::json_type type;
    if (auto err = value.type().get(type)) return run_.errors.Parse(err, pointer);
    if (type == od::json_type::null) return Ok();
    if (type != od::json_type::array) return run_.errors.Type("an array", pointer);
    od::array array;
    if (auto err = value.get_array().get(array)) return run_.errors.Parse(err, pointer);
    pointer.push_back('/');
    const size_t base = pointer.size();
    size_t index = 0;
    for (auto element_or : array) {
      pointer.resize(base);
      AppendIndex(pointer, index);
      od::value element;
      if (auto err = std::move(element_or).get(element)) return run_.errors.Parse(err, pointer);
      CASEGRAPH_RETURN_IF_ERROR(messages_.Read(element, pointer, key));
      ++index;
    }
    return Ok();
  }

  od::document& doc_;
  TelegramRun& run_;
  MessageReader messages_;
  std::string conversation_key_;
};

}  // namespace

Status WalkTelegramExport(od::document& doc, TelegramRun& run) { return Walker(doc, run).Run(); }

}  // namespace casegraph::ingest
