// Each hash-set format and each of its quirks, from small inline inputs.
#include "hashing/hashset_formats.h"

#include <gtest/gtest.h>

#include "testutil/testutil.h"

namespace casegraph::hashing {
namespace {

const std::string kMd5 = "d41d8cd98f00b204e9800998ecf8427e";
const std::string kMd5Upper = "D41D8CD98F00B204E9800998ECF8427E";
const std::string kSha1 = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
const std::string kSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const std::string kPdq = "f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22";

struct ReadOutcome {
  Status status;
  std::vector<HashSetEntry> entries;
  Diagnostics diagnostics;
};

ReadOutcome Read(const std::string& format, const std::string& content, const std::string& path = "/set.txt") {
  testing::MemFileSystem fs;
  fs.Add(path, content);
  ReadOutcome out;
  out.status = ReadHashSet(fs, path, format, [&](HashSetEntry e) { out.entries.push_back(std::move(e)); }, out.diagnostics);
  return out;
}

std::string Detect(const std::string& head, const std::string& path = "/set.txt") {
  auto r = DetectHashSetFormat(path, head);
  return r ? *r : "error: " + r.error().message();
}

TEST(HashSetDetect, EachFormat) {
  EXPECT_EQ(Detect(kMd5 + "  a.txt\n"), "md5sum");
  EXPECT_EQ(Detect(kSha1 + " *a.bin\n"), "sha1sum");
  EXPECT_EQ(Detect("\\" + kSha256 + "  a\\\\b\n"), "sha256sum");
  EXPECT_EQ(Detect("SHA256 (a.txt) = " + kSha256 + "\n"), "sha256sum");
  EXPECT_EQ(Detect("\xEF\xBB\xBF# comment\r\n\r\nMD5 (x) = " + kMd5 + "\r\n"), "md5sum");
  EXPECT_EQ(Detect("hash_type,value,label\nmd5," + kMd5 + ",x\n"), "csv");
  EXPECT_EQ(Detect("\"SHA-1\",\"MD5\",\"CRC32\",\"FileName\"\n"), "csv");
  EXPECT_EQ(Detect("SHA256\n" + kSha256 + "\n"), "csv");  // a one-column CSV
  EXPECT_EQ(Detect("signal_type,signal_str,collab,category,tags\n"), "threatexchange-csv");
  EXPECT_EQ(Detect("pdq " + kPdq + "\n"), "threatexchange-lines");
  EXPECT_EQ(Detect(kPdq + ",100,photo.jpg\n"), "pdq-list");
  EXPECT_EQ(Detect("hash=" + kPdq + "\n"), "pdq-list");
  EXPECT_EQ(Detect(kPdq + "\n", "/bank.pdq.txt"), "pdq-list");
  EXPECT_EQ(Detect(kPdq + "\n", "/list-sha256.txt"), "sha256sum");
  EXPECT_EQ(Detect("\"file_id\",\"hashset_id\",\"file_name\",\"directory\",\"hash\"\n"), "hashkeeper");
  EXPECT_EQ(Detect(std::string("SQLite format 3\0rest", 20)), "nsrl-rds3");
  EXPECT_EQ(Detect(std::string("HASH\r\n\xff\x00\x02\x00\x00\x00", 12)), "encase");
}

TEST(HashSetDetect, AmbiguousAndUnknownAreErrorsNamingTheFile) {
  auto bare = DetectHashSetFormat("/x/list.txt", kPdq + "\n");
  ASSERT_FALSE(bare.ok());
  EXPECT_NE(bare.error().message().find("--format"), std::string::npos);
  EXPECT_EQ(bare.error().where().file, "/x/list.txt");
  EXPECT_FALSE(DetectHashSetFormat("/x/a.txt", "hello world\n").ok());
  EXPECT_FALSE(DetectHashSetFormat("/x/a.txt", "\n# only a comment\n").ok());
}

TEST(HashSetDigestList, GnuBinaryModeEscapedBsdCrlfBomCommentsAndCase) {
  const std::string text = "\xEF\xBB\xBF# made by md5sum\r\n" + kMd5Upper + "  docs/a b.txt\r\n\r\n" + kMd5 + " *bin.exe\n" +
                           "\\" + kMd5 + "  dir\\\\file\\nname\n" + "MD5 (bsd name) = " + kMd5Upper + "\n" + kSha256 +
                           "  wide\n" + kMd5 + "\n";
  ReadOutcome r = Read("md5sum", text);
  ASSERT_TRUE(r.status.ok()) << r.status.error().ToString();
  ASSERT_EQ(r.entries.size(), 6u);
  EXPECT_EQ(r.entries[0].algorithm, "md5");
  EXPECT_EQ(r.entries[0].value, kMd5);  // lower-cased
  EXPECT_EQ(r.entries[0].label, "docs/a b.txt");
  EXPECT_EQ(r.entries[0].locator, "line 2");
  EXPECT_EQ(r.entries[1].label, "bin.exe");
  EXPECT_EQ(r.entries[2].label, "dir\\file\nname");
  EXPECT_EQ(r.entries[3].label, "bsd name");
  EXPECT_EQ(r.entries[3].value, kMd5);
  EXPECT_EQ(r.entries[4].algorithm, "sha256");
  EXPECT_EQ(r.entries[5].label, "");
  EXPECT_EQ(r.diagnostics.count(), 0u);
}

TEST(HashSetDigestList, MalformedLinesAreWarningsWithLineNumbers) {
  ReadOutcome r = Read("sha1sum", kSha1 + "  ok\n" + "zz39a3ee5e6b4b0d3255bfef95601890afd80709  bad hex\n" +
                                      "da39a3ee5e  short\n" + "SHA512 (x) = abcd\n" + "SHA1 (x) = 12\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.entries.size(), 1u);
  ASSERT_EQ(r.diagnostics.count(), 4u);
  EXPECT_EQ(r.diagnostics.warnings()[0].where.place, "line 2");
  EXPECT_EQ(r.diagnostics.warnings()[1].where.place, "line 3");
  EXPECT_EQ(r.diagnostics.warnings()[3].where.place, "line 5");
  EXPECT_NE(r.diagnostics.warnings()[3].message.find("expected 40"), std::string::npos);
}

TEST(HashSetDigestList, NoValidEntryIsAnErrorNamingTheFile) {
  ReadOutcome r = Read("md5sum", "not a hash\nstill not\n", "/evidence/sets/bad.md5");
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.error().where().file, "/evidence/sets/bad.md5");
  EXPECT_NE(r.status.error().message().find("line 1"), std::string::npos);
  ReadOutcome empty = Read("md5sum", "", "/e.md5");
  EXPECT_FALSE(empty.status.ok());
}

TEST(HashSetDigestList, OverlongLineSkippedNotKept) {
  ReadOutcome r = Read("md5sum", std::string(3u << 20, 'a') + "\n" + kMd5 + "  x\n");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].locator, "line 2");
  EXPECT_EQ(r.diagnostics.count(), 1u);
}

