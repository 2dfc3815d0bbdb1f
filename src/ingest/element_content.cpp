// Message content of Matrix events as text, entities and declared media (see element_content.h).
#include "ingest/element_content.h"

#include <gumbo.h>

namespace casegraph::ingest::element {
namespace {

bool IsMediaType(std::string_view msgtype) {
  return msgtype == "m.image" || msgtype == "m.video" || msgtype == "m.audio" || msgtype == "m.file";
}

bool IsVoice(dom::object content) {
  dom::element unused;
  return !content.at_key("org.matrix.msc3245.voice").get(unused) || !content.at_key("m.voice").get(unused);
}

// Decodes %XX escapes (matrix.to links are often written "%40user%3Aserver").
std::string PercentDecoded(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex(text[i + 1]) >= 0 && hex(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(text[i + 1]) * 16 + hex(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

void AppendNodeText(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) AppendNodeText(static_cast<const GumboNode*>(children.data[i]), out);
}

struct LinkWalk {
  std::string_view text;
  size_t cursor = 0;
  std::vector<model::TextEntity>* out;

  void Visit(const GumboNode* node) {
    if (node->type != GUMBO_NODE_ELEMENT) return;
    if (node->v.element.tag == GUMBO_TAG_A) {
      if (const GumboAttribute* href = gumbo_get_attribute(&node->v.element.attributes, "href")) {
        Add(node, href->value);
        return;
      }
    }
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) Visit(static_cast<const GumboNode*>(children.data[i]));
  }

  void Add(const GumboNode* anchor, std::string_view href) {
    model::TextEntity e;
    AppendNodeText(anchor, e.text);
    e.href = std::string(href);
    const std::string user = MatrixToUser(href);
    e.type = user.empty() ? "text_link" : "mention";
    if (!user.empty()) e.user_ref = "matrix:" + user;
    const size_t at = e.text.empty() ? std::string_view::npos : text.find(e.text, cursor);
    if (at != std::string_view::npos) {
      e.offset = static_cast<uint32_t>(at);
      e.length = static_cast<uint32_t>(e.text.size());
      cursor = at + e.text.size();
    } else {
      e.offset = static_cast<uint32_t>(text.size());
      e.length = 0;
    }
    out->push_back(std::move(e));
  }
};

}  // namespace

std::string_view StripReplyFallback(std::string_view body) {
  if (body.substr(0, 2) != "> ") return body;
  size_t pos = 0;
  while (pos < body.size() && body[pos] == '>') {
    const size_t end = body.find('\n', pos);
    if (end == std::string_view::npos) return {};
    pos = end + 1;
  }
  if (pos < body.size() && body[pos] == '\n') ++pos;
  return body.substr(pos);
}

std::string WithoutMxReply(std::string_view html) {
  const size_t open = html.find("<mx-reply>");
  if (open == std::string_view::npos) return std::string(html);
  const size_t close = html.find("</mx-reply>", open);
  if (close == std::string_view::npos) return std::string(html.substr(0, open));
  return std::string(html.substr(0, open)) + std::string(html.substr(close + 11));
}

std::string MatrixToUser(std::string_view href) {
  constexpr std::string_view kPrefix = "https://matrix.to/#/";
  if (href.substr(0, kPrefix.size()) != kPrefix) return {};
  std::string id = PercentDecoded(href.substr(kPrefix.size()));
  const size_t end = id.find_first_of("?/");
  if (end != std::string::npos) id.resize(end);
  if (id.size() < 4 || id[0] != '@' || id.find(':') == std::string::npos) return {};
  return id;
}

void AddHtmlLinks(std::string_view html, std::string_view text, std::vector<model::TextEntity>& out) {
  if (html.find("<a") == std::string_view::npos && html.find("<A") == std::string_view::npos) return;
  GumboOutput* parsed = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  if (parsed == nullptr) return;
  LinkWalk walk{text, 0, &out};
  walk.Visit(parsed->root);
  gumbo_destroy_output(&kGumboDefaultOptions, parsed);
}

void ReadText(dom::object content, bool is_reply, std::string& text, std::vector<model::TextEntity>& entities) {
  std::string_view body = StringAt(content, "body");
  if (is_reply) body = StripReplyFallback(body);
  text.assign(body);
  if (StringAt(content, "format") == "org.matrix.custom.html" || !StringAt(content, "formatted_body").empty()) {
    const std::string_view html = StringAt(content, "formatted_body");
    if (html.find("<a") != std::string_view::npos || html.find("<A") != std::string_view::npos) {
      AddHtmlLinks(is_reply ? std::string_view(WithoutMxReply(html)) : html, text, entities);
    }
  }
}

MediaName ExportedMediaName(const Event& event) {
  MediaName name;
  const std::string_view msgtype = StringAt(event.content, "msgtype");
  if (event.type == "m.sticker") {
    name.dir = "stickers";
  } else if (msgtype == "m.image") {
    name.dir = "images";
  } else if (msgtype == "m.video") {
    name.dir = "videos";
  } else if (msgtype == "m.audio") {
    name.dir = "audio";
  } else {
    name.dir = "files";
  }
  const std::string_view body = StringAt(event.content, "body");
  const size_t dot = body.rfind('.');
  name.stem = std::string(dot == std::string_view::npos ? body : body.substr(0, dot));
  name.ext = dot == std::string_view::npos ? std::string() : std::string(body.substr(dot));
  if (event.type == "m.sticker") name.ext = ".png";
  if (IsVoice(event.content)) name.ext = ".ogg";
  return name;
}

model::AttachmentRecord DeclaredMedia(const Event& event) {
  model::AttachmentRecord a;
  const std::string_view msgtype = StringAt(event.content, "msgtype");
  if (event.type == "m.sticker") {
    a.kind = "sticker";
  } else if (msgtype == "m.image") {
    a.kind = "photo";
  } else if (msgtype == "m.video") {
    a.kind = "video_file";
  } else if (msgtype == "m.audio") {
    a.kind = IsVoice(event.content) ? "voice_message" : "audio_file";
  } else if (msgtype == "m.file") {
    a.kind = "file";
  } else {
    return a;  // no media
  }
  std::string_view url = StringAt(event.content, "url");
  if (url.empty()) {
    if (auto file = ObjectAt(event.content, "file")) url = StringAt(*file, "url");  // encrypted media
  }
  a.declared_path = std::string(url);
  std::string_view file_name = StringAt(event.content, "filename");
  if (file_name.empty()) file_name = StringAt(event.content, "body");
  a.file_name = std::string(file_name);
  if (auto info = ObjectAt(event.content, "info")) a.mime_type = std::string(StringAt(*info, "mimetype"));
  return a;
}

void ReadEditText(const Event& event, std::string& text, std::vector<model::TextEntity>& entities) {
  if (auto replacement = ObjectAt(event.content, "m.new_content")) {
    ReadText(*replacement, false, text, entities);
    return;
  }
  std::string_view body = StringAt(event.content, "body");
  if (body.substr(0, 2) == "* ") body.remove_prefix(2);
  text.assign(body);
}

// Media captions: since Matrix 1.10 a `filename` that differs from `body` makes the body a
// caption; otherwise the body of a media event is only its file name.
bool HasCaption(dom::object content) {
  const std::string_view file_name = StringAt(content, "filename");
  return !file_name.empty() && file_name != StringAt(content, "body");
}

bool IsMediaContent(const Event& event) {
  return event.type == "m.sticker" || IsMediaType(StringAt(event.content, "msgtype"));
}

}  // namespace casegraph::ingest::element
