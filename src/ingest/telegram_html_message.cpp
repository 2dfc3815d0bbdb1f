// Reads one Telegram HTML message block (see telegram_html_message.h). The element classes are
// those tdesktop's export_output_html.cpp writes; anything absent is simply left empty.
#include "ingest/telegram_html_message.h"

#include <algorithm>
#include <cctype>

#include "ingest/telegram_html_dom.h"

namespace casegraph::ingest {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

bool IsDigits(std::string_view s) {
  if (s.empty() || s.size() > 20) return false;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

// "message123" → "123", "message-1" → "-1"; empty when not of that form.
std::string IdFromAttribute(std::string_view id) {
  if (!StartsWith(id, "message")) return {};
  std::string_view rest = id.substr(7);
  const bool negative = !rest.empty() && rest[0] == '-';
  if (!IsDigits(negative ? rest.substr(1) : rest)) return {};
  return std::string(rest);
}

const GumboNode* ChildWithClass(const GumboNode* node, std::string_view cls) {
  for (const GumboNode* c : ChildElements(node)) {
    if (HasClass(c, cls)) return c;
  }
  return nullptr;
}

// The type the JSON export would give this link, from what the HTML writer made of it.
model::TextEntity LinkEntity(const GumboNode* a, std::string_view text) {
  model::TextEntity e;
  const std::string href(Attribute(a, "href").value_or(""));
  const std::string_view onclick = Attribute(a, "onclick").value_or("");
  e.text = std::string(text);
  if (onclick.find("ShowHashtag") != std::string_view::npos) {
    e.type = "hashtag";
  } else if (onclick.find("ShowCashtag") != std::string_view::npos) {
    e.type = "cashtag";
  } else if (onclick.find("ShowBotCommand") != std::string_view::npos) {
    e.type = "bot_command";
  } else if (onclick.find("ShowMentionName") != std::string_view::npos) {
    e.type = "mention_name";
  } else if (onclick.find("Emoji") != std::string_view::npos) {
    e.type = "custom_emoji";
  } else if (StartsWith(href, "mailto:")) {
    e.type = "email";
  } else if (StartsWith(href, "tel:")) {
    e.type = "phone";
  } else if (!text.empty() && text[0] == '@' && href.size() >= text.size() - 1 &&
             href.compare(href.size() - (text.size() - 1), std::string::npos, text.substr(1)) == 0) {
    e.type = "mention";
  } else if (href == text) {
    e.type = "link";
  } else {
    e.type = "text_link";
    e.href = href;
  }
  return e;
}

// The text of div.text: <br> is a newline, the writer's own line breaks and indentation around
// the content are dropped, links become entities, <strong>/<em>/<code>… stay plain text.
void ReadText(const GumboNode* div, std::string& text, std::vector<model::TextEntity>& entities) {
  struct Frame {
    const GumboNode* node;
    bool exit;
    size_t start;
  };
  std::vector<Frame> stack{{div, false, 0}};
  bool started = false;
  size_t keep = 0;  // text.size() without trailing layout whitespace
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    const GumboNode* n = f.node;
    if (f.exit) {
      if (text.size() > f.start) {
        model::TextEntity e = LinkEntity(n, std::string_view(text).substr(f.start));
        e.offset = static_cast<uint32_t>(f.start);
        e.length = static_cast<uint32_t>(text.size() - f.start);
        entities.push_back(std::move(e));
      }
      continue;
    }
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      std::string_view piece = n->v.text.text != nullptr ? n->v.text.text : "";
      if (!started) {
        while (!piece.empty() && IsBlank(piece.front())) piece.remove_prefix(1);
        if (piece.empty()) continue;
        started = true;
      }
      text.append(piece);
      size_t trailing = 0;
      while (trailing < piece.size() && IsBlank(piece[piece.size() - 1 - trailing])) ++trailing;
      if (trailing < piece.size()) keep = text.size() - trailing;
      continue;
    }
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == GUMBO_TAG_BR) {
      text.push_back('\n');
      started = true;
      keep = text.size();
      continue;
    }
    if (n != div && n->v.element.tag == GUMBO_TAG_A) stack.push_back({n, true, text.size()});
    const GumboVector& children = n->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back({static_cast<const GumboNode*>(children.data[i - 1]), false, 0});
    }
  }
  text.resize(keep);
  std::vector<model::TextEntity> kept;
  for (auto& e : entities) {
    if (e.offset >= keep) continue;
    if (e.offset + e.length > keep) e.length = static_cast<uint32_t>(keep - e.offset);
    // Entities close in reverse order of nesting; keep them in text order.
    kept.push_back(std::move(e));
  }
  std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.offset < b.offset; });
  entities = std::move(kept);
}

