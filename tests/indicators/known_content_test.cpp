// known-content: files with known-bad / alert matches sent to a subject by another account
// (high), sent by the subject or found on the subject's scanned device (medium); known and
// known-good sets, unmatched files, and files in no conversation or device of a subject raise
// nothing. Built from real exports, hash sets and scans through the store APIs.
#include <algorithm>

#include "content_world.h"

namespace casegraph::indicators::testing {
namespace {

const std::string kBadIn = "placeholder bytes listed as known-bad (in)\n";
const std::string kBadOut = "placeholder bytes listed in an alert set (out)\n";
const std::string kKnown = "an ordinary operating system file\n";
const std::string kGood = "a file listed as known-good\n";
const std::string kPlain = "a file in no hash set\n";

class KnownContentTest : public ContentWorld {
 protected:
  // S1's phone export: user200 sends S1 a known-bad file, S1 (user100) sends an alert-set file,
  // user200 sends files only in known / known-good sets or in none.
  void IngestS1Export() {
    const std::string chat = TelegramChat("personal_chat", 200,
                                          {{1, kT0, "user200", "placeholder one", "files/in.bin"},
                                           {2, kT0 + 60, "user100", "placeholder two", "files/out.bin"},
                                           {3, kT0 + 120, "user200", "placeholder three", "files/os.bin"},
                                           {4, kT0 + 180, "user200", "placeholder four", "files/good.bin"},
                                           {5, kT0 + 240, "user200", "placeholder five", "files/plain.bin"}});
    Ingest(WriteExport("s1-phone", TelegramAccount(100, {chat}),
                       {{"files/in.bin", kBadIn}, {"files/out.bin", kBadOut}, {"files/os.bin", kKnown},
                        {"files/good.bin", kGood}, {"files/plain.bin", kPlain}}),
           "S1");
  }
  void ImportSets() {
    ImportSet("bad", "known-bad", {kBadIn});
    ImportSet("watch", "alert", {kBadOut});
    ImportSet("os", "known", {kKnown});
    ImportSet("good", "known-good", {kGood});
  }
};

TEST_F(KnownContentTest, SentToTheSubjectByAnotherAccountIsHigh) {
  IngestS1Export();
  ImportSets();
  auto found = Of(Run(KnownContentIndicator()), "S1");
  auto high = std::find_if(found.begin(), found.end(), [](const Finding& f) { return f.severity == Severity::kHigh; });
  ASSERT_NE(high, found.end());
  EXPECT_EQ(high->case_code, "C1");
  EXPECT_EQ(high->accounts, std::vector<std::string>{"telegram:user200"});
  EXPECT_EQ(high->first_at, kT0);
  ASSERT_EQ(high->citations.size(), 2u);  // the message, then the file in the export folder
  EXPECT_EQ(high->citations[0].locator, "/chats/list/0/messages/0");
  EXPECT_EQ(high->citations[1].locator, "files/in.bin");
  EXPECT_NE(high->explanation.find("known-bad set 'bad'"), std::string::npos) << high->explanation;
  EXPECT_NE(high->explanation.find("exact SHA256 match"), std::string::npos) << high->explanation;
  ASSERT_EQ(high->severity_basis.size(), 1u);
  EXPECT_NE(high->severity_basis[0].find("by another account (telegram:user200)"), std::string::npos);
}

TEST_F(KnownContentTest, SentByTheSubjectIsMedium) {
  IngestS1Export();
  ImportSets();
  auto found = Of(Run(KnownContentIndicator()), "S1");
  ASSERT_EQ(found.size(), 2u);  // in.bin (high) and out.bin (medium); nothing for os, good, plain
  auto medium = std::find_if(found.begin(), found.end(), [](const Finding& f) { return f.severity == Severity::kMedium; });
  ASSERT_NE(medium, found.end());
  EXPECT_EQ(medium->accounts, std::vector<std::string>{"telegram:user100"});
  EXPECT_EQ(medium->citations[0].locator, "/chats/list/0/messages/1");
  EXPECT_NE(medium->explanation.find("alert set 'watch'"), std::string::npos) << medium->explanation;
  EXPECT_NE(medium->severity_basis[0].find("subject's own account"), std::string::npos);
}

TEST_F(KnownContentTest, KnownGoodKnownAndUnmatchedFilesRaiseNothing) {
  IngestS1Export();
  ImportSet("os", "known", {kKnown, kBadIn});  // a file in a known set only is no lead
  ImportSet("good", "known-good", {kGood, kBadOut});
  EXPECT_TRUE(Run(KnownContentIndicator()).empty());
}

TEST_F(KnownContentTest, NoHashSetNoFlag) {
  IngestS1Export();
  EXPECT_TRUE(Run(KnownContentIndicator()).empty());
}

TEST_F(KnownContentTest, ConversationWithoutASubjectRaisesNothing) {
  // Two accounts that are no subject's, in an export no subject owns.
  Ingest(WriteExport("other", TelegramChat("personal_chat", 800, {{1, kT0, "user700", "x", "files/in.bin"},
                                                                  {2, kT0 + 5, "user800", "y", ""}}),
                     {{"files/in.bin", kBadIn}}),
         "");
  ImportSets();
  EXPECT_TRUE(Run(KnownContentIndicator()).empty());
}

TEST_F(KnownContentTest, TheOtherSidesPhoneCountsThroughTheSubjectsAccount) {
  IngestS1Export();  // makes telegram:user100 S1's account
  // The other side's export (no owner subject): user900 sends user100 a known-bad file.
  Ingest(WriteExport("seized", TelegramChat("personal_chat", 100, {{7, kT0 + 900, "user900", "x", "files/a.bin"},
                                                                   {8, kT0 + 960, "user100", "y", ""}}),
                     {{"files/a.bin", kBadIn}}),
         "");
  ImportSets();
  auto found = Of(Run(KnownContentIndicator()), "S1");
  auto via = std::find_if(found.begin(), found.end(), [](const Finding& f) {
    return !f.accounts.empty() && f.accounts[0] == "telegram:user900";
  });
  ASSERT_NE(via, found.end());
  EXPECT_EQ(via->severity, Severity::kHigh);
  EXPECT_EQ(via->citations[0].exhibit, "seized");
}

TEST_F(KnownContentTest, FoundOnTheSubjectsScannedDeviceIsMedium) {
  const std::string phone = dir_ + "/s2-device";
  std::filesystem::create_directories(phone + "/Download");
  casegraph::testing::WriteFile(phone + "/Download/a.bin", kBadIn);
  casegraph::testing::WriteFile(phone + "/Download/b.bin", kGood);
  Scan(phone, "S2");
  const std::string card = dir_ + "/unowned-card";
  std::filesystem::create_directories(card);
  casegraph::testing::WriteFile(card + "/a.bin", kBadIn);
  Scan(card, "");  // no owner: no subject to flag
  ImportSets();
  auto found = Run(KnownContentIndicator());
  ASSERT_EQ(found.size(), 1u);
  const Finding& f = found[0];
  EXPECT_EQ(f.subject, "S2");
  EXPECT_EQ(f.severity, Severity::kMedium);
  EXPECT_TRUE(f.accounts.empty());
  ASSERT_EQ(f.citations.size(), 1u);
  EXPECT_EQ(f.citations[0].exhibit, "s2-device");
  EXPECT_NE(f.citations[0].locator.find("a.bin"), std::string::npos) << f.citations[0].locator;
  EXPECT_NE(f.severity_basis[0].find("found on S2's scanned device"), std::string::npos);
}

TEST_F(KnownContentTest, OutOfScopeCasesAreNotRead) {
  IngestS1Export();
  ImportSets();
  ASSERT_TRUE(ws_->AddCase("C2", "", "t").ok());
  EXPECT_TRUE(Run(KnownContentIndicator(), {"C2"}).empty());
  EXPECT_EQ(Run(KnownContentIndicator(), {"C1"}).size(), 2u);
}

}  // namespace
}  // namespace casegraph::indicators::testing
