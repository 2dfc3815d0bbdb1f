#include "ingest/mapped_emit.h"

#include <cctype>

#include "ingest/mapped_time.h"

namespace casegraph::ingest::mapped {
namespace {

std::string BaseName(std::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

bool Truthy(const std::string& v) {
  return !v.empty() && v != "false" && v != "0" && v != "no" && v != "False" && v != "FALSE";
}

std::optional<uint32_t> Count(const std::string& v) {
  if (v.empty() || v.size() > 9) return std::nullopt;
  uint32_t n = 0;
  for (char c : v) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<uint32_t>(c - '0');
  }
  return n;
}

bool IsWebUrl(std::string_view s) {
  auto starts = [&](std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://");
}

// The pointer, below `locator`, of the object a plain path's value sits in ("/author/id" ->
// locator + "/author"), or of the value itself (`whole`); the locator itself for lines and rows.
std::string PointerOf(const FieldSpec& spec, const std::string& locator, bool whole) {
  if (spec.source != FieldSpec::Source::kPath || spec.paths[0].HasWildcard() ||
      locator.find("/line:") != std::string::npos) {
    return locator;
  }
  const auto& tokens = spec.paths[0].tokens;
  if (!whole && tokens.size() < 2) return locator;
  std::string out = locator;
  for (size_t i = 0; i + (whole ? 0 : 1) < tokens.size(); ++i) out += "/" + EscapeToken(tokens[i].key);
  return out;
}

}  // namespace

void MappedRun::BeginFile(const std::string& label, const std::string& default_conversation) {
  file_ = label;
  default_conversation_ = default_conversation;
  conversation_at_.clear();
}

void MappedRun::EmitAccount(model::AccountRecord account) {
  // Sent once per (ref, display name, username): later sightings with other names are history.
  std::string view = account.ref + '\x1f' + account.display_name + '\x1f' + account.username;
  if (!account_views_.insert(std::move(view)).second) return;
  account_refs_.insert(account.ref);
  account.platform = mapping_.platform;
  sink_.Account(std::move(account));
}

Status MappedRun::Account(Record& record, const std::string& locator) {
  const AccountsSpec& spec = *mapping_.accounts;
  Names names = {{"platform", mapping_.platform}};
  auto id = EvalField(spec.id, record, names);
  if (!id) return id.error().WithFile(file_);
  auto username = EvalField(spec.username, record, names);
  if (!username) return username.error().WithFile(file_);
  names.push_back({"id", *id});
  names.push_back({"username", *username});
  model::AccountRecord a;
  if (spec.ref.set()) {
    auto ref = EvalField(spec.ref, record, names);
    if (!ref) return ref.error().WithFile(file_);
    a.ref = *ref;
  } else if (!id->empty()) {
    a.ref = mapping_.platform + ":" + *id;
  }
  if (a.ref.empty()) {
    diagnostics_.Warn(Location{file_, locator}, "skipped an account without id");
    return Ok();
  }
  a.username = *username;
  for (auto [field, out] : {std::pair{&spec.display_name, &a.display_name}, std::pair{&spec.phone, &a.phone},
                            std::pair{&spec.bio, &a.bio}}) {
    auto v = EvalField(*field, record, names);
    if (!v) return v.error().WithFile(file_);
    *out = *v;
  }
  auto role = EvalField(spec.role, record, names);
  if (!role) return role.error().WithFile(file_);
  if (*role == "owner") a.role = model::AccountRole::kOwner;
  if (*role == "contact") a.role = model::AccountRole::kContact;
  a.locator = locator;
  EmitAccount(std::move(a));
  return Ok();
}

Status MappedRun::Conversation(Record& record, const std::string& locator) {
  const ConversationsSpec& spec = *mapping_.conversations;
  Names names = {{"platform", mapping_.platform}};
  auto key = EvalField(spec.key, record, names);
  if (!key) return key.error().WithFile(file_);
  if (key->empty()) {
    diagnostics_.Warn(Location{file_, locator}, "skipped a conversation whose key (" + spec.key.where + ") is empty");
    return Ok();
  }
  conversation_at_[locator] = *key;
  if (conversations_.count(*key)) return Ok();  // the same conversation again (a partitioned export)
  auto kind = EvalField(spec.kind, record, names);
  if (!kind) return kind.error().WithFile(file_);
  names.push_back({"key", *key});
  names.push_back({"kind", *kind});
  model::ConversationRecord c;
  c.key = *key;
  c.kind = *kind;
  if (spec.ref.set()) {
    auto ref = EvalField(spec.ref, record, names);
    if (!ref) return ref.error().WithFile(file_);
    c.ref = *ref;
  } else {
    c.ref = mapping_.platform + ":conversation:" + *key;
  }
  auto title = EvalField(spec.title, record, names);
  if (!title) return title.error().WithFile(file_);
  c.title = *title;
  c.locator = locator;
  if (spec.locator) {
    for (const auto& t : spec.locator->tokens) c.locator += "/" + EscapeToken(t.key);
  }
  conversations_[*key] = *kind;
  sink_.Conversation(std::move(c));
  return Ok();
}

std::string MappedRun::EnclosingConversation(const std::string& locator) const {
  for (size_t cut = locator.size();; cut = locator.rfind('/', cut - 1)) {
    auto it = conversation_at_.find(locator.substr(0, cut));
    if (it != conversation_at_.end()) return it->second;
    if (cut == 0 || cut == std::string::npos) return {};
  }
}

void MappedRun::EnsureConversation(const std::string& key, Record& record, const std::string& locator) {
  if (conversations_.count(key)) return;
  const MessagesSpec& m = mapping_.messages;
  Names names = {{"platform", mapping_.platform}, {"conversation", key}};
  model::ConversationRecord c;
  c.key = key;
  auto ref = EvalField(m.conversation_ref, record, names);
  auto title = EvalField(m.conversation_title, record, names);
  auto kind = EvalField(m.conversation_kind, record, names);
  c.ref = ref && !ref->empty() ? *ref : mapping_.platform + ":conversation:" + key;
  if (title) c.title = *title;
  if (kind) c.kind = *kind;
  c.locator = locator;
  conversations_[key] = c.kind;
  sink_.Conversation(std::move(c));
}

Status MappedRun::Message(Record& record, const std::string& locator) {
  const MessagesSpec& spec = mapping_.messages;
  Names names = {{"platform", mapping_.platform}};
  model::MessageRecord m;
  m.locator = locator;
  auto eval = [&](const FieldSpec& field, std::string& out, const char* name) -> Status {
    auto v = EvalField(field, record, names);
    if (!v) return v.error().WithFile(file_);
    out = std::move(*v);
    if (!out.empty()) ++filled_[name];
    if (name[0] != '-') names.push_back({name, out});
    return Ok();
  };
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.id, m.source_id, "id"));
  // The conversation: a field, else the conversation record that encloses this one, else the file.
  std::string conversation;
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.conversation, conversation, "-conversation"));
  if (conversation.empty()) conversation = EnclosingConversation(locator);
  if (conversation.empty()) conversation = default_conversation_;
  EnsureConversation(conversation, record, locator);
  m.conversation_key = conversation;
  names.push_back({"conversation", conversation});
  names.push_back({"conversation_kind", conversations_[conversation]});

  std::string sender_id, sender_username;
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.kind, m.kind, "kind"));
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.sender_id, sender_id, "sender_id"));
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.sender_name, m.sender_name, "sender_name"));
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.sender_username, sender_username, "sender_username"));
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.reply_to, m.reply_to, "reply_to"));
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.thread_root, m.thread_root, "thread_root"));
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.text, m.text, "-text"));
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.action, m.action, "-action"));
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.forwarded_from, m.forwarded_from, "-forwarded_from"));
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.deleted_detail, m.deleted_detail, "-deleted_detail"));
  std::string deleted;
  CASEGRAPH_RETURN_IF_ERROR(eval(spec.deleted, deleted, "-deleted"));
  m.deleted = Truthy(deleted);
  if (m.kind.empty()) m.kind = "message";
  auto members = EvalList(spec.members, record, names);
  if (!members) return members.error().WithFile(file_);
  m.members = std::move(*members);

  // The sender: a ref from the template, or platform:sender_id.
  if (spec.sender_ref.set()) {
    CASEGRAPH_RETURN_IF_ERROR(eval(spec.sender_ref, m.sender_ref, "-sender_ref"));
  } else if (!sender_id.empty()) {
    m.sender_ref = mapping_.platform + ":" + sender_id;
  }
  CASEGRAPH_RETURN_IF_ERROR(Times(record, locator, names, m));
  if (!m.sender_ref.empty()) {
    model::AccountRecord a;
    a.ref = m.sender_ref;
    a.display_name = m.sender_name;
    a.username = sender_username;
    a.seen_at_utc = m.sent_at_utc;
    a.locator = PointerOf(spec.sender_id, locator, false);
    EmitAccount(std::move(a));
  }
  CASEGRAPH_RETURN_IF_ERROR(Attachments(record, locator, m));
  CASEGRAPH_RETURN_IF_ERROR(Reactions(record, m));
  CASEGRAPH_RETURN_IF_ERROR(Entities(record, names, m));
  CASEGRAPH_RETURN_IF_ERROR(MessageAccounts(record, locator, m));
  ++messages_;
  attachments_ += m.attachments.size();
  sink_.Message(std::move(m));
  return Ok();
}

