// Hash-set import, listing, removal and matching against a real workspace: each format, NSRL
// RDSv3 minimal and full layouts built here with SQLite (HASHING.md §2a), re-matching of the
// files already stored, and failures that leave the workspace as it was.
#include "store/hashset_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "store/audit_log.h"
#include "store/hash_matcher.h"
#include "testutil/testutil.h"

namespace casegraph::store {
namespace {

const std::string kMd5A = "0123456789abcdef0123456789abcdef";
const std::string kSha1A = "0123456789abcdef0123456789abcdef01234567";
const std::string kSha256A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const std::string kMd5B = "fedcba9876543210fedcba9876543210";
const std::string kSha1B = "fedcba9876543210fedcba9876543210fedcba98";
const std::string kSha256B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
// PDQ: a set hash and a file hash 5 bits away.
const std::string kPdqSet = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";
const std::string kPdqNear = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b3d";  // 5 bits (0x22^0x3d = 0x1f)

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

// An EnCase .hash with one MD5 (kMd5A): magic, count at 0x10, entries from 0x480.
std::string EnCaseOneEntry() {
  std::string b(0x480, '\0');
  b.replace(0, 8, std::string("HASH\r\n\xff\x00", 8));
  b[0x10] = 1;
  for (size_t i = 0; i < 16; ++i) b += static_cast<char>(std::stoi(kMd5A.substr(2 * i, 2), nullptr, 16));
  return b + std::string(2, '\0');
}

class HashSetStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir("cg-hashset");
    auto ws = Workspace::Open(dir_ + "/w.db", true);
    ASSERT_TRUE(ws.ok()) << ws.error().ToString();
    ws_ = std::move(*ws);
    AddFile(kSha256A, kSha1A, kMd5A, kPdqNear, 80);   // file 1: image near the set's PDQ
    AddFile(kSha256B, kSha1B, kMd5B, kPdqNear, 40);   // file 2: same picture, too poor to match
  }
  void AddFile(const std::string& sha256, const std::string& sha1, const std::string& md5, const std::string& pdq, int quality) {
    auto s = ws_->db().Prepare("INSERT INTO files(sha256, sha1, md5, size_bytes, pdq_hash, pdq_quality) VALUES(?,?,?,10,?,?)");
    ASSERT_TRUE(s.ok());
    ASSERT_TRUE(s->Bind(1, sha256).Bind(2, sha1).Bind(3, md5).Bind(4, pdq).Bind(5, int64_t{quality}).Run().ok());
  }
  std::string Write(const std::string& name, const std::string& content) {
    const std::string path = dir_ + "/" + name;
    testing::WriteFile(path, content);
    return path;
  }
  Result<HashSetImportOutcome> Import(const std::string& name, const std::string& kind, const std::string& path,
                                      const std::string& format = "auto") {
    HashSetImportRequest req;
    req.name = name;
    req.kind = kind;
    req.path = path;
    req.format = format;
    req.examiner = "examiner-1";
    return ImportHashSet(*ws_, req);
  }
  int64_t Count(const std::string& sql) { return *ws_->db().QueryInt(sql); }

  std::string dir_;
  std::unique_ptr<Workspace> ws_;
};

