#include "ingest/whatsapp_message.h"


#include "ingest/whatsapp_lexicon.h"

namespace casegraph::ingest::whatsapp {
namespace {

constexpr int64_t kDay = 86400;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool StartsWithMark(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return MarkLength(s, 0) > 0;
}

// The continuation lines after the first, joined with "\n" (CR of CRLF dropped).
void AppendContinuation(std::string_view rest, std::string* out) {
  size_t pos = 0;
  bool first = true;
  while (pos <= rest.size()) {
    size_t nl = rest.find('\n', pos);
    if (nl == std::string_view::npos) nl = rest.size();
    std::string_view line = rest.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!first) out->push_back('\n');
    out->append(line);
    first = false;
    pos = nl + 1;
  }
}

}  // namespace

Result<int64_t> ZoneClock::ToUtc(const LocalDateTime& local, int64_t as_utc) {
  const int64_t day = FloorDiv(as_utc, kDay);
  if (day != day_) {
    day_ = day;
    LocalDateTime start = UnixToCivil(day * kDay), end = UnixToCivil(day * kDay + kDay - 1);
    auto a = LocalToUtc(start, zone_);
    if (!a) return a.error();
    auto b = LocalToUtc(end, zone_);
    if (!b) return b.error();
    const int64_t off_a = day * kDay - *a, off_b = day * kDay + kDay - 1 - *b;
    uniform_ = off_a == off_b;
    offset_ = off_a;
  }
  if (uniform_) return as_utc - offset_;
  return LocalToUtc(local, zone_);  // the day of a DST change: ask for this very time
}

void MessageBuilder::SetTime(const Entry& e, model::MessageRecord& m) {
  auto local = ToLocal(e.header, ctx_.order);
  if (!local) {
    ++undated_;
    m.time_basis = "none";
    ctx_.diagnostics->Warn({ctx_.label, "line " + std::to_string(e.line)},
                           std::string("impossible date under day/month order ") + DateOrderName(ctx_.order) +
                               "; the message is kept without a time");
    return;
  }
  const int64_t as_utc = CivilToUnix(*local);
  auto utc = clock_.ToUtc(*local, as_utc);
  if (!utc) {
    ++undated_;
    m.time_basis = "none";
    return;
  }
  m.sent_at_utc = *utc;
  m.utc_offset_seconds = static_cast<int32_t>(as_utc - *utc);
  m.time_basis = "examiner-tz";
  // local_time stays empty: it is sent_at + utc_offset_seconds, and the store does not keep it.
}

void MessageBuilder::AddAttachment(model::MessageRecord& m, model::AttachmentRecord a) {
  a.locator = m.locator;
  if (a.status != model::AttachmentStatus::kNotExported) ctx_.folder->Resolve(a, *ctx_.diagnostics);
  m.attachments.push_back(std::move(a));
  ++attachments_;
}

// "<attached: 00000035-PHOTO-….jpg>" (iOS) or "IMG-…-WA0002.jpg (file attached)" (Android),
// localised labels accepted; a WhatsApp-style media name is accepted with an unknown label.
bool MessageBuilder::AttachedFile(std::string_view first, model::MessageRecord& m) {
  std::string_view name;
  if (first.size() > 3 && first.back() == '>') {
    const size_t lt = first.rfind('<');
    if (lt == std::string_view::npos) return false;
    const std::string_view inner = first.substr(lt + 1, first.size() - lt - 2);
    const size_t colon = inner.find(':');
    if (colon == std::string_view::npos) return false;
    const std::string_view label = TrimMarks(inner.substr(0, colon));
    const std::string_view file = TrimMarks(inner.substr(colon + 1));
    if (file.empty() || !(IsAttachedLabel(label) || LooksLikeExportedMediaName(file))) return false;
    name = file;
  } else if (first.size() > 4 && first.back() == ')') {
    const size_t open = first.rfind(" (");
    if (open == std::string_view::npos) return false;
    const std::string_view label = first.substr(open + 2, first.size() - open - 3);
    const std::string_view file = TrimMarks(first.substr(0, open));
    if (file.empty() || file.find('.') == std::string_view::npos) return false;
    if (!(IsFileAttachedLabel(label) || LooksLikeExportedMediaName(file))) return false;
    name = file;
  } else {
    return false;
  }
  model::AttachmentRecord a;
  a.kind = std::string(KindFromFileName(name));
  a.declared_path = std::string(name);
  a.file_name = a.declared_path;
  a.status = model::AttachmentStatus::kMissing;
  AddAttachment(m, std::move(a));
  return true;
}

// "<Media omitted>", "‎image omitted", "Some file.txt ‎document omitted",
// "Resume.pdf • ‎2 pages ‎document omitted" and translations.
bool MessageBuilder::OmittedMedia(std::string_view first, model::MessageRecord& m) {
  const std::string clean = WithoutMarks(first);
  std::string_view kind = OmittedMediaKind(clean);
  std::string title;
  if (kind.empty()) {
    // iOS puts an LRM before the placeholder words; what precedes is the document's name.
    const size_t lrm = first.rfind("\u200E");
    if (lrm == std::string_view::npos || lrm == 0) return false;
    const std::string tail = WithoutMarks(TrimMarks(first.substr(lrm)));
    kind = OmittedMediaKind(tail);
    if (kind.empty()) return false;
    std::string_view head = TrimMarks(first.substr(0, lrm));
    const size_t bullet = head.find(" \u2022 ");
    if (bullet != std::string_view::npos) head = head.substr(0, bullet);
    title = WithoutMarks(TrimMarks(head));
  }
  model::AttachmentRecord a;
  a.kind = std::string(kind);
  a.declared_path = clean;
  a.file_name = std::move(title);
  a.status = model::AttachmentStatus::kNotExported;
  a.status_detail = clean;
  AddAttachment(m, std::move(a));
  return true;
}

