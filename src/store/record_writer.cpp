#include "store/record_writer.h"

#include <algorithm>
#include <chrono>

namespace casegraph::store {
namespace {

std::string PlatformOf(const std::string& ref) {
  size_t colon = ref.find(':');
  return colon == std::string::npos ? std::string("unknown") : ref.substr(0, colon);
}

int RoleRank(model::AccountRole role) {
  switch (role) {
    case model::AccountRole::kOwner: return 3;
    case model::AccountRole::kContact: return 2;
    case model::AccountRole::kParticipant: return 1;
  }
  return 1;
}

const char* RoleName(int rank) { return rank == 3 ? "owner" : rank == 2 ? "contact" : "participant"; }

}  // namespace

Status RecordWriter::Prepare() {
  struct Spec {
    Stmt* stmt;
    const char* sql;
  };
  const Spec specs[] = {
      {&insert_account_, "INSERT INTO accounts(ref, platform) VALUES(?,?) ON CONFLICT(ref) DO NOTHING"},
      {&find_account_, "SELECT id FROM accounts WHERE ref=?"},
      {&insert_conversation_,
       "INSERT INTO conversations(exhibit_id, source_key, ref, kind, title, left_chat, locator) VALUES(?,?,?,?,?,?,?)"},
      {&insert_message_,
       "INSERT INTO messages(exhibit_id, conversation_id, source_id, kind, sender_account_id, sender_name, "
       "sent_at_utc, utc_offset_seconds, time_basis, text, reply_to, forwarded_from, via_bot, "
       "edited_at_utc, action, members, entities, locator, thread_root, deleted, deleted_detail, edits, reactions) "
       "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&insert_identifier_, "INSERT INTO identifiers(kind, value) VALUES(?,?) ON CONFLICT(kind, value) DO NOTHING"},
      {&find_identifier_, "SELECT id FROM identifiers WHERE kind=? AND value=?"},
      {&insert_occurrence_,
       "INSERT INTO identifier_occurrences(identifier_id, exhibit_id, message_id, account_id, source, span_start, "
       "span_end, raw, locator) VALUES(?,?,?,?,?,?,?,?,?)"},
      {&insert_file_,
       "INSERT INTO files(sha256, sha1, md5, size_bytes) VALUES(?,?,?,?) ON CONFLICT(sha256) DO NOTHING"},
      {&find_file_, "SELECT id FROM files WHERE sha256=?"},
      {&index_messages_, "INSERT INTO messages_fts(rowid, text) SELECT id, text FROM messages WHERE id BETWEEN ? AND ?"},
      {&insert_attachment_,
       "INSERT INTO attachments(message_id, exhibit_id, kind, declared_path, file_name, mime_type, status, "
       "status_detail, file_id, locator) VALUES(?,?,?,?,?,?,?,?,?,?)"},
  };
  for (const auto& spec : specs) {
    auto stmt = db_.Prepare(spec.sql);
    if (!stmt) return stmt.error();
    *spec.stmt = std::move(*stmt);
  }
  return Ok();
}

int64_t RecordWriter::AccountIdOf(const std::string& ref) const {
  auto it = account_ids_.find(ref);
  return it == account_ids_.end() ? 0 : it->second;
}

Result<int64_t> RecordWriter::AccountId(const std::string& ref, const std::string& platform) {
  auto it = account_ids_.find(ref);
  if (it != account_ids_.end()) return it->second;
  const std::string stored = model::ScopeLocalRefs(ref, local_scope_);
  CASEGRAPH_RETURN_IF_ERROR(insert_account_.Bind(1, stored).Bind(2, platform.empty() ? PlatformOf(ref) : platform).Run());
  find_account_.Bind(1, stored);
  auto row = find_account_.Step();
  if (!row) return row.error();
  if (!*row) return Error::Internal("account vanished: " + ref);
  int64_t id = find_account_.Int(0);
  find_account_.Reset();
  account_ids_.emplace(ref, id);
  ++counts_.accounts;
  return id;
}

Result<int64_t> RecordWriter::IdentifierId(const extract::IdentifierHit& hit) {
  const char* kind = extract::IdentifierKindName(hit.kind);
  std::string key = std::string(kind) + '\0' + hit.value;
  auto it = identifier_ids_.find(key);
  if (it != identifier_ids_.end()) return it->second;
  CASEGRAPH_RETURN_IF_ERROR(insert_identifier_.Bind(1, kind).Bind(2, hit.value).Run());
  int64_t id = 0;
  if (sqlite3_changes(db_.raw()) == 1) {
    id = db_.LastInsertId();  // new in this workspace: no need to look it up
  } else {
    find_identifier_.Bind(1, kind).Bind(2, hit.value);
    auto row = find_identifier_.Step();
    if (!row) return row.error();
    id = *row ? find_identifier_.Int(0) : 0;
    find_identifier_.Reset();
  }
  identifier_ids_.emplace(std::move(key), id);
  return id;
}

Status RecordWriter::WriteIdentifiers(const std::vector<FoundIdentifier>& found, std::optional<int64_t> message_id,
                                      std::optional<int64_t> account_id, const std::string& locator) {
  for (const auto& f : found) {
    auto id = IdentifierId(f.hit);
    if (!id) return id.error();
    CASEGRAPH_RETURN_IF_ERROR(insert_occurrence_.Bind(1, *id).Bind(2, exhibit_id_).Bind(3, message_id)
                                  .Bind(4, account_id).Bind(5, f.source).Bind(6, static_cast<int64_t>(f.hit.start))
                                  .Bind(7, static_cast<int64_t>(f.hit.end)).Bind(8, f.raw).Bind(9, locator).Run());
    ++counts_.identifiers;
  }
  return Ok();
}

void RecordWriter::SeeAttribute(int64_t account_id, const char* kind, const std::string& value,
                                std::optional<int64_t> at, const std::string& locator) {
  if (value.empty()) return;
  attribute_key_.assign(std::to_string(account_id)).append(1, ' ').append(kind).append(1, ' ').append(value);
  auto it = attributes_.find(attribute_key_);
  if (it == attributes_.end()) {
    it = attributes_.emplace(attribute_key_, AttributeSeen{account_id, kind, value, std::nullopt, std::nullopt, locator}).first;
  }
  AttributeSeen& seen = it->second;
  if (at) {
    if (!seen.first || *at < *seen.first) seen.first = at;
    if (!seen.last || *at > *seen.last) seen.last = at;
  }
}

void RecordWriter::SeeRole(int64_t account_id, model::AccountRole role) {
  int& rank = roles_[account_id];
  rank = std::max(rank, RoleRank(role));
}

Status RecordWriter::WriteAccount(PreparedAccount& a) {
  const auto& r = a.record;
  if (r.ref.empty()) return Ok();
  auto id = AccountId(r.ref, r.platform);
  if (!id) return id.error();
  SeeRole(*id, r.role);
  SeeAttribute(*id, "display_name", r.display_name, r.seen_at_utc, r.locator);
  SeeAttribute(*id, "username", r.username, r.seen_at_utc, r.locator);
  SeeAttribute(*id, "phone", r.phone, r.seen_at_utc, r.locator);
  SeeAttribute(*id, "bio", r.bio, r.seen_at_utc, r.locator);
  return WriteIdentifiers(a.identifiers, std::nullopt, *id, r.locator);
}

Status RecordWriter::WriteConversation(const model::ConversationRecord& c) {
  const std::string ref = model::ScopeLocalRefs(c.ref, local_scope_);
  CASEGRAPH_RETURN_IF_ERROR(insert_conversation_.Bind(1, exhibit_id_).Bind(2, c.key).BindOrNull(3, ref)
                                .BindOrNull(4, c.kind).BindOrNull(5, c.title).Bind(6, int64_t{c.left ? 1 : 0})
                                .Bind(7, c.locator).Run());
  conversation_ids_[c.key] = db_.LastInsertId();
  last_conversation_id_.reset();
  ++counts_.conversations;
  return Ok();
}

Result<int64_t> RecordWriter::FileId(const model::FileDigests& d) {
  auto it = file_ids_.find(d.sha256);
  if (it != file_ids_.end()) return it->second;
  CASEGRAPH_RETURN_IF_ERROR(insert_file_.Bind(1, d.sha256).Bind(2, d.sha1).Bind(3, d.md5)
                                .Bind(4, static_cast<int64_t>(d.size_bytes)).Run());
  find_file_.Bind(1, d.sha256);
  auto row = find_file_.Step();
  if (!row) return row.error();
  int64_t id = *row ? find_file_.Int(0) : 0;
  find_file_.Reset();
  file_ids_.emplace(d.sha256, id);
  return id;
}

Status RecordWriter::WriteMessage(PreparedMessage& m) {
  auto& r = m.record;
  // Messages arrive grouped by conversation: remember the last one.
  if (r.conversation_key != last_conversation_key_ || !last_conversation_id_) {
    last_conversation_key_ = r.conversation_key;
    last_conversation_id_.reset();
    if (auto it = conversation_ids_.find(r.conversation_key); it != conversation_ids_.end()) last_conversation_id_ = it->second;
  }
  const std::optional<int64_t> conversation_id = last_conversation_id_;
  std::optional<int64_t> sender_id;
  if (!r.sender_ref.empty()) {
    auto id = AccountId(r.sender_ref, "");
    if (!id) return id.error();
    sender_id = *id;
    SeeRole(*id, model::AccountRole::kParticipant);
    SeeAttribute(*id, "display_name", r.sender_name, r.sent_at_utc, r.locator);
  }
  std::optional<int64_t> offset;
  if (r.utc_offset_seconds) offset = *r.utc_offset_seconds;
  for (std::string* json : {&m.entities_json, &m.edits_json, &m.reactions_json}) {
    if (json->find(model::kExhibitScope) != std::string::npos) *json = model::ScopeLocalRefs(std::move(*json), local_scope_);
  }
  CASEGRAPH_RETURN_IF_ERROR(insert_message_.Bind(1, exhibit_id_).Bind(2, conversation_id).BindOrNull(3, r.source_id)
                                .Bind(4, r.kind.empty() ? std::string("message") : r.kind).Bind(5, sender_id)
                                .BindOrNull(6, r.sender_name).Bind(7, r.sent_at_utc)
                                .Bind(8, offset).BindOrNull(9, r.time_basis).Bind(10, r.text).BindOrNull(11, r.reply_to)
                                .BindOrNull(12, r.forwarded_from).BindOrNull(13, r.via_bot).Bind(14, r.edited_at_utc)
                                .BindOrNull(15, r.action).BindOrNull(16, m.members_json).BindOrNull(17, m.entities_json)
                                .Bind(18, r.locator).BindOrNull(19, r.thread_root).Bind(20, int64_t{r.deleted})
                                .BindOrNull(21, r.deleted_detail).BindOrNull(22, m.edits_json)
                                .BindOrNull(23, m.reactions_json).Run());
  const int64_t message_id = db_.LastInsertId();
  if (counts_.first_message_id == 0) {
    counts_.first_message_id = message_id;
    indexed_upto_ = message_id - 1;
  }
  counts_.last_message_id = message_id;
  ++counts_.messages;
  constexpr int64_t kIndexChunk = 32768;
  if (message_id - indexed_upto_ >= kIndexChunk) CASEGRAPH_RETURN_IF_ERROR(IndexPending());
  for (const auto& e : r.entities) {
    if (!e.user_ref.empty()) {
      auto id = AccountId(e.user_ref, "");
      if (!id) return id.error();
      SeeRole(*id, model::AccountRole::kParticipant);
    }
  }
  CASEGRAPH_RETURN_IF_ERROR(WriteIdentifiers(m.identifiers, message_id, sender_id, r.locator));
  for (const auto& a : r.attachments) {
    std::optional<int64_t> file_id;
    if (a.digests) {
      auto id = FileId(*a.digests);
      if (!id) return id.error();
      file_id = *id;
    }
    CASEGRAPH_RETURN_IF_ERROR(insert_attachment_.Bind(1, message_id).Bind(2, exhibit_id_).BindOrNull(3, a.kind)
                                  .BindOrNull(4, a.declared_path).BindOrNull(5, a.file_name).BindOrNull(6, a.mime_type)
                                  .Bind(7, model::AttachmentStatusName(a.status)).BindOrNull(8, a.status_detail)
                                  .Bind(9, file_id).Bind(10, a.locator).Run());
    ++counts_.attachments;
    if (file_id && !a.resolved_path.empty()) {
      present_attachments_.push_back({*file_id, message_id, a.resolved_path, a.file_name, a.mime_type, r.locator});
    }
  }
  return Ok();
}

Status RecordWriter::Write(PreparedRecord& record) {
  if (auto* a = std::get_if<PreparedAccount>(&record)) return WriteAccount(*a);
  if (auto* c = std::get_if<model::ConversationRecord>(&record)) return WriteConversation(*c);
  return WriteMessage(std::get<PreparedMessage>(record));
}

Status RecordWriter::Finish() {
  auto attr = db_.Prepare(
      "INSERT INTO account_attributes(account_id, kind, value, exhibit_id, first_seen_utc, last_seen_utc, locator) "
      "VALUES(?,?,?,?,?,?,?)");
  if (!attr) return attr.error();
  for (const auto& [key, seen] : attributes_) {
    CASEGRAPH_RETURN_IF_ERROR(attr->Bind(1, seen.account_id).Bind(2, seen.kind).Bind(3, seen.value).Bind(4, exhibit_id_)
                                  .Bind(5, seen.first).Bind(6, seen.last).Bind(7, seen.locator).Run());
  }
  auto role = db_.Prepare("INSERT INTO exhibit_accounts(exhibit_id, account_id, role) VALUES(?,?,?)");
  if (!role) return role.error();
  for (const auto& [account_id, rank] : roles_) {
    CASEGRAPH_RETURN_IF_ERROR(role->Bind(1, exhibit_id_).Bind(2, account_id).Bind(3, RoleName(rank)).Run());
  }
  return IndexPending();
}

Status RecordWriter::IndexPending() {
  if (counts_.messages == 0 || indexed_upto_ >= counts_.last_message_id) return Ok();
  auto t0 = std::chrono::steady_clock::now();
  CASEGRAPH_RETURN_IF_ERROR(index_messages_.Bind(1, indexed_upto_ + 1).Bind(2, counts_.last_message_id).Run());
  index_seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  indexed_upto_ = counts_.last_message_id;
  return Ok();
}

}  // namespace casegraph::store