TEST_F(HashSetStoreTest, EachTextFormatImportsWithEntryCount) {
  struct Case {
    std::string file, content, format;
    int64_t entries;
  };
  const std::vector<Case> cases = {
      {"a.md5", Upper(kMd5A) + "  x.bin\n" + kMd5B + " *y.bin\n" + kMd5B + "  dup\n", "md5sum", 2},
      {"b.sha256", "SHA256 (x) = " + kSha256A + "\n", "sha256sum", 1},
      {"c.csv", "value,type,label\n" + kSha1A + ",sha1,one\n" + kPdqSet + ",pdq,two\n", "csv", 2},
      {"d.csv", "signal_type,signal_str,collab,category,tags\nvideo_md5," + kMd5A + ",c,x,\npdq," + kPdqSet + ",c,y,\n",
       "threatexchange-csv", 2},
      {"e.te", "pdq " + kPdqSet + "\nvideo_sha256 " + kSha256B + "\n", "threatexchange-lines", 2},
      {"f.pdq", kPdqSet + ",100,a.jpg\n", "pdq-list", 1},
      {"g.hsh", "\"file_id\",\"hashset_id\",\"file_name\",\"directory\",\"hash\",\"file_size\"\n1,1,\"a\",\"d\",\"" + kMd5B + "\",0\n",
       "hashkeeper", 1},
      {"h.hash", EnCaseOneEntry(), "encase", 1},
  };
  for (const Case& c : cases) {
    auto out = Import("set-" + c.file, "alert", Write(c.file, c.content));
    ASSERT_TRUE(out.ok()) << c.file << ": " << out.error().ToString();
    EXPECT_EQ(out->status, "imported");
    EXPECT_EQ(out->set.format, c.format) << c.file;
    EXPECT_EQ(out->set.entries, c.entries) << c.file;
    EXPECT_EQ(out->set.source_sha256.size(), 64u);
    EXPECT_FALSE(out->set.in_place);
  }
  auto list = ListHashSets(*ws_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), cases.size());
  EXPECT_EQ((*list)[0].name, "set-a.md5");  // sorted by name
  auto chain = CheckAuditChain(ws_->db());
  ASSERT_TRUE(chain.ok());
  EXPECT_TRUE(chain->chain_ok);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE command='hashset import'"), static_cast<int64_t>(cases.size()));
}

TEST_F(HashSetStoreTest, ImportRematchesStoredFilesExactAndPdq) {
  // md5 of file 1 (upper-case in the set) and sha256 of file 1 too: one match, by sha256.
  auto exact = Import("bad", "known-bad", Write("bad.csv", "md5,sha256,name\n" + Upper(kMd5A) + "," + kSha256A + ",one\n"));
  ASSERT_TRUE(exact.ok()) << exact.error().ToString();
  EXPECT_EQ(exact->set.matched_files, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM hash_matches WHERE match_kind='exact' AND algorithm='sha256' AND file_id=1"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM hash_matches"), 1);

  auto pdq = Import("pics", "alert", Write("pics.pdq", kPdqSet + ",90,placeholder-picture\n"));
  ASSERT_TRUE(pdq.ok()) << pdq.error().ToString();
  EXPECT_EQ(pdq->set.matched_files, 1);  // file 2 is below quality 50
  EXPECT_EQ(Count("SELECT distance FROM hash_matches WHERE match_kind='pdq' AND file_id=1"), 5);
  EXPECT_EQ(Count("SELECT count(*) FROM hash_matches WHERE file_id=2"), 0);
}

TEST_F(HashSetStoreTest, PdqThresholdsConfigurable) {
  HashSetImportRequest req{"pics", "alert", Write("pics.pdq", kPdqSet + "\n"), "auto", "e", PdqMatchOptions{4, 30}};
  auto out = ImportHashSet(*ws_, req);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->set.matched_files, 0);  // both files are 5 bits away
  req = HashSetImportRequest{"pics2", "alert", Write("pics2.pdq", kPdqSet + ",1\n"), "auto", "e", PdqMatchOptions{5, 30}};
  out = ImportHashSet(*ws_, req);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(out->set.matched_files, 2);  // quality 40 now passes
}

