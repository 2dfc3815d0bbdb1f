// Users, rooms and uploads of a Rocket.Chat export → accounts, conversations and upload
// metadata. A user's `services` subtree (password hashes, login tokens, TOTP secrets) is never
// read. Internal to the rocketchat-mongo and rocketchat-rest importers.
#pragma once

#include "ingest/rocketchat_run.h"

namespace casegraph::ingest::rocketchat {

// A `users` document → AccountRecord (name, username, e-mails, bio, status text and custom
// fields in bio, so identifier extraction sees them).
void MapUser(Run& run, const Document& doc);

// A `rocketchat_room` document (or a channels.list / groups.list / im.list element) →
// ConversationRecord; DMs titled by their members' usernames, discussions noted with their
// parent room.
void MapRoom(Run& run, const Document& doc);

// A `rocketchat_uploads` document → run.uploads.
void MapUpload(Run& run, const Document& doc);

// Sends a placeholder conversation for a room id that messages use but no room document
// described (a deleted room, or a REST history without its channels list).
void EnsureRoom(Run& run, std::string_view room_id, const Document& doc);

// Conversation kind of a room type code: d direct, c channel, p private_group, l livechat.
std::string RoomKind(std::string_view t);

}  // namespace casegraph::ingest::rocketchat