TEST(HashSetCsv, TypeValueLabelInAnyOrderWithQuotes) {
  ReadOutcome r = Read("csv", "Label,Value,Hash_Type\r\n\"a, quoted\",\"" + kMd5Upper + "\",MD5\r\nplain," + kSha1 +
                                  ",sha-1\nx," + kSha256 + ",SHA256\ny," + kPdq + ",pdq\nz," + kMd5 + ",crc32\n");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.entries.size(), 4u);
  EXPECT_EQ(r.entries[0].algorithm, "md5");
  EXPECT_EQ(r.entries[0].value, kMd5);
  EXPECT_EQ(r.entries[0].label, "a, quoted");
  EXPECT_EQ(r.entries[1].algorithm, "sha1");
  EXPECT_EQ(r.entries[2].algorithm, "sha256");
  EXPECT_EQ(r.entries[3].algorithm, "pdq");
  ASSERT_EQ(r.diagnostics.count(), 1u);
  EXPECT_EQ(r.diagnostics.warnings()[0].where.place, "line 6");
}

TEST(HashSetCsv, AlgorithmColumnsEachNonEmptyValueAnEntry) {
  ReadOutcome r = Read("csv", "name,md5,sha1,sha256\nfirst," + kMd5 + "," + kSha1 + ",\nsecond,,," + kSha256 + "\nthird,,,\n");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.entries.size(), 3u);
  EXPECT_EQ(r.entries[0].label, "first");
  EXPECT_EQ(r.entries[1].algorithm, "sha1");
  EXPECT_EQ(r.entries[2].algorithm, "sha256");
  EXPECT_EQ(r.entries[2].locator, "line 3");
  EXPECT_EQ(r.diagnostics.count(), 1u);  // "third" holds no hash
}

