#!/usr/bin/env bash
# The store's floor: the rows casegraph wrote (exported from its workspace as TSV, untimed)
# bulk-inserted by the sqlite3 shell, then an FTS5 'rebuild'. Usage: sqlite_floor.sh WORKSPACE.db OUT_DIR
# Prints the timed part only (load + rebuild) as "floor: N s".
set -euo pipefail
ws=$1 out=$2
mkdir -p "$out"
sqlite3 "$ws" -separator $'\t' "SELECT id, exhibit_id, conversation_id, COALESCE(source_id,''), kind, COALESCE(sender_account_id,''), COALESCE(sent_at_utc,''), replace(replace(text, char(9), ' '), char(10), ' '), locator FROM messages" > "$out/messages.tsv"
sqlite3 "$ws" -separator $'\t' "SELECT id, identifier_id, exhibit_id, COALESCE(message_id,''), source, span_start, span_end, replace(replace(raw, char(9), ' '), char(10), ' '), locator FROM identifier_occurrences" > "$out/occurrences.tsv"
sqlite3 "$ws" -separator $'\t' "SELECT id, message_id, exhibit_id, COALESCE(kind,''), COALESCE(declared_path,''), status, COALESCE(file_id,''), locator FROM attachments" > "$out/attachments.tsv"
rm -f "$out/floor.db"
cat > "$out/floor.sql" <<SQL
CREATE TABLE messages(id INTEGER PRIMARY KEY, exhibit_id INTEGER, conversation_id INTEGER, source_id TEXT, kind TEXT, sender_account_id INTEGER, sent_at_utc INTEGER, text TEXT, locator TEXT);
CREATE TABLE identifier_occurrences(id INTEGER PRIMARY KEY, identifier_id INTEGER, exhibit_id INTEGER, message_id INTEGER, source TEXT, span_start INTEGER, span_end INTEGER, raw TEXT, locator TEXT);
CREATE TABLE attachments(id INTEGER PRIMARY KEY, message_id INTEGER, exhibit_id INTEGER, kind TEXT, declared_path TEXT, status TEXT, file_id INTEGER, locator TEXT);
CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
.mode tabs
BEGIN;
.import $out/messages.tsv messages
.import $out/occurrences.tsv identifier_occurrences
.import $out/attachments.tsv attachments
INSERT INTO messages_fts(messages_fts) VALUES('rebuild');
COMMIT;
SQL
start=$(date +%s.%N)
sqlite3 "$out/floor.db" < "$out/floor.sql"
end=$(date +%s.%N)
awk -v s="$start" -v e="$end" 'BEGIN { printf "floor: %.2f s\n", e - s }'
