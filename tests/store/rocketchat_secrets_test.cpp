// Rocket.Chat users documents carry password hashes and login tokens under `services`. After
// ingesting the repo fixture (which plants a fake bcrypt hash, a login token and a TOTP secret),
// no byte of them may be anywhere in the workspace folder: database, WAL, journal, audit log.
#include <dirent.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "store/ingest_exhibit.h"
#include "testutil/testutil.h"

namespace casegraph::store {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RocketChatSecrets, ServicesNeverReachTheWorkspace) {
  const std::string dir = testing::MakeTempDir("cg-rc-secrets");
  {
    auto ws = Workspace::Open(dir + "/w.db", true);
    ASSERT_TRUE(ws.ok());
    ASSERT_TRUE((*ws)->AddCase("C", "", "t").ok());
    IngestRequest req;
    req.case_code = "C";
    req.path = testing::RepoFixture("rocketchat/mongo_lines");
    IngestOutcome o = IngestExhibit(**ws, req);
    ASSERT_EQ(o.status, "ingested") << (o.error ? o.error->ToString() : "");
    ASSERT_EQ(o.format, "rocketchat-mongo");
  }
  const std::string fixture = testing::ReadFileOrDie(testing::RepoFixture("rocketchat/mongo_lines/rocketchat.users.json"));
  const std::vector<std::string> secrets = {"PLANTEDbcryptVALUE", "PLANTEDloginTOKEN", "PLANTEDTOTPSECRET",
                                            "FAKEHASHFAKEHASH", "SECONDFAKEHASH"};
  for (const auto& s : secrets) ASSERT_NE(fixture.find(s), std::string::npos) << "fixture lost its planted " << s;
  size_t files = 0;
  DIR* d = opendir(dir.c_str());
  ASSERT_NE(d, nullptr);
  while (dirent* e = readdir(d)) {
    if (e->d_name[0] == '.') continue;
    const std::string bytes = ReadAll(dir + "/" + e->d_name);
    ++files;
    for (const auto& s : secrets) EXPECT_EQ(bytes.find(s), std::string::npos) << s << " found in " << e->d_name;
    EXPECT_NE(bytes.size(), 0u);
  }
  closedir(d);
  EXPECT_GE(files, 1u);
}

}  // namespace
}  // namespace casegraph::store
