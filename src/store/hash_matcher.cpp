#include "store/hash_matcher.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "hashing/pdq_index.h"
#include "store/nsrl_rds.h"

namespace casegraph::store {
namespace {

// One prepared statement for the three digests; each UNION branch is a primary-key probe.
constexpr const char* kExactSql =
    "SELECT h.hashset_id, s.name, s.kind, h.algorithm, h.value, h.label, h.locator FROM hashset_hashes h "
    "JOIN hashsets s ON s.id=h.hashset_id WHERE h.algorithm='md5' AND h.value=?1 "
    "UNION ALL SELECT h.hashset_id, s.name, s.kind, h.algorithm, h.value, h.label, h.locator FROM hashset_hashes h "
    "JOIN hashsets s ON s.id=h.hashset_id WHERE h.algorithm='sha1' AND h.value=?2 "
    "UNION ALL SELECT h.hashset_id, s.name, s.kind, h.algorithm, h.value, h.label, h.locator FROM hashset_hashes h "
    "JOIN hashsets s ON s.id=h.hashset_id WHERE h.algorithm='sha256' AND h.value=?3";

int AlgorithmRank(const std::string& a) { return a == "sha256" ? 3 : a == "sha1" ? 2 : a == "md5" ? 1 : 0; }

std::string LowerHex(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

struct HashMatcher::Impl {
  struct SetInfo {
    int64_t id = 0;
    std::string name, kind;
  };
  struct NsrlSet {
    SetInfo info;
    std::unique_ptr<NsrlDatabase> db;
  };
  struct PdqRow {
    int64_t hashset_id = 0;
    std::string value, label, locator;
  };
  mutable Stmt exact;
  bool any_exact = false;
  std::map<int64_t, SetInfo> sets;
  std::vector<NsrlSet> nsrl;
  std::vector<PdqRow> pdq_rows;
  hashing::PdqIndex pdq_index;
};

HashMatcher::HashMatcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HashMatcher::~HashMatcher() = default;

Result<std::unique_ptr<HashMatcher>> HashMatcher::Load(Db& db, PdqMatchOptions options) {
  auto impl = std::make_unique<Impl>();
  auto sets = db.Prepare("SELECT id, name, kind, in_place, source_path FROM hashsets ORDER BY name");
  if (!sets) return sets.error();
  for (;;) {
    auto row = sets->Step();
    if (!row) return row.error();
    if (!*row) break;
    Impl::SetInfo info{sets->Int(0), sets->Text(1), sets->Text(2)};
    if (sets->Int(3) != 0) {
      const std::string path = sets->Text(4);
      auto nsrl = NsrlDatabase::Open(path);
      if (!nsrl) {
        return Error::Io("hash set '" + info.name + "' is looked up in place and cannot be opened (" + nsrl.error().message() +
                             "); put the database back or `hashset remove " + info.name + "`",
                         Location{path, ""});
      }
      impl->nsrl.push_back({info, std::move(*nsrl)});
    }
    impl->sets[info.id] = info;
  }
  auto any = db.QueryInt("SELECT EXISTS(SELECT 1 FROM hashset_hashes)");
  if (!any) return any.error();
  impl->any_exact = *any != 0;
  auto exact = db.Prepare(kExactSql);
  if (!exact) return exact.error();
  impl->exact = std::move(*exact);

  auto pdq = db.Prepare("SELECT hashset_id, hash, label, locator FROM hashset_pdq ORDER BY id");
  if (!pdq) return pdq.error();
  for (;;) {
    auto row = pdq->Step();
    if (!row) return row.error();
    if (!*row) break;
    auto hash = hashing::PdqFromHex(pdq->Text(1));
    if (!hash) return Error::Corrupt("hashset_pdq holds an invalid hash '" + pdq->Text(1) + "'");
    impl->pdq_index.Add(*hash, static_cast<uint32_t>(impl->pdq_rows.size()));
    impl->pdq_rows.push_back({pdq->Int(0), pdq->Text(1), pdq->Text(2), pdq->Text(3)});
  }
  impl->pdq_index.Build();
  std::unique_ptr<HashMatcher> matcher(new HashMatcher(std::move(impl)));
  matcher->options_ = options;
  return matcher;
}

bool HashMatcher::empty() const { return !impl_->any_exact && impl_->nsrl.empty() && impl_->pdq_rows.empty(); }

Result<std::vector<HashMatch>> HashMatcher::Match(const model::FileDigests& digests, const std::optional<PdqProbe>& pdq) const {
  std::vector<HashMatch> out;
  const std::string md5 = LowerHex(digests.md5), sha1 = LowerHex(digests.sha1), sha256 = LowerHex(digests.sha256);
  if (impl_->any_exact) {
    Stmt& q = impl_->exact;
    q.Bind(1, md5).Bind(2, sha1).Bind(3, sha256);
    for (;;) {
      auto row = q.Step();
      if (!row) return row.error();
      if (!*row) break;
      out.push_back({q.Int(0), q.Text(1), q.Text(2), "exact", q.Text(3), q.Text(4), q.Text(5), q.Text(6), 0});
    }
  }
  for (const Impl::NsrlSet& set : impl_->nsrl) {
    auto hit = set.db->Find({digests.size_bytes, md5, sha1, sha256});
    if (!hit) return hit.error();
    if (*hit) {
      out.push_back({set.info.id, set.info.name, set.info.kind, "exact", (*hit)->algorithm, (*hit)->value, (*hit)->label,
                     (*hit)->locator, 0});
    }
  }
  if (pdq && pdq->quality >= options_.min_quality && impl_->pdq_index.size() > 0) {
    for (const hashing::PdqIndex::Hit& h : impl_->pdq_index.Query(pdq->hash, options_.max_distance)) {
      const Impl::PdqRow& r = impl_->pdq_rows[h.id];
      const Impl::SetInfo& set = impl_->sets.at(r.hashset_id);
      out.push_back({set.id, set.name, set.kind, "pdq", "pdq", r.value, r.label, r.locator, h.distance});
    }
  }
  CanonicalizeMatches(out);
  return out;
}

void CanonicalizeMatches(std::vector<HashMatch>& matches) {
  std::map<int64_t, int> best;  // per set: strongest exact algorithm that hit
  for (const HashMatch& m : matches) {
    if (m.match_kind == "exact") best[m.hashset_id] = std::max(best[m.hashset_id], AlgorithmRank(m.algorithm));
  }
  std::erase_if(matches, [&](const HashMatch& m) { return m.match_kind == "exact" && AlgorithmRank(m.algorithm) < best[m.hashset_id]; });
  std::sort(matches.begin(), matches.end(), [](const HashMatch& a, const HashMatch& b) {
    return std::tie(a.set_name, a.match_kind, a.value, a.distance, a.set_locator, a.hashset_id) <
           std::tie(b.set_name, b.match_kind, b.value, b.distance, b.set_locator, b.hashset_id);
  });
}

Status WriteFileMatches(Db& db, int64_t file_id, const std::vector<HashMatch>& matches) {
  if (matches.empty()) return Ok();
  auto insert = db.Prepare(
      "INSERT OR IGNORE INTO hash_matches(file_id, hashset_id, match_kind, algorithm, value, distance, label, set_locator) "
      "VALUES(?,?,?,?,?,?,?,?)");
  if (!insert) return insert.error();
  for (const HashMatch& m : matches) {
    CASEGRAPH_RETURN_IF_ERROR(insert->Bind(1, file_id).Bind(2, m.hashset_id).Bind(3, m.match_kind).Bind(4, m.algorithm)
                                  .Bind(5, m.value).Bind(6, int64_t{m.distance}).BindOrNull(7, m.label).BindOrNull(8, m.set_locator)
                                  .Run());
  }
  return Ok();
}

}  // namespace casegraph::store
