// Reads one Telegram message object (docs/formats/telegram-json.md#messages) into a
// MessageRecord: text as string or entity array, service fields, replies, forwards, edits,
// time, media. Emits the accounts the message introduces (sender, mentioned users), then the
// message. Keeps scratch buffers between messages; one reader per import run and thread.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "ingest/telegram_context.h"
#include "model/records.h"

namespace casegraph::ingest {

class MessageReader {
 public:
  explicit MessageReader(TelegramRun& run) : run_(run) {}

  // `element` is the array element at JSON pointer `pointer`; `conversation_key` the key of
  // the conversation already emitted for its chat.
  Status Read(simdjson::ondemand::value& element, const std::string& pointer,
              const std::string& conversation_key);

 private:
  struct Media {
    std::string photo, file, media_type, file_name, mime_type, contact_vcard;
    bool has_photo = false, has_file = false, has_vcard = false;
  };

  void Reset();
  Status ReadField(std::string_view key, simdjson::ondemand::value& value, const std::string& pointer,
                   model::MessageRecord& m);
  // `text` (string or array) or, with `array_only`, `text_entities`: the concatenated text and
  // the non-plain entities with their byte offsets in it. `key` names the field for errors.
  // With `expected` (text_entities after a non-empty text, which it nearly always repeats), the
  // pieces are compared with *expected instead of copied: `text` is built only if they differ,
  // and text_matches_expected_ says whether they were equal.
  Status ReadRichText(simdjson::ondemand::value& value, const std::string& pointer, std::string_view key,
                      bool array_only, std::string& text, std::vector<model::TextEntity>& entities,
                      const std::string* expected = nullptr);
  Status ReadRichTextParts(simdjson::ondemand::value& value, const std::string& pointer, std::string_view key,
                           bool array_only, std::string& text, std::vector<model::TextEntity>& entities);
  // The length of the text built so far, and adding a piece to it (see `expected` above).
  size_t TextSize(const std::string& text) const { return expected_ != nullptr ? matched_ : text.size(); }
  void AppendText(std::string& text, std::string_view piece);
  Status ReadEntity(simdjson::ondemand::value& value, const std::string& message_pointer,
                    std::string_view list_key, size_t index, std::string& text,
                    std::vector<model::TextEntity>& entities);
  Status ReadPeer(simdjson::ondemand::value& value, const std::string& pointer, std::string_view key,
                  std::string& ref);
  Status ReadContactCard(simdjson::ondemand::value& value, const std::string& pointer);
  Status ReadLocation(simdjson::ondemand::value& value, const std::string& pointer);
  Status ReadPoll(simdjson::ondemand::value& value, const std::string& pointer);
  Status ReadMembers(simdjson::ondemand::value& value, const std::string& pointer, model::MessageRecord& m);
  Status CheckLooksLikeTelegram(const model::MessageRecord& m, const std::string& pointer);
  void ChooseText(model::MessageRecord& m);
  Status ApplyTime(model::MessageRecord& m, const std::string& pointer);
  void AddAttachments(model::MessageRecord& m, const std::string& pointer);
  void EmitAccounts(const model::MessageRecord& m);

  TelegramRun& run_;
  // Scratch, reset per message.
  std::optional<int64_t> unixtime_, edited_unixtime_;
  std::string edited_;
  std::string from_ref_, from_name_, actor_ref_, actor_name_, title_;
  bool has_from_ = false, has_actor_ = false, has_text_ = false, has_text_entities_ = false;
  bool saw_date_ = false, saw_peer_ = false;
  std::string text_, entity_text_;
  std::vector<model::TextEntity> entities_, entity_entities_;
  Media media_;
  std::string special_text_;          // contact card, location or poll rendered as text
  std::optional<uint32_t> phone_at_;  // byte offset of the contact's phone in special_text_
  uint32_t phone_length_ = 0;
  std::string phone_text_;
  std::string scratch_, scratch2_, entity_pointer_, piece_, entity_piece_;
  const std::string* expected_ = nullptr;  // ReadRichText's `expected` while still equal
  size_t matched_ = 0;                     // bytes of *expected_ matched so far
  bool text_matches_expected_ = false;
  bool entity_text_matches_ = false;       // text_entities repeated text_ exactly
};

}  // namespace casegraph::ingest
