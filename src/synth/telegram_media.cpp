// Media members and tiny media files for synthetic Telegram messages (see telegram_media.h).
#include "synth/telegram_media.h"

#include "synth/synth_clock.h"

namespace casegraph::synth {
namespace {

constexpr std::string_view kNotIncluded =
    "(File not included. Change data exporting settings to download.)";
constexpr int kMaxRealFilesPerChat = 4;
constexpr const char* kStickerEmoji[] = {"👍", "😂", "❤️", "🔥", "😎", "🙏"};
struct DocumentKind {
  const char* stem;
  const char* ext;
  const char* mime;
};
constexpr DocumentKind kDocuments[] = {{"ders_notlari", "pdf", "application/pdf"},
                                       {"odev", "docx",
                                        "application/vnd.openxmlformats-officedocument."
                                        "wordprocessingml.document"},
                                       {"mac_programi", "txt", "text/plain"},
                                       {"playlist", "txt", "text/plain"},
                                       {"afis", "png", "image/png"}};
struct Size {
  int w, h;
};
constexpr Size kPhotoSizes[] = {{1280, 960}, {960, 1280}, {1280, 720}, {720, 1280}, {800, 800}};

}  // namespace

Status MediaWriter::SaveFile(const std::string& relative, std::string_view kind) {
  const size_t slash = relative.rfind('/');
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(ctx_.out_dir + "/" + relative.substr(0, slash)));
  // A few distinct bytes per file with the type's magic number; not a decodable image/audio.
  scratch_.clear();
  if (kind == "photo") scratch_.append("\xFF\xD8\xFF\xE0");
  if (kind == "voice") scratch_.append("OggS");
  scratch_.append("casegraph synthetic ");
  scratch_.append(kind);
  scratch_.append(": ");
  scratch_.append(relative);
  scratch_.push_back('\n');
  CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(ctx_.out_dir + "/" + relative, scratch_));
  --ctx_.media_budget;
  ++real_files_;
  ++ctx_.stats.media_files;
  return Ok();
}

Status MediaWriter::Write(Media media, int64_t now, Rng& rng, JsonFileWriter* out) {
  if (media == Media::kNone) return Ok();
  const bool real = ctx_.with_media && ctx_.media_budget > 0 &&
                    real_files_ < kMaxRealFilesPerChat && media != Media::kSticker;
  path_ = chat_.folder;
  switch (media) {
    case Media::kPhoto: {
      const Size size = rng.Pick(kPhotoSizes);
      if (real) {
        path_.append("photos/photo_" + std::to_string(++photo_no_) + "@");
        AppendFileStamp(now, kIstanbulOffsetSeconds, &path_);
        path_.append(".jpg");
        CASEGRAPH_RETURN_IF_ERROR(SaveFile(path_, "photo"));
        out->KeyString("photo", path_);
        out->KeyNumber("photo_file_size", static_cast<int64_t>(scratch_.size()));
      } else {
        out->KeyString("photo", kNotIncluded);
      }
      out->KeyNumber("width", size.w);
      out->KeyNumber("height", size.h);
      return Ok();
    }
    case Media::kVoice:
      if (real) {
        path_.append("voice_messages/audio_" + std::to_string(++audio_no_) + "@");
        AppendFileStamp(now, kIstanbulOffsetSeconds, &path_);
        path_.append(".ogg");
        CASEGRAPH_RETURN_IF_ERROR(SaveFile(path_, "voice"));
        out->KeyString("file", path_);
        out->KeyNumber("file_size", static_cast<int64_t>(scratch_.size()));
      } else {
        out->KeyString("file", kNotIncluded);
      }
      out->KeyString("media_type", "voice_message");
      out->KeyString("mime_type", "audio/ogg");
      out->KeyNumber("duration_seconds", rng.Between(1, 90));
      return Ok();
    case Media::kSticker:
      out->KeyString("file", kNotIncluded);
      out->KeyString("media_type", "sticker");
      out->KeyString("sticker_emoji", rng.Pick(kStickerEmoji));
      out->KeyNumber("width", 512);
      out->KeyNumber("height", 512);
      return Ok();
    case Media::kDocument: {
      const DocumentKind& doc = rng.Pick(kDocuments);
      const std::string name =
          std::string(doc.stem) + "_" + std::to_string(++file_no_) + "." + doc.ext;
      if (real) {
        path_.append("files/" + name);
        CASEGRAPH_RETURN_IF_ERROR(SaveFile(path_, "document"));
        out->KeyString("file", path_);
        out->KeyString("file_name", name);
        out->KeyNumber("file_size", static_cast<int64_t>(scratch_.size()));
      } else {
        out->KeyString("file", kNotIncluded);
        out->KeyString("file_name", name);
      }
      out->KeyString("mime_type", doc.mime);
      return Ok();
    }
    case Media::kNone: break;
  }
  return Ok();
}

}  // namespace casegraph::synth