TEST_F(HashSetStoreTest, MatcherMatchesExactCaseInsensitiveAndPdqSorted) {
  ASSERT_TRUE(Import("z-good", "known-good", Write("g.md5", kMd5B + "  b\n")).ok());
  ASSERT_TRUE(Import("a-bad", "known-bad", Write("b.csv", "md5,sha1\n" + kMd5A + "," + Upper(kSha1A) + "\n")).ok());
  ASSERT_TRUE(Import("m-pics", "alert", Write("p.pdq", kPdqSet + ",label-1\n")).ok());
  auto matcher = HashMatcher::Load(ws_->db());
  ASSERT_TRUE(matcher.ok()) << matcher.error().ToString();
  EXPECT_FALSE((*matcher)->empty());
  model::FileDigests d{10, Upper(kMd5A), kSha1A, "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"};
  auto probe = PdqProbe{*hashing::PdqFromHex(kPdqNear), 60};
  auto matches = (*matcher)->Match(d, probe);
  ASSERT_TRUE(matches.ok());
  ASSERT_EQ(matches->size(), 2u);
  EXPECT_EQ((*matches)[0].set_name, "a-bad");
  EXPECT_EQ((*matches)[0].algorithm, "sha1");  // sha1 beats md5 in one set
  EXPECT_EQ((*matches)[0].value, kSha1A);
  EXPECT_EQ((*matches)[1].set_name, "m-pics");
  EXPECT_EQ((*matches)[1].distance, 5);
  EXPECT_EQ((*matches)[1].label, "label-1");
  EXPECT_EQ((*matches)[1].set_locator, "line 1");
  // Below the quality floor: no PDQ match; std::nullopt: digests only.
  auto poor = (*matcher)->Match(d, std::optional<PdqProbe>(PdqProbe{probe.hash, 49}));
  ASSERT_TRUE(poor.ok());
  EXPECT_EQ(poor->size(), 1u);
  auto none = (*matcher)->Match(model::FileDigests{1, kMd5B, "", ""}, std::nullopt);
  ASSERT_TRUE(none.ok());
  ASSERT_EQ(none->size(), 1u);
  EXPECT_EQ((*none)[0].kind, "known-good");

  // File 2 holds one match from the import (z-good); writing these adds two, and again nothing.
  ASSERT_EQ(Count("SELECT count(*) FROM hash_matches WHERE file_id=2"), 1);
  ASSERT_TRUE(WriteFileMatches(ws_->db(), 2, *matches).ok());
  EXPECT_EQ(Count("SELECT count(*) FROM hash_matches WHERE file_id=2"), 3);
  ASSERT_TRUE(WriteFileMatches(ws_->db(), 2, *matches).ok());
  EXPECT_EQ(Count("SELECT count(*) FROM hash_matches WHERE file_id=2"), 3);
}

TEST_F(HashSetStoreTest, SameBytesAlreadyImportedAndDuplicateNameRefused) {
  const std::string path = Write("a.md5", kMd5A + "  x\n");
  ASSERT_TRUE(Import("first", "alert", path).ok());
  auto again = Import("second-name", "alert", Write("copy.md5", kMd5A + "  x\n"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->status, "already-imported");
  EXPECT_EQ(again->set.name, "first");
  auto dup = Import("first", "alert", Write("other.md5", kMd5B + "  y\n"));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().kind(), ErrorKind::kConflict);
  EXPECT_EQ(Count("SELECT count(*) FROM hashsets"), 1);
}

TEST_F(HashSetStoreTest, FailuresLeaveTheWorkspaceUnchanged) {
  const int64_t audit_before = Count("SELECT count(*) FROM audit_log");
  auto bad = Import("bad", "alert", Write("bad.md5", "not a hash\n"), "md5sum");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().where().file.find("bad.md5"), std::string::npos);
  auto no_kind = Import("nokind", "", Write("k.md5", kMd5A + "  x\n"));
  ASSERT_FALSE(no_kind.ok());
  EXPECT_NE(no_kind.error().message().find("--kind"), std::string::npos);
  EXPECT_FALSE(Import("missing", "alert", dir_ + "/nope.md5").ok());
  EXPECT_FALSE(Import("folder", "alert", dir_).ok());
  EXPECT_FALSE(Import("kind", "bogus", Write("k2.md5", kMd5A + "  x\n")).ok());
  EXPECT_FALSE(Import("notnsrl", "", Write("other.db", std::string("SQLite format 3\0garbage", 24))).ok());
  EXPECT_EQ(Count("SELECT count(*) FROM hashsets"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM hashset_hashes"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM hash_matches"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log"), audit_before);
}

TEST_F(HashSetStoreTest, RemoveDeletesEntriesAndMatchesAudited) {
  ASSERT_TRUE(Import("bad", "known-bad", Write("bad.md5", kMd5A + "  x\n")).ok());
  ASSERT_TRUE(Import("pics", "alert", Write("p.pdq", kPdqSet + "\n")).ok());
  EXPECT_EQ(Count("SELECT count(*) FROM hash_matches"), 2);
  ASSERT_TRUE(RemoveHashSet(*ws_, "bad", "examiner-2").ok());
  EXPECT_EQ(Count("SELECT count(*) FROM hash_matches"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM hashset_hashes"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit_log WHERE command='hashset remove'"), 1);
  ASSERT_TRUE(RemoveHashSet(*ws_, "pics", "examiner-2").ok());
  EXPECT_EQ(Count("SELECT count(*) FROM hashset_pdq"), 0);
  Status missing = RemoveHashSet(*ws_, "pics", "examiner-2");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind(), ErrorKind::kNotFound);
  EXPECT_TRUE(CheckAuditChain(ws_->db())->chain_ok);
}

