#include "store/schema.h"

namespace casegraph::store {
namespace {

// Version 1: cases, subjects, exhibits with their manifests, accounts with attribute history,
// conversations, messages (+ FTS5 index with the folding tokenizer), files, attachments,
// identifiers and their occurrences, and the hash-chained audit log.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE cases(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  title TEXT,
  created_at TEXT NOT NULL);

CREATE TABLE subjects(
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  label TEXT NOT NULL,
  born TEXT,
  role TEXT,
  created_at TEXT NOT NULL,
  UNIQUE(case_id, label));

CREATE TABLE accounts(
  id INTEGER PRIMARY KEY,
  ref TEXT NOT NULL UNIQUE,
  platform TEXT NOT NULL);

CREATE TABLE exhibits(
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  label TEXT NOT NULL,
  path TEXT NOT NULL,
  is_folder INTEGER NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  main_sha256 TEXT,
  format TEXT NOT NULL,
  importer TEXT NOT NULL,
  importer_version TEXT NOT NULL,
  main_file TEXT,
  time_zone TEXT,
  utc_offset_seconds INTEGER,
  time_note TEXT,
  region TEXT,
  instance TEXT,
  owner_subject_id INTEGER REFERENCES subjects(id),
  owner_account_id INTEGER REFERENCES accounts(id),
  examiner TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  first_message_id INTEGER,
  last_message_id INTEGER,
  warnings INTEGER NOT NULL DEFAULT 0,
  UNIQUE(case_id, label),
  UNIQUE(case_id, sha256));

CREATE TABLE exhibit_manifest(
  exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
  rel_path TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  PRIMARY KEY(exhibit_id, rel_path)) WITHOUT ROWID;

CREATE TABLE exhibit_accounts(
  exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  role TEXT NOT NULL,
  PRIMARY KEY(exhibit_id, account_id)) WITHOUT ROWID;

CREATE TABLE account_attributes(
  id INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
  first_seen_utc INTEGER,
  last_seen_utc INTEGER,
  locator TEXT NOT NULL,
  UNIQUE(account_id, kind, value, exhibit_id));

CREATE TABLE conversations(
  id INTEGER PRIMARY KEY,
  exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
  source_key TEXT NOT NULL,
  ref TEXT,
  kind TEXT,
  title TEXT,
  left_chat INTEGER NOT NULL DEFAULT 0,
  locator TEXT NOT NULL);
CREATE INDEX conversations_by_exhibit ON conversations(exhibit_id);

CREATE TABLE messages(
  id INTEGER PRIMARY KEY,
  exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
  conversation_id INTEGER REFERENCES conversations(id),
  source_id TEXT,
  kind TEXT NOT NULL,
  sender_account_id INTEGER REFERENCES accounts(id),
  sender_name TEXT,
  sent_at_utc INTEGER,
  utc_offset_seconds INTEGER,
  time_basis TEXT,
  text TEXT NOT NULL,
  reply_to TEXT,
  forwarded_from TEXT,
  via_bot TEXT,
  edited_at_utc INTEGER,
  action TEXT,
  members TEXT,
  entities TEXT,
  locator TEXT NOT NULL);

CREATE VIRTUAL TABLE messages_fts USING fts5(
  text, content='messages', content_rowid='id', tokenize='casegraph_fold');

CREATE TABLE files(
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  sha1 TEXT NOT NULL,
  md5 TEXT NOT NULL,
  size_bytes INTEGER NOT NULL);

CREATE TABLE attachments(
  id INTEGER PRIMARY KEY,
  message_id INTEGER NOT NULL REFERENCES messages(id),
  exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
  kind TEXT,
  declared_path TEXT,
  file_name TEXT,
  mime_type TEXT,
  status TEXT NOT NULL,
  status_detail TEXT,
  file_id INTEGER REFERENCES files(id),
  locator TEXT NOT NULL);
CREATE INDEX attachments_by_exhibit ON attachments(exhibit_id);

CREATE TABLE identifiers(
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  value TEXT NOT NULL,
  UNIQUE(kind, value));

CREATE TABLE identifier_occurrences(
  id INTEGER PRIMARY KEY,
  identifier_id INTEGER NOT NULL REFERENCES identifiers(id),
  exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
  message_id INTEGER REFERENCES messages(id),
  account_id INTEGER REFERENCES accounts(id),
  source TEXT NOT NULL,
  span_start INTEGER,
  span_end INTEGER,
  raw TEXT NOT NULL,
  locator TEXT NOT NULL);
CREATE INDEX occurrences_by_identifier ON identifier_occurrences(identifier_id);

CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  command TEXT NOT NULL,
  params TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
)sql";

