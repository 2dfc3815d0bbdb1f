// Template part of whatsapp_lexicon.h.
#pragma once

namespace casegraph::ingest::whatsapp {

template <typename F>
void ForEachMember(std::string_view members, F&& f) {
  static constexpr std::string_view kSeparators[] = {", ", " and ", " und ", " y ", " et ", " e ", " и ",
                                                     " en ", " ve ", " dan ", " và ", "、", "، "};
  while (!members.empty()) {
    size_t cut = std::string_view::npos, cut_len = 0;
    for (std::string_view sep : kSeparators) {
      const size_t at = members.find(sep);
      if (at != std::string_view::npos && at < cut) cut = at, cut_len = sep.size();
    }
    std::string_view name = members.substr(0, cut);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (!name.empty()) f(name);
    if (cut == std::string_view::npos) break;
    members.remove_prefix(cut + cut_len);
  }
}

}  // namespace casegraph::ingest::whatsapp
