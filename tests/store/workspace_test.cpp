#include "store/workspace.h"

#include <gtest/gtest.h>

#include "store/schema.h"

#include "store/audit_log.h"
#include "testutil/testutil.h"

namespace casegraph::store {
namespace {

std::unique_ptr<Workspace> OpenFresh() {
  std::string dir = testing::MakeTempDir("cg-ws");
  auto ws = Workspace::Open(dir + "/w.db", true);
  EXPECT_TRUE(ws.ok()) << (ws.ok() ? "" : ws.error().ToString());
  return std::move(*ws);
}

TEST(WorkspaceTest, CreatesSchemaWithForeignKeysAndWal) {
  auto ws = OpenFresh();
  const int latest = static_cast<int>(Migrations().size());
  EXPECT_EQ(ws->schema_version(), latest);
  EXPECT_EQ(*ws->db().QueryInt("PRAGMA user_version"), latest);
  EXPECT_EQ(*ws->db().QueryInt("PRAGMA foreign_keys"), 1);
  auto mode = ws->db().Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  ASSERT_TRUE(*mode->Step());
  EXPECT_EQ(mode->Text(0), "wal");
}

TEST(WorkspaceTest, ReopenDoesNotMigrateTwice) {
  std::string dir = testing::MakeTempDir("cg-ws");
  {
    auto ws = Workspace::Open(dir + "/w.db", true);
    ASSERT_TRUE(ws.ok());
    ASSERT_TRUE((*ws)->AddCase("C1", "", "t").ok());
  }
  auto ws = Workspace::Open(dir + "/w.db", false);
  ASSERT_TRUE(ws.ok());
  EXPECT_TRUE((*ws)->FindCase("C1").ok());
}

TEST(WorkspaceTest, MissingWorkspaceIsAnErrorForReaders) {
  auto ws = Workspace::Open("/nonexistent-dir-xyz/w.db", false);
  ASSERT_FALSE(ws.ok());
  EXPECT_EQ(ws.error().kind(), ErrorKind::kNotFound);
}

TEST(WorkspaceTest, ForeignKeysAreEnforced) {
  auto ws = OpenFresh();
  Status s = ws->db().Exec("INSERT INTO subjects(case_id, label, created_at) VALUES(999, 'x', 'now')");
  EXPECT_FALSE(s.ok());
}

TEST(WorkspaceTest, CasesAndSubjects) {
  auto ws = OpenFresh();
  ASSERT_TRUE(ws->AddCase("IZMIR-1", "title", "examiner").ok());
  EXPECT_EQ(ws->AddCase("IZMIR-1", "", "examiner").error().kind(), ErrorKind::kConflict);
  EXPECT_FALSE(ws->AddCase("", "", "examiner").ok());
  auto s = ws->AddSubject("IZMIR-1", "E.B.", "2009", "suspect", "examiner");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->born, "2009");
  EXPECT_TRUE(ws->AddSubject("IZMIR-1", "D.R.", "2011-02-28", "", "examiner").ok());
  EXPECT_FALSE(ws->AddSubject("IZMIR-1", "X", "2011-02-30", "", "examiner").ok());
  EXPECT_FALSE(ws->AddSubject("IZMIR-1", "Y", "sixteen", "", "examiner").ok());
  EXPECT_FALSE(ws->AddSubject("NOPE", "Z", "", "", "examiner").ok());
  EXPECT_EQ(ws->AddSubject("IZMIR-1", "E.B.", "", "", "examiner").error().kind(), ErrorKind::kConflict);
}

TEST(AuditLogTest, EveryChangeIsChainedAndTamperingIsDetected) {
  auto ws = OpenFresh();
  ASSERT_TRUE(ws->AddCase("C1", "", "alice").ok());
  ASSERT_TRUE(ws->AddCase("C2", "", "bob").ok());
  ASSERT_TRUE(ws->AddSubject("C1", "S", "2010", "", "alice").ok());
  auto check = CheckAuditChain(ws->db());
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->entries, 3);
  EXPECT_TRUE(check->chain_ok);

  ASSERT_TRUE(ws->db().Exec("UPDATE audit_log SET actor='mallory' WHERE id=2").ok());
  check = CheckAuditChain(ws->db());
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check->chain_ok);
  EXPECT_EQ(check->first_broken_id, 2);
}

TEST(AuditLogTest, DeletingAnEntryBreaksTheChain) {
  auto ws = OpenFresh();
  ASSERT_TRUE(ws->AddCase("C1", "", "alice").ok());
  ASSERT_TRUE(ws->AddCase("C2", "", "alice").ok());
  ASSERT_TRUE(ws->AddCase("C3", "", "alice").ok());
  ASSERT_TRUE(ws->db().Exec("DELETE FROM audit_log WHERE id=2").ok());
  auto check = CheckAuditChain(ws->db());
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check->chain_ok);
  EXPECT_EQ(check->first_broken_id, 3);
}

TEST(BirthDateTest, Forms) {
  EXPECT_TRUE(IsValidBirthDate("2009"));
  EXPECT_TRUE(IsValidBirthDate("2009-07"));
  EXPECT_TRUE(IsValidBirthDate("2009-07-31"));
  EXPECT_FALSE(IsValidBirthDate("2009-13"));
  EXPECT_FALSE(IsValidBirthDate("09"));
  EXPECT_FALSE(IsValidBirthDate("2009/07/31"));
}

}  // namespace
}  // namespace casegraph::store
