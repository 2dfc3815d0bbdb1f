#!/usr/bin/env python3
"""Latency of links, path, contacts and timeline on a large workspace, without the importers.

Writes the base tables of a casegraph workspace directly (python3 sqlite3): CASES cases, each with
one subject and one Telegram-like exhibit of MESSAGES/CASES messages: private chats with friends,
two groups, the broadcast channel every subject follows, and private chats with operatives (each
operative reaches two cases on Telegram and, with the same profile phone, on WhatsApp in one of
them). Then runs `casegraph refresh` (the g_* tables, persons, analytics) and times each query
(median of repeated runs, whole process). Synthetic placeholder data only.

  bench/link_queries_scale.py --casegraph build/casegraph --out /tmp/scale.db --messages 10000000 --cases 100
"""
import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import time

T0 = 1717236000  # 2024-06-01T10:00:00Z


def build(db_path, casegraph, total_messages, n_cases, seed):
    if os.path.exists(db_path):
        os.remove(db_path)
    subprocess.run([casegraph, "-w", db_path, "case", "add", "C000"], check=True, stdout=subprocess.DEVNULL)
    rnd = random.Random(seed)
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("BEGIN")
    db.execute("DELETE FROM cases")
    accounts = {}

    def account(ref, platform, exhibit, name, phone=None):
        if ref not in accounts:
            cur = db.execute("INSERT INTO accounts(ref, platform) VALUES(?,?)", (ref, platform))
            accounts[ref] = cur.lastrowid
        aid = accounts[ref]
        db.execute("INSERT OR IGNORE INTO exhibit_accounts(exhibit_id, account_id, role) VALUES(?,?,?)",
                   (exhibit, aid, "participant"))
        db.execute("INSERT OR IGNORE INTO account_attributes(account_id, kind, value, exhibit_id, locator) "
                   "VALUES(?,?,?,?,?)", (aid, "display_name", name, exhibit, "/contacts/" + ref))
        if phone:
            db.execute("INSERT OR IGNORE INTO account_attributes(account_id, kind, value, exhibit_id, locator) "
                       "VALUES(?,?,?,?,?)", (aid, "phone", phone, exhibit, "/contacts/" + ref))
            ident = db.execute("SELECT id FROM identifiers WHERE kind='phone' AND value=?", (phone,)).fetchone()
            if ident is None:
                ident = (db.execute("INSERT INTO identifiers(kind, value) VALUES('phone', ?)", (phone,)).lastrowid,)
            db.execute("INSERT INTO identifier_occurrences(identifier_id, exhibit_id, account_id, source, raw, locator) "
                       "VALUES(?,?,?,?,?,?)", (ident[0], exhibit, aid, "profile", phone, "/contacts/" + ref))
        return aid

    n_ops = max(2, n_cases // 3)
    per_case = total_messages // n_cases
    message_id = 0
    for c in range(n_cases):
        code = "C%03d" % (c + 1)
        case_id = db.execute("INSERT INTO cases(code, title, created_at) VALUES(?,?,?)",
                             (code, "Synthetic case", "2025-01-01T00:00:00Z")).lastrowid
        subject_id = db.execute("INSERT INTO subjects(case_id, label, born, role, created_at) VALUES(?,?,?,?,?)",
                                (case_id, "S1", "2010", "victim", "2025-01-01T00:00:00Z")).lastrowid
        exhibit = db.execute(
            "INSERT INTO exhibits(case_id, label, path, is_folder, size_bytes, sha256, format, importer, importer_version, "
            "owner_subject_id, examiner, ingested_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
            (case_id, "s1-telegram", "/x/" + code, 1, 1, "%064x" % (c + 1), "telegram-json", "telegram-json", "1",
             subject_id, "bench", "2025-01-01T00:00:00Z")).lastrowid
        owner = account("telegram:user%d" % (1000000 + c), "telegram", exhibit, "Subject %d" % c)
        db.execute("UPDATE exhibits SET owner_account_id=? WHERE id=?", (owner, exhibit))
        convs = []  # (conversation id, member account ids, weight)

        def conversation(kind, ref, title, members, weight):
            cid = db.execute("INSERT INTO conversations(exhibit_id, source_key, ref, kind, title, locator) "
                             "VALUES(?,?,?,?,?,?)", (exhibit, title, ref, kind, title, "/chats/list/%d" % len(convs))).lastrowid
            convs.append((cid, members, weight))

        for f in range(20):
            friend = account("telegram:user%d" % (2000000 + c * 100 + f), "telegram", exhibit, "Friend %d" % f)
            conversation("personal_chat", "telegram:user%d" % (2000000 + c * 100 + f), "Friend %d" % f, [owner, friend], 3)
        for g in range(2):
            members = [owner] + [accounts["telegram:user%d" % (2000000 + c * 100 + f)] for f in range(g * 10, g * 10 + 10)]
            conversation("private_group", None, "Group %d" % g, members, 15)
        channel = account("telegram:channel1", "telegram", exhibit, "News")
        conversation("public_channel", "telegram:channel1", "News", [channel], 5)
        for k in sorted({c % n_ops, (c + 1) % n_ops}):
            op = account("telegram:user%d" % (3000000 + k), "telegram", exhibit, "Op %d" % k, "+90532%07d" % k)
            conversation("personal_chat", "telegram:user%d" % (3000000 + k), "Op %d" % k, [op, owner], 1)
            if c % n_ops == k:
                wa = account("whatsapp:+90532%07d" % k, "whatsapp", exhibit, "+90532%07d" % k, "+90532%07d" % k)
                conversation("personal_chat", "whatsapp:+90532%07d" % k, "WA %d" % k, [wa, owner], 1)
        weights = [w for _, _, w in convs]
        start = T0 + c * 600
        first = message_id + 1
        rows = []
        seq = {}
        for i in range(per_case):
            cid, members, _ = rnd.choices(convs, weights)[0]
            # An operative (or a WhatsApp number) writes first, then both sides.
            sender = members[0] if (len(members) == 2 and seq.get(cid, 0) == 0) else rnd.choice(members)
            n = seq[cid] = seq.get(cid, 0) + 1
            message_id += 1
            rows.append((message_id, exhibit, cid, str(n), "message", sender, start + i * 3, "placeholder text %d" % i,
                         "/chats/list/x/messages/%d" % n))
        db.executemany("INSERT INTO messages(id, exhibit_id, conversation_id, source_id, kind, sender_account_id, "
                       "sent_at_utc, text, locator) VALUES(?,?,?,?,?,?,?,?,?)", rows)
        db.execute("UPDATE exhibits SET first_message_id=?, last_message_id=? WHERE id=?", (first, message_id, exhibit))
    db.execute("COMMIT")
    db.close()
    t = time.time()
    subprocess.run([casegraph, "-w", db_path, "refresh"], check=True, stdout=subprocess.DEVNULL)
    return time.time() - t


def median_ms(cmd, runs):
    """Medians of the whole process and of the query alone (CASEGRAPH_TIMING's "query" line)."""
    env = dict(os.environ, CASEGRAPH_TIMING="1")
    whole, query = [], []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
        whole.append((time.perf_counter() - t) * 1000)
        for line in r.stderr.splitlines():
            if line.startswith("timing: query"):
                query.append(float(line.split()[2]) * 1000)
    return statistics.median(whole), (statistics.median(query) if query else float("nan"))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--casegraph", required=True)
    p.add_argument("--out", required=True, help="workspace file to (re)create")
    p.add_argument("--messages", type=int, default=1000000)
    p.add_argument("--cases", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--reuse", action="store_true", help="time the queries on an existing --out")
    a = p.parse_args()
    if not a.reuse:
        t = time.time()
        refresh = build(a.out, a.casegraph, a.messages, a.cases, a.seed)
        print("built %d messages / %d cases in %.1f s (refresh %.1f s), %.0f MB" %
              (a.messages, a.cases, time.time() - t, refresh, os.path.getsize(a.out) / 1e6))
    w = [a.casegraph, "-w", a.out]
    last = "C%03d/S1" % a.cases
    queries = {
        "links": w + ["links", "--json"],
        "path subject->subject": w + ["path", "--from", "subject:C001/S1", "--to", "subject:" + last, "--json"],
        "path, time-ordered": w + ["path", "--from", "subject:C001/S1", "--to", "subject:" + last, "--after",
                                   "2024-01-01", "--json"],
        "contacts --common": w + ["contacts", "--common", "subject:C001/S1", "subject:C002/S1", "--json"],
        "timeline --subject": w + ["timeline", "--subject", "C001/S1", "--json"],
        "timeline --account (operative)": w + ["timeline", "--account", "telegram:user3000000", "--json"],
        "timeline --case": w + ["timeline", "--case", "C001", "--json"],
        "timeline --case --kinds message": w + ["timeline", "--case", "C001", "--kinds", "message", "--json"],
    }
    print("%-34s %10s %14s   (median of %d runs)" % ("query", "open ws", "whole process", a.runs))
    for name, cmd in queries.items():
        whole, query = median_ms(cmd, a.runs)
        print("%-34s %7.1f ms %11.1f ms" % (name, query, whole))


if __name__ == "__main__":
    main()
