// Document text: each family (PDF, DOCX, ODT, HTML, plain), DocumentKind, and hostile input
// (corrupt zip, zip bomb, XXE, truncated or locked PDF) ending in errors, not crashes.
#include "extract/document_text.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <utility>
#include <vector>

#include "testutil/testutil.h"

namespace casegraph::extract {
namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// A zip built with libzip; entries in the given order, the first one stored (as ODF wants).
std::string MakeZip(const Entries& entries) {
  const std::string path = testing::MakeTempDir("cg-doczip") + "/doc.zip";
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  EXPECT_NE(z, nullptr);
  for (size_t i = 0; i < entries.size(); ++i) {
    const auto& [name, content] = entries[i];
    zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
    const zip_int64_t idx = zip_file_add(z, name.c_str(), src, ZIP_FL_ENC_UTF_8);
    EXPECT_GE(idx, 0);
    if (i == 0) zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_STORE, 0);
  }
  EXPECT_EQ(zip_close(z), 0);
  return testing::ReadFileOrDie(path);
}

const char* kW = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

std::string WordXml(const std::string& body, const std::string& prolog = "") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + prolog +
         "<w:document " + kW + "><w:body>" + body + "</w:body></w:document>";
}

std::string Docx(const std::string& document_xml, Entries more = {}) {
  Entries entries = {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", document_xml}};
  for (auto& e : more) entries.push_back(std::move(e));
  return MakeZip(entries);
}

std::string Odt(const std::string& office_text) {
  const std::string content =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>" +
      office_text + "</office:text></office:body></office:document-content>";
  return MakeZip(
      {{"mimetype", "application/vnd.oasis.opendocument.text"}, {"content.xml", content}});
}

DocumentText Extract(const std::string& bytes, const std::string& kind) {
  auto r = ExtractDocumentText(bytes, kind);
  EXPECT_TRUE(r.ok()) << r.error().ToString();
  return r.ok() ? *r : DocumentText{};
}

// --- DocumentKind -------------------------------------------------------------------------

TEST(DocumentKindTest, FromMimeType) {
  EXPECT_EQ(DocumentKind("application/pdf", "a.bin", ""), "pdf");
  EXPECT_EQ(DocumentKind("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                         "x", ""),
            "docx");
  EXPECT_EQ(DocumentKind("application/vnd.oasis.opendocument.text", "x", ""), "odt");
  EXPECT_EQ(DocumentKind("text/html", "page", ""), "html");
  EXPECT_EQ(DocumentKind("text/plain; charset=utf-8", "notes", "hello"), "text");
  EXPECT_EQ(DocumentKind("text/plain", "saved.HTM", "<p>"), "html");
  EXPECT_EQ(DocumentKind("image/png", "a.png", "\x89PNG"), "");
  EXPECT_EQ(DocumentKind("application/vnd.oasis.opendocument.spreadsheet", "a.ods", "PK"), "");
}

TEST(DocumentKindTest, ZipContainersByNameOrFirstEntry) {
  const std::string odt = Odt("<text:p>x</text:p>");
  const std::string docx = Docx(WordXml("<w:p/>"));
  EXPECT_EQ(DocumentKind("application/zip", "report.DOCX", docx), "docx");
  EXPECT_EQ(DocumentKind("application/octet-stream", "letter.odt", odt), "odt");
  EXPECT_EQ(DocumentKind("application/zip", "unnamed", odt.substr(0, 4096)), "odt");
  EXPECT_EQ(DocumentKind("application/octet-stream", "unnamed", docx.substr(0, 4096)), "docx");
  EXPECT_EQ(DocumentKind("application/zip", "photos.zip", MakeZip({{"a.jpg", "x"}})), "");
}

TEST(DocumentKindTest, PdfAndUtf16ByHeadBytes) {
  EXPECT_EQ(DocumentKind("application/octet-stream", "blob", "%PDF-1.7\n"), "pdf");
  EXPECT_EQ(DocumentKind("application/octet-stream", "blob", std::string("\xFF\xFEh\0i\0", 6)),
            "text");
  EXPECT_EQ(DocumentKind("application/octet-stream", "blob", std::string("\x01\x02\0\0", 4)), "");
}

// --- PDF ----------------------------------------------------------------------------------

TEST(PdfTextTest, EveryPageInOrderWithPageSeparator) {
  const std::string pdf = testing::ReadFileOrDie(testing::RepoFixture("documents/two-pages.pdf"));
  const DocumentText t = Extract(pdf, "pdf");
  EXPECT_EQ(t.extractor, "pdf");
  EXPECT_FALSE(t.truncated);
  const size_t first = t.text.find("Quarterly garden report");
  const size_t page_break = t.text.find('\f');
  const size_t second = t.text.find("Second page: library meeting notes");
  ASSERT_NE(first, std::string::npos) << t.text;
  ASSERT_NE(second, std::string::npos) << t.text;
  EXPECT_LT(first, page_break);
  EXPECT_LT(page_break, second);
  EXPECT_NE(t.text.find("The tomatoes ripened early this year."), std::string::npos);
}

TEST(PdfTextTest, PageLimitMarksTruncation) {
  const std::string pdf = testing::ReadFileOrDie(testing::RepoFixture("documents/two-pages.pdf"));
  DocumentLimits limits;
  limits.max_pdf_pages = 1;
  auto t = ExtractDocumentText(pdf, "pdf", limits);
  ASSERT_TRUE(t.ok()) << t.error().ToString();
  EXPECT_TRUE(t->truncated);
  EXPECT_NE(t->text.find("Quarterly"), std::string::npos);
  EXPECT_EQ(t->text.find("library"), std::string::npos);
}

TEST(PdfTextTest, LockedPdfIsAnError) {
  const std::string pdf = testing::ReadFileOrDie(testing::RepoFixture("documents/locked.pdf"));
  auto t = ExtractDocumentText(pdf, "pdf");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message().find("password"), std::string::npos) << t.error().message();
}

TEST(PdfTextTest, TruncatedOrForeignBytesAreErrors) {
  const std::string pdf = testing::ReadFileOrDie(testing::RepoFixture("documents/two-pages.pdf"));
  EXPECT_FALSE(ExtractDocumentText(pdf.substr(0, 40), "pdf").ok());
  EXPECT_FALSE(ExtractDocumentText("plain words, not a PDF", "pdf").ok());
  EXPECT_FALSE(ExtractDocumentText("", "pdf").ok());
  // Cut inside the second page's objects: poppler may rebuild the cross-reference table,
  // but never reads past the end; whatever it answers, page 2's last line is not invented.
  for (size_t cut : {pdf.size() / 3, pdf.size() / 2, pdf.size() - 30}) {
    auto t = ExtractDocumentText(pdf.substr(0, cut), "pdf");
    if (t.ok()) {
      EXPECT_EQ(t->text.find("atlas"), std::string::npos) << cut;
    }
  }
}

// --- DOCX and ODT -------------------------------------------------------------------------

TEST(DocxTextTest, ParagraphsRunsTabsBreaksAndNotes) {
  const std::string body =
      "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
      "<w:r><w:t>Garden</w:t></w:r><w:r><w:t xml:space=\"preserve\"> club </w:t></w:r>"
      "<w:r><w:tab/><w:t>minutes</w:t><w:br/><w:t>second line</w:t></w:r></w:p>"
      "<w:p><w:r><w:delText>removed words</w:delText><w:instrText>PAGE</w:instrText>"
      "<w:t>Bahçede çiçekleri suladık; ığdır üzümleri olgunlaştı.</w:t></w:r></w:p>";
  const std::string header =
      "<w:hdr " + std::string(kW) + "><w:p><w:r><w:t>Header words</w:t></w:r></w:p></w:hdr>";
  const std::string notes =
      "<w:footnotes " + std::string(kW) +
      "><w:footnote><w:p><w:r><w:t>A footnote</w:t></w:r></w:p></w:footnote></w:footnotes>";
  const DocumentText t = Extract(
      Docx(WordXml(body), {{"word/header1.xml", header}, {"word/footnotes.xml", notes}}), "docx");
  EXPECT_EQ(t.extractor, "docx");
  EXPECT_EQ(t.text,
            "Garden club \tminutes\nsecond line\n"
            "Bahçede çiçekleri suladık; ığdır üzümleri olgunlaştı.\n"
            "Header words\nA footnote\n");
}

TEST(DocxTextTest, TextBoxFallbackIsNotRepeated) {
  const std::string body =
      "<w:p><w:r><mc:AlternateContent "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
      "<mc:Choice Requires=\"wps\"><w:txbxContent><w:p><w:r><w:t>Boxed note</w:t></w:r></w:p>"
      "</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>Boxed note</w:t>"
      "</w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>";
  EXPECT_EQ(Extract(Docx(WordXml(body)), "docx").text, "Boxed note\n");
}

TEST(OdtTextTest, ParagraphsHeadingsSpacesAndTabs) {
  const std::string body =
      "<text:h text:outline-level=\"1\">Kitap   kulübü</text:h>"
      "<text:tracked-changes><text:changed-region><text:deletion><text:p>gone</text:p></"
      "text:deletion>"
      "</text:changed-region></text:tracked-changes>"
      "<text:p>Bu hafta <text:span>İstanbul</text:span> gezisi<text:s "
      "text:c=\"3\"/>var.<text:tab/>Saat"
      "<text:line-break/>on ikide.</text:p><text:p/>";
  const DocumentText t = Extract(Odt(body), "odt");
  EXPECT_EQ(t.extractor, "odt");
  EXPECT_EQ(t.text, "Kitap kulübü\nBu hafta İstanbul gezisi   var.\tSaat\non ikide.\n");
}

TEST(OfficeTextTest, CorruptOrIncompleteContainersAreErrors) {
  EXPECT_FALSE(ExtractDocumentText("PK\x03\x04 this is not really a zip", "docx").ok());
  EXPECT_FALSE(ExtractDocumentText("", "odt").ok());
  auto no_main = ExtractDocumentText(MakeZip({{"word/other.xml", "<x/>"}}), "docx");
  ASSERT_FALSE(no_main.ok());
  EXPECT_NE(no_main.error().message().find("word/document.xml"), std::string::npos);
  std::string docx = Docx(WordXml("<w:p><w:r><w:t>cut short</w:t></w:r></w:p>"));
  EXPECT_FALSE(ExtractDocumentText(docx.substr(0, docx.size() - 10), "docx").ok());
  auto bad_xml = ExtractDocumentText(
      Docx("<w:document " + std::string(kW) + ">\n<w:body><w:p>\n</w:body>"), "docx");
  ASSERT_FALSE(bad_xml.ok());
  EXPECT_EQ(bad_xml.error().where().file, "word/document.xml");
  EXPECT_EQ(bad_xml.error().where().place.rfind("line ", 0), 0u) << bad_xml.error().ToString();
}

TEST(OfficeTextTest, ZipBombEntryIsRefused) {
  DocumentLimits limits;
  limits.max_entry_bytes = 1u << 20;
  const std::string big =
      WordXml("<w:p><w:r><w:t>" + std::string(2u << 20, 'a') + "</w:t></w:r></w:p>");
  const std::string docx = Docx(big);
  ASSERT_LT(docx.size(), 64u * 1024);  // deflate makes 2 MiB of 'a' tiny: the shape of a bomb
  auto t = ExtractDocumentText(docx, "docx", limits);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message().find("zip bomb"), std::string::npos) << t.error().message();
  EXPECT_EQ(t.error().where().file, "word/document.xml");
  limits.max_entry_bytes = 4u << 20;
  limits.max_zip_bytes = 1u << 20;
  EXPECT_FALSE(ExtractDocumentText(docx, "docx", limits).ok());
  limits.max_zip_bytes = 8u << 20;
  EXPECT_TRUE(ExtractDocumentText(docx, "docx", limits).ok());
}

