// Synthetic Rocket.Chat mongoexport (see rocketchat_synth.h).
#include "synth/rocketchat_synth.h"

#include <cstdio>
#include <memory>
#include <vector>

#include "base/time_util.h"
#include "synth/json_output.h"
#include "synth/synth_random.h"
#include "synth/synth_text.h"

namespace casegraph::synth {
namespace {

constexpr int64_t kStartMs = 1704067200000;  // 2024-01-01T00:00:00Z
constexpr size_t kUsers = 60;
constexpr size_t kChannels = 12, kGroups = 10, kDirects = 30;

// Meteor's random id alphabet and length.
std::string MeteorId(Rng& rng) {
  static constexpr char kAlphabet[] = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz";
  std::string id(17, ' ');
  for (char& c : id) c = kAlphabet[rng.Below(sizeof kAlphabet - 1)];
  return id;
}

// Buffered line writer for one collection file.
class LineFile {
 public:
  Status Open(const std::string& path) {
    file_.reset(std::fopen(path.c_str(), "wb"));
    if (!file_) return Error::Io("cannot write " + path, Location{path, ""});
    path_ = path;
    return Ok();
  }
  std::string& line() { return line_; }
  void EndLine() {
    line_ += '\n';
    buffer_ += line_;
    line_.clear();
    if (buffer_.size() > (1u << 20)) Flush();
  }
  Status Close() {
    Flush();
    const bool failed = !ok_ || std::fclose(file_.release()) != 0;
    if (failed) return Error::Io("write failed: " + path_, Location{path_, ""});
    return Ok();
  }
  uint64_t bytes() const { return bytes_; }

 private:
  struct Closer {
    void operator()(FILE* f) const {
      if (f) std::fclose(f);
    }
  };
  void Flush() {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_.get()) != buffer_.size()) ok_ = false;
    bytes_ += buffer_.size();
    buffer_.clear();
  }
  std::unique_ptr<FILE, Closer> file_;
  std::string path_, line_, buffer_;
  bool ok_ = true;
  uint64_t bytes_ = 0;
};

void AppendDate(std::string& out, int64_t ms, bool canonical) {
  if (canonical) {
    out += "{\"$date\":{\"$numberLong\":\"" + std::to_string(ms) + "\"}}";
    return;
  }
  const LocalDateTime t = UnixToCivil(ms / 1000);
  char text[40];
  std::snprintf(text, sizeof text, "{\"$date\":\"%04d-%02d-%02dT%02d:%02d:%02d.%03dZ\"}", t.year, t.month, t.day, t.hour,
                t.minute, t.second, static_cast<int>(ms % 1000));
  out += text;
}

struct User {
  std::string id, username, name;
};

struct Room {
  std::string id;
  char type;
  std::vector<size_t> members;  // indexes into users
  std::vector<std::string> recent;  // recent message ids, for thread replies
};

void AppendUserRef(std::string& out, const User& u, bool with_name) {
  out += "{\"_id\":\"" + u.id + "\",\"username\":\"" + u.username + "\"";
  if (with_name) {
    out += ",\"name\":";
    AppendJsonString(u.name, &out);
  }
  out += '}';
}

std::vector<User> MakeUsers(Rng& rng) {
  std::vector<User> users;
  for (size_t i = 0; i < kUsers; ++i) {
    User u;
    u.id = MeteorId(rng);
    AppendHandle(rng, &u.username);
    u.username += std::to_string(i);
    std::string first(RandomWord(rng)), last(RandomWord(rng));
    u.name = first + " " + last;
    users.push_back(std::move(u));
  }
  return users;
}