Status MappedRun::Times(Record& record, const std::string& locator, const Names& names, model::MessageRecord& m) {
  const MessagesSpec& spec = mapping_.messages;
  auto time_text = EvalField(spec.time.value, record, names);
  if (!time_text) return time_text.error().WithFile(file_);
  m.time_basis = "none";
  if (!time_text->empty()) {
    ++times_given_;
    auto t = ConvertTime(*time_text, spec.time, options_.tz);
    if (t) {
      ++times_parsed_;
      m.sent_at_utc = t->utc;
      m.utc_offset_seconds = t->offset_seconds;
      m.time_basis = t->basis;
      if (spec.time.format == TimeFormat::kIso8601 || spec.time.format == TimeFormat::kPattern) m.local_time = *time_text;
    } else {
      if (t.error().kind() == ErrorKind::kInvalidArgument) return t.error().WithFile(file_);  // no --tz
      if (first_bad_time_.empty()) {
        first_bad_time_ = *time_text;
        first_bad_time_at_ = locator;
      }
      diagnostics_.Warn(Location{file_, locator}, "messages.time: " + t.error().message());
    }
  }
  if (spec.edited_at.set()) {
    auto edited = EvalField(spec.edited_at.value, record, names);
    if (!edited) return edited.error().WithFile(file_);
    if (!edited->empty()) {
      auto t = ConvertTime(*edited, spec.edited_at, options_.tz);
      if (t) {
        m.edited_at_utc = t->utc;
      } else {
        diagnostics_.Warn(Location{file_, locator}, "messages.edited_at: " + t.error().message());
      }
    }
  }
  if (spec.edit) {
    auto edited = EvalField(spec.edit->time.value, record, names);
    if (!edited) return edited.error().WithFile(file_);
    if (!edited->empty()) {
      auto t = ConvertTime(*edited, spec.edit->time, options_.tz);
      if (!t) {
        diagnostics_.Warn(Location{file_, locator}, "messages.edit.time: " + t.error().message());
        return Ok();
      }
      m.edited_at_utc = t->utc;
      model::MessageEdit edit;
      edit.edited_at_utc = t->utc;
      edit.text = m.text;
      if (spec.edit->text.set()) {
        auto text = EvalField(spec.edit->text, record, names);
        if (!text) return text.error().WithFile(file_);
        edit.text = *text;
      }
      edit.editor_ref = m.sender_ref;
      if (spec.edit->editor_ref.set()) {
        auto ref = EvalField(spec.edit->editor_ref, record, names);
        if (!ref) return ref.error().WithFile(file_);
        edit.editor_ref = *ref;
      }
      edit.locator = PointerOf(spec.edit->time.value, locator, true);
      m.edits.push_back(std::move(edit));
    }
  }
  return Ok();
}

