// One Telegram message object → MessageRecord (see telegram_message.h). The hot path of the
// importer: one forward pass over the object's fields, scratch buffers reused between
// messages, located errors built only when something is wrong.
#include "ingest/telegram_message.h"

#include <charconv>

#include "ingest/json_values.h"
#include "ingest/telegram_refs.h"

namespace casegraph::ingest {
namespace {

std::string IndexPointer(std::string_view pointer, std::string_view key, size_t index) {
  std::string out = ChildPointer(pointer, key);
  out.push_back('/');
  out.append(std::to_string(index));
  return out;
}

}  // namespace

void MessageReader::Reset() {
  unixtime_.reset();
  edited_unixtime_.reset();
  edited_.clear();
  from_ref_.clear();
  from_name_.clear();
  actor_ref_.clear();
  actor_name_.clear();
  title_.clear();
  has_from_ = has_actor_ = has_text_ = has_text_entities_ = saw_date_ = saw_peer_ = false;
  entity_text_matches_ = false;
  text_.clear();
  entity_text_.clear();
  entities_.clear();
  entity_entities_.clear();
  media_.has_photo = media_.has_file = media_.has_vcard = false;
  media_.media_type.clear();
  media_.file_name.clear();
  media_.mime_type.clear();
  special_text_.clear();
  phone_at_.reset();
}

Status MessageReader::Read(od::value& element, const std::string& pointer,
                           const std::string& conversation_key) {
  auto type = TypeOf(element, run_.errors, pointer);
  if (!type) return type.error();
  if (*type != od::json_type::object) return run_.errors.Type("an object (a message)", pointer);
  od::object object;
  if (auto err = element.get_object().get(object)) return run_.errors.Parse(err, pointer);
  Reset();
  model::MessageRecord m;
  m.conversation_key = conversation_key;
  m.locator = pointer;
  for (auto field_or : object) {
    od::field field;
    if (auto err = std::move(field_or).get(field)) return run_.errors.Parse(err, pointer);
    CASEGRAPH_RETURN_IF_ERROR(ReadField(KeyOf(field), field.value(), pointer, m));
  }
  CASEGRAPH_RETURN_IF_ERROR(CheckLooksLikeTelegram(m, pointer));
  ChooseText(m);
  if (!from_ref_.empty() || has_from_ || !has_actor_) {
    m.sender_ref = from_ref_;
    m.sender_name = from_name_;
  } else {
    m.sender_ref = actor_ref_;
    m.sender_name = actor_name_;
  }
  CASEGRAPH_RETURN_IF_ERROR(ApplyTime(m, pointer));
  AddAttachments(m, pointer);
  EmitAccounts(m);
  ++run_.summary.messages;
  run_.summary.attachments += m.attachments.size();
  run_.sink.Message(std::move(m));
  return Ok();
}

Status MessageReader::ReadField(std::string_view key, od::value& value, const std::string& pointer,
                                model::MessageRecord& m) {
  const JsonErrors& errors = run_.errors;
  if (key == "id") return ReadIdText(value, m.source_id, errors, pointer, key);
  if (key == "type") return ReadString(value, m.kind, errors, pointer, key);
  if (key == "date") {
    saw_date_ = true;
    return ReadString(value, m.local_time, errors, pointer, key);
  }
  if (key == "date_unixtime") {
    saw_date_ = true;
    return ReadUnixtime(value, unixtime_, errors, pointer, key);
  }
  if (key == "text") {
    if (has_text_ && !text_.empty()) {
      // A second "text" key (tdesktop issue #28781, star gifts): keep the first non-empty one.
      std::vector<model::TextEntity> ignored;
      return ReadRichText(value, pointer, key, false, scratch_, ignored);
    }
    has_text_ = true;
    entities_.clear();
    return ReadRichText(value, pointer, key, false, text_, entities_);
  }
  if (key == "text_entities") {
    has_text_entities_ = true;
    // Telegram writes text first; text_entities then repeats it, which is only checked.
    const bool compare = has_text_ && !text_.empty();
    CASEGRAPH_RETURN_IF_ERROR(
        ReadRichText(value, pointer, key, true, entity_text_, entity_entities_, compare ? &text_ : nullptr));
    entity_text_matches_ = compare && text_matches_expected_;
    return Ok();
  }
  if (key == "from") {
    has_from_ = true;
    return ReadString(value, from_name_, errors, pointer, key);
  }
  if (key == "from_id") {
    saw_peer_ = true;
    return ReadPeer(value, pointer, key, from_ref_);
  }
  if (key == "actor") {
    has_actor_ = true;
    return ReadString(value, actor_name_, errors, pointer, key);
  }
  if (key == "actor_id") {
    saw_peer_ = true;
    has_actor_ = true;
    return ReadPeer(value, pointer, key, actor_ref_);
  }
  if (key == "edited") return ReadString(value, edited_, errors, pointer, key);
  if (key == "edited_unixtime") return ReadUnixtime(value, edited_unixtime_, errors, pointer, key);
  if (key == "reply_to_message_id") return ReadIdText(value, m.reply_to, errors, pointer, key);
  if (key == "forwarded_from") return ReadString(value, m.forwarded_from, errors, pointer, key);
  if (key == "via_bot") return ReadString(value, m.via_bot, errors, pointer, key);
  if (key == "action") return ReadString(value, m.action, errors, pointer, key);
  if (key == "members") return ReadMembers(value, pointer, m);
  if (key == "title") return ReadString(value, title_, errors, pointer, key);
  if (key == "photo") {
    media_.has_photo = true;
    return ReadString(value, media_.photo, errors, pointer, key);
  }
  if (key == "file") {
    media_.has_file = true;
    return ReadString(value, media_.file, errors, pointer, key);
  }
  if (key == "media_type") return ReadString(value, media_.media_type, errors, pointer, key);
  if (key == "file_name") return ReadString(value, media_.file_name, errors, pointer, key);
  if (key == "mime_type") return ReadString(value, media_.mime_type, errors, pointer, key);
  if (key == "contact_vcard") {
    media_.has_vcard = true;
    return ReadString(value, media_.contact_vcard, errors, pointer, key);
  }
  if (key == "contact_information") return ReadContactCard(value, pointer);
  if (key == "location_information") return ReadLocation(value, pointer);
  if (key == "poll") return ReadPoll(value, pointer);
  return Ok();  // every other key is skipped by the parser
}

void MessageReader::AppendText(std::string& text, std::string_view piece) {
  if (expected_ != nullptr) {
    if (expected_->size() - matched_ >= piece.size() && expected_->compare(matched_, piece.size(), piece) == 0) {
      matched_ += piece.size();
      return;
    }
    text.assign(*expected_, 0, matched_);  // they differ: build the text from here on
    expected_ = nullptr;
  }
  text.append(piece);
}

Status MessageReader::ReadRichText(od::value& value, const std::string& pointer, std::string_view key,
                                   bool array_only, std::string& text,
                                   std::vector<model::TextEntity>& entities, const std::string* expected) {
  text.clear();
  expected_ = expected;
  matched_ = 0;
  text_matches_expected_ = false;
  Status read = ReadRichTextParts(value, pointer, key, array_only, text, entities);
  if (expected_ != nullptr) {
    text_matches_expected_ = matched_ == expected_->size();
    if (!text_matches_expected_) text.assign(*expected_, 0, matched_);
    expected_ = nullptr;
  }
  return read;
}

Status MessageReader::ReadRichTextParts(od::value& value, const std::string& pointer, std::string_view key,
                                        bool array_only, std::string& text,
                                        std::vector<model::TextEntity>& entities) {
  od::json_type type;
  if (auto err = value.type().get(type)) return run_.errors.Parse(err, ChildPointer(pointer, key));
  if (type == od::json_type::null) return Ok();
  if (type == od::json_type::string && !array_only) {
    if (auto err = GetString(value, text)) return run_.errors.Parse(err, ChildPointer(pointer, key));
    return Ok();
  }
  if (type != od::json_type::array) {
    return run_.errors.Type(array_only ? "an array" : "a string or array", ChildPointer(pointer, key));
  }
  od::array array;
  if (auto err = value.get_array().get(array)) return run_.errors.Parse(err, ChildPointer(pointer, key));
  size_t index = 0;
  for (auto part_or : array) {
    od::value part;
    if (auto err = std::move(part_or).get(part)) return run_.errors.Parse(err, IndexPointer(pointer, key, index));
    od::json_type part_type;
    if (auto err = part.type().get(part_type)) return run_.errors.Parse(err, IndexPointer(pointer, key, index));
    if (part_type == od::json_type::string) {
      if (expected_ != nullptr) {
        if (auto err = GetString(part, piece_)) return run_.errors.Parse(err, IndexPointer(pointer, key, index));
        AppendText(text, piece_);
      } else if (auto err = GetString(part, text, true)) {
        return run_.errors.Parse(err, IndexPointer(pointer, key, index));
      }
    } else if (part_type == od::json_type::object) {
      CASEGRAPH_RETURN_IF_ERROR(ReadEntity(part, pointer, key, index, text, entities));
    } else if (part_type != od::json_type::null) {
      return run_.errors.Type("a string or an entity object", IndexPointer(pointer, key, index));
    }
    ++index;
  }
  return Ok();
}

Status MessageReader::ReadEntity(od::value& value, const std::string& message_pointer, std::string_view list_key,
                                 size_t index, std::string& text, std::vector<model::TextEntity>& entities) {
  // The entity's pointer, built in a reused buffer (no allocation once warm).
  std::string& where = entity_pointer_;
  where.assign(message_pointer);
  where.push_back('/');
  where.append(list_key);
  where.push_back('/');
  char digits[24];
  where.append(digits, std::to_chars(digits, digits + sizeof digits, index).ptr);
  od::object object;
  if (auto err = value.get_object().get(object)) return run_.errors.Parse(err, where);
  model::TextEntity entity;
  std::string& user_id = scratch2_;
  user_id.clear();
  std::string& entity_text = entity_piece_;  // copied into the entity only if it is kept
  entity_text.clear();
  for (auto field_or : object) {
    od::field field;
    if (auto err = std::move(field_or).get(field)) return run_.errors.Parse(err, where);
    const std::string_view key = KeyOf(field);
    od::value& v = field.value();
    if (key == "type") {
      CASEGRAPH_RETURN_IF_ERROR(ReadString(v, entity.type, run_.errors, where, key));
    } else if (key == "text") {
      CASEGRAPH_RETURN_IF_ERROR(ReadString(v, entity_text, run_.errors, where, key));
    } else if (key == "href") {
      CASEGRAPH_RETURN_IF_ERROR(ReadString(v, entity.href, run_.errors, where, key));
    } else if (key == "user_id") {
      CASEGRAPH_RETURN_IF_ERROR(ReadIdText(v, user_id, run_.errors, where, key));
    }
  }
  entity.offset = static_cast<uint32_t>(TextSize(text));
  entity.length = static_cast<uint32_t>(entity_text.size());
  AppendText(text, entity_text);
  if (!user_id.empty() && !UserRefFromId(user_id, entity.user_ref) && !PeerRefFromText(user_id, entity.user_ref)) {
    run_.Warn(where, "mention with an unusable user_id '" + user_id + "'");
  }
  if (entity.type != "plain") {
    entity.text = entity_text;
    entities.push_back(std::move(entity));
  }
  return Ok();
}

Status MessageReader::ReadPeer(od::value& value, const std::string& pointer, std::string_view key,
                               std::string& ref) {
  od::json_type type;
  if (auto err = value.type().get(type)) return run_.errors.Parse(err, ChildPointer(pointer, key));
  ref.clear();
  if (type == od::json_type::null) return Ok();
  if (type == od::json_type::number) {
    auto token = RawScalar(value, run_.errors, ChildPointer(pointer, key));
    if (!token) return token.error();
    if (!UserRefFromId(*token, ref)) run_.Warn(ChildPointer(pointer, key), "unusable numeric id " + std::string(*token));
    return Ok();
  }
  if (type != od::json_type::string) return run_.errors.Type("a string or number", ChildPointer(pointer, key));
  std::string& text = scratch2_;
  if (auto err = GetString(value, text)) return run_.errors.Parse(err, ChildPointer(pointer, key));
  if (!text.empty() && !PeerRefFromText(text, ref)) {
    run_.Warn(ChildPointer(pointer, key), "unrecognised peer id '" + std::string(text) + "'");
  }
  return Ok();
}

Status MessageReader::ReadMembers(od::value& value, const std::string& pointer, model::MessageRecord& m) {
  auto type = TypeOf(value, run_.errors, ChildPointer(pointer, "members"));
  if (!type) return type.error();
  if (*type == od::json_type::null) return Ok();
  if (*type != od::json_type::array) return run_.errors.Type("an array", ChildPointer(pointer, "members"));
  od::array array;
  if (auto err = value.get_array().get(array)) return run_.errors.Parse(err, ChildPointer(pointer, "members"));
  size_t index = 0;
  for (auto member_or : array) {
    od::value member;
    if (auto err = std::move(member_or).get(member)) {
      return run_.errors.Parse(err, IndexPointer(pointer, "members", index));
    }
    std::string name;
    auto status = ReadString(member, name, run_.errors, ChildPointer(pointer, "members"), std::to_string(index));
    if (!status) return status.error();
    m.members.push_back(std::move(name));
    ++index;
  }
  return Ok();
}

}  // namespace casegraph::ingest
