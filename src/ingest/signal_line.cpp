#include "ingest/signal_line.h"

#include <vector>

namespace casegraph::ingest {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<SignalLine> ParseSignalLine(std::string_view line) {
  // "[2019-12-24, 12:23] " or "[2019-12-24 12:23:05] "
  SignalLine out;
  if (line.size() < 18 || line[0] != '[') return std::nullopt;
  if (!Digits(line, 1, 4, out.local.year) || line[5] != '-' || !Digits(line, 6, 2, out.local.month) ||
      line[8] != '-' || !Digits(line, 9, 2, out.local.day)) {
    return std::nullopt;
  }
  size_t pos = 11;
  if (pos < line.size() && line[pos] == ',') ++pos;
  if (pos >= line.size() || line[pos] != ' ') return std::nullopt;
  ++pos;
  if (!Digits(line, pos, 2, out.local.hour) || pos + 2 >= line.size() || line[pos + 2] != ':' ||
      !Digits(line, pos + 3, 2, out.local.minute)) {
    return std::nullopt;
  }
  pos += 5;
  if (pos < line.size() && line[pos] == ':') {
    if (!Digits(line, pos + 1, 2, out.local.second)) return std::nullopt;
    pos += 3;
  }
  if (pos + 1 >= line.size() || line[pos] != ']' || line[pos + 1] != ' ') return std::nullopt;
  if (out.local.month < 1 || out.local.month > 12 || out.local.day < 1 || out.local.day > 31 || out.local.hour > 23 ||
      out.local.minute > 59 || out.local.second > 60) {
    return std::nullopt;
  }
  std::string_view rest = line.substr(pos + 2);
  const size_t colon = rest.find(": ");
  if (colon == std::string_view::npos) {
    if (rest.size() && rest.back() == ':') {  // a sender with an empty body
      out.sender = rest.substr(0, rest.size() - 1);
      return out;
    }
    return std::nullopt;
  }
  out.sender = rest.substr(0, colon);
  out.body = rest.substr(colon + 2);
  return out;
}

std::string_view StripSignalReactions(std::string_view body, std::vector<SignalReaction>& reactions) {
  for (;;) {
    while (!body.empty() && body.back() == ' ') body.remove_suffix(1);
    if (body.size() < 6 || body.substr(body.size() - 2) != "-)") return body;
    const size_t open = body.rfind("(- ");
    if (open == std::string_view::npos) return body;
    std::string_view inside = body.substr(open + 3, body.size() - open - 5);
    while (!inside.empty() && inside.back() == ' ') inside.remove_suffix(1);
    const size_t colon = inside.rfind(": ");
    if (colon == std::string_view::npos) return body;
    reactions.push_back({inside.substr(0, colon), inside.substr(colon + 2)});
    body = body.substr(0, open);
  }
}

}  // namespace casegraph::ingest