TEST(HashSetCsv, NsrlRds2StyleHeaderAndBadHeader) {
  ReadOutcome r = Read("csv", "\"SHA-1\",\"MD5\",\"CRC32\",\"FileName\",\"FileSize\"\n\"" + kSha1 + "\",\"" + kMd5Upper +
                                  "\",\"00000000\",\"empty.txt\",0\n");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(r.entries[0].label, "empty.txt");
  ReadOutcome bad = Read("csv", "a,b,c\n1,2,3\n", "/h.csv");
  ASSERT_FALSE(bad.status.ok());
  EXPECT_EQ(bad.status.error().where().file, "/h.csv");
  EXPECT_EQ(bad.status.error().where().place, "line 1");
}

TEST(HashSetCsv, UnterminatedQuoteIsAWarning) {
  ReadOutcome r = Read("csv", "hash,label\n" + kMd5 + ",\"open\n" + kMd5 + ",closed\n");
  ASSERT_TRUE(r.status.ok());
  EXPECT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.diagnostics.count(), 1u);
}

TEST(HashSetThreatExchange, CsvExportMapsSignalTypes) {
  ReadOutcome r = Read("threatexchange-csv", "signal_type,signal_str,collab,category,tags\npdq," + kPdq +
                                                 ",lab,placeholder_category,tag_a tag_b\nvideo_md5," + kMd5Upper +
                                                 ",lab,,\nvideo_sha256," + kSha256 + ",lab,c,\nurl,https://example.org,lab,,\n" +
                                                 "novel_type,abc,lab,,\n");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.entries.size(), 3u);
  EXPECT_EQ(r.entries[0].algorithm, "pdq");
  EXPECT_EQ(r.entries[0].label, "placeholder_category; tags: tag_a tag_b");
  EXPECT_EQ(r.entries[1].algorithm, "md5");
  EXPECT_EQ(r.entries[1].value, kMd5);
  EXPECT_EQ(r.entries[2].algorithm, "sha256");
  ASSERT_EQ(r.diagnostics.count(), 2u);
  EXPECT_NE(r.diagnostics.warnings()[1].message.find("unknown signal type"), std::string::npos);
}

TEST(HashSetThreatExchange, LocalFileLines) {
  ReadOutcome r = Read("threatexchange-lines", "pdq " + kPdq + "\nvideo_md5 " + kMd5 + "\nraw_text hello there\n" + kPdq + "\n");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.entries.size(), 3u);
  EXPECT_EQ(r.entries[1].algorithm, "md5");
  EXPECT_EQ(r.entries[2].algorithm, "pdq");
  EXPECT_EQ(r.entries[2].locator, "line 4");
  EXPECT_EQ(r.diagnostics.count(), 1u);
}