// --- NSRL RDSv3, built here as NIST ships it (values upper-case in the minimal FILE table).

void BuildDb(const std::string& path, const std::string& sql) {
  Db db;
  ASSERT_TRUE(db.Open(path, true).ok());
  Status s = db.Exec(sql);
  ASSERT_TRUE(s.ok()) << s.error().ToString();
}

std::string MinimalSql() {
  return "CREATE TABLE FILE (sha256 VARCHAR NOT NULL, sha1 VARCHAR NOT NULL, md5 VARCHAR NOT NULL, crc32 VARCHAR NOT NULL,"
         " file_name VARCHAR NOT NULL, file_size INTEGER NOT NULL, package_id INTEGER NOT NULL,"
         " CONSTRAINT PK_FILE__FILE PRIMARY KEY (sha256, sha1, md5, crc32, file_name, file_size, package_id));"
         "CREATE TABLE PKG (package_id INTEGER NOT NULL, name VARCHAR NOT NULL, version VARCHAR NOT NULL);"
         "CREATE VIEW DISTINCT_HASH AS SELECT DISTINCT sha256, sha1, md5, crc32 FROM FILE;"
         "INSERT INTO FILE VALUES('" + Upper(kSha256A) + "','" + Upper(kSha1A) + "','" + Upper(kMd5A) +
         "','00000000','zeta.dll',10,1);"
         "INSERT INTO FILE VALUES('" + Upper(kSha256A) + "','" + Upper(kSha1A) + "','" + Upper(kMd5A) +
         "','00000000','alpha.dll',10,2);"
         "INSERT INTO FILE VALUES('" + std::string(64, 'D') + "','" + std::string(40, 'D') + "','" + std::string(32, 'D') +
         "','00000000','other.sys',3,1);";
}

std::string FullSql() {
  return "CREATE TABLE METADATA (metadata_id INTEGER PRIMARY KEY, object_id INTEGER, key_hash VARCHAR, image_hash VARCHAR,"
         " path VARCHAR, file_name VARCHAR, extension VARCHAR, bytes INTEGER, mtime INTEGER, crc32 VARCHAR, md5 VARCHAR,"
         " sha1 VARCHAR, sha256 VARCHAR);"
         "CREATE INDEX METADATA_sha256 ON METADATA(sha256); CREATE INDEX METADATA_sha1 ON METADATA(sha1);"
         "CREATE TABLE PACKAGE_OBJECT (package_id INTEGER, object_id INTEGER);"
         "CREATE VIEW FILE AS SELECT upper(m.sha256) AS sha256, upper(m.sha1) AS sha1, upper(m.md5) AS md5,"
         " CASE WHEN m.extension = '' THEN m.file_name ELSE m.file_name || '.' || m.extension END AS file_name,"
         " m.bytes AS file_size, p.package_id AS package_id FROM METADATA m JOIN PACKAGE_OBJECT p ON p.object_id = m.object_id;"
         // file 2 by sha1 only (its sha256 column empty), file 1 by upper-case sha256.
         "INSERT INTO METADATA VALUES(7, 1, '', '', '/x', 'driver', 'sys', 10, 0, '', '', '" + Upper(kSha1B) + "', '');"
         "INSERT INTO METADATA VALUES(9, 2, '', '', '/y', 'readme', '', 10, 0, '', '" + Upper(kMd5A) + "', '" + kSha1A + "', '" +
         Upper(kSha256A) + "');"
         "INSERT INTO PACKAGE_OBJECT VALUES(1, 1), (1, 2);";
}

