// Media fields of a synthetic Telegram message (photo, voice message, sticker, document) in
// tdesktop's key order. While the export-wide budget lasts (and at most a few per chat), a real
// tiny file is written under the chat's folder (photos/photo_N@DD-MM-YYYY_HH-MM-SS.jpg,
// voice_messages/audio_N@….ogg, files/<name>) and referenced by its relative path; otherwise
// the field holds tdesktop's "(File not included. …)" placeholder. Stickers are always
// placeholders. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "synth/json_output.h"
#include "synth/synth_random.h"
#include "synth/telegram_cast.h"
#include "synth/telegram_messages.h"

namespace casegraph::synth {

enum class Media { kNone, kPhoto, kVoice, kSticker, kDocument };

class MediaWriter {
 public:
  MediaWriter(const ChatPlan& chat, ChatWriteContext* ctx) : chat_(chat), ctx_(*ctx) {}
  // Writes the media members of a message sent at `now` (unix seconds).
  Status Write(Media media, int64_t now, Rng& rng, JsonFileWriter* out);

 private:
  Status SaveFile(const std::string& relative, std::string_view kind);

  const ChatPlan& chat_;
  ChatWriteContext& ctx_;
  std::string path_;
  std::string scratch_;
  int real_files_ = 0;
  int photo_no_ = 0, audio_no_ = 0, file_no_ = 0;
};

}  // namespace casegraph::synth
