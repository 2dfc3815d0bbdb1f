// Shared helpers of the scenario writers (see scenario_write_common.h).
#include "synth/scenario_write_common.h"

#include <algorithm>

#include <cerrno>
#include <charconv>
#include <cstring>

#include "base/time_util.h"

#include "synth/json_output.h"
#include "synth/synth_random.h"

namespace casegraph::synth {

OutFile::~OutFile() {
  if (file_ != nullptr) std::fclose(file_);
}

Status OutFile::Open(const std::string& path) {
  if (file_ != nullptr) return Error::Internal("output file already open", Location{path, ""});
  file_ = std::fopen(path.c_str(), "wb");
  if (file_ == nullptr) {
    return Error::Io(std::string("cannot create file: ") + std::strerror(errno), Location{path, ""});
  }
  std::setvbuf(file_, nullptr, _IONBF, 0);  // buffered here
  path_ = path;
  buffer_.clear();
  buffer_.reserve(kFlushBytes + 64 * 1024);
  failed_ = false;
  return Ok();
}

void OutFile::Flush() {
  if (file_ == nullptr || buffer_.empty()) return;
  if (!failed_ && std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) failed_ = true;
  buffer_.clear();
}

Status OutFile::Finish() {
  if (file_ == nullptr) return Error::Internal("output file not open");
  Flush();
  const bool close_failed = std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed_ || close_failed) return Error::Io("write failed", Location{path_, ""});
  return Ok();
}

Result<std::string> MakeExhibitFolder(const ScenarioOptions& o, SynthExhibit& e) {
  if (o.out_dir.empty()) return Error::InvalidArgument("scenario writer: out_dir is empty");
  if (e.case_code.empty() || e.label.empty()) {
    return Error::InvalidArgument("scenario writer: exhibit without case code or label");
  }
  e.rel_path = e.case_code + "/" + e.label;
  const std::string folder = o.out_dir + "/" + e.rel_path;
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(folder));
  return folder;
}

Status CheckExhibitAccounts(const Scenario& s, const SynthExhibit& e, Platform platform, std::string_view format) {
  const std::string where = std::string(format) + " writer, exhibit " + e.case_code + "/" + e.label + ": ";
  auto check = [&](int index, const std::string& role) -> Status {
    if (index < 0 || static_cast<size_t>(index) >= s.accounts.size()) {
      return Error::InvalidArgument(where + role + " " + std::to_string(index) + " is not an account index");
    }
    const SynthAccount& a = s.accounts[static_cast<size_t>(index)];
    if (a.platform != platform) {
      return Error::InvalidArgument(where + role + " " + a.person + " is a " + PlatformName(a.platform) +
                                    " account, not " + PlatformName(platform));
    }
    if (a.uid.empty()) return Error::InvalidArgument(where + role + " " + a.person + " has no uid");
    return Ok();
  };
  CASEGRAPH_RETURN_IF_ERROR(check(e.owner, "owner"));
  for (const SynthConversation& c : e.conversations) {
    for (int member : c.members) CASEGRAPH_RETURN_IF_ERROR(check(member, "member of " + c.id));
    for (const SynthMessage& m : c.planted) CASEGRAPH_RETURN_IF_ERROR(check(m.sender, "sender in " + c.id));
  }
  return Ok();
}

bool WrittenIn(const SynthConversation& c, const SynthMessage& m) {
  const bool membership = m.kind == SynthMessage::Kind::kJoin || m.kind == SynthMessage::Kind::kLeave;
  return !membership || c.kind != ConversationKind::kDirect;
}

int DirectPeer(const SynthConversation& c, int owner) {
  for (int member : c.members) {
    if (member != owner) return member;
  }
  return c.members.empty() ? -1 : owner;
}

uint64_t StableHash(std::string_view text, uint64_t salt) {
  uint64_t h = 0xcbf29ce484222325ULL ^ salt;
  for (unsigned char c : text) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return SplitMix64(&h);
}

std::string MeteorIdFrom(uint64_t seed) {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
  constexpr uint64_t kBase = sizeof kAlphabet - 1;  // 55; 55^9 < 2^64, so 9 + 8 digits from two words
  uint64_t state = seed;
  uint64_t word = SplitMix64(&state);
  std::string id(17, ' ');
  for (size_t i = 0; i < id.size(); ++i) {
    if (i == 9) word = SplitMix64(&state);
    id[i] = kAlphabet[word % kBase];
    word /= kBase;
  }
  return id;
}

std::pair<std::string, std::string> SplitExtension(std::string_view name) {
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return {std::string(name), std::string()};
  return {std::string(name.substr(0, dot)), std::string(name.substr(dot))};
}

std::string PlaceholderFileBytes(std::string_view file_name) {
  return "synthetic placeholder file: " + std::string(file_name) + "\n";
}

std::string_view SyntheticPhotoBytes() { return "\xFF\xD8\xFF\xE0 casegraph synthetic photo\n"; }

const char* MimeTypeOf(std::string_view file_name) {
  std::string ext = SplitExtension(file_name).second;
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".png") return "image/png";
  if (ext == ".pdf") return "application/pdf";
  if (ext == ".txt") return "text/plain";
  if (ext == ".mp4") return "video/mp4";
  if (ext == ".ogg") return "audio/ogg";
  if (ext == ".zip") return "application/zip";
  return "application/octet-stream";
}

RoomOpening ElementRoomOpening(const SynthConversation& c, int owner) {
  RoomOpening out{c.members.empty() ? owner : c.members.front(), 0};
  int64_t first = c.filler > 0 ? c.filler_from : INT64_MAX;
  const int64_t last = c.filler > 0 ? c.filler_to : (c.planted.empty() ? 0 : c.planted.back().at_utc);
  if (!c.planted.empty()) {
    first = std::min(first, c.planted.front().at_utc);
    const int opener = c.planted.front().sender;
    if (std::find(c.members.begin(), c.members.end(), opener) != c.members.end()) out.creator = opener;
  }
  if (first == INT64_MAX) first = last;
  out.at = first - 120;
  return out;
}

void AppendUint(uint64_t value, std::string* out) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out->append(digits, static_cast<size_t>(end - digits));
}

void AppendPadded(int value, int width, std::string* out) {
  char digits[16];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value > 0 && n < 15);
  for (int pad = n; pad < width; ++pad) out->push_back('0');
  while (n > 0) out->push_back(digits[--n]);
}

void AppendIsoDateTime(int64_t local_seconds, std::string* out) {
  const LocalDateTime t = UnixToCivil(local_seconds);
  AppendPadded(t.year, 4, out);
  out->push_back('-');
  AppendPadded(t.month, 2, out);
  out->push_back('-');
  AppendPadded(t.day, 2, out);
  out->push_back('T');
  AppendPadded(t.hour, 2, out);
  out->push_back(':');
  AppendPadded(t.minute, 2, out);
  out->push_back(':');
  AppendPadded(t.second, 2, out);
}

void AppendUtcOffset(int offset_seconds, std::string* out) {
  const int minutes = (offset_seconds < 0 ? -offset_seconds : offset_seconds) / 60;
  out->push_back(offset_seconds < 0 ? '-' : '+');
  AppendPadded(minutes / 60, 2, out);
  out->push_back(':');
  AppendPadded(minutes % 60, 2, out);
}

}  // namespace casegraph::synth
