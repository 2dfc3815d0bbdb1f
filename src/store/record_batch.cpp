#include "store/record_batch.h"

#include <cctype>

#include "base/json_text.h"

namespace casegraph::store {
namespace {

std::string EntitiesJson(const std::vector<model::TextEntity>& entities) {
  std::string out = "[";
  for (size_t i = 0; i < entities.size(); ++i) {
    const auto& e = entities[i];
    if (i) out += ",";
    out += "{\"type\":" + JsonQuote(e.type) + ",\"offset\":" + std::to_string(e.offset) +
           ",\"length\":" + std::to_string(e.length) + ",\"text\":" + JsonQuote(e.text);
    if (!e.href.empty()) out += ",\"href\":" + JsonQuote(e.href);
    if (!e.user_ref.empty()) out += ",\"user_ref\":" + JsonQuote(e.user_ref);
    out += "}";
  }
  return out + "]";
}

std::string EditsJson(const std::vector<model::MessageEdit>& edits) {
  std::string out = "[";
  for (size_t i = 0; i < edits.size(); ++i) {
    const auto& e = edits[i];
    if (i) out += ",";
    out += "{\"text\":" + JsonQuote(e.text);
    if (e.edited_at_utc) out += ",\"edited_at_utc\":" + std::to_string(*e.edited_at_utc);
    if (!e.editor_ref.empty()) out += ",\"editor\":" + JsonQuote(e.editor_ref);
    if (!e.source_id.empty()) out += ",\"source_id\":" + JsonQuote(e.source_id);
    if (!e.locator.empty()) out += ",\"locator\":" + JsonQuote(e.locator);
    out += "}";
  }
  return out + "]";
}

std::string ReactionsJson(const std::vector<model::Reaction>& reactions) {
  std::string out = "[";
  for (size_t i = 0; i < reactions.size(); ++i) {
    const auto& r = reactions[i];
    if (i) out += ",";
    out += "{\"emoji\":" + JsonQuote(r.emoji) + ",\"count\":" + std::to_string(r.count);
    if (!r.user_refs.empty()) out += ",\"users\":" + JsonStringArray(r.user_refs);
    out += "}";
  }
  return out + "]";
}

void ScanInto(const extract::Extractor& extractor, std::string_view text, const std::string& source,
              std::vector<FoundIdentifier>& out, uint32_t span_start = 0, uint32_t span_end = 0,
              bool use_entity_span = false) {
  for (auto& hit : extractor.Scan(text)) {
    FoundIdentifier f{std::move(hit), source, ""};
    f.raw = std::string(text.substr(f.hit.start, f.hit.end - f.hit.start));
    if (use_entity_span) {
      f.hit.start = span_start;
      f.hit.end = span_end;
    }
    out.push_back(std::move(f));
  }
}

// "telegram" for "telegram:user1"; empty when the ref has no platform prefix.
std::string_view PlatformOfRef(std::string_view ref) {
  const size_t colon = ref.find(':');
  return colon == std::string_view::npos ? std::string_view() : ref.substr(0, colon);
}

}  // namespace

void BatchingSink::Account(model::AccountRecord account) {
  PreparedAccount a;
  if (!account.phone.empty()) {
    if (auto e164 = extractor_.NormalizePhone(account.phone)) {
      extract::IdentifierHit hit{extract::IdentifierKind::kPhone, *e164, 0, static_cast<uint32_t>(account.phone.size())};
      a.identifiers.push_back({std::move(hit), "profile", account.phone});
    }
  }
  if (!account.username.empty() && account.platform == "telegram") {
    std::string value = "@";
    for (char c : account.username) value.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    extract::IdentifierHit hit{extract::IdentifierKind::kTelegramUsername, value, 0,
                               static_cast<uint32_t>(account.username.size())};
    a.identifiers.push_back({std::move(hit), "profile", account.username});
  }
  if (!account.bio.empty()) ScanInto(extractor_, account.bio, "profile", a.identifiers);
  a.record = std::move(account);
  Add(std::move(a));
}

void BatchingSink::Conversation(model::ConversationRecord conversation) { Add(std::move(conversation)); }


void BatchingSink::Message(model::MessageRecord message) {
  PreparedMessage m;
  ScanInto(extractor_, message.text, "text", m.identifiers);
  // A bare "@name" is a Telegram username only in Telegram; elsewhere (Discord, Rocket.Chat,
  // Element) it is a mention on that platform or a handle of an unnamed one. t.me links stay.
  const std::string_view platform = PlatformOfRef(message.sender_ref);
  if (!platform.empty() && platform.rfind("telegram", 0) != 0) {
    for (auto& f : m.identifiers) {
      if (f.hit.kind == extract::IdentifierKind::kTelegramUsername && !f.raw.empty() && f.raw[0] == '@') {
        f.hit.kind = extract::IdentifierKind::kHandle;
      }
    }
  }
  for (const auto& e : message.entities) {
    // Identifiers that the visible text does not show: a link's hidden target, and numbers or
    // addresses the source marked up (already in the text, so only hrefs are added).
    if (!e.href.empty()) ScanInto(extractor_, e.href, "entity", m.identifiers, e.offset, e.offset + e.length, true);
  }
  if (!message.entities.empty()) m.entities_json = EntitiesJson(message.entities);
  // An earlier version of the text is evidence too: a number that was edited out still counts.
  for (const auto& e : message.edits) ScanInto(extractor_, e.text, "edit", m.identifiers);
  if (!message.members.empty()) m.members_json = JsonStringArray(message.members);
  if (!message.edits.empty()) m.edits_json = EditsJson(message.edits);
  if (!message.reactions.empty()) m.reactions_json = ReactionsJson(message.reactions);
  m.record = std::move(message);
  Add(std::move(m));
}

void BatchingSink::Add(PreparedRecord record) {
  batch_.push_back(std::move(record));
  if (batch_.size() >= kBatchSize) Flush();
}

void BatchingSink::Flush() {
  if (batch_.empty()) return;
  queue_.Push(std::move(batch_));
  batch_ = RecordBatch();
  batch_.reserve(kBatchSize);
}

}  // namespace casegraph::store
