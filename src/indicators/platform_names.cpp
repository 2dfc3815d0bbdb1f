#include "indicators/platform_names.h"

#include <algorithm>
#include <cctype>

namespace casegraph::indicators {
namespace {

struct AppName {
  std::string_view name;      // as people write it
  std::string_view platform;  // as accounts.platform spells it
  bool common_word;           // also an ordinary word: capitalised and standing alone only
};

// Apps a conversation may move to. Wire, Threema and Session have no importer yet: a push to
// them is found but never followed by contact there, so it never flags on its own.
constexpr AppName kApps[] = {
    {"WhatsApp", "whatsapp", false}, {"Telegram", "telegram", false}, {"Discord", "discord", false},
    {"Rocket.Chat", "rocketchat", false}, {"RocketChat", "rocketchat", false}, {"Threema", "threema", false},
    {"Element", "matrix", true}, {"Matrix", "matrix", true}, {"Signal", "signal", true},
    {"Wire", "wire", true}, {"Session", "session", true},
};

// URL hosts (and path prefixes) that are a platform's invite or profile links.
struct LinkHost {
  std::string_view host_and_path;
  std::string_view platform;
};
constexpr LinkHost kLinkHosts[] = {
    {"wa.me/", "whatsapp"},           {"chat.whatsapp.com/", "whatsapp"}, {"api.whatsapp.com/", "whatsapp"},
    {"t.me/", "telegram"},            {"telegram.me/", "telegram"},       {"discord.gg/", "discord"},
    {"discord.com/invite/", "discord"}, {"discordapp.com/invite/", "discord"}, {"matrix.to/", "matrix"},
    {"signal.me/", "signal"},         {"signal.group/", "signal"},
};

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

char Lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool MatchesAt(std::string_view text, size_t at, std::string_view name, bool exact_case) {
  if (text.size() - at < name.size()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    const char t = text[at + i];
    if (exact_case ? t != name[i] : Lower(t) != Lower(name[i])) return false;
  }
  return true;
}

// The first offset where `app` is named in `text`, or npos.
size_t FindApp(std::string_view text, const AppName& app) {
  for (size_t at = 0; at + app.name.size() <= text.size(); ++at) {
    if (at > 0 && IsWordByte(text[at - 1])) continue;
    if (!MatchesAt(text, at, app.name, app.common_word)) continue;
    const size_t end = at + app.name.size();
    if (app.common_word && end < text.size() && IsWordByte(text[end])) continue;
    return at;
  }
  return std::string_view::npos;
}

}  // namespace

std::vector<PlatformMention> PlatformsNamedIn(std::string_view text) {
  std::vector<std::pair<size_t, const AppName*>> found;
  for (const AppName& app : kApps) {
    const size_t at = FindApp(text, app);
    if (at != std::string_view::npos) found.emplace_back(at, &app);
  }
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->name < b.second->name;
  });
  std::vector<PlatformMention> out;
  for (const auto& hit : found) {
    const AppName* app = hit.second;
    const bool seen = std::any_of(out.begin(), out.end(), [&](const PlatformMention& m) { return m.platform == app->platform; });
    if (!seen) out.push_back({std::string(app->platform), std::string(app->name)});
  }
  return out;
}

std::vector<std::string> PlatformsOfIdentifier(std::string_view kind, std::string_view value) {
  if (kind == "telegram-username" || kind == "telegram-invite") return {"telegram"};
  if (kind == "matrix-user" || kind == "matrix-room") return {"matrix"};
  if (kind == "phone") return {"signal", "whatsapp"};
  if (kind == "url") {
    std::string_view rest = value;
    const size_t scheme = rest.find("://");
    if (scheme != std::string_view::npos) rest.remove_prefix(scheme + 3);
    if (rest.substr(0, 4) == "www.") rest.remove_prefix(4);
    for (const LinkHost& h : kLinkHosts) {
      if (MatchesAt(rest, 0, h.host_and_path, false)) return {std::string(h.platform)};
    }
  }
  return {};
}

std::string AccountRefOfIdentifier(std::string_view kind, std::string_view value, std::string_view platform) {
  if (kind == "matrix-user" && platform == "matrix") return "matrix:" + std::string(value);
  if (kind == "phone" && platform == "whatsapp") return "whatsapp:" + std::string(value);
  return "";
}

std::string PlatformNamesFtsQuery() {
  // The folding tokenizer splits "Rocket.Chat" into two tokens; "rocket*" finds both spellings.
  return "whatsapp* OR telegram* OR discord* OR rocket* OR threema* OR element* OR matrix* OR signal* OR wire* OR "
         "session*";
}

}  // namespace casegraph::indicators
