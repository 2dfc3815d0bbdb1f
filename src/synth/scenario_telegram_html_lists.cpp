// The summary and list pages of the telegram-html scenario writer (see scenario_telegram_html.h):
// export_results.html, lists/chats.html, lists/contacts.html, laid out as tdesktop's
// HtmlWriter does (writePreparedPersonal, pushSection, pushListEntry). The importer reads only
// the chat pages; these make the exhibit look like the export an examiner receives.
#include <algorithm>
#include <cctype>
#include <functional>

#include "synth/json_output.h"
#include "synth/scenario_telegram_html.h"
#include "synth/scenario_write_common.h"

namespace casegraph::synth {
namespace {

constexpr std::string_view kAboutChats = "This page lists all chats from this export.";
constexpr std::string_view kAboutContacts =
    "If you allow access, contacts are continuously synced from your device to Telegram's servers. "
    "This list shows the contacts saved on Telegram's servers, as of the time of the export.";
constexpr std::string_view kAboutTelegram =
    "Make sure you trust the device you are exporting to: the archive holds your chat history.";

// A list entry (tdesktop's pushGenericListEntry): linked when `link` is not empty.
void ListEntry(HtmlTags& tags, const std::string& link, int color, const std::pair<std::string, std::string>& name,
               std::string_view shown_name, std::string_view details, std::string_view info) {
  if (link.empty()) {
    tags.PushDiv("entry clearfix");
  } else {
    const std::string href = link + "#allow_back";
    tags.Push("a", {{"class", "entry block_link clearfix"}, {"href", href}});
  }
  tags.PushDiv("pull_left userpic_wrap");
  TelegramUserpic(tags, color, 48, name);
  tags.Pop();
  tags.PushDiv("body");
  if (!info.empty()) {
    tags.PushDiv("pull_right info details");
    tags.Text(info);
    tags.Pop();
  }
  tags.PushDiv("name bold");
  tags.Text(shown_name);
  tags.Pop();
  tags.PushDiv("details_entry details");
  tags.Text(details);
  tags.Pop();
  tags.Pop();
  tags.Pop();
}

void About(HtmlTags& tags, std::string_view text, bool divider) {
  tags.PushDiv(divider ? "page_about details with_divider" : "page_about details");
  tags.Text(text);
  tags.Pop();
}

Status WritePage(const std::string& path, const std::function<void(HtmlTags&)>& body) {
  OutFile f;
  CASEGRAPH_RETURN_IF_ERROR(f.Open(path));
  HtmlTags tags(&f.buffer());
  body(tags);
  tags.PopAll();
  return f.Finish();
}

std::string CountText(uint64_t n) {
  return n == 1 ? "1 message" : n == 0 ? "No messages" : std::to_string(n) + " messages";
}

}  // namespace

int TelegramColorIndex(std::string_view id) {
  static constexpr int kMap[] = {0, 7, 4, 1, 6, 3, 5};
  const bool numeric = !id.empty() && id.size() < 19 &&
                       std::all_of(id.begin(), id.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  const uint64_t n = numeric ? std::stoull(std::string(id)) : StableHash(id, 31);
  return kMap[n % 7];
}

std::pair<std::string, std::string> SplitTelegramName(std::string_view name) {
  const size_t space = name.find(' ');
  if (space == std::string_view::npos) return {std::string(name), std::string()};
  return {std::string(name.substr(0, space)), std::string(name.substr(space + 1))};
}

void TelegramUserpic(HtmlTags& tags, int color, int pixels, const std::pair<std::string, std::string>& name) {
  auto first_character = [](std::string_view text) {
    if (text.empty()) return text;
    const auto lead = static_cast<unsigned char>(text[0]);
    const size_t n = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return text.substr(0, std::min(n, text.size()));
  };
  const std::string size = std::to_string(pixels) + "px";
  const std::string style = "width: " + size + "; height: " + size;
  const std::string line = "line-height: " + size;
  const std::string classes = "userpic userpic" + std::to_string(color + 1);
  tags.Push("div", {{"class", classes}, {"style", style}});
  tags.Push("div", {{"class", "initials"}, {"style", line}});
  tags.Text(first_character(name.first));
  tags.Text(first_character(name.second));
  tags.Pop();
  tags.Pop();
}

Status WriteTelegramHtmlSummary(const Scenario& s, const SynthExhibit& e, const std::string& folder,
                                const std::vector<HtmlChatEntry>& chats) {
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(folder + "/lists"));
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(folder + "/css"));
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(folder + "/js"));
  // The real export copies Telegram Desktop's own stylesheet and script; placeholders here.
  CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(folder + "/css/style.css", "/* placeholder for the export stylesheet */\n"));
  CASEGRAPH_RETURN_IF_ERROR(WriteSmallFile(folder + "/js/script.js", "// placeholder for the export script\n"));

  CASEGRAPH_RETURN_IF_ERROR(WritePage(folder + "/lists/chats.html", [&](HtmlTags& tags) {
    tags.PageStart("../");
    tags.PageHeader("Chats", "../export_results.html");
    tags.PushDiv("page_body list_page");
    About(tags, kAboutChats, false);
    tags.PushDiv("entry_list");
    for (const HtmlChatEntry& chat : chats) {
      const std::string link = chat.messages > 0 ? "../" + chat.folder + "/messages.html" : std::string();
      ListEntry(tags, link, chat.color, chat.userpic_name, chat.name, CountText(chat.messages), chat.type);
    }
  }));

  if (!e.contacts.empty()) {
    CASEGRAPH_RETURN_IF_ERROR(WritePage(folder + "/lists/contacts.html", [&](HtmlTags& tags) {
      tags.PageStart("../");
      tags.PageHeader("Contacts", "../export_results.html");
      tags.PushDiv("page_body list_page");
      About(tags, kAboutContacts, false);
      tags.PushDiv("entry_list");
      for (int index : e.contacts) {
        const SynthAccount& a = s.accounts[static_cast<size_t>(index)];
        ListEntry(tags, "", TelegramColorIndex(a.uid), SplitTelegramName(a.display_name), a.display_name, a.phone, "");
      }
    }));
  }

  const SynthAccount& owner = s.accounts[static_cast<size_t>(e.owner)];
  return WritePage(folder + "/export_results.html", [&](HtmlTags& tags) {
    tags.PageStart("");
    tags.PageHeader("Exported Data", "");
    tags.PushDiv("page_body");
    tags.PushDiv("personal_info clearfix");
    tags.PushDiv("pull_right userpic_wrap");
    const auto name = SplitTelegramName(owner.display_name);
    TelegramUserpic(tags, TelegramColorIndex(owner.uid), 90, name);
    tags.Pop();
    auto rows = [&](std::string_view classes, std::initializer_list<std::pair<std::string_view, std::string_view>> values) {
      tags.PushDiv(classes);
      for (const auto& [label, value] : values) {
        if (value.empty()) continue;
        tags.PushDiv("row");
        tags.PushDiv("label details");
        tags.Text(label);
        tags.Pop();
        tags.PushDiv("value bold");
        tags.Text(value);
        tags.Pop();
        tags.Pop();
      }
      tags.Pop();
    };
    const std::string username = owner.username.empty() ? std::string() : "@" + owner.username;
    rows("rows names", {{"First name", name.first}, {"Last name", name.second}});
    rows("rows info", {{"Phone number", owner.phone}, {"Username", username}});
    rows("rows bio", {{"Bio", owner.bio}});
    tags.Pop();
    tags.PushDiv("sections with_divider");
    auto section = [&](std::string_view type, std::string_view label, size_t count, std::string_view path) {
      const std::string classes = "section block_link " + std::string(type);
      const std::string href = std::string(path) + "#allow_back";
      tags.Push("a", {{"class", classes}, {"href", href}});
      tags.PushDiv("counter details");
      tags.Raw(std::to_string(count));
      tags.Pop();
      tags.PushDiv("label bold");
      tags.Text(label);
      tags.Pop();
      tags.Pop();
    };
    section("chats", "Chats", chats.size(), "lists/chats.html");
    if (!e.contacts.empty()) section("contacts", "Contacts", e.contacts.size(), "lists/contacts.html");
    tags.Pop();
    About(tags, kAboutTelegram, true);
  });
}

}  // namespace casegraph::synth
