// One message block of a Telegram HTML export page (`div.message`, see
// docs/formats/telegram-html.md) read into plain fields: id, kind, sender name, date title,
// text with link entities, reply target, forward, via bot, media links, service text. No
// policy here (joined senders, time, refs, attachments): the importer applies it.
#pragma once

#include <gumbo.h>

#include <string>
#include <string_view>
#include <vector>

#include "model/records.h"

namespace casegraph::ingest {

struct HtmlMediaLink {
  std::string kind;        // photo, file, video_file, voice_message, video_message, sticker, animation, …
  std::string href;        // relative path as written (entity-decoded); empty when not exported
  std::string title;       // the block's title (a file's name) when shown
  std::string description; // "Not included, change data exporting settings to download." …
  std::string_view source; // the media element's bytes
};

struct HtmlMessageBlock {
  std::string id;           // digits after "message" in the id attribute ("-1" for date separators)
  bool service = false;     // div.message.service
  bool joined = false;      // class "joined": the sender's name is omitted
  bool has_from_name = false;
  std::string from_name;    // without " via @bot"
  std::string via_bot;      // "@bot"
  bool has_date = false;
  std::string date_title;   // the date div's title attribute
  std::string text;
  std::vector<model::TextEntity> entities;
  std::string reply_to;     // id of the replied message in this chat
  bool reply_elsewhere = false;  // "In reply to a message in another chat"
  bool forwarded = false;
  bool has_forwarded_name = false;
  std::string forwarded_from;
  std::string signature;    // channel post author
  std::vector<HtmlMediaLink> media;
  std::string media_text;   // location, contact, poll or call rendered as text
  std::string service_text; // a service block's body text
  std::string service_link_id;  // a service block's "this message" link target (pinned, game score)
  std::string_view source;  // the block's bytes, for `show`
};

// Reads a `div.message` element; `source` is the page's bytes.
HtmlMessageBlock ReadHtmlMessageBlock(const GumboNode* div, std::string_view source);

// True for the elements that are message blocks: div.message with an id "message…".
bool IsHtmlMessageBlock(const GumboNode* node);

// "#go_to_message12", "messages2.html#go_to_message12", onclick "return GoToMessage(12)" → "12".
std::string MessageIdFromLink(std::string_view href, std::string_view onclick);

}  // namespace casegraph::ingest