// v2: what the Matrix, Rocket.Chat, Discord and WhatsApp importers add to a message. Edits and
// reactions are JSON arrays (read whole with the message, never queried by their parts).
constexpr std::string_view kV2 = R"sql(
ALTER TABLE messages ADD COLUMN thread_root TEXT;
ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN deleted_detail TEXT;
ALTER TABLE messages ADD COLUMN edits TEXT;
ALTER TABLE messages ADD COLUMN reactions TEXT;
)sql";


// v3: what link analysis needs.
// Base data (an examiner's word, never rebuilt): which accounts a subject uses beyond the owners
// of their exhibits, and the examiner's decisions on persons (kept by account refs, so they
// survive re-ingest and re-resolution).
// Derived data (g_* and persons; rebuilt by graph::Refresh after every ingest and decision, from
// the base tables alone): conversation classes and members, direct pairs with their initiator,
// where each account occurs per case, resolved persons, and the analytics.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE subject_accounts(
  subject_id INTEGER NOT NULL REFERENCES subjects(id),
  account_ref TEXT NOT NULL,
  declared_by TEXT NOT NULL,
  declared_at TEXT NOT NULL,
  PRIMARY KEY(subject_id, account_ref)) WITHOUT ROWID;

CREATE TABLE person_decisions(
  id INTEGER PRIMARY KEY,
  action TEXT NOT NULL,
  a_ref TEXT NOT NULL,
  b_ref TEXT,
  examiner TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT);

CREATE TABLE g_state(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE g_conversations(
  conversation_id INTEGER PRIMARY KEY,
  exhibit_id INTEGER NOT NULL,
  case_id INTEGER NOT NULL,
  class TEXT NOT NULL,
  owner_account_id INTEGER,
  messages INTEGER NOT NULL,
  first_at INTEGER,
  last_at INTEGER);

CREATE TABLE g_members(
  conversation_id INTEGER NOT NULL,
  account_id INTEGER NOT NULL,
  case_id INTEGER NOT NULL,
  exhibit_id INTEGER NOT NULL,
  basis TEXT NOT NULL,
  messages INTEGER NOT NULL,
  first_at INTEGER,
  last_at INTEGER,
  cite_message_id INTEGER,
  cite_locator TEXT NOT NULL,
  PRIMARY KEY(conversation_id, account_id)) WITHOUT ROWID;
CREATE INDEX g_members_by_account ON g_members(account_id);

CREATE TABLE g_direct(
  conversation_id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL,
  exhibit_id INTEGER NOT NULL,
  a_account_id INTEGER NOT NULL,
  b_account_id INTEGER NOT NULL,
  initiator_account_id INTEGER,
  first_message_id INTEGER,
  first_at INTEGER,
  last_at INTEGER,
  a_messages INTEGER NOT NULL,
  b_messages INTEGER NOT NULL);
CREATE INDEX g_direct_by_a ON g_direct(a_account_id);
CREATE INDEX g_direct_by_b ON g_direct(b_account_id);

CREATE TABLE g_account_cases(
  account_id INTEGER NOT NULL,
  case_id INTEGER NOT NULL,
  messages INTEGER NOT NULL,
  first_at INTEGER,
  last_at INTEGER,
  cite_exhibit_id INTEGER NOT NULL,
  cite_locator TEXT NOT NULL,
  PRIMARY KEY(account_id, case_id)) WITHOUT ROWID;

CREATE TABLE g_subject_accounts(
  subject_id INTEGER NOT NULL,
  account_id INTEGER NOT NULL,
  basis TEXT NOT NULL,
  cite_exhibit_id INTEGER,
  cite_locator TEXT,
  PRIMARY KEY(subject_id, account_id)) WITHOUT ROWID;

CREATE TABLE persons(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL);

CREATE TABLE person_members(
  person_id INTEGER NOT NULL,
  account_id INTEGER NOT NULL,
  basis TEXT NOT NULL,
  confidence REAL NOT NULL,
  status TEXT NOT NULL,
  explanation TEXT NOT NULL,
  citations TEXT NOT NULL,
  PRIMARY KEY(person_id, account_id)) WITHOUT ROWID;
CREATE INDEX person_members_by_account ON person_members(account_id);

CREATE TABLE g_account_metrics(
  account_id INTEGER PRIMARY KEY,
  pagerank REAL NOT NULL,
  betweenness REAL NOT NULL,
  community INTEGER NOT NULL);
)sql";


