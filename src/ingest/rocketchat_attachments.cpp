// Uploads, quotes and cards of a message (see rocketchat_attachments.h).
#include "ingest/rocketchat_attachments.h"

#include <string>

#include "ingest/rocketchat_ejson.h"

namespace casegraph::ingest::rocketchat {
namespace {

using model::AttachmentRecord;
using model::AttachmentStatus;

std::string KindOfMime(std::string_view mime) {
  if (mime.rfind("image/", 0) == 0) return "photo";
  if (mime.rfind("video/", 0) == 0) return "video_file";
  if (mime.rfind("audio/", 0) == 0) return "audio_file";
  return "file";
}

// Status and detail of an upload: the bytes of a Rocket.Chat upload live in GridFS, on disk
// or in S3, never in a mongoexport of the message; an exhibit may add them as uploads/<id>.
void SetStatus(Run& run, AttachmentRecord& a, std::string_view file_id, std::string detail) {
  auto it = run.uploads.find(std::string(file_id));
  if (it != run.uploads.end()) {
    const UploadInfo& u = it->second;
    if (a.file_name.empty()) a.file_name = u.name;
    if (a.mime_type.empty()) a.mime_type = u.type;
    if (!u.path.empty()) a.declared_path = u.path;
    detail += "rocketchat_uploads: ";
    if (!u.store.empty()) detail += "store " + u.store + ", ";
    if (u.size) detail += std::to_string(*u.size) + " bytes, ";
    if (u.hidden) detail += "hidden (deleted), ";
    detail.resize(detail.size() - 2);
  } else if (run.have_uploads_collection) {
    a.status = AttachmentStatus::kMissing;
    a.status_detail = detail + "no rocketchat_uploads document for upload " + std::string(file_id);
    return;
  }
  if (run.folder() != nullptr && !run.uploads_dir.empty() && !file_id.empty()) {
    AttachmentRecord probe = a;
    probe.declared_path = run.uploads_dir + "/" + std::string(file_id);
    run.folder()->Resolve(probe, run.diagnostics());
    if (probe.status == AttachmentStatus::kPresent) {
      a = std::move(probe);
      return;
    }
  }
  a.status = AttachmentStatus::kNotExported;
  a.status_detail = detail.empty() ? "upload bytes are not part of the export" : "upload bytes are not part of the export; " + detail;
}

struct Upload {
  std::string id;
  size_t record = 0;    // index in m.attachments
  bool carded = false;  // an `attachments` card was matched to it
};

void AddFile(Run& run, dom::object file, const std::string& locator, model::MessageRecord& m,
             std::vector<Upload>& uploads) {
  AttachmentRecord a;
  dom::element id_element;
  std::string_view id;
  if (file.at_key("_id").get(id_element) == simdjson::SUCCESS) id = IdText(id_element);
  for (const auto& u : uploads) {
    if (u.id == id && !id.empty()) return;  // `file` repeats the first of `files`
  }
  a.file_name = std::string(StrOf(file, "name"));
  a.mime_type = std::string(StrOf(file, "type"));
  a.kind = KindOfMime(a.mime_type);
  a.declared_path = "/file-upload/" + std::string(id) + "/" + a.file_name;
  a.locator = locator;
  SetStatus(run, a, id, "");
  uploads.push_back({std::string(id), m.attachments.size(), false});
  m.attachments.push_back(std::move(a));
}

std::string Dimensions(dom::object attachment) {
  dom::object dims;
  if (attachment.at_key("image_dimensions").get_object().get(dims) != simdjson::SUCCESS) return {};
  int64_t w = 0, h = 0;
  if (dims.at_key("width").get_int64().get(w) || dims.at_key("height").get_int64().get(h)) return {};
  return std::to_string(w) + "x" + std::to_string(h);
}

// The media fields of an upload card: image_*, audio_*, video_*.
void CardMedia(dom::object card, std::string& mime, std::string& detail) {
  for (const char* prefix : {"image", "video", "audio"}) {
    const std::string p(prefix);
    const std::string_view type = StrOf(card, p + "_type");
    dom::element size_element;
    std::optional<int64_t> size;
    if (card.at_key(p + "_size").get(size_element) == simdjson::SUCCESS) size = Int64(size_element);
    if (type.empty() && !size) continue;
    if (mime.empty()) mime = std::string(type);
    detail += "declared " + p;
    if (!type.empty()) detail += " " + std::string(type);
    if (size) detail += ", " + std::to_string(*size) + " bytes";
    if (p == "image") {
      const std::string dims = Dimensions(card);
      if (!dims.empty()) detail += ", " + dims;
    }
    detail += "; ";
    return;
  }
}

void AddCardEntity(model::MessageRecord& m, std::string type, std::string_view text, std::string_view href) {
  model::TextEntity e;
  e.type = std::move(type);
  e.text = std::string(text);
  e.href = std::string(href);
  m.entities.push_back(std::move(e));
}

}  // namespace

std::string_view MessageIdOfLink(std::string_view link) {
  const size_t q = link.find("msg=");
  if (q == std::string_view::npos || q == 0 || (link[q - 1] != '?' && link[q - 1] != '&')) return {};
  std::string_view id = link.substr(q + 4);
  const size_t end = id.find_first_of("&#");
  return end == std::string_view::npos ? id : id.substr(0, end);
}

std::string_view UploadIdOfLink(std::string_view link) {
  constexpr std::string_view kPrefix = "/file-upload/";
  const size_t at = link.find(kPrefix);
  if (at == std::string_view::npos) return {};
  std::string_view rest = link.substr(at + kPrefix.size());
  return rest.substr(0, rest.find('/'));
}

void ReadAttachments(Run& run, const Fields& f, const Document& doc, model::MessageRecord& m) {
  std::vector<Upload> uploads;
  if (auto files = f.Array("files")) {
    size_t i = 0;
    for (auto e : *files) {
      dom::object file;
      if (e.get_object().get(file) == simdjson::SUCCESS) {
        AddFile(run, file, doc.locator + "/files/" + std::to_string(i), m, uploads);
      }
      ++i;
    }
  }
  if (auto file = f.Object("file")) AddFile(run, *file, doc.locator + "/file", m, uploads);
  auto cards = f.Array("attachments");
  if (!cards) return;
  const size_t files_declared = uploads.size();
  size_t file_cards = 0;
  size_t i = 0;
  for (auto e : *cards) {
    const size_t index = i++;
    dom::object card;
    if (e.get_object().get(card) != simdjson::SUCCESS) continue;
    const std::string_view link = StrOf(card, "message_link");
    if (!link.empty()) {
      const std::string_view quoted = MessageIdOfLink(link);
      if (m.reply_to.empty() && !quoted.empty()) m.reply_to = std::string(quoted);
      AddCardEntity(m, "quote", StrOf(card, "text"), link);
      continue;
    }
    const std::string_view title_link = StrOf(card, "title_link");
    const std::string_view upload_id = UploadIdOfLink(title_link);
    if (upload_id.empty()) {
      std::string_view text = StrOf(card, "text");
      if (text.empty()) text = StrOf(card, "title");
      if (!text.empty() || !title_link.empty()) AddCardEntity(m, "card", text, title_link);
      continue;
    }
    std::string mime, detail;
    CardMedia(card, mime, detail);
    // An upload's card repeats its `files` entry: same id, or (when ids disagree, as in
    // pseudonymised samples) the same position among the message's file cards.
    AttachmentRecord* known = nullptr;
    for (auto& u : uploads) {
      if (!u.carded && u.id == upload_id) {
        known = &m.attachments[u.record];
        u.carded = true;
        break;
      }
    }
    if (known == nullptr && StrOf(card, "type") == "file" && file_cards < files_declared &&
        !uploads[file_cards].carded) {
      known = &m.attachments[uploads[file_cards].record];
      uploads[file_cards].carded = true;
    }
    if (StrOf(card, "type") == "file") ++file_cards;
    if (known != nullptr) {
      if (!detail.empty()) known->status_detail = detail + known->status_detail;
      continue;
    }
    AttachmentRecord a;
    a.file_name = std::string(StrOf(card, "title"));
    a.mime_type = mime;
    a.kind = KindOfMime(mime);
    a.declared_path = std::string(title_link);
    a.locator = doc.locator + "/attachments/" + std::to_string(index);
    SetStatus(run, a, upload_id, detail);
    uploads.push_back({std::string(upload_id), m.attachments.size(), true});
    m.attachments.push_back(std::move(a));
  }
}

}  // namespace casegraph::ingest::rocketchat
