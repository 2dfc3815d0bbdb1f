// Helpers shared by the scenario writers for telegram-html, element-json, rocketchat-mongo and
// discord-json (scenario_write_<format>.cpp): a buffered output file for streaming writes, the
// exhibit's folder, account checks, stable ids derived from names, and the placeholder bytes of
// attached files. Pure functions except OutFile; nothing here depends on hash-map order or the
// clock, so the same scenario always gives the same bytes.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "base/result.h"
#include "synth/scenario.h"

namespace casegraph::synth {

// At most this many kFile messages per exhibit get a placeholder file (ScenarioOptions::
// with_media); later ones are declared as not exported, as exports past a size limit are.
inline constexpr int kMaxMediaFilesPerExhibit = 16;

// A file written front to back through one reused buffer (constant memory for any size).
class OutFile {
 public:
  static constexpr size_t kFlushBytes = size_t{1} << 20;

  OutFile() = default;
  ~OutFile();
  OutFile(const OutFile&) = delete;
  OutFile& operator=(const OutFile&) = delete;

  Status Open(const std::string& path);
  // The pending bytes: append to it, then call MaybeFlush.
  std::string& buffer() { return buffer_; }
  void Append(std::string_view bytes) {
    buffer_.append(bytes);
    MaybeFlush();
  }
  void MaybeFlush() {
    if (buffer_.size() >= kFlushBytes) Flush();
  }
  // Flushes and closes; reports any write error since Open.
  Status Finish();

 private:
  void Flush();
  std::FILE* file_ = nullptr;
  std::string path_, buffer_;
  bool failed_ = false;
};

// Creates out_dir/<case>/<label> (the exhibit is always a folder) and sets e.rel_path to
// "<case>/<label>". Returns the folder's path.
Result<std::string> MakeExhibitFolder(const ScenarioOptions& o, SynthExhibit& e);

// Checks that the owner, every member and every planted sender index an account of `platform`
// (`format` names the writer in the error).
Status CheckExhibitAccounts(const Scenario& s, const SynthExhibit& e, Platform platform, std::string_view format);

// True when `m` is written in `c`: joins and leaves only in groups and channels.
bool WrittenIn(const SynthConversation& c, const SynthMessage& m);

// The member of a direct conversation who is not `owner` (the owner when alone), or -1.
int DirectPeer(const SynthConversation& c, int owner);

// An Element room export opens with the creator's m.room.create two minutes before the
// conversation's first message; the creator is whoever writes the first planted message (an
// operative opening a direct chat), else the first member, else `owner`. The ground truth
// dates a first contact in Element from this opening, as the importer sees it.
struct RoomOpening {
  int creator = -1;
  int64_t at = 0;
};
RoomOpening ElementRoomOpening(const SynthConversation& c, int owner);

// A stable 64-bit hash of `text` (FNV-1a, then splitmix64's finaliser) for ids derived from
// names; `salt` separates uses.
uint64_t StableHash(std::string_view text, uint64_t salt = 0);

// A Meteor-style random id (17 characters of Rocket.Chat's alphabet) derived from `seed`.
std::string MeteorIdFrom(uint64_t seed);

// "photo.jpg" -> ("photo", ".jpg"); no dot: (name, "").
std::pair<std::string, std::string> SplitExtension(std::string_view name);

// The bytes written for an attached file: a short placeholder line naming it.
std::string PlaceholderFileBytes(std::string_view file_name);
// The bytes the Telegram JSON and WhatsApp writers give every attached photo (a JPEG marker and
// a placeholder line): one known file, listed in reference/known-bad.sha256.
std::string_view SyntheticPhotoBytes();

// A MIME type for the file name's extension (a handful of common ones, else octet-stream).
const char* MimeTypeOf(std::string_view file_name);

// Number formatting for the writers' inner loops: no locale, no allocation, no printf.
void AppendUint(uint64_t value, std::string* out);
// `value` (>= 0) with leading zeros to `width` digits.
void AppendPadded(int value, int width, std::string* out);
// "2025-02-03T21:04:00" for seconds since the epoch already shifted to local time.
void AppendIsoDateTime(int64_t local_seconds, std::string* out);
// "+03:00" / "-05:30".
void AppendUtcOffset(int offset_seconds, std::string* out);

}  // namespace casegraph::synth