TEST(OfficeTextTest, ExternalEntitiesAreNeverRead) {
  const std::string dir = testing::MakeTempDir("cg-xxe");
  testing::WriteFile(dir + "/secret.txt", "LEAKEDMARKER");
  const std::string prolog =
      "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file://" + dir + "/secret.txt\">]>\n";
  auto t = ExtractDocumentText(
      Docx(WordXml("<w:p><w:r><w:t>before &xxe; after</w:t></w:r></w:p>", prolog)), "docx");
  ASSERT_TRUE(t.ok()) << t.error().ToString();
  EXPECT_EQ(t->text.find("LEAKEDMARKER"), std::string::npos);
  EXPECT_EQ(t->text, "before  after\n");
  // Billion laughs: libxml2's entity checks refuse the amplification; nothing grows.
  std::string laughs = "<!DOCTYPE w:document [<!ENTITY a0 \"lol\">";
  for (int i = 1; i < 10; ++i) {
    laughs += "<!ENTITY a" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) laughs += "&a" + std::to_string(i - 1) + ";";
    laughs += "\">";
  }
  laughs += "]>\n";
  auto lol =
      ExtractDocumentText(Docx(WordXml("<w:p><w:r><w:t>&a9;</w:t></w:r></w:p>", laughs)), "docx");
  ASSERT_FALSE(lol.ok());
  EXPECT_EQ(lol.error().where().file, "word/document.xml") << lol.error().ToString();
}