void MessageBuilder::Classify(const Entry& e, std::string_view first_text, bool lrm_led,
                              model::MessageRecord& m) {
  const std::string_view first = TrimMarks(first_text);
  const bool system_context = e.sender == kNoSender || lrm_led;
  SystemEvent ev;
  bool service = false;
  std::string clean;  // ev's views point into it
  // iOS also LRM-leads its media placeholders, far more common than system lines: those first.
  bool placeholder = false;
  if (e.sender != kNoSender && lrm_led && !first.empty() && first.size() <= 160) {
    const std::string plain = WithoutMarks(first);
    placeholder = first.back() == '>' || !OmittedMediaKind(plain).empty() || IsDeletedMarker(plain);
  }
  if (system_context && !placeholder) {
    clean = WithoutMarks(TrimMarks(m.text));
    service = MatchSystemText(clean, true, &ev) || e.sender == kNoSender;
  } else if (first.size() > 30) {
    service = MatchSystemText(first, false, &ev);  // only the end-to-end openings, no copy
  }
  if (service) {
    m.kind = "service";
    m.action = std::string(ev.action);
    m.sender_ref.clear();
    m.sender_name.clear();
    if (!ev.actor.empty()) {
      const uint32_t id = ctx_.people->Intern(ev.actor);
      m.sender_ref = ctx_.people->Use(id, m.locator, *ctx_.sink);
      m.sender_name = ctx_.people->Name(id);
    }
    ForEachMember(ev.members, [&](std::string_view name) { m.members.emplace_back(CleanName(name)); });
    return;
  }
  if (m.text.find('\n') == std::string::npos && first.size() <= 80) {
    const bool marks = HasMark(first);
    const std::string clean = marks ? WithoutMarks(first) : std::string();
    if (IsDeletedMarker(marks ? std::string_view(clean) : first)) {
      m.deleted = true;
      m.deleted_detail = marks ? clean : std::string(first);
      m.text.clear();
      return;
    }
  }
  bool edited = false;
  const std::string_view kept = StripEditedMarker(m.text, &edited);
  if (edited) {
    m.text.resize(kept.size());
    model::MessageEdit edit;
    edit.locator = m.locator;
    m.edits.push_back(std::move(edit));
  }
  if (!first.empty() && (first.back() == '>' || first.back() == ')' || lrm_led ||
                         first.find("\u200E") != std::string_view::npos)) {
    if (AttachedFile(first, m) || OmittedMedia(first, m)) {
      // The caption is on the continuation lines.
      const size_t nl = m.text.find('\n');
      m.text = nl == std::string::npos ? std::string() : m.text.substr(nl + 1);
    }
  }
}

Status MessageBuilder::Emit(size_t i) {
  const Entry& e = (*ctx_.entries)[i];
  const std::string_view all = MessageBytes(ctx_.bytes, *ctx_.entries, i);
  const size_t nl = e.multi_line ? all.find('\n') : std::string_view::npos;
  std::string_view first_line = all.substr(0, nl);
  if (!first_line.empty() && first_line.back() == '\r') first_line.remove_suffix(1);
  std::string_view first_text = first_line.substr(std::min<size_t>(e.header.length, first_line.size()));
  model::MessageRecord m;
  m.conversation_key = ctx_.conversation_key;
  m.locator = ctx_.locator_prefix + "line " + std::to_string(e.line);
  m.source_id = std::to_string(e.line);
  m.kind = "message";
  SetTime(e, m);
  if (e.sender != kNoSender) {
    first_text.remove_prefix(std::min<size_t>(first_text.size(), e.sender_len + 1));
    if (!first_text.empty() && first_text.front() == ' ') first_text.remove_prefix(1);
  }
  // iOS puts an LRM before attachment and system text: an artefact, not content (show keeps it).
  const bool lrm_led = StartsWithMark(first_text);
  while (const size_t mark = MarkLength(first_text, 0)) first_text.remove_prefix(mark);
  m.text.reserve(all.size() - (first_line.size() - first_text.size()));
  m.text.append(first_text);
  if (nl != std::string_view::npos) {
    m.text.push_back('\n');
    AppendContinuation(all.substr(nl + 1), &m.text);
  }
  while (!m.text.empty() && (m.text.back() == '\n' || m.text.back() == '\r')) m.text.pop_back();  // blank tail lines
  if (!ctx_.utf8_valid) {
    bool repaired = false;
    std::string fixed = RepairUtf8(m.text, &repaired);
    if (repaired) {
      m.text = std::move(fixed);
      ctx_.diagnostics->Warn({ctx_.label, "line " + std::to_string(e.line)},
                             "invalid UTF-8 in the message text; replaced by U+FFFD (show gives the original bytes)");
    }
  }
  Classify(e, first_text, lrm_led, m);
  // iOS writes system lines under the group's or contact's name: that is no account.
  if (e.sender != kNoSender && m.kind != "service") {
    m.sender_ref = ctx_.people->Use(e.sender, m.locator, *ctx_.sink);
    m.sender_name = ctx_.people->Name(e.sender);
  }
  ctx_.sink->Message(std::move(m));
  return Ok();
}

}  // namespace casegraph::ingest::whatsapp