// "Name via @bot" → ("Name", "@bot").
void SplitViaBot(std::string& name, std::string& via) {
  const size_t at = name.rfind(" via @");
  if (at == std::string::npos) return;
  via = name.substr(at + 5);
  name.resize(at);
  while (!name.empty() && IsBlank(name.back())) name.pop_back();
}

bool IsSpan(const GumboNode* n) { return IsElement(n, GUMBO_TAG_SPAN); }

std::string ChildText(const GumboNode* node, std::string_view cls) {
  const GumboNode* c = FindFirst(node, WithClass(cls));
  return c == nullptr ? std::string() : Trimmed(TextOf(c));
}

bool IsMediaElement(const GumboNode* n) {
  if (!IsElement(n, GUMBO_TAG_A) && !IsElement(n, GUMBO_TAG_DIV)) return false;
  for (std::string_view cls : {"photo_wrap", "video_file_wrap", "animated_wrap", "sticker_wrap", "media_poll"}) {
    if (HasClass(n, cls)) return true;
  }
  return HasClass(n, "media");
}

void ReadMedia(const GumboNode* n, std::string_view source, HtmlMessageBlock& block) {
  HtmlMediaLink link;
  link.source = SourceSpan(source, n);
  if (IsElement(n, GUMBO_TAG_A)) link.href = std::string(Attribute(n, "href").value_or(""));
  link.title = ChildText(n, "title");
  link.description = ChildText(n, "description");
  const std::string status = ChildText(n, "status");
  if (HasClass(n, "photo_wrap")) {
    link.kind = "photo";
  } else if (HasClass(n, "video_file_wrap")) {
    link.kind = "video_file";
  } else if (HasClass(n, "animated_wrap")) {
    link.kind = "animation";
  } else if (HasClass(n, "sticker_wrap")) {
    link.kind = "sticker";
  } else if (HasClass(n, "media_poll")) {
    std::string text = "poll: " + ChildText(n, "question");
    for (const GumboNode* answer : FindAll(n, WithClass("answer"))) {
      std::string a = Trimmed(TextOf(answer, IsSpan));
      if (StartsWith(a, "- ")) a.erase(0, 2);
      text += "\n- " + a;
    }
    block.media_text = text;
    return;
  } else if (HasClass(n, "media_photo")) {
    link.kind = "photo";
  } else if (HasClass(n, "media_video")) {
    link.kind = link.title == "Video message" ? "video_message" : link.title == "Animation" ? "animation" : "video_file";
  } else if (HasClass(n, "media_voice_message")) {
    link.kind = "voice_message";
  } else if (HasClass(n, "media_audio_file")) {
    link.kind = "audio_file";
  } else if (HasClass(n, "media_file")) {
    link.kind = "file";
  } else if (HasClass(n, "media_contact")) {
    block.media_text = Trimmed("contact: " + link.title + " " + status);
    if (link.href.empty()) return;
    link.kind = "contact_vcard";
  } else if (HasClass(n, "media_location") || HasClass(n, "media_live_location") || HasClass(n, "media_venue")) {
    std::string where = status;
    const size_t comma = where.find(", ");
    if (comma != std::string::npos) where.erase(comma + 1, 1);
    block.media_text = "location: " + where;
    if (HasClass(n, "media_venue")) block.media_text = Trimmed("location: " + link.title + ", " + link.description);
    return;
  } else if (HasClass(n, "media_call")) {
    block.media_text = Trimmed("call: " + status);
    return;
  } else {
    if (!link.title.empty()) block.media_text = link.title;  // game, invoice, …
    return;
  }
  if (StartsWith(link.href, "http://") || StartsWith(link.href, "https://")) return;
  block.media.push_back(std::move(link));
}

}  // namespace

bool IsHtmlMessageBlock(const GumboNode* node) {
  if (!IsElement(node, GUMBO_TAG_DIV) || !HasClass(node, "message")) return false;
  auto id = Attribute(node, "id");
  return id && StartsWith(*id, "message");
}