Status MappedRun::Attachments(Record& record, const std::string& locator, model::MessageRecord& m) {
  const Names names = {{"platform", mapping_.platform}};
  for (const AttachmentSpec& spec : mapping_.messages.attachments) {
    CASEGRAPH_RETURN_IF_ERROR(record.Each(spec.path, [&](Record& sub, const std::string& pointer) -> Status {
      if (!spec.when.empty()) {
        auto holds = Holds(spec.when, sub, names);
        if (!holds) return holds.error().WithFile(file_);
        if (!*holds) return Ok();
      }
      model::AttachmentRecord a;
      for (auto [field, out] : {std::pair{&spec.declared_path, &a.declared_path}, std::pair{&spec.kind, &a.kind},
                                std::pair{&spec.file_name, &a.file_name}, std::pair{&spec.mime_type, &a.mime_type}}) {
        auto v = EvalField(*field, sub, names);
        if (!v) return v.error().WithFile(file_);
        *out = *v;
      }
      if (a.kind.empty()) a.kind = "file";
      if (!spec.file_name.set()) a.file_name = BaseName(a.declared_path);
      a.locator = locator + pointer;
      if (a.declared_path.empty()) {
        a.status = model::AttachmentStatus::kMissing;
        a.status_detail = "no url or path given";
      } else if (IsWebUrl(a.declared_path)) {
        a.status = model::AttachmentStatus::kNotExported;  // never fetched: evidence is what was seized
        a.status_detail = "web URL; not fetched";
      } else {
        folder_.Resolve(a, diagnostics_);
      }
      m.attachments.push_back(std::move(a));
      return Ok();
    }));
  }
  return Ok();
}

