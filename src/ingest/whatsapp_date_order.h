// Day/month order of an export's numeric dates, decided over the WHOLE file (a single line
// cannot tell 3/4/22 from 4/3/22): each header votes, orders that give an impossible date are
// ruled out, and of the rest the one whose dates run forward wins. --date-order overrides.
// Also turns a header into a civil date-time (two-digit, Buddhist and Japanese-era years).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/time_util.h"
#include "ingest/whatsapp_header.h"

namespace casegraph::ingest::whatsapp {

enum class DateOrder : uint8_t { kDmy, kMdy, kYmd };

const char* DateOrderName(DateOrder order);  // "dmy"
std::optional<DateOrder> ParseDateOrder(std::string_view text);

// The civil time of `h` read in `order` (year-first headers are always read y-m-d); nullopt
// when the date does not exist.
std::optional<LocalDateTime> ToLocal(const Header& h, DateOrder order);

class DateOrderVote {
 public:
  void Add(const Header& h, uint32_t line);

  struct Decision {
    DateOrder order = DateOrder::kDmy;
    bool ambiguous = false;   // both orders fit: a default was taken (warn the examiner)
    std::string reason;       // for ImportSummary::time_note
  };
  Decision Decide(std::optional<DateOrder> forced) const;

 private:
  struct Candidate {
    uint64_t invalid = 0;
    uint32_t first_invalid_line = 0;
    int first_invalid_month = 0;
    uint64_t backward = 0;  // steps where the date-time goes back
    int64_t last_key = INT64_MIN;
    int64_t last_day = 0;        // the previous header's date at 00:00, as seconds
    bool last_day_valid = false;
    bool same_date = false;      // this header has the previous one's date
  };
  void Score(Candidate& c, const Header& h, DateOrder order, uint32_t line);
  Candidate dmy_, mdy_;
  uint64_t numeric_ = 0;       // headers whose order is in question (not year-first)
  uint64_t year_first_ = 0;
  uint64_t twelve_hour_slash_ = 0;
  uint16_t last_fields_[3] = {0, 0, 0};
  char last_era_ = 0;  // "1/23/23, 3:19 AM" style, which is en-US
};

}  // namespace casegraph::ingest::whatsapp
