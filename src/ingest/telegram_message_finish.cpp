// The second half of MessageReader (see telegram_message.h): the nested objects a message may
// carry (contact card, location, poll), and what happens once all fields are read: checking
// the file is Telegram's, choosing the text, time, attachments, accounts.
#include <charconv>

#include "ingest/json_values.h"
#include "ingest/telegram_message.h"
#include "ingest/telegram_refs.h"

namespace casegraph::ingest {

Status MessageReader::ReadContactCard(od::value& value, const std::string& pointer) {
  const std::string where = ChildPointer(pointer, "contact_information");
  od::json_type type;
  if (auto err = value.type().get(type)) return run_.errors.Parse(err, where);
  if (type == od::json_type::null) return Ok();
  if (type != od::json_type::object) return run_.errors.Type("an object", where);
  od::object object;
  if (auto err = value.get_object().get(object)) return run_.errors.Parse(err, where);
  std::string first, last, phone;
  for (auto field_or : object) {
    od::field field;
    if (auto err = std::move(field_or).get(field)) return run_.errors.Parse(err, where);
    const std::string_view key = KeyOf(field);
    if (key == "first_name") {
      CASEGRAPH_RETURN_IF_ERROR(ReadString(field.value(), first, run_.errors, where, key));
    } else if (key == "last_name") {
      CASEGRAPH_RETURN_IF_ERROR(ReadString(field.value(), last, run_.errors, where, key));
    } else if (key == "phone_number") {
      CASEGRAPH_RETURN_IF_ERROR(ReadString(field.value(), phone, run_.errors, where, key));
    }
  }
  special_text_ = "contact:";
  const std::string name = JoinName(first, last);
  if (!name.empty()) special_text_ += " " + name;
  if (!phone.empty()) {
    special_text_ += " ";
    phone_at_ = static_cast<uint32_t>(special_text_.size());
    phone_length_ = static_cast<uint32_t>(phone.size());
    special_text_ += phone;
    phone_text_ = phone;
  }
  return Ok();
}

Status MessageReader::ReadLocation(od::value& value, const std::string& pointer) {
  const std::string where = ChildPointer(pointer, "location_information");
  od::json_type type;
  if (auto err = value.type().get(type)) return run_.errors.Parse(err, where);
  if (type == od::json_type::null) return Ok();
  if (type != od::json_type::object) return run_.errors.Type("an object", where);
  od::object object;
  if (auto err = value.get_object().get(object)) return run_.errors.Parse(err, where);
  std::string latitude, longitude, place, address;
  for (auto field_or : object) {
    od::field field;
    if (auto err = std::move(field_or).get(field)) return run_.errors.Parse(err, where);
    const std::string_view key = KeyOf(field);
    od::value& v = field.value();
    if (key == "latitude" || key == "longitude") {
      od::json_type coordinate_type;
      if (auto err = v.type().get(coordinate_type)) return run_.errors.Parse(err, ChildPointer(where, key));
      if (coordinate_type != od::json_type::number) return run_.errors.Type("a number", ChildPointer(where, key));
      auto token = RawScalar(v, run_.errors, ChildPointer(where, key));
      if (!token) return token.error();
      (key == "latitude" ? latitude : longitude).assign(*token);
    } else if (key == "place_name") {
      CASEGRAPH_RETURN_IF_ERROR(ReadString(v, place, run_.errors, where, key));
    } else if (key == "address") {
      CASEGRAPH_RETURN_IF_ERROR(ReadString(v, address, run_.errors, where, key));
    }
  }
  special_text_ = "location: " + latitude + "," + longitude;
  if (!place.empty()) special_text_ += " " + place;
  if (!address.empty()) special_text_ += ", " + address;
  return Ok();
}

Status MessageReader::ReadPoll(od::value& value, const std::string& pointer) {
  const std::string where = ChildPointer(pointer, "poll");
  od::json_type type;
  if (auto err = value.type().get(type)) return run_.errors.Parse(err, where);
  if (type == od::json_type::null) return Ok();
  if (type != od::json_type::object) return run_.errors.Type("an object", where);
  od::object object;
  if (auto err = value.get_object().get(object)) return run_.errors.Parse(err, where);
  std::vector<model::TextEntity> ignored;
  std::string question, answers;
  for (auto field_or : object) {
    od::field field;
    if (auto err = std::move(field_or).get(field)) return run_.errors.Parse(err, where);
    const std::string_view key = KeyOf(field);
    if (key == "question") {
      CASEGRAPH_RETURN_IF_ERROR(ReadRichText(field.value(), where, key, false, question, ignored));
    } else if (key == "answers") {
      od::json_type answers_type;
      if (auto err = field.value().type().get(answers_type)) return run_.errors.Parse(err, ChildPointer(where, key));
      if (answers_type == od::json_type::null) continue;
      if (answers_type != od::json_type::array) return run_.errors.Type("an array", ChildPointer(where, key));
      od::array array;
      if (auto err = field.value().get_array().get(array)) return run_.errors.Parse(err, ChildPointer(where, key));
      for (auto answer_or : array) {
        od::value answer;
        if (auto err = std::move(answer_or).get(answer)) return run_.errors.Parse(err, ChildPointer(where, key));
        od::json_type answer_type;
        if (auto err = answer.type().get(answer_type)) return run_.errors.Parse(err, ChildPointer(where, key));
        if (answer_type != od::json_type::object) continue;  // nothing to show
        od::object answer_object;
        if (auto err = answer.get_object().get(answer_object)) return run_.errors.Parse(err, ChildPointer(where, key));
        for (auto answer_field_or : answer_object) {
          od::field answer_field;
          if (auto err = std::move(answer_field_or).get(answer_field)) {
            return run_.errors.Parse(err, ChildPointer(where, key));
          }
          if (KeyOf(answer_field) != "text") continue;
          CASEGRAPH_RETURN_IF_ERROR(
              ReadRichText(answer_field.value(), ChildPointer(where, key), "text", false, scratch_, ignored));
          answers += "\n- " + scratch_;
        }
      }
    }
  }
  special_text_ = "poll: " + question + answers;
  return Ok();
}

Status MessageReader::CheckLooksLikeTelegram(const model::MessageRecord& m, const std::string& pointer) {
  if (run_.checked_first_message) return Ok();
  run_.checked_first_message = true;
  if (m.kind == "message" || m.kind == "service" || m.kind == "unsupported" || saw_date_ || saw_peer_ ||
      has_text_entities_) {
    return Ok();
  }
  return Error::Unsupported(
      "telegram-json: not a Telegram export: the first message at " + pointer +
          " has none of Telegram's keys (type message/service, date, date_unixtime, from_id)",
      Location{run_.errors.file_label(), pointer});
}

void MessageReader::ChooseText(model::MessageRecord& m) {
  // text_entities has the same content as text, always as objects (tdesktop 4.1.2+); prefer it
  // for entities when both agree, and never take entities from both.
  if (has_text_entities_ && (!has_text_ || text_.empty() || entity_text_matches_ || entity_text_ == text_)) {
    m.text = (has_text_ && !text_.empty()) ? std::move(text_) : std::move(entity_text_);
    m.entities = std::move(entity_entities_);
  } else {
    m.text = std::move(text_);
    m.entities = std::move(entities_);
  }
  if (!m.text.empty()) return;
  if (!title_.empty()) {
    m.text = title_;  // create_group, edit_group_title, create_channel
  } else if (!special_text_.empty()) {
    m.text = special_text_;
    if (phone_at_) {
      model::TextEntity phone;
      phone.type = "phone";
      phone.offset = *phone_at_;
      phone.length = phone_length_;
      phone.text = phone_text_;
      m.entities.push_back(std::move(phone));
    }
  }
}

Status MessageReader::ApplyTime(model::MessageRecord& m, const std::string& pointer) {
  const ResolvedTime time = run_.clock.Resolve(m.local_time, unixtime_);
  m.sent_at_utc = time.utc;
  m.utc_offset_seconds = time.offset_seconds;
  m.time_basis = time.basis;
  switch (time.outcome) {
    case ResolvedTime::Outcome::kOk:
      break;
    case ResolvedTime::Outcome::kNoTime:
      run_.Warn(pointer, "message has neither date nor date_unixtime; its time is unknown");
      break;
    case ResolvedTime::Outcome::kBadDate:
      run_.Warn(pointer, "unreadable date '" + m.local_time + "'; its time is unknown");
      break;
    case ResolvedTime::Outcome::kNeedsZone:
      return Error::InvalidArgument(
          "telegram-json: export has no date_unixtime (Telegram Desktop before 3.7.6); give the exporting "
          "computer's time zone with --tz ZONE (first message with only a local date: " + pointer + " in " +
              run_.errors.file_label() + ")",
          Location{run_.errors.file_label(), pointer});
  }
  if (run_.clock.TakeInferredNotice()) {
    auto offset = run_.clock.SummaryOffset();
    run_.Warn(pointer, "messages with only a local date are converted with the offset inferred from "
                       "date/date_unixtime pairs in this file (" +
                           (offset ? FormatUtcOffset(*offset) : std::string("?")) +
                           "); give --tz ZONE to use a known zone instead");
  }
  m.edited_at_utc = run_.clock.ResolveLenient(edited_, edited_unixtime_);
  return Ok();
}

void MessageReader::AddAttachments(model::MessageRecord& m, const std::string& pointer) {
  auto add = [&](std::string& declared, std::string_view field, std::string kind) {
    if (declared.empty()) return;
    model::AttachmentRecord a;
    a.kind = std::move(kind);
    a.declared_path = declared;
    a.locator = ChildPointer(pointer, field);
    if (field == "file") {
      a.file_name = media_.file_name;
      a.mime_type = media_.mime_type;
    }
    if (IsNotExportedSentence(declared)) {
      a.status = model::AttachmentStatus::kNotExported;
      a.status_detail = declared;
    } else {
      run_.folder.Resolve(a, run_.diagnostics);
    }
    m.attachments.push_back(std::move(a));
  };
  if (media_.has_photo) add(media_.photo, "photo", "photo");
  if (media_.has_file) add(media_.file, "file", media_.media_type.empty() ? "file" : media_.media_type);
  if (media_.has_vcard) add(media_.contact_vcard, "contact_vcard", "contact_vcard");
}

void MessageReader::EmitAccounts(const model::MessageRecord& m) {
  if (!m.sender_ref.empty() && run_.accounts.FirstTime(m.sender_ref, m.sender_name)) {
    model::AccountRecord a;
    a.ref = m.sender_ref;
    a.platform = "telegram";
    a.display_name = m.sender_name;
    a.role = model::AccountRole::kParticipant;
    a.seen_at_utc = m.sent_at_utc;
    a.locator = m.locator;
    run_.sink.Account(std::move(a));
  }
  for (const auto& entity : m.entities) {
    if (entity.user_ref.empty() || run_.accounts.Knows(entity.user_ref)) continue;
    run_.accounts.FirstTime(entity.user_ref, "");
    model::AccountRecord a;
    a.ref = entity.user_ref;
    a.platform = "telegram";
    a.role = model::AccountRole::kParticipant;
    a.seen_at_utc = m.sent_at_utc;
    a.locator = m.locator;
    run_.sink.Account(std::move(a));
  }
}

}  // namespace casegraph::ingest