Status MappedRun::Reactions(Record& record, model::MessageRecord& m) {
  if (!mapping_.messages.reactions) return Ok();
  const ReactionSpec& spec = *mapping_.messages.reactions;
  return record.Each(spec.path, [&](Record& sub, const std::string&) -> Status {
    Names names = {{"platform", mapping_.platform}};
    model::Reaction r;
    auto emoji = EvalField(spec.emoji, sub, names);
    if (!emoji) return emoji.error().WithFile(file_);
    r.emoji = *emoji;
    if (!spec.users.tokens.empty()) {
      std::vector<Scalar> users;
      CASEGRAPH_RETURN_IF_ERROR(sub.GetAll(spec.users, users));
      for (const auto& u : users) {
        if (u.text.empty()) continue;
        if (spec.user_ref.set()) {
          Names user_names = {{"platform", mapping_.platform}, {"user_id", u.text}};
          auto ref = EvalField(spec.user_ref, sub, user_names);
          if (!ref) return ref.error().WithFile(file_);
          if (!ref->empty()) r.user_refs.push_back(*ref);
        } else {
          r.user_refs.push_back(mapping_.platform + ":" + u.text);
        }
      }
    }
    auto count = EvalField(spec.count, sub, names);
    if (!count) return count.error().WithFile(file_);
    r.count = Count(*count).value_or(static_cast<uint32_t>(r.user_refs.size()));
    m.reactions.push_back(std::move(r));
    return Ok();
  });
}

Status MappedRun::Entities(Record& record, const Names& message_names, model::MessageRecord& m) {
  for (const EntitySpec& spec : mapping_.messages.entities) {
    std::string haystack = m.text;
    if (spec.in.set()) {
      auto in = EvalField(spec.in, record, message_names);
      if (!in) return in.error().WithFile(file_);
      haystack = *in;
    }
    CASEGRAPH_RETURN_IF_ERROR(record.Each(spec.path, [&](Record& sub, const std::string&) -> Status {
      Names names = {{"platform", mapping_.platform}};
      auto id = EvalField(spec.user_id, sub, names);
      if (!id) return id.error().WithFile(file_);
      names.push_back({"user_id", *id});
      if (!spec.when.empty()) {
        auto holds = Holds(spec.when, sub, names);
        if (!holds) return holds.error().WithFile(file_);
        if (!*holds) return Ok();
      }
      model::TextEntity e;
      e.type = spec.type;
      if (spec.user_ref.set()) {
        auto ref = EvalField(spec.user_ref, sub, names);
        if (!ref) return ref.error().WithFile(file_);
        e.user_ref = *ref;
      } else if (!id->empty()) {
        e.user_ref = mapping_.platform + ":" + *id;
      }
      // The first of `find` visible in the text gives the span; else `text` without one.
      for (const auto& needle_spec : spec.find) {
        auto needle = EvalField(needle_spec, sub, names);
        if (!needle) return needle.error().WithFile(file_);
        const size_t at = needle->empty() ? std::string::npos : haystack.find(*needle);
        if (at == std::string::npos) continue;
        e.offset = static_cast<uint32_t>(at);
        e.length = static_cast<uint32_t>(needle->size());
        e.text = *needle;
        break;
      }
      if (e.text.empty()) {
        auto text = EvalField(spec.text, sub, names);
        if (!text) return text.error().WithFile(file_);
        e.text = *text;
      }
      m.entities.push_back(std::move(e));
      return Ok();
    }));
  }
  return Ok();
}

