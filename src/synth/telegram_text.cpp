// Text parts and their two tdesktop serialisations (see telegram_text.h).
#include "synth/telegram_text.h"

namespace casegraph::synth {

void TextBuilder::Plain(size_t mark) {
  if (mark >= text_.size()) return;
  if (!parts_.empty() && parts_.back().type == nullptr && parts_.back().end == mark) {
    parts_.back().end = text_.size();
    return;
  }
  parts_.push_back(Part{nullptr, mark, text_.size(), 0, 0, 0});
}

void TextBuilder::Entity(const char* type, size_t mark) {
  parts_.push_back(Part{type, mark, text_.size(), 0, 0, 0});
}

void TextBuilder::MentionName(size_t mark, uint64_t user_id) {
  parts_.push_back(Part{"mention_name", mark, text_.size(), user_id, 0, 0});
}

void TextBuilder::TextLink(size_t mark, std::string_view href) {
  const size_t href_begin = hrefs_.size();
  hrefs_.append(href);
  parts_.push_back(Part{"text_link", mark, text_.size(), 0, href_begin, hrefs_.size()});
}

void TextBuilder::BreakLine(size_t from, std::string_view separator) {
  const size_t space = text_.find(' ', from);
  if (space == std::string::npos) return;
  // Only inside a plain part, so entity texts stay intact.
  for (Part& p : parts_) {
    if (p.begin <= space && space < p.end) {
      if (p.type != nullptr) return;
      break;
    }
  }
  text_.replace(space, 1, separator);
  const size_t grow = separator.size() - 1;
  if (grow == 0) return;
  for (Part& p : parts_) {
    if (p.begin > space) p.begin += grow;
    if (p.end > space) p.end += grow;
  }
}

void TextBuilder::WriteEntityObject(JsonFileWriter* out, const Part& p, bool x_escapes) const {
  out->Item();
  out->OpenObject();
  out->KeyString("type", p.type == nullptr ? "plain" : p.type);
  out->Key("text");
  out->String(Slice(p), x_escapes);
  if (p.type != nullptr && p.user_id != 0) {
    out->KeyNumber("user_id", static_cast<int64_t>(p.user_id));
  } else if (p.href_end > p.href_begin) {
    out->KeyString("href", std::string_view(hrefs_).substr(p.href_begin, p.href_end - p.href_begin));
  }
  out->End();
}

void TextBuilder::Write(JsonFileWriter* out, bool x_escapes) const {
  out->Key("text");
  if (parts_.empty()) {
    out->Raw("\"\"");
  } else if (parts_.size() == 1 && parts_[0].type == nullptr) {
    out->String(Slice(parts_[0]), x_escapes);
  } else {
    out->OpenArray();
    for (const Part& p : parts_) {
      if (p.type == nullptr) {
        out->Item();
        out->String(Slice(p), x_escapes);
      } else {
        WriteEntityObject(out, p, x_escapes);
      }
    }
    out->End();
  }
  out->Key("text_entities");
  if (parts_.empty()) {
    out->Raw("[]");
    return;
  }
  out->OpenArray();
  for (const Part& p : parts_) WriteEntityObject(out, p, x_escapes);
  out->End();
}

}  // namespace casegraph::synth