std::string MessageIdFromLink(std::string_view href, std::string_view onclick) {
  constexpr std::string_view kAnchor = "#go_to_message";
  const size_t at = href.find(kAnchor);
  if (at != std::string_view::npos) {
    std::string_view id = href.substr(at + kAnchor.size());
    const bool negative = !id.empty() && id[0] == '-';
    if (IsDigits(negative ? id.substr(1) : id)) return std::string(id);
  }
  constexpr std::string_view kCall = "GoToMessage(";
  const size_t call = onclick.find(kCall);
  if (call != std::string_view::npos) {
    std::string_view rest = onclick.substr(call + kCall.size());
    const size_t close = rest.find(')');
    if (close != std::string_view::npos) {
      std::string_view id = rest.substr(0, close);
      const bool negative = !id.empty() && id[0] == '-';
      if (IsDigits(negative ? id.substr(1) : id)) return std::string(id);
    }
  }
  return {};
}

HtmlMessageBlock ReadHtmlMessageBlock(const GumboNode* div, std::string_view source) {
  HtmlMessageBlock b;
  b.id = IdFromAttribute(Attribute(div, "id").value_or(""));
  b.service = HasClass(div, "service");
  b.joined = HasClass(div, "joined");
  b.source = SourceSpan(source, div);
  if (b.service) {
    const GumboNode* body = ChildWithClass(div, "body");
    if (body == nullptr) body = FindFirst(div, WithClass("details"));
    if (body != nullptr) {
      b.service_text = Trimmed(TextOf(body));
      for (const GumboNode* a : FindAll(body, [](const GumboNode* n) { return IsElement(n, GUMBO_TAG_A); })) {
        b.service_link_id = MessageIdFromLink(Attribute(a, "href").value_or(""), Attribute(a, "onclick").value_or(""));
        if (!b.service_link_id.empty()) break;
      }
    }
    return b;
  }
  const GumboNode* body = ChildWithClass(div, "body");
  if (body == nullptr) body = div;
  if (const GumboNode* date = FindFirst(body, [](const GumboNode* n) {
        return IsElement(n, GUMBO_TAG_DIV) && HasClass(n, "date") && Attribute(n, "title").has_value();
      })) {
    b.has_date = true;
    b.date_title = std::string(*Attribute(date, "title"));
  }
  if (const GumboNode* from = ChildWithClass(body, "from_name")) {
    b.has_from_name = true;
    b.from_name = Trimmed(TextOf(from, IsSpan));
    SplitViaBot(b.from_name, b.via_bot);
  }
  const GumboNode* content = body;
  // "forwarded body", not the "pull_left forwarded userpic_wrap" picture before it.
  const GumboNode* forwarded = nullptr;
  for (const GumboNode* c : ChildElements(body)) {
    if (HasClass(c, "forwarded") && HasClass(c, "body")) forwarded = c;
  }
  if (forwarded != nullptr) {
    b.forwarded = true;
    content = forwarded;
    if (const GumboNode* from = ChildWithClass(forwarded, "from_name")) {
      b.has_forwarded_name = true;
      b.forwarded_from = Trimmed(TextOf(from, IsSpan));
      std::string via;
      SplitViaBot(b.forwarded_from, via);
      if (b.via_bot.empty()) b.via_bot = via;
    }
  }
  if (const GumboNode* reply = FindFirst(content, WithClass("reply_to"))) {
    for (const GumboNode* a : FindAll(reply, [](const GumboNode* n) { return IsElement(n, GUMBO_TAG_A); })) {
      b.reply_to = MessageIdFromLink(Attribute(a, "href").value_or(""), Attribute(a, "onclick").value_or(""));
      if (!b.reply_to.empty()) break;
    }
    if (b.reply_to.empty()) b.reply_elsewhere = true;
  }
  for (const GumboNode* m : FindAll(content, IsMediaElement)) ReadMedia(m, source, b);
  if (const GumboNode* text = FindFirst(content, [](const GumboNode* n) {
        return IsElement(n, GUMBO_TAG_DIV) && HasClass(n, "text");
      })) {
    ReadText(text, b.text, b.entities);
  }
  b.signature = ChildText(content, "signature");
  return b;
}

}  // namespace casegraph::ingest