// v4: what the link queries (links, path, contacts, timeline) read at query time, so that each
// answers from indexes instead of scanning messages: one account's messages in time order, one
// conversation's messages from a time on (time-respecting paths), a conversation's service
// messages (group joins), a message's attachments, the accounts sharing a profile identifier,
// and the direct pairs and members of one case. g_identifier_cases
// is derived (filled by graph::ComputeAnalytics at the end of Refresh): per identifier and case,
// how often it occurs, whether only in broadcast channels, and its earliest occurrence to cite.
constexpr std::string_view kV4 = R"sql(
CREATE INDEX messages_by_sender_time ON messages(sender_account_id, sent_at_utc)
  WHERE sender_account_id IS NOT NULL;
CREATE INDEX messages_by_conversation_time ON messages(conversation_id, sent_at_utc);
CREATE INDEX attachments_by_message ON attachments(message_id);
CREATE INDEX occurrences_profile_by_account ON identifier_occurrences(account_id, identifier_id)
  WHERE source = 'profile';
CREATE INDEX occurrences_profile_by_identifier ON identifier_occurrences(identifier_id, account_id)
  WHERE source = 'profile';
CREATE INDEX g_direct_by_case ON g_direct(case_id, first_at);
CREATE INDEX g_members_by_case ON g_members(case_id, first_at);
CREATE INDEX messages_service_by_conversation ON messages(conversation_id, sent_at_utc) WHERE kind = 'service';

CREATE TABLE g_identifier_cases(
  identifier_id INTEGER NOT NULL,
  case_id INTEGER NOT NULL,
  occurrences INTEGER NOT NULL,
  channel_only INTEGER NOT NULL,
  first_at INTEGER,
  cite_exhibit_id INTEGER NOT NULL,
  cite_locator TEXT NOT NULL,
  PRIMARY KEY(identifier_id, case_id)) WITHOUT ROWID;
)sql";


// v5: device triage (issue 5). Hash sets are copied into hashset_hashes / hashset_pdq, except a
// set looked up in place (NSRL RDSv3: hundreds of GB) whose row names the database file.
// files (content-addressed) gain MIME type and PDQ; the text of documents is indexed per file
// content in file_texts(+FTS). A scanned folder or disk image is an exhibit whose files are
// scan_files rows; hash_matches are per file content and hash set (so a set imported later is
// matched against every stored file); rule_hits are per exhibit and rules run.
constexpr std::string_view kV5 = R"sql(
ALTER TABLE files ADD COLUMN mime_type TEXT;
ALTER TABLE files ADD COLUMN pdq_hash TEXT;
ALTER TABLE files ADD COLUMN pdq_quality INTEGER;
CREATE INDEX files_by_md5 ON files(md5);
CREATE INDEX files_by_sha1 ON files(sha1);

