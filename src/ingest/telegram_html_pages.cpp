// Pages and locators of the Telegram HTML export (see telegram_html_pages.h).
#include "ingest/telegram_html_pages.h"

#include <algorithm>
#include <cctype>

namespace casegraph::ingest {
namespace {

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

}  // namespace

std::optional<int> HtmlPageNumber(std::string_view name) {
  constexpr std::string_view kPrefix = "messages", kSuffix = ".html";
  if (name.size() < kPrefix.size() + kSuffix.size() || name.substr(0, kPrefix.size()) != kPrefix ||
      name.substr(name.size() - kSuffix.size()) != kSuffix) {
    return std::nullopt;
  }
  std::string_view digits = name.substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
  if (digits.empty()) return 1;
  if (!AllDigits(digits) || digits.size() > 6 || digits[0] == '0') return std::nullopt;
  const int n = std::stoi(std::string(digits));
  return n >= 2 ? std::optional<int>(n) : std::nullopt;
}

Result<std::vector<std::string>> ListHtmlPages(const FileSystem& fs, const std::string& folder) {
  auto names = fs.List(folder);
  if (!names) return names.error();
  std::vector<std::pair<int, std::string>> pages;
  for (const auto& name : *names) {
    auto n = HtmlPageNumber(name);
    if (!n) continue;
    auto st = fs.Stat(JoinPath(folder, name));
    if (!st || st->is_directory) continue;
    pages.emplace_back(*n, name);
  }
  std::sort(pages.begin(), pages.end());
  std::vector<std::string> out;
  for (auto& p : pages) out.push_back(std::move(p.second));
  return out;
}

Result<std::vector<std::string>> ListHtmlChatFolders(const FileSystem& fs, const std::string& root) {
  const std::string chats = JoinPath(root, "chats");
  auto names = fs.List(chats);
  if (!names) return names.error();
  std::vector<std::string> out;
  for (const auto& name : *names) {
    if (name.rfind("chat_", 0) != 0) continue;
    auto st = fs.Stat(JoinPath(chats, name));
    if (!st || !st->is_directory || st->is_symlink) continue;
    out.push_back("chats/" + name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string MakeHtmlLocator(std::string_view page, std::string_view message_id) {
  std::string out = "/";
  out.append(page).append("#message").append(message_id);
  return out;
}

std::optional<HtmlLocator> ParseHtmlLocator(std::string_view locator) {
  if (locator.empty() || locator[0] != '/') return std::nullopt;
  constexpr std::string_view kAnchor = "#message";
  const size_t hash = locator.find(kAnchor);
  if (hash == std::string_view::npos || hash < 2) return std::nullopt;
  HtmlLocator out;
  out.page = std::string(locator.substr(1, hash - 1));
  std::string_view rest = locator.substr(hash + kAnchor.size());
  const size_t slash = rest.find('/');
  std::string_view id = rest.substr(0, slash);
  const bool negative = !id.empty() && id[0] == '-';
  if (!AllDigits(negative ? id.substr(1) : id)) return std::nullopt;
  out.message_id = std::string(id);
  if (slash != std::string_view::npos) {
    constexpr std::string_view kMedia = "/media/";
    std::string_view tail = rest.substr(slash);
    if (tail.substr(0, kMedia.size()) != kMedia || !AllDigits(tail.substr(kMedia.size())) ||
        tail.size() - kMedia.size() > 6) {
      return std::nullopt;
    }
    out.media = static_cast<size_t>(std::stoul(std::string(tail.substr(kMedia.size()))));
  }
  const std::string_view page = out.page;
  if (page.find("..") != std::string_view::npos || !HtmlPageNumber(page.substr(page.rfind('/') + 1))) {
    return std::nullopt;
  }
  return out;
}

}  // namespace casegraph::ingest
