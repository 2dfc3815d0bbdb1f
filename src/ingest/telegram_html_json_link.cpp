// Sender ids from a result.json beside the HTML pages (see telegram_html_json_link.h).
#include "ingest/telegram_html_json_link.h"

#include <simdjson.h>

#include "ingest/json_values.h"
#include "ingest/telegram_refs.h"

namespace casegraph::ingest {
namespace {

// A scalar (number or string) as text.
bool ScalarText(od::value& v, std::string& out) {
  od::json_type type;
  if (v.type().get(type)) return false;
  if (type == od::json_type::string) return !GetString(v, out);
  if (type == od::json_type::number) {
    std::string_view raw = v.raw_json_token();
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t' ||
                            raw.back() == ',')) {
      raw.remove_suffix(1);
    }
    out.assign(raw);
    return true;
  }
  return false;
}

}  // namespace

std::unordered_map<std::string, JsonSender> ReadJsonSenders(const FileSystem& fs, const std::string& path,
                                                            Diagnostics& diagnostics) {
  std::unordered_map<std::string, JsonSender> out;
  auto view = fs.Map(path);
  if (!view) return out;
  std::string_view bytes = (*view)->bytes();
  size_t bom = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  auto warn = [&](const std::string& why) {
    diagnostics.Warn(Location{"result.json", ""},
                     "telegram-html: result.json beside the pages could not be read for sender ids (" + why +
                         "); senders keep name-based refs from " + std::to_string(out.size()) + " linked ids on");
  };
  simdjson::ondemand::parser parser;
  simdjson::ondemand::document doc;
  if (auto err = parser.iterate(simdjson::padded_string_view(bytes.data() + bom, bytes.size() - bom,
                                                            bytes.size() - bom + FileView::kPadding))
                     .get(doc)) {
    warn(simdjson::error_message(err));
    return out;
  }
  od::object root;
  if (doc.get_object().get(root)) {
    warn("not a JSON object");
    return out;
  }
  od::array messages;
  for (auto field_or : root) {
    od::field field;
    if (std::move(field_or).get(field)) {
      warn("damaged JSON");
      return out;
    }
    if (KeyOf(field) != "messages") continue;
    if (field.value().get_array().get(messages)) {
      warn("messages is not an array");
      return out;
    }
    for (auto message_or : messages) {
      od::object message;
      if (std::move(message_or).get_object().get(message)) {
        warn("damaged message");
        return out;
      }
      std::string id, from, from_id, actor, actor_id;
      for (auto f_or : message) {
        od::field f;
        if (std::move(f_or).get(f)) {
          warn("damaged message");
          return out;
        }
        const std::string_view key = KeyOf(f);
        std::string* target = key == "id" ? &id : key == "from" ? &from : key == "from_id" ? &from_id
                            : key == "actor" ? &actor : key == "actor_id" ? &actor_id : nullptr;
        if (target != nullptr) ScalarText(f.value(), *target);
      }
      JsonSender sender;
      const std::string& peer = from_id.empty() ? actor_id : from_id;
      if (id.empty() || peer.empty() || !PeerRefFromText(peer, sender.ref)) continue;
      sender.name = from_id.empty() ? actor : from;
      out.emplace(std::move(id), std::move(sender));
    }
    return out;
  }
  return out;
}

}  // namespace casegraph::ingest