CREATE TABLE hashsets(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  format TEXT NOT NULL,
  source_path TEXT NOT NULL,
  source_sha256 TEXT,
  in_place INTEGER NOT NULL DEFAULT 0,
  layout TEXT,
  entries INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  examiner TEXT NOT NULL,
  note TEXT);

CREATE TABLE hashset_hashes(
  algorithm TEXT NOT NULL,
  value TEXT NOT NULL,
  hashset_id INTEGER NOT NULL REFERENCES hashsets(id),
  label TEXT,
  locator TEXT,
  PRIMARY KEY(algorithm, value, hashset_id)) WITHOUT ROWID;

CREATE TABLE hashset_pdq(
  id INTEGER PRIMARY KEY,
  hashset_id INTEGER NOT NULL REFERENCES hashsets(id),
  hash TEXT NOT NULL,
  quality INTEGER,
  label TEXT,
  locator TEXT);
CREATE INDEX hashset_pdq_by_set ON hashset_pdq(hashset_id);

CREATE TABLE scan_files(
  id INTEGER PRIMARY KEY,
  exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
  path TEXT NOT NULL,
  raw_path_hex TEXT,
  file_type TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  inode INTEGER,
  fs_offset INTEGER,
  fs_type TEXT,
  size_bytes INTEGER,
  mtime INTEGER,
  atime INTEGER,
  ctime INTEGER,
  crtime INTEGER,
  file_id INTEGER REFERENCES files(id),
  status TEXT NOT NULL,
  detail TEXT,
  locator TEXT NOT NULL);
CREATE INDEX scan_files_by_exhibit ON scan_files(exhibit_id, locator);
CREATE INDEX scan_files_by_file ON scan_files(file_id);
CREATE INDEX attachments_by_file ON attachments(file_id);

CREATE TABLE file_texts(
  file_id INTEGER PRIMARY KEY REFERENCES files(id),
  extractor TEXT NOT NULL,
  text TEXT NOT NULL);
CREATE VIRTUAL TABLE file_texts_fts USING fts5(
  text, content='file_texts', content_rowid='file_id', tokenize='casegraph_fold');

CREATE TABLE hash_matches(
  id INTEGER PRIMARY KEY,
  file_id INTEGER NOT NULL REFERENCES files(id),
  hashset_id INTEGER NOT NULL REFERENCES hashsets(id),
  match_kind TEXT NOT NULL,
  algorithm TEXT NOT NULL,
  value TEXT NOT NULL,
  distance INTEGER NOT NULL DEFAULT 0,
  label TEXT,
  set_locator TEXT,
  UNIQUE(file_id, hashset_id, match_kind, value));
CREATE INDEX hash_matches_by_set ON hash_matches(hashset_id);

CREATE TABLE rule_hits(
  id INTEGER PRIMARY KEY,
  exhibit_id INTEGER NOT NULL REFERENCES exhibits(id),
  rule_kind TEXT NOT NULL,
  rule_name TEXT NOT NULL,
  matched TEXT NOT NULL,
  target TEXT NOT NULL,
  scan_file_id INTEGER REFERENCES scan_files(id),
  message_id INTEGER REFERENCES messages(id),
  file_id INTEGER REFERENCES files(id),
  excerpt TEXT,
  locator TEXT NOT NULL,
  rules_sha256 TEXT NOT NULL,
  UNIQUE(exhibit_id, rule_kind, rule_name, matched, target, locator));
CREATE INDEX rule_hits_by_exhibit ON rule_hits(exhibit_id);
)sql";

// v6: the `flag` of the lexicon a rule hit came from (rules file `flag = "secrecy"`), so that
// the secrecy indicator knows a marked lexicon whatever its name; NULL for every other hit.
constexpr std::string_view kV6 = R"sql(
ALTER TABLE rule_hits ADD COLUMN flag TEXT;
)sql";

}  // namespace

const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> list = {kV1, kV2, kV3, kV4, kV5, kV6};
  return list;
}

}  // namespace casegraph::store
