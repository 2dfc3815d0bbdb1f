// Pass 2 of the whatsapp-txt importer: turns one message (its header line and continuation
// lines, as found by whatsapp_scan.h) into a MessageRecord: time in UTC through the examiner's
// zone, sender ref, text joined with "\n", and what the text says about itself: a system line
// (kind "service" with action/actor/members), a media placeholder or attached file (an
// attachment record, hashed when the file is in the export), a deleted or edited marker.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "base/time_util.h"
#include "ingest/export_folder.h"
#include "ingest/sink.h"
#include "ingest/whatsapp_date_order.h"
#include "ingest/whatsapp_people.h"
#include "ingest/whatsapp_scan.h"

namespace casegraph::ingest::whatsapp {

// Local wall-clock time -> UTC in one IANA zone, asking ICU once or twice per local day
// instead of once per message (a day without a DST change has one offset).
class ZoneClock {
 public:
  explicit ZoneClock(std::string zone) : zone_(std::move(zone)) {}
  // `as_utc` is CivilToUnix(local), which the caller has anyway.
  Result<int64_t> ToUtc(const LocalDateTime& local, int64_t as_utc);

 private:
  std::string zone_;
  int64_t day_ = INT64_MIN;
  bool uniform_ = false;
  int64_t offset_ = 0;
};

struct MessageContext {
  std::string_view bytes;
  const std::vector<Entry>* entries = nullptr;
  std::string locator_prefix;  // "" for a lone file, "_chat.txt:" inside a folder or ZIP
  std::string label;           // the chat file, for Locations
  std::string conversation_key;
  DateOrder order = DateOrder::kDmy;
  std::string tz;
  const ExportFolder* folder = nullptr;
  People* people = nullptr;
  Sink* sink = nullptr;
  Diagnostics* diagnostics = nullptr;
  bool utf8_valid = true;      // the whole file is valid UTF-8 (else each text is repaired)
};

class MessageBuilder {
 public:
  explicit MessageBuilder(MessageContext ctx) : ctx_(std::move(ctx)), clock_(ctx_.tz) {}
  Status Emit(size_t i);
  uint64_t attachments() const { return attachments_; }
  uint64_t undated() const { return undated_; }

 private:
  void SetTime(const Entry& e, model::MessageRecord& m);
  void Classify(const Entry& e, std::string_view first_text, bool lrm_led, model::MessageRecord& m);
  bool AttachedFile(std::string_view first, model::MessageRecord& m);
  bool OmittedMedia(std::string_view first, model::MessageRecord& m);
  void AddAttachment(model::MessageRecord& m, model::AttachmentRecord a);

  MessageContext ctx_;
  ZoneClock clock_;
  uint64_t attachments_ = 0;
  uint64_t undated_ = 0;
};

}  // namespace casegraph::ingest::whatsapp