// --- HTML and plain text ------------------------------------------------------------------

TEST(HtmlTextTest, DropsScriptAndStyleDecodesEntitiesAndBreaksBlocks) {
  const std::string html =
      "<!DOCTYPE html><html><head><title>Club page</title><style>p { color: red }</style>"
      "<script>var hidden = 'scripted words';</script></head><body>"
      "<h1>Tea &amp; cake</h1><p>Caf&eacute; on   the\n corner, &#351;ehir merkezi.</p>"
      "<ul><li>one</li><li>two</li></ul><pre>a  b\n  c</pre><noscript>enable js</noscript>"
      "<div>Saldırı değil; bahçe<br>günlüğü</div></body></html>";
  const DocumentText t = Extract(html, "html");
  EXPECT_EQ(t.extractor, "html");
  EXPECT_EQ(t.text,
            "Club page\nTea & cake\nCafé on the corner, şehir merkezi.\none\ntwo\na  b\n  c\n"
            "Saldırı değil; bahçe\ngünlüğü\n");
}

TEST(HtmlTextTest, DeepNestingIsAnErrorNotAStackOverflow) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div>";
  EXPECT_FALSE(ExtractDocumentText(html, "html").ok());
}

TEST(PlainTextTest, Utf8AndUtf16WithBom) {
  EXPECT_EQ(Extract("\xEF\xBB\xBFIğdır ve Şile", "text").text, "Iğdır ve Şile");
  // "Şu" in UTF-16LE and UTF-16BE with BOM, and LE without one.
  EXPECT_EQ(Extract(std::string("\xFF\xFE\x5E\x01u\0 \0o\0k\0", 12), "text").text, "Şu ok");
  EXPECT_EQ(Extract(std::string("\xFE\xFF\x01\x5E\0u\0 \0o\0k", 12), "text").text, "Şu ok");
  EXPECT_EQ(Extract(std::string("g\0a\0r\0d\0e\0n\0", 12), "text").text, "garden");
  // An odd byte at the end of UTF-16 becomes U+FFFD, not an error.
  EXPECT_EQ(Extract(std::string("\xFF\xFEo\0k\0!", 7), "text").text, "ok\xEF\xBF\xBD");
}