std::vector<Room> MakeRooms(Rng& rng, size_t users) {
  std::vector<Room> rooms;
  auto add = [&](std::string id, char type, size_t members) {
    Room r{std::move(id), type, {}, {}};
    for (size_t i = 0; i < members; ++i) r.members.push_back(rng.Below(users));
    rooms.push_back(std::move(r));
  };
  add("GENERAL", 'c', 40);
  for (size_t i = 1; i < kChannels; ++i) add(MeteorId(rng), 'c', 3 + rng.Below(20));
  for (size_t i = 0; i < kGroups; ++i) add(MeteorId(rng), 'p', 3 + rng.Below(8));
  for (size_t i = 0; i < kDirects; ++i) {
    Room r{"", 'd', {rng.Below(users), rng.Below(users)}, {}};
    rooms.push_back(std::move(r));
  }
  return rooms;
}

Status WriteUsers(const std::string& dir, Rng& rng, const std::vector<User>& users) {
  LineFile f;
  CASEGRAPH_RETURN_IF_ERROR(f.Open(dir + "/rocketchat.users.json"));
  for (const auto& u : users) {
    std::string& l = f.line();
    l += "{\"_id\":\"" + u.id + "\",\"createdAt\":";
    AppendDate(l, kStartMs - 86400000, false);
    l += ",\"username\":\"" + u.username + "\",\"name\":";
    AppendJsonString(u.name, &l);
    l += ",\"emails\":[{\"address\":\"" + u.username + "@example.org\",\"verified\":true}],\"status\":\"offline\"";
    l += ",\"active\":true,\"roles\":[\"user\"],\"type\":\"user\",\"utcOffset\":";
    l += std::to_string(rng.Between(-5, 5));
    l += ",\"_updatedAt\":";
    AppendDate(l, kStartMs, false);
    l += '}';
    f.EndLine();
  }
  return f.Close();
}

Status WriteRooms(const std::string& dir, std::vector<Room>& rooms, const std::vector<User>& users) {
  LineFile f;
  CASEGRAPH_RETURN_IF_ERROR(f.Open(dir + "/rocketchat.rocketchat_room.json"));
  size_t n = 0;
  for (auto& r : rooms) {
    std::string& l = f.line();
    if (r.type == 'd') r.id = users[r.members[0]].id + users[r.members[1]].id;
    l += "{\"_id\":\"" + r.id + "\",\"t\":\"" + std::string(1, r.type) + "\"";
    if (r.type == 'd') {
      l += ",\"usernames\":[\"" + users[r.members[0]].username + "\",\"" + users[r.members[1]].username + "\"]";
      l += ",\"uids\":[\"" + users[r.members[0]].id + "\",\"" + users[r.members[1]].id + "\"]";
    } else {
      l += ",\"name\":\"room-" + std::to_string(n) + "\",\"fname\":\"Room " + std::to_string(n) + "\"";
      l += ",\"usersCount\":" + std::to_string(r.members.size());
    }
    l += ",\"ts\":";
    AppendDate(l, kStartMs, false);
    l += '}';
    f.EndLine();
    ++n;
  }
  return f.Close();
}

}  // namespace