TEST(HashSetPdqList, PrefixQualityMetadataAndDetails) {
  ReadOutcome r = Read("pdq-list", kPdq + "\nhash=" + kPdq + ",bridge-1\n" + kPdq + ",87,photos/a.jpg\n" + "hash=" + kPdq +
                                       ",norm=128,delta=0,quality=100,filename=b.png\n" + kPdq + ",140,x\n" + "abc,1\n");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.entries.size(), 5u);
  EXPECT_FALSE(r.entries[0].quality.has_value());
  EXPECT_EQ(r.entries[1].label, "bridge-1");
  EXPECT_EQ(r.entries[2].quality, 87);
  EXPECT_EQ(r.entries[2].label, "photos/a.jpg");
  EXPECT_EQ(r.entries[3].quality, 100);
  EXPECT_EQ(r.entries[3].label, "b.png");
  EXPECT_FALSE(r.entries[4].quality.has_value());
  EXPECT_EQ(r.diagnostics.count(), 2u);  // quality 140, bad hash on line 6
}

TEST(HashSetHashKeeper, Md5FromFieldFive) {
  ReadOutcome r = Read("hashkeeper",
                       "\"file_id\",\"hashset_id\",\"file_name\",\"directory\",\"hash\",\"file_size\",\"date_modified\","
                       "\"time_modified\",\"time_zone\",\"comments\",\"date_accessed\",\"time_accessed\"\n"
                       "1,1,\"readme.txt\",\"c:\\\\\",\"" + kMd5Upper + "\",0,,,,,,\n2,1,\"short\"\n");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].value, kMd5);
  EXPECT_EQ(r.entries[0].label, "readme.txt");
  EXPECT_EQ(r.diagnostics.count(), 1u);
}

std::string EnCaseFile(uint32_t count, int entries_present) {
  std::string b(0x480, '\0');
  b.replace(0, 8, std::string("HASH\r\n\xff\x00", 8));
  b.replace(8, 8, std::string("\x02\0\0\0\x01\0\0\0", 8));
  for (int i = 0; i < 4; ++i) b[0x10 + static_cast<size_t>(i)] = static_cast<char>((count >> (8 * i)) & 0xff);
  const std::string category = "Notable";
  for (size_t i = 0; i < category.size(); ++i) b[0x458 + 2 * i] = category[i];
  for (int e = 0; e < entries_present; ++e) {
    std::string entry(18, '\0');
    for (int k = 0; k < 16; ++k) entry[static_cast<size_t>(k)] = static_cast<char>(e * 16 + k);
    b += entry;
  }
  return b;
}

TEST(HashSetEnCase, EntriesAndTruncation) {
  ReadOutcome r = Read("encase", EnCaseFile(2, 2), "/s.hash");
  ASSERT_TRUE(r.status.ok());
  ASSERT_EQ(r.entries.size(), 2u);
  EXPECT_EQ(r.entries[0].value, "000102030405060708090a0b0c0d0e0f");
  EXPECT_EQ(r.entries[1].locator, "entry 2");
  EXPECT_EQ(r.entries[0].label, "Notable");
  ReadOutcome cut = Read("encase", EnCaseFile(5, 1), "/s.hash");
  ASSERT_TRUE(cut.status.ok());
  EXPECT_EQ(cut.entries.size(), 1u);
  EXPECT_EQ(cut.diagnostics.count(), 1u);
  EXPECT_FALSE(Read("encase", "HASH\r\n", "/s.hash").status.ok());
}

TEST(HashSetFormats, UnknownFormatAndNsrlAreNotReadAsLists) {
  EXPECT_FALSE(Read("nope", kMd5 + "\n").status.ok());
  EXPECT_FALSE(Read("nsrl-rds3", kMd5 + "\n").status.ok());
  EXPECT_TRUE(IsHashSetFormat("pdq-list"));
  EXPECT_FALSE(IsHashSetFormat("auto"));
}

TEST(HashSetFormats, NormalizeHashValue) {
  EXPECT_EQ(*NormalizeHashValue("md5", kMd5Upper), kMd5);
  EXPECT_FALSE(NormalizeHashValue("md5", kSha1).ok());
  EXPECT_FALSE(NormalizeHashValue("sha1", "g" + kSha1.substr(1)).ok());
  EXPECT_FALSE(NormalizeHashValue("crc32", "00000000").ok());
}

}  // namespace
}  // namespace casegraph::hashing
