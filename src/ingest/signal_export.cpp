#include "ingest/signal_export.h"

#include <map>

#include "ingest/export_folder.h"
#include "ingest/signal_line.h"

namespace casegraph::ingest {
namespace {

constexpr std::string_view kMainFile = "chat.md";
constexpr std::string_view kDeleted = "(This message was deleted)";

std::string Stem(std::string_view name) {
  const size_t dot = name.rfind('.');
  return std::string(dot == std::string_view::npos || dot == 0 ? name : name.substr(0, dot));
}

std::string_view StripBom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

// Calls `line(number, text)` for each line (CR LF or LF), numbered from 1.
template <typename F>
void ForEachLine(std::string_view text, F&& line) {
  size_t number = 1;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view l = text.substr(0, end);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (!line(number++, l)) return;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
}

struct Paths {
  std::string main_file;  // chat.md (or the lone file given)
  std::string folder;     // the conversation folder, empty for a lone file
  std::string conversation;
};

Result<Paths> Locate(const Source& source) {
  Paths p;
  if (!source.is_directory) {
    p.main_file = source.path;
    std::string name = BaseName(source.path);
    p.conversation = name == kMainFile ? BaseName(source.path.substr(0, source.path.size() - name.size())) : Stem(name);
    return p;
  }
  p.folder = source.path;
  p.main_file = JoinPath(source.path, kMainFile);
  p.conversation = BaseName(source.path);
  auto st = source.fs->Stat(p.main_file);
  if (!st || st->is_directory) return Error::NotFound("no chat.md in this signal-export folder", Location{source.path, ""});
  return p;
}

// "![name](./media/x.jpg)" or "[name](./media/x.pdf)": the attachment links signal-export writes.
void TakeAttachments(std::string_view body, std::vector<model::AttachmentRecord>& out, const std::string& locator) {
  for (size_t pos = body.find("]("); pos != std::string_view::npos; pos = body.find("](", pos + 2)) {
    const size_t open = body.rfind('[', pos);
    const size_t close = body.find(')', pos + 2);
    if (open == std::string_view::npos || close == std::string_view::npos) continue;
    std::string_view target = body.substr(pos + 2, close - pos - 2);
    if (target.rfind("./", 0) == 0) target.remove_prefix(2);
    if (target.empty() || target.find("://") != std::string_view::npos) continue;
    model::AttachmentRecord a;
    a.kind = open > 0 && body[open - 1] == '!' ? "photo" : "file";
    a.declared_path = std::string(target);
    a.file_name = std::string(body.substr(open + 1, pos - open - 1));
    a.locator = locator;
    out.push_back(std::move(a));
  }
}

class SignalReader {
 public:
  SignalReader(const Paths& paths, const ImportOptions& options, const ExportFolder& folder, Sink& sink,
               Diagnostics& diagnostics)
      : paths_(paths), options_(options), folder_(folder), sink_(sink), diagnostics_(diagnostics) {}

  Status Read(std::string_view text, ImportSummary& summary) {
    model::ConversationRecord c;
    c.key = paths_.conversation;
    c.ref = "signal-conversation:" + std::string(model::kExhibitScope) + "/" + paths_.conversation;
    c.kind = "conversation";
    c.title = paths_.conversation;
    c.locator = "line 1";
    sink_.Conversation(c);
    Status status;
    ForEachLine(StripBom(text), [&](size_t number, std::string_view line) {
      if (auto header = ParseSignalLine(line)) {
        status = FlushPending();
        if (!status) return false;
        StartMessage(number, *header);
      } else if (pending_) {
        pending_->text.append("\n").append(line);
        pending_last_line_ = number;
      } else if (!line.empty()) {
        diagnostics_.Warn(Location{paths_.main_file, "line " + std::to_string(number)},
                          "text before the first message header: skipped");
      }
      return true;
    });
    if (status) status = FlushPending();
    if (!status) return status;
    summary.main_file = paths_.folder.empty() ? "" : std::string(kMainFile);
    summary.owner_ref = owner_ref_;
    summary.time_note = "local times of the exporting computer, read in " + options_.tz;
    return Ok();
  }

  uint64_t messages() const { return messages_; }

 private:
  std::string RefOf(std::string_view sender) {
    std::string ref = "signal-contact:" + std::string(model::kExhibitScope) + "/" + std::string(sender);
    if (!seen_.emplace(ref, true).second) return ref;
    model::AccountRecord a;
    a.ref = ref;
    a.platform = "signal";
    a.display_name = std::string(sender);
    a.role = sender == "Me" ? model::AccountRole::kOwner : model::AccountRole::kParticipant;
    a.locator = "line " + std::to_string(pending_line_);
    if (sender == "Me") owner_ref_ = ref;
    sink_.Account(std::move(a));
    return ref;
  }

