// The content of a Matrix message event as casegraph text: the body without a reply's quoted
// fallback, links and user pills from formatted_body (parsed with gumbo) as entities, captions
// of media, m.location's geo URI, the text an m.replace edit puts in place, and the media an
// event declares (resolved against the export's media folders by element_media.h). Internal to
// the element-json importer; stateless functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/element_event.h"
#include "model/records.h"

namespace casegraph::ingest::element {

// `body` without the "> <@user:server> quoted…" lines and the blank line after them that old
// clients put at the top of a reply. Unchanged when it does not start like a fallback.
std::string_view StripReplyFallback(std::string_view body);

// `html` without its <mx-reply>…</mx-reply> block.
std::string WithoutMxReply(std::string_view html);

// Adds an entity for each <a href> of `html`: a Matrix user pill (https://matrix.to/#/@u:s)
// becomes "mention" with user_ref "matrix:@u:s"; other links "text_link" with their href.
// Offsets point at the anchor text inside `text` when it is found there (searching forward),
// else the entity is zero-length at the end of the text, so the href is still scanned.
void AddHtmlLinks(std::string_view html, std::string_view text, std::vector<model::TextEntity>& out);

// The user id of a matrix.to user permalink ("@u:s"), or empty.
std::string MatrixToUser(std::string_view href);

// Text and entities of a message-like content object (body, formatted_body, msgtype).
// `is_reply` strips the quoted fallback.
void ReadText(dom::object content, bool is_reply, std::string& text, std::vector<model::TextEntity>& entities);

// The media an m.room.message / m.sticker content declares, or an attachment with empty kind
// when it declares none. declared_path is the mxc:// URL; file_name the client's file name.
model::AttachmentRecord DeclaredMedia(const Event& event);

// True for m.sticker and the media msgtypes (m.image, m.video, m.audio, m.file).
bool IsMediaContent(const Event& event);
// True when a media content's body is a caption (a `filename` that differs from the body).
bool HasCaption(dom::object content);

// The directory and extension Element's exporter uses for this media ("images", ".jpg").
struct MediaName {
  std::string dir, stem, ext;
};
MediaName ExportedMediaName(const Event& event);

// The text an m.replace event puts in place: m.new_content's body, else the body without the
// "* " edit marker.
void ReadEditText(const Event& event, std::string& text, std::vector<model::TextEntity>& entities);

}  // namespace casegraph::ingest::element