Status MappedRun::MessageAccounts(Record& record, const std::string& locator, const model::MessageRecord& m) {
  for (const MessageAccountSpec& spec : mapping_.messages.accounts) {
    CASEGRAPH_RETURN_IF_ERROR(record.Each(spec.path, [&](Record& sub, const std::string& pointer) -> Status {
      Names names = {{"platform", mapping_.platform}};
      auto id = EvalField(spec.id, sub, names);
      if (!id) return id.error().WithFile(file_);
      names.push_back({"id", *id});
      if (!spec.when.empty()) {
        auto holds = Holds(spec.when, sub, names);
        if (!holds) return holds.error().WithFile(file_);
        if (!*holds) return Ok();
      }
      model::AccountRecord a;
      if (spec.ref.set()) {
        auto ref = EvalField(spec.ref, sub, names);
        if (!ref) return ref.error().WithFile(file_);
        a.ref = *ref;
      } else if (!id->empty()) {
        a.ref = mapping_.platform + ":" + *id;
      }
      if (a.ref.empty()) return Ok();
      for (auto [field, out] : {std::pair{&spec.display_name, &a.display_name}, std::pair{&spec.username, &a.username}}) {
        auto v = EvalField(*field, sub, names);
        if (!v) return v.error().WithFile(file_);
        *out = *v;
      }
      a.seen_at_utc = m.sent_at_utc;
      a.locator = locator + pointer;
      EmitAccount(std::move(a));
      return Ok();
    }));
  }
  return Ok();
}

Status MappedRun::Finish(ImportSummary& summary) {
  summary.accounts = account_refs_.size();
  summary.conversations = conversations_.size();
  summary.messages = messages_;
  summary.attachments = attachments_;
  const MessagesSpec& spec = mapping_.messages;
  if (times_given_ > 0 && times_parsed_ == 0) {
    return Error::InvalidArgument("mapping " + mapping_.file + ": messages.time: none of " + std::to_string(times_given_) +
                                      " time values matches the mapping's format (the first, \"" + first_bad_time_ +
                                      "\", is at " + first_bad_time_at_ + "); check time.format and time.zone",
                                  Location{file_, first_bad_time_at_});
  }
  if (messages_ > 0 && times_given_ == 0) {
    diagnostics_.Warn(Location{mapping_.file, spec.time.value.where},
                      "messages.time gave no value in any of " + std::to_string(messages_) + " messages; check its path");
  }
  const std::pair<const char*, const FieldSpec*> checked[] = {
      {"id", &spec.id}, {"sender_id", &spec.sender_id}, {"sender_name", &spec.sender_name}, {"-text", &spec.text},
      {"-conversation", &spec.conversation}};
  for (const auto& [name, field] : checked) {
    if (messages_ == 0 || !field->set() || field->source == FieldSpec::Source::kConst || filled_[name] > 0) continue;
    const std::string shown = name[0] == '-' ? name + 1 : name;
    diagnostics_.Warn(Location{mapping_.file, field->where},
                      "messages." + shown + " was empty in all " + std::to_string(messages_) + " messages; check its path");
  }
  return Ok();
}

}  // namespace casegraph::ingest::mapped