Result<RocketChatSynthSummary> WriteRocketChatExport(const RocketChatSynthOptions& options) {
  if (options.out_dir.empty()) return Error::InvalidArgument("out_dir is empty");
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(options.out_dir));
  Rng rng(options.seed);
  Rng people = rng.Fork(1);
  const std::vector<User> users = MakeUsers(people);
  std::vector<Room> rooms = MakeRooms(people, users.size());
  CASEGRAPH_RETURN_IF_ERROR(WriteUsers(options.out_dir, people, users));
  CASEGRAPH_RETURN_IF_ERROR(WriteRooms(options.out_dir, rooms, users));

  RocketChatSynthSummary summary;
  summary.folder = options.out_dir;
  summary.rooms = rooms.size();
  summary.users = users.size();
  const std::vector<double> weights = ZipfWeights(rooms.size(), 0.8);
  std::vector<double> cumulative;
  double total = 0;
  for (double w : weights) cumulative.push_back(total += w);

  LineFile f;
  CASEGRAPH_RETURN_IF_ERROR(f.Open(options.out_dir + "/rocketchat.rocketchat_message.json"));
  Rng text = rng.Fork(2);
  int64_t now = kStartMs;
  std::string body;
  for (uint64_t i = 0; i < options.messages; ++i) {
    now += text.Between(1000, 90000);
    const double pick = static_cast<double>(text.Below(1u << 30)) / (1u << 30) * total;
    size_t ri = 0;
    while (ri + 1 < cumulative.size() && cumulative[ri] < pick) ++ri;
    Room& room = rooms[ri];
    const User& author = users[room.members[text.Below(room.members.size())]];
    const std::string id = MeteorId(text);
    const bool canonical = i % 50 == 49;
    const uint32_t roll = static_cast<uint32_t>(text.Below(1000));
    const char* system = nullptr;
    if (roll < 20 && room.type != 'd') system = text.Pick({"uj", "ul", "au", "room_changed_topic"});
    const bool removed = !system && roll >= 20 && roll < 30;
    const bool edited = !system && roll >= 30 && roll < 60;
    body.clear();
    if (system) {
      body = std::string(system) == "room_changed_topic" ? std::string(RandomWord(text)) : author.username;
    } else if (!removed) {
      AppendChatter(text, static_cast<int>(text.Between(2, 14)), &body);
      if (text.PerMille(80)) {
        body += ' ';
        AppendIdentifier(text, &body);
      }
    }
    std::string& l = f.line();
    l += "{\"_id\":\"" + id + "\"";
    if (system) l += std::string(",\"t\":\"") + system + "\"";
    if (removed) l += ",\"t\":\"rm\"";
    l += ",\"rid\":\"" + room.id + "\",\"msg\":";
    AppendJsonString(body, &l);
    l += ",\"ts\":";
    AppendDate(l, now, canonical);
    l += ",\"u\":";
    AppendUserRef(l, author, true);
    if (!system && !room.recent.empty() && text.PerMille(60)) {
      l += ",\"tmid\":\"" + room.recent[text.Below(room.recent.size())] + "\"";
    }
    if (!system && !removed && text.PerMille(40)) {
      const User& reactor = users[room.members[text.Below(room.members.size())]];
      l += ",\"reactions\":{\":thumbsup:\":{\"usernames\":[\"" + reactor.username + "\"]}}";
    }
    const int64_t edit_ms = now + 30000;
    if (edited || removed) {
      l += ",\"editedAt\":";
      AppendDate(l, edit_ms, canonical);
      l += ",\"editedBy\":";
      AppendUserRef(l, author, false);
    }
    l += ",\"_updatedAt\":";
    AppendDate(l, edited || removed ? edit_ms : now, canonical);
    l += ",\"mentions\":[],\"channels\":[]}";
    f.EndLine();
    // The hidden copy of the version before the edit or deletion (Message_KeepHistory on).
    if (edited || removed) {
      std::string& c = f.line();
      std::string before;
      AppendChatter(text, static_cast<int>(text.Between(2, 10)), &before);
      c += "{\"_id\":\"" + MeteorId(text) + "\",\"rid\":\"" + room.id + "\",\"msg\":";
      AppendJsonString(before, &c);
      c += ",\"ts\":";
      AppendDate(c, now, canonical);
      c += ",\"u\":";
      AppendUserRef(c, author, true);
      c += ",\"_hidden\":true,\"parent\":\"" + id + "\",\"editedAt\":";
      AppendDate(c, edit_ms, canonical);
      c += ",\"editedBy\":";
      AppendUserRef(c, author, false);
      c += '}';
      f.EndLine();
      ++summary.history_copies;
    }
    if (!system) {
      if (room.recent.size() < 8) {
        room.recent.push_back(id);
      } else {
        room.recent[text.Below(8)] = id;
      }
    }
    ++summary.messages;
  }
  CASEGRAPH_RETURN_IF_ERROR(f.Close());
  summary.bytes = f.bytes();
  return summary;
}

}  // namespace casegraph::synth
