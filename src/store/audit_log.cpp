#include "store/audit_log.h"

#include "hashing/digest.h"
#include "base/json_text.h"
#include "store/workspace.h"

namespace casegraph::store {
namespace {

std::string EntryHash(const std::string& prev, const std::string& at, const std::string& actor,
                      const std::string& command, const std::string& params) {
  return hashing::Sha256Hex(prev + "\n" + at + "\n" + actor + "\n" + command + "\n" + params);
}

}  // namespace

Status AppendAudit(Db& db, const std::string& actor, const std::string& command, const AuditParams& params) {
  std::string params_json = "{";
  for (size_t i = 0; i < params.size(); ++i) {
    if (i) params_json += ",";
    params_json += JsonQuote(params[i].first) + ":" + JsonQuote(params[i].second);
  }
  params_json += "}";
  auto last = db.Prepare("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
  if (!last) return last.error();
  auto row = last->Step();
  if (!row) return row.error();
  std::string prev = *row ? last->Text(0) : std::string(64, '0');
  last->Reset();
  const std::string at = NowUtc();
  auto insert = db.Prepare("INSERT INTO audit_log(at, actor, command, params, prev_hash, hash) VALUES(?,?,?,?,?,?)");
  if (!insert) return insert.error();
  return insert->Bind(1, at).Bind(2, actor).Bind(3, command).Bind(4, params_json).Bind(5, prev)
      .Bind(6, EntryHash(prev, at, actor, command, params_json)).Run();
}

Result<AuditCheck> CheckAuditChain(Db& db) {
  auto stmt = db.Prepare("SELECT id, at, actor, command, params, prev_hash, hash FROM audit_log ORDER BY id");
  if (!stmt) return stmt.error();
  AuditCheck check;
  std::string prev(64, '0');
  for (;;) {
    auto row = stmt->Step();
    if (!row) return row.error();
    if (!*row) break;
    ++check.entries;
    const std::string stored_prev = stmt->Text(5);
    const std::string stored_hash = stmt->Text(6);
    bool ok = stored_prev == prev &&
              stored_hash == EntryHash(stored_prev, stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->Text(4));
    if (!ok && check.chain_ok) {
      check.chain_ok = false;
      check.first_broken_id = stmt->Int(0);
    }
    prev = stored_hash;
  }
  return check;
}

}  // namespace casegraph::store