TEST(PlainTextTest, Latin1AndWindows1252Fallback) {
  EXPECT_EQ(Extract("caf\xE9 cr\xE8me", "text").text, "café crème");
  EXPECT_EQ(Extract("\x93quoted\x94 \x80 5", "text").text,
            "\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC 5");
}

TEST(PlainTextTest, BinaryDataIsNotText) {
  std::string binary;
  for (int i = 0; i < 1000; ++i)
    binary += std::string(
        "\x7F"
        "ELF\0\0\0\x02",
        8);
  auto t = ExtractDocumentText(binary, "text");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message().find("not text"), std::string::npos);
}

TEST(DocumentTextTest, TextLimitCutsOnACharacterBoundary) {
  auto t = ExtractDocumentText("ığdır ığdır ığdır", "text", 3);  // 'ı' and 'ğ' take 2 bytes each
  ASSERT_TRUE(t.ok());
  EXPECT_TRUE(t->truncated);
  EXPECT_EQ(t->text, "ı");
  auto docx =
      ExtractDocumentText(Docx(WordXml("<w:p><w:r><w:t>abcdefgh</w:t></w:r></w:p>")), "docx", 3);
  ASSERT_TRUE(docx.ok());
  EXPECT_EQ(docx->text, "abc");
  EXPECT_TRUE(docx->truncated);
}

TEST(DocumentTextTest, UnknownKindIsInvalidArgument) {
  auto t = ExtractDocumentText("x", "spreadsheet");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind(), ErrorKind::kInvalidArgument);
}

// Damaged PDFs make poppler report syntax errors; they must not reach the examiner's terminal.
TEST(PdfTextTest, PopplerSyntaxErrorsStayOffStderr) {
  const std::string pdf = testing::ReadFileOrDie(testing::RepoFixture("documents/two-pages.pdf"));
  const std::string log = testing::MakeTempDir("cg-stderr") + "/stderr.txt";
  fflush(stderr);
  const int saved = dup(2);
  const int file = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  ASSERT_GE(file, 0);
  dup2(file, 2);
  for (size_t cut : {pdf.size() / 2, pdf.size() - 30})
    (void)ExtractDocumentText(pdf.substr(0, cut), "pdf");
  std::string broken = pdf;
  broken.replace(broken.find("/Contents 6 0 R"), 15, "/Contents 9 0 R");
  (void)ExtractDocumentText(broken, "pdf");
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  close(file);
  EXPECT_EQ(testing::ReadFileOrDie(log), "");
}

}  // namespace
}  // namespace casegraph::extract
