#!/usr/bin/env python3
"""The Python standard-library peer for the Telegram ingest benchmark.

Does the same work as `casegraph ingest` on a Telegram Desktop export, with only the
standard library: json (after replacing Telegram's invalid \\xNN escapes, as any Python
user must), sqlite3 with an FTS5 index (loaded, then 'rebuild'), and re for identifiers
(phones, e-mails, URLs, t.me links, @usernames, Matrix ids, Bitcoin and Ethereum
addresses). Usage: python_peer.py EXPORT_FOLDER_OR_RESULT_JSON WORKSPACE.db
"""
import json
import os
import re
import sqlite3
import sys

PATTERNS = {
    "phone": re.compile(r"(?<![\w+])(?:\+|0)\d[\d \u00a0\-().]{6,18}\d"),
    "email": re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    "url": re.compile(r"https?://[^\s<>\"']+|www\.[^\s<>\"']+"),
    "telegram-link": re.compile(r"(?:t|telegram)\.me/(?:joinchat/|\+)?[\w-]+"),
    "telegram-username": re.compile(r"(?<![\w@])@[A-Za-z][\w]{4,31}(?![\w:@])"),
    "matrix-user": re.compile(r"@[a-z0-9._=\-/]+:[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"),
    "btc": re.compile(r"\bbc1[02-9ac-hj-np-z]{11,71}\b|\b[13][1-9A-HJ-NP-Za-km-z]{25,34}\b"),
    "eth": re.compile(r"\b0x[0-9a-fA-F]{40}\b"),
}
ESCAPE = re.compile(rb'(?<!\\)((?:\\\\)*)\\x([0-9A-Fa-f]{2})')

SCHEMA = """
PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;
CREATE TABLE accounts(id INTEGER PRIMARY KEY, ref TEXT UNIQUE, name TEXT);
CREATE TABLE conversations(id INTEGER PRIMARY KEY, ref TEXT, title TEXT, locator TEXT);
CREATE TABLE messages(id INTEGER PRIMARY KEY, conversation_id INTEGER, source_id TEXT, sender_id INTEGER,
  sent_at INTEGER, text TEXT, locator TEXT);
CREATE TABLE attachments(id INTEGER PRIMARY KEY, message_id INTEGER, kind TEXT, path TEXT, locator TEXT);
CREATE TABLE identifiers(id INTEGER PRIMARY KEY, kind TEXT, value TEXT, UNIQUE(kind, value));
CREATE TABLE occurrences(id INTEGER PRIMARY KEY, identifier_id INTEGER, message_id INTEGER, start INTEGER,
  end INTEGER, locator TEXT);
CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
"""


def text_of(value):
    if isinstance(value, str):
        return value
    return "".join(part if isinstance(part, str) else part.get("text", "") for part in value or [])


def main():
    path, db_path = sys.argv[1], sys.argv[2]
    if os.path.isdir(path):
        path = os.path.join(path, "result.json")
    raw = open(path, "rb").read()
    raw = ESCAPE.sub(lambda m: m.group(1) + b"\\u00" + m.group(2), raw)
    root = json.loads(raw)
    del raw

    db = sqlite3.connect(db_path, isolation_level=None)
    db.executescript(SCHEMA)
    db.execute("BEGIN")
    accounts, identifiers = {}, {}
    messages, attachments, occurrences = [], [], []

    def account_id(ref, name):
        if ref not in accounts:
            accounts[ref] = len(accounts) + 1
            db.execute("INSERT INTO accounts VALUES(?,?,?)", (accounts[ref], ref, name))
        return accounts[ref]

    chats = []
    if "messages" in root:
        chats.append(("", root))
    for section in ("chats", "left_chats"):
        for index, chat in enumerate(root.get(section, {}).get("list", [])):
            chats.append((f"/{section}/list/{index}", chat))
    message_id = 0
    for conv_index, (prefix, chat) in enumerate(chats, start=1):
        db.execute("INSERT INTO conversations VALUES(?,?,?,?)",
                   (conv_index, f"telegram:{chat.get('id')}", chat.get("name"), prefix or "/"))
        for msg_index, m in enumerate(chat.get("messages", [])):
            message_id += 1
            locator = f"{prefix}/messages/{msg_index}"
            ref = m.get("from_id") or m.get("actor_id")
            sender = account_id(f"telegram:{ref}", m.get("from") or m.get("actor")) if ref else None
            text = text_of(m.get("text", ""))
            sent = int(m["date_unixtime"]) if "date_unixtime" in m else None
            messages.append((message_id, conv_index, str(m.get("id")), sender, sent, text, locator))
            for kind in ("photo", "file"):
                if kind in m:
                    attachments.append((None, message_id, kind, m[kind], locator + "/" + kind))
            for kind, pattern in PATTERNS.items():
                for hit in pattern.finditer(text):
                    key = (kind, hit.group(0).lower())
                    if key not in identifiers:
                        identifiers[key] = len(identifiers) + 1
                    occurrences.append((None, identifiers[key], message_id, hit.start(), hit.end(), locator))
    db.executemany("INSERT INTO messages VALUES(?,?,?,?,?,?,?)", messages)
    db.executemany("INSERT INTO attachments VALUES(?,?,?,?,?)", attachments)
    db.executemany("INSERT INTO identifiers VALUES(?,?,?)", ((i, k, v) for (k, v), i in identifiers.items()))
    db.executemany("INSERT INTO occurrences VALUES(?,?,?,?,?,?)", occurrences)
    db.execute("INSERT INTO messages_fts(messages_fts) VALUES('rebuild')")
    db.execute("COMMIT")
    db.close()
    print(f"python peer: {message_id} messages, {len(accounts)} accounts, {len(occurrences)} identifier occurrences")


if __name__ == "__main__":
    main()