std::vector<std::string> Listing(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

TEST_F(HashSetStoreTest, NsrlMinimalInPlaceKnownByDefault) {
  const std::string nsrl_dir = testing::MakeTempDir("cg-nsrl");
  const std::string db = nsrl_dir + "/RDS_2026.03.1_modern_minimal.db";
  BuildDb(db, MinimalSql());
  const auto before = Listing(nsrl_dir);
  const auto bytes_before = std::filesystem::file_size(db);
  auto out = Import("nsrl", "", db);
  ASSERT_TRUE(out.ok()) << out.error().ToString();
  EXPECT_EQ(out->set.kind, "known");
  EXPECT_EQ(out->set.format, "nsrl-rds3");
  EXPECT_EQ(out->set.layout, "minimal");
  EXPECT_TRUE(out->set.in_place);
  EXPECT_TRUE(out->set.source_sha256.empty());
  EXPECT_EQ(out->set.entries, 3);
  EXPECT_EQ(out->set.matched_files, 1);
  EXPECT_EQ(Count("SELECT count(*) FROM hashset_hashes"), 0);  // never copied
  auto again = Import("nsrl-again", "", db);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->status, "already-imported");

  auto matcher = HashMatcher::Load(ws_->db());
  ASSERT_TRUE(matcher.ok()) << matcher.error().ToString();
  auto m = (*matcher)->Match({10, kMd5A, kSha1A, kSha256A}, std::nullopt);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->size(), 1u);
  EXPECT_EQ((*m)[0].algorithm, "sha256");
  EXPECT_EQ((*m)[0].value, kSha256A);
  EXPECT_EQ((*m)[0].label, "alpha.dll");  // the smallest name, whatever the row order
  EXPECT_EQ((*m)[0].set_locator, "FILE sha256=" + Upper(kSha256A));
  EXPECT_EQ((*m)[0].kind, "known");
  matcher->reset();
  EXPECT_EQ(Listing(nsrl_dir), before);  // no journal, -wal or -shm beside the database
  EXPECT_EQ(std::filesystem::file_size(db), bytes_before);
}

TEST_F(HashSetStoreTest, NsrlFullLayoutQueriesMetadataBothCases) {
  const std::string nsrl_dir = testing::MakeTempDir("cg-nsrl");
  const std::string db = nsrl_dir + "/RDS_2026.03.1_modern.db";
  BuildDb(db, FullSql());
  const auto before = Listing(nsrl_dir);
  auto out = Import("nsrl-full", "known-good", db);
  ASSERT_TRUE(out.ok()) << out.error().ToString();
  EXPECT_EQ(out->set.layout, "full");
  EXPECT_EQ(out->set.kind, "known-good");
  EXPECT_EQ(out->set.entries, 9);  // highest metadata_id
  EXPECT_EQ(out->set.matched_files, 2);
  EXPECT_EQ(Count("SELECT count(*) FROM hash_matches WHERE file_id=1 AND algorithm='sha256' AND label='readme' AND "
                  "set_locator='METADATA metadata_id=9'"), 1);
  EXPECT_EQ(Count("SELECT count(*) FROM hash_matches WHERE file_id=2 AND algorithm='sha1' AND label='driver.sys'"), 1);
  EXPECT_EQ(Listing(nsrl_dir), before);
}

TEST_F(HashSetStoreTest, NsrlMovedAwayMakesMatcherLoadFailNamingIt) {
  const std::string nsrl_dir = testing::MakeTempDir("cg-nsrl");
  BuildDb(nsrl_dir + "/rds.db", MinimalSql());
  ASSERT_TRUE(Import("nsrl", "", nsrl_dir + "/rds.db").ok());
  std::filesystem::rename(nsrl_dir + "/rds.db", nsrl_dir + "/moved.db");
  auto matcher = HashMatcher::Load(ws_->db());
  ASSERT_FALSE(matcher.ok());
  EXPECT_NE(matcher.error().message().find("hashset remove nsrl"), std::string::npos);
}

}  // namespace
}  // namespace casegraph::store
