// Top level of the synthetic Telegram export: the result.json skeleton (about,
// personal_information, contacts, chats, left_chats) around the per-chat message writer
// (see telegram_synth.h).
#include "synth/telegram_synth.h"

#include <algorithm>
#include <vector>

#include "synth/json_output.h"
#include "synth/synth_clock.h"
#include "synth/synth_text.h"
#include "synth/telegram_cast.h"
#include "synth/telegram_messages.h"

namespace casegraph::synth {
namespace {

// Our own placeholder wording for tdesktop's boilerplate "about" texts.
constexpr std::string_view kAboutExport =
    "Here is the data you requested. This export is synthetic (casegraph scenario generator): "
    "every account, name, number and message in it is invented.";
constexpr std::string_view kAboutContacts =
    "If you allow access, your contacts are continuously synced with Telegram.";
constexpr std::string_view kAboutChats = "This page lists all chats from this export.";
constexpr std::string_view kAboutLeftChats =
    "This page lists all supergroups and channels from this export that you've left.";

void WriteQuotedNumber(JsonFileWriter* out, std::string_view key, int64_t value) {
  out->Key(key);
  out->Raw("\"");
  out->Number(value);
  out->Raw("\"");
}

void WriteDate(JsonFileWriter* out, int64_t unix_seconds, std::string* scratch) {
  scratch->clear();
  AppendIsoLocal(unix_seconds, kIstanbulOffsetSeconds, scratch);
  out->KeyString("date", *scratch);
  WriteQuotedNumber(out, "date_unixtime", unix_seconds);
}

void WritePersonalInformation(JsonFileWriter* out, const Cast& cast) {
  const Person& owner = cast.people[Cast::kOwner];
  out->Key("personal_information");
  out->OpenObject();
  out->KeyNumber("user_id", static_cast<int64_t>(owner.id));
  out->KeyString("first_name", owner.first_name);
  out->KeyString("last_name", owner.last_name);
  out->KeyString("phone_number", owner.phone);
  out->KeyString("username", "@" + owner.username);
  out->KeyString("bio", cast.owner_bio);
  out->End();
}

// Returns the number of contacts written. tdesktop sorts contacts by name.
uint64_t WriteContacts(JsonFileWriter* out, const Cast& cast) {
  std::vector<uint32_t> contacts;
  for (uint32_t i = 0; i < cast.people.size(); ++i) {
    if (cast.people[i].contact_since != 0) contacts.push_back(i);
  }
  std::stable_sort(contacts.begin(), contacts.end(), [&](uint32_t a, uint32_t b) {
    return cast.people[a].name < cast.people[b].name;
  });
  std::string scratch;
  out->Key("contacts");
  out->OpenObject();
  out->KeyString("about", kAboutContacts);
  out->Key("list");
  out->OpenArray();
  for (uint32_t index : contacts) {
    const Person& p = cast.people[index];
    out->Item();
    out->OpenObject();
    out->KeyNumber("user_id", static_cast<int64_t>(p.id));
    out->KeyString("first_name", p.first_name);
    out->KeyString("last_name", p.last_name);
    out->KeyString("phone_number", p.phone);
    WriteDate(out, p.contact_since, &scratch);
    out->End();
  }
  out->End();
  out->End();
  return contacts.size();
}

Status WriteChatList(JsonFileWriter* out, const Cast& cast, bool left, std::string_view about,
                     uint64_t seed, ChatWriteContext* ctx, uint64_t* chats) {
  out->Key(left ? "left_chats" : "chats");
  out->OpenObject();
  out->KeyString("about", about);
  out->Key("list");
  out->OpenArray();
  for (const ChatPlan& chat : cast.chats) {
    if (chat.left != left) continue;
    out->Item();
    out->OpenObject();
    if (chat.kind != ChatKind::kSaved) out->KeyString("name", chat.name);
    out->KeyString("type", chat.type);
    out->KeyNumber("id", static_cast<int64_t>(chat.id));
    out->Key("messages");
    out->OpenArray();
    CASEGRAPH_RETURN_IF_ERROR(WriteChatMessages(chat, seed, ctx));
    out->End();
    out->End();
    ++*chats;
  }
  out->End();
  out->End();
  return Ok();
}

}  // namespace

Result<TelegramSynthSummary> WriteTelegramExport(const TelegramSynthOptions& options) {
  if (options.out_dir.empty()) return Error::InvalidArgument("out_dir is empty");
  CASEGRAPH_RETURN_IF_ERROR(MakeDirectories(options.out_dir));
  const Cast cast = BuildCast(options.seed, options.messages, options.telegram_quirks);

  TelegramSynthSummary summary;
  summary.folder = options.out_dir;
  summary.result_json = options.out_dir + "/result.json";
  summary.owner_user_id = cast.people[Cast::kOwner].id;
  summary.owner_ref = "telegram:user" + std::to_string(summary.owner_user_id);

  JsonFileWriter out;
  CASEGRAPH_RETURN_IF_ERROR(out.Open(summary.result_json));
  out.OpenObject();
  out.KeyString("about", kAboutExport);
  WritePersonalInformation(&out, cast);
  summary.contacts = WriteContacts(&out, cast);

  ChatWriteContext ctx;
  ctx.out = &out;
  ctx.cast = &cast;
  ctx.out_dir = options.out_dir;
  ctx.with_media = options.with_media;
  ctx.quirks = options.telegram_quirks;
  CASEGRAPH_RETURN_IF_ERROR(
      WriteChatList(&out, cast, false, kAboutChats, options.seed, &ctx, &summary.chats));
  CASEGRAPH_RETURN_IF_ERROR(
      WriteChatList(&out, cast, true, kAboutLeftChats, options.seed, &ctx, &summary.chats));
  out.End();
  summary.bytes = out.bytes_written();
  CASEGRAPH_RETURN_IF_ERROR(out.Finish());

  summary.messages = ctx.stats.messages;
  summary.media_files = ctx.stats.media_files;
  for (int k = 0; k < kPlantKindCount; ++k) {
    summary.planted[PlantKindName(static_cast<PlantKind>(k))] = ctx.stats.planted[k];
  }
  summary.planted["text_link_href"] = ctx.stats.text_link_hrefs;
  summary.planted["mention_name"] = ctx.stats.mention_names;
  return summary;
}

}  // namespace casegraph::synth