  void StartMessage(size_t number, const SignalLine& header) {
    pending_.emplace();
    pending_line_ = pending_last_line_ = number;
    auto& m = *pending_;
    m.conversation_key = paths_.conversation;
    m.kind = "message";
    m.sender_name = std::string(header.sender);
    m.sender_ref = RefOf(header.sender);
    m.text = std::string(header.body);
    m.locator = "line " + std::to_string(number);
    m.source_id = m.locator;
    auto utc = LocalToUtc(header.local, options_.tz);
    if (utc) {
      m.sent_at_utc = *utc;
      m.utc_offset_seconds = static_cast<int32_t>(CivilToUnix(header.local) - *utc);
      m.time_basis = "examiner-tz";
    } else {
      m.time_basis = "none";
      diagnostics_.Warn(Location{paths_.main_file, m.locator}, utc.error().message());
    }
  }

  Status FlushPending() {
    if (!pending_) return Ok();
    auto& m = *pending_;
    std::vector<SignalReaction> reactions;
    std::string_view body = StripSignalReactions(m.text, reactions);
    for (const auto& r : reactions) {
      model::Reaction reaction{std::string(r.emoji), 1, {RefOf(r.name)}};
      m.reactions.push_back(std::move(reaction));
    }
    m.text = std::string(body);
    if (m.text == kDeleted) {
      m.deleted = true;
      m.deleted_detail = std::string(kDeleted);
      m.text.clear();
    }
    TakeAttachments(m.text, m.attachments, m.locator);
    for (auto& a : m.attachments) folder_.Resolve(a, diagnostics_);
    sink_.Message(std::move(m));
    pending_.reset();
    ++messages_;
    return Ok();
  }

  const Paths& paths_;
  const ImportOptions& options_;
  const ExportFolder& folder_;
  Sink& sink_;
  Diagnostics& diagnostics_;
  std::optional<model::MessageRecord> pending_;
  size_t pending_line_ = 0, pending_last_line_ = 0;
  std::map<std::string, bool> seen_;
  std::string owner_ref_;
  uint64_t messages_ = 0;
};

// Confidence that `head` is chat.md: the first non-empty line is a Signal header.
double ScoreHead(std::string_view head) {
  double score = 0;
  ForEachLine(StripBom(head), [&](size_t, std::string_view line) {
    if (line.empty()) return true;
    score = ParseSignalLine(line) ? 0.75 : 0;
    return false;
  });
  return score;
}

}  // namespace

ImporterInfo SignalExportImporter::Describe() const {
  return {"signal-export", "1",
          "Signal conversation exported by signal-export (chat.md, alone or in its folder with media/)",
          "signal-contact:", {std::string(kMainFile)},
          {{"tz", "IANA zone of the exporting computer (times in chat.md carry no zone)", true}}};
}

SniffResult SignalExportImporter::Sniff(const Probe& probe) const {
  if (probe.is_directory) {
    const std::string* head = probe.FileHead(kMainFile);
    if (head && ScoreHead(*head) > 0) return {0.9, "folder with a signal-export chat.md"};
    return {0, "no chat.md"};
  }
  double score = ScoreHead(probe.head);
  if (score == 0) return {0, "first line is not a signal-export header [YYYY-MM-DD HH:MM]"};
  if (BaseName(probe.path) == kMainFile) score = 0.9;
  return {score, "first line is a signal-export header [YYYY-MM-DD HH:MM] Sender: text"};
}

Result<ImportSummary> SignalExportImporter::Import(const Source& source, const ImportOptions& options, Sink& sink,
                                                   Diagnostics& diagnostics) const {
  auto paths = Locate(source);
  if (!paths) return paths.error();
  if (options.tz.empty()) {
    return Error::InvalidArgument("signal-export times are local to the exporting computer; give its zone with --tz "
                                  "(e.g. --tz Europe/Istanbul)",
                                  Location{paths->main_file, ""});
  }
  auto view = source.fs->Map(paths->main_file);
  if (!view) return view.error();
  ExportFolder folder(*source.fs, paths->folder);
  SignalReader reader(*paths, options, folder, sink, diagnostics);
  ImportSummary summary;
  CASEGRAPH_RETURN_IF_ERROR(reader.Read((*view)->bytes(), summary));
  if (reader.messages() == 0) {
    return Error::Corrupt("no signal-export message line found", Location{paths->main_file, "line 1"});
  }
  summary.conversations = 1;
  summary.messages = reader.messages();
  return summary;
}

Result<std::string> SignalExportImporter::Show(const Source& source, const std::string& locator) const {
  auto paths = Locate(source);
  if (!paths) return paths.error();
  if (locator.rfind("line ", 0) != 0) return Error::NotFound("not a line locator: " + locator);
  const size_t wanted = std::strtoull(locator.c_str() + 5, nullptr, 10);
  auto view = source.fs->Map(paths->main_file);
  if (!view) return view.error();
  std::string out;
  bool in_message = false;
  ForEachLine(StripBom((*view)->bytes()), [&](size_t number, std::string_view line) {
    if (number < wanted) return true;
    if (number > wanted && ParseSignalLine(line)) return false;
    if (number == wanted && !ParseSignalLine(line)) return false;
    in_message = true;
    if (!out.empty()) out += "\n";
    out.append(line);
    return true;
  });
  if (!in_message) return Error::NotFound("no message starts at " + locator, Location{paths->main_file, locator});
  return out;
}

}  // namespace casegraph::ingest
