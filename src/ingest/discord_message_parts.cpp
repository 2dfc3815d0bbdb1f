// The second half of DiscordMessageReader (see discord_message.h): the lists and objects nested
// in a message. Attachments and stickers become AttachmentRecords; embeds become text blocks
// (so their links and words are searched and scanned for identifiers); reactions keep their
// emoji, count and reactors; mentions and the interaction user become entities and accounts.
#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "ingest/discord_message.h"

namespace casegraph::ingest {
namespace {

bool IsWebUrl(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://");
}

// Reads the string fields named in `wanted` of an object into `out` (same order); other keys
// and types are left alone.
template <size_t N>
Result<bool> ReadStrings(dod::value& v, DiscordRun& run, const std::string& pointer,
                         const std::array<std::string_view, N>& wanted, std::array<std::string, N>& out) {
  return ForEachDiscordField(v, run, pointer, [&](std::string_view key, dod::value& field) -> Status {
    for (size_t i = 0; i < N; ++i) {
      if (key != wanted[i]) continue;
      auto r = ReadDiscordString(field, out[i], run, DiscordChild(pointer, key));
      if (!r) return r.error();
    }
    return Ok();
  });
}

void AppendLine(std::string& block, std::string_view line) {
  if (line.empty()) return;
  if (!block.empty()) block.push_back('\n');
  block.append(line);
}

}  // namespace

void DiscordMessageReader::Resolve(model::AttachmentRecord& a) {
  if (a.declared_path.empty()) {
    a.status = model::AttachmentStatus::kMissing;
    a.status_detail = "no url or path given";
  } else if (IsWebUrl(a.declared_path)) {
    // Exported without --media: the export names Discord's CDN. Never fetched.
    a.status = model::AttachmentStatus::kNotExported;
    a.status_detail = "web URL (exported without media); not fetched";
  } else {
    run_.folder.Resolve(a, run_.diagnostics);
  }
}

Status DiscordMessageReader::ReadAttachments(dod::value& v, const std::string& pointer, Pending& p) {
  return ForEachDiscordElement(v, run_, pointer, [&](dod::value& element, const std::string& at) -> Status {
    model::AttachmentRecord a;
    a.kind = "file";
    a.locator = at;
    auto r = ForEachDiscordField(element, run_, at, [&](std::string_view key, dod::value& f) -> Status {
      const std::string where = DiscordChild(at, key);
      if (key == "url") {
        auto s = ReadDiscordString(f, a.declared_path, run_, where);
        if (!s) return s.error();
      } else if (key == "fileName") {
        auto s = ReadDiscordString(f, a.file_name, run_, where);
        if (!s) return s.error();
      }
      return Ok();
    });
    if (!r) return r.error();
    if (!*r) return Ok();
    Resolve(a);
    p.m.attachments.push_back(std::move(a));
    return Ok();
  });
}

Status DiscordMessageReader::ReadStickers(dod::value& v, const std::string& pointer, Pending& p) {
  return ForEachDiscordElement(v, run_, pointer, [&](dod::value& element, const std::string& at) -> Status {
    std::array<std::string, 3> got;
    auto r = ReadStrings<3>(element, run_, at, {"name", "sourceUrl", "format"}, got);
    if (!r) return r.error();
    if (!*r) return Ok();
    model::AttachmentRecord a;
    a.kind = "sticker";
    a.file_name = got[0];
    a.declared_path = got[1];
    a.locator = at;
    Resolve(a);
    p.m.attachments.push_back(std::move(a));
    return Ok();
  });
}

Status DiscordMessageReader::ReadEmbeds(dod::value& v, const std::string& pointer, Pending& p) {
  return ForEachDiscordElement(v, run_, pointer, [&](dod::value& element, const std::string& at) -> Status {
    std::string title, url, description, author, fields, footer;
    auto r = ForEachDiscordField(element, run_, at, [&](std::string_view key, dod::value& f) -> Status {
      const std::string where = DiscordChild(at, key);
      std::string* target = key == "title" ? &title : key == "url" ? &url : key == "description" ? &description : nullptr;
      if (target != nullptr) {
        auto s = ReadDiscordString(f, *target, run_, where);
        if (!s) return s.error();
      } else if (key == "author" || key == "footer") {
        std::array<std::string, 3> got;
        auto s = ReadStrings<3>(f, run_, where, {"name", "url", "text"}, got);
        if (!s) return s.error();
        std::string line;
        for (const auto& part : got) {
          if (part.empty()) continue;
          if (!line.empty()) line.push_back(' ');
          line += part;
        }
        (key == "author" ? author : footer) = line;
      } else if (key == "fields") {
        return ForEachDiscordElement(f, run_, where, [&](dod::value& field, const std::string& field_at) -> Status {
          std::array<std::string, 2> got;
          auto s = ReadStrings<2>(field, run_, field_at, {"name", "value"}, got);
          if (!s) return s.error();
          if (!got[0].empty() || !got[1].empty()) AppendLine(fields, got[0] + ": " + got[1]);
          return Ok();
        });
      }
      return Ok();
    });
    if (!r) return r.error();
    std::string block;
    AppendLine(block, title.empty() ? std::string("[embed]") : "[embed] " + title);
    AppendLine(block, url);
    AppendLine(block, author);
    AppendLine(block, description);
    AppendLine(block, fields);
    AppendLine(block, footer);
    if (block != "[embed]") p.embed_texts.push_back(std::move(block));
    return Ok();
  });
}

Status DiscordMessageReader::ReadReactions(dod::value& v, const std::string& pointer, Pending& p) {
  return ForEachDiscordElement(v, run_, pointer, [&](dod::value& element, const std::string& at) -> Status {
    model::Reaction reaction;
    auto r = ForEachDiscordField(element, run_, at, [&](std::string_view key, dod::value& f) -> Status {
      const std::string where = DiscordChild(at, key);
      if (key == "emoji") {
        std::array<std::string, 2> got;
        auto s = ReadStrings<2>(f, run_, where, {"name", "code"}, got);
        if (!s) return s.error();
        reaction.emoji = got[0].empty() ? got[1] : got[0];
      } else if (key == "count") {
        auto s = ReadDiscordCount(f, run_, where);
        if (!s) return s.error();
        reaction.count = static_cast<uint32_t>(std::min<uint64_t>(s->value_or(0), UINT32_MAX));
      } else if (key == "users") {
        return ForEachDiscordElement(f, run_, where, [&](dod::value& user_value, const std::string& user_at) -> Status {
          DiscordUser user;
          auto u = ReadDiscordUser(user_value, user, run_, user_at);
          if (!u) return u.error();
          if (!*u || user.id.empty()) return Ok();
          reaction.user_refs.push_back(user.Ref());
          p.users.emplace_back(std::move(user), user_at);
          return Ok();
        });
      }
      return Ok();
    });
    if (!r) return r.error();
    if (*r) p.m.reactions.push_back(std::move(reaction));
    return Ok();
  });
}

Status DiscordMessageReader::ReadMentions(dod::value& v, const std::string& pointer, Pending& p) {
  return ForEachDiscordElement(v, run_, pointer, [&](dod::value& element, const std::string& at) -> Status {
    DiscordUser user;
    auto r = ReadDiscordUser(element, user, run_, at);
    if (!r) return r.error();
    if (!*r || user.id.empty()) return Ok();
    p.mentions.push_back(user);
    p.users.emplace_back(std::move(user), at);
    return Ok();
  });
}

Status DiscordMessageReader::ReadReference(dod::value& v, const std::string& pointer, Pending& p) {
  auto r = ForEachDiscordField(v, run_, pointer, [&](std::string_view key, dod::value& f) -> Status {
    const std::string where = DiscordChild(pointer, key);
    Result<bool> s = false;
    if (key == "messageId") {
      s = ReadDiscordId(f, p.reference_message, run_, where);
    } else if (key == "channelId") {
      s = ReadDiscordId(f, p.reference_channel, run_, where);
    } else if (key == "type") {
      s = ReadDiscordString(f, p.reference_type, run_, where);
    }
    if (!s) return s.error();
    return Ok();
  });
  if (!r) return r.error();
  return Ok();
}

Status DiscordMessageReader::ReadInteraction(dod::value& v, const std::string& pointer, Pending& p) {
  auto r = ForEachDiscordField(v, run_, pointer, [&](std::string_view key, dod::value& f) -> Status {
    const std::string where = DiscordChild(pointer, key);
    if (key == "name") {
      auto s = ReadDiscordString(f, p.interaction_name, run_, where);
      if (!s) return s.error();
    } else if (key == "user") {
      auto s = ReadDiscordUser(f, p.interaction_user, run_, where);
      if (!s) return s.error();
      if (*s && !p.interaction_user.id.empty()) p.users.emplace_back(p.interaction_user, where);
    }
    return Ok();
  });
  if (!r) return r.error();
  p.has_interaction = *r;
  return Ok();
}

Status DiscordMessageReader::ReadForwarded(dod::value& v, const std::string& pointer, Pending& p) {
  auto r = ForEachDiscordField(v, run_, pointer, [&](std::string_view key, dod::value& f) -> Status {
    const std::string where = DiscordChild(pointer, key);
    if (key == "content") {
      auto s = ReadDiscordString(f, p.forwarded_content, run_, where);
      if (!s) return s.error();
    } else if (key == "attachments") {
      return ReadAttachments(f, where, p);
    } else if (key == "stickers") {
      return ReadStickers(f, where, p);
    } else if (key == "embeds") {
      return ReadEmbeds(f, where, p);
    }
    return Ok();
  });
  if (!r) return r.error();
  return Ok();
}

}  // namespace casegraph::ingest
