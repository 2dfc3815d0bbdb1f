// Internal to the telegram-html scenario writer: what its chat pages
// (scenario_write_telegram_html.cpp) and its summary and list pages
// (scenario_telegram_html_lists.cpp) share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "synth/scenario.h"
#include "synth/scenario_html.h"

namespace casegraph::synth {

// One line of lists/chats.html.
struct HtmlChatEntry {
  std::string folder;  // "chats/chat_001"
  std::string name;    // the chat's name (the peer's for a direct chat, else the title)
  const char* type = "private";  // "private", "group", "channel"
  int color = 0;
  std::pair<std::string, std::string> userpic_name;  // first and last name
  uint64_t messages = 0;
};

// tdesktop's userpic colour index for a peer id (Data::PeerColorIndex); non-numeric ids hashed.
int TelegramColorIndex(std::string_view id);
// First name and the rest, as tdesktop keeps a user's names.
std::pair<std::string, std::string> SplitTelegramName(std::string_view name);
// div.userpic with the initials, `pixels` square.
void TelegramUserpic(HtmlTags& tags, int color, int pixels, const std::pair<std::string, std::string>& name);

// export_results.html (the owner's personal info and the sections), lists/chats.html,
// lists/contacts.html when the device has contacts, and the stylesheet and script placeholders.
Status WriteTelegramHtmlSummary(const Scenario& s, const SynthExhibit& e, const std::string& folder,
                                const std::vector<HtmlChatEntry>& chats);

}  // namespace casegraph::synth
