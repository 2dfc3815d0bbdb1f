// Where the pages of a Telegram HTML export are and how citations point into them. A chat is
// messages.html, messages2.html, … (1000 messages each, read in page-number order: messages10
// after messages9); a full-account export keeps one such folder per chat under
// chats/chat_NNN/ beside export_results.html. Locators name the page and the message:
// "/messages2.html#message1234", "/chats/chat_001/messages.html#message5", and an attachment
// adds "/media/<index>". Pure functions over a FileSystem; docs/formats/telegram-html.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/file_system.h"
#include "base/result.h"

namespace casegraph::ingest {

// messages.html → 1, messages7.html → 7; nullopt for any other name.
std::optional<int> HtmlPageNumber(std::string_view name);

// The message pages directly inside `folder`, in page order (names only).
Result<std::vector<std::string>> ListHtmlPages(const FileSystem& fs, const std::string& folder);

// The chat folders of a full-account export (chats/chat_NNN, relative to the export root),
// sorted; each holds at least one message page.
Result<std::vector<std::string>> ListHtmlChatFolders(const FileSystem& fs, const std::string& root);

struct HtmlLocator {
  std::string page;      // relative to the export root: "messages2.html", "chats/chat_001/messages.html"
  std::string message_id;
  std::optional<size_t> media;  // the n-th media link of the message
};

std::string MakeHtmlLocator(std::string_view page, std::string_view message_id);
std::optional<HtmlLocator> ParseHtmlLocator(std::string_view locator);

}  // namespace casegraph::ingest
