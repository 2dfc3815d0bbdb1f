// Helpers shared by the discord-json tests: import inline text or a path and keep the records,
// the summary and the warnings; build a DCE export around message objects.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "ingest/discord_json.h"
#include "testutil/testutil.h"

namespace casegraph::ingest::discord_testing {

struct Imported {
  std::optional<Result<ImportSummary>> result;
  testing::CaptureSink sink;
  Diagnostics diagnostics;
  bool ok() const { return result->ok(); }
  const Error& error() const { return result->error(); }
  const ImportSummary& summary() const { return result->value(); }
  const model::MessageRecord* At(const std::string& locator) const {
    for (const auto& m : sink.messages) {
      if (m.locator == locator) return &m;
    }
    return nullptr;
  }
  const model::AccountRecord* Account(const std::string& ref) const {
    for (const auto& a : sink.accounts) {
      if (a.ref == ref) return &a;
    }
    return nullptr;
  }
  bool Warned(const std::string& needle) const {
    for (const auto& w : diagnostics.warnings()) {
      if (w.message.find(needle) != std::string::npos) return true;
    }
    return false;
  }
};

inline std::unique_ptr<Imported> ImportSource(const FileSystem& fs, const std::string& path, bool is_directory) {
  auto out = std::make_unique<Imported>();
  out->result.emplace(
      DiscordJsonImporter().Import(Source{&fs, path, is_directory}, ImportOptions{}, out->sink, out->diagnostics));
  return out;
}

inline std::unique_ptr<Imported> ImportText(const std::string& json, const std::string& path = "/case/export.json") {
  testing::MemFileSystem fs;
  fs.Add(path, json);
  return ImportSource(fs, path, false);
}

// A guild channel export around the given message objects (a JSON array's inside).
inline std::string Channel(const std::string& messages, const std::string& type = "GuildTextChat") {
  return R"j({"guild": {"id": "700000000000000000", "name": "Test guild", "iconUrl": null},
 "channel": {"id": "700000000000000001", "type": ")j" +
         type + R"j(", "categoryId": "700000000000000002", "category": "Text Channels", "name": "general", "topic": null},
 "dateRange": {"after": null, "before": null},
 "messages": [)j" +
         messages + "]}";
}

// One message object with the usual keys; `extra` is spliced in after "content".
inline std::string Message(const std::string& id, const std::string& content, const std::string& extra = "",
                           const std::string& type = "Default",
                           const std::string& timestamp = "2023-01-06T14:03:03.853+00:00") {
  return R"j({"id": ")j" + id + R"j(", "type": ")j" + type + R"j(", "timestamp": ")j" + timestamp +
         R"j(", "timestampEdited": null, "callEndedTimestamp": null, "isPinned": false, "content": ")j" + content +
         R"j(", "author": {"id": "700000000000000011", "name": "ada", "discriminator": "0000", "nickname": "Ada",
  "color": null, "isBot": false, "avatarUrl": null})j" +
         (extra.empty() ? std::string() : ", " + extra) +
         R"j(, "attachments": [], "embeds": [], "stickers": [], "reactions": [], "mentions": []})j";
}

}  // namespace casegraph::ingest::discord_testing
