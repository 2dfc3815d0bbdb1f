#include "synth/whatsapp_synth.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "synth/synth_clock.h"
#include "synth/synth_random.h"
#include "synth/synth_text.h"
#include "synth/whatsapp_style.h"

namespace casegraph::synth {
namespace {

constexpr const char* kNames[] = {"Deniz Örnek", "Sample Person", "Ayşe Test", "Robin Example", "Kerem Demo",
                                  "Alex Sample", "Mia:Placeholder", "Can Fictional"};
constexpr const char* kLrm = kWhatsAppLrm;

// A phone sender as Android writes unsaved contacts: U+202A +90 5XX XXX XXXX U+202C with NBSP.
std::string PhoneSender(Rng& rng) {
  std::string plain;
  AppendProfilePhone(rng, &plain);
  std::string out = "\u202A";
  for (char c : plain) {
    if (c == ' ') out.append("\u00A0");
    else out.push_back(c);
  }
  out.append("\u202C");
  return out;
}

}  // namespace

const std::vector<std::string>& WhatsAppStyles() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (size_t i = 0; i < WhatsAppStyleCount(); ++i) v.emplace_back(WhatsAppStyleAt(i).name);
    return v;
  }();
  return names;
}

Result<WhatsAppSynthSummary> WriteWhatsAppExport(const WhatsAppSynthOptions& options) {
  const WhatsAppStyle* style = FindWhatsAppStyle(options.style);
  if (style == nullptr) return Error::InvalidArgument("unknown WhatsApp style '" + options.style + "'");
  if (options.out_dir.empty()) return Error::InvalidArgument("no output folder given");
  if (mkdir(options.out_dir.c_str(), 0755) != 0 && errno != EEXIST) {
    return Error::Io("cannot create " + options.out_dir + ": " + std::strerror(errno));
  }
  WhatsAppSynthSummary summary;
  summary.folder = options.out_dir;
  summary.chat_file = options.out_dir + (style->ios ? "/_chat.txt" : "/WhatsApp Chat with Synthetic Group.txt");
  std::FILE* f = std::fopen(summary.chat_file.c_str(), "wb");
  if (f == nullptr) return Error::Io("cannot write " + summary.chat_file + ": " + std::strerror(errno));
  const char* eol = style->ios ? "\r\n" : "\n";
  Rng rng(options.seed);
  std::vector<std::string> senders(std::begin(kNames), std::end(kNames));
  for (int i = 0; i < 4; ++i) senders.push_back(PhoneSender(rng));
  senders.push_back(style->you);
  const std::string you = senders.back();
  const std::string group = "Synthetic Group";
  int64_t now = FromCivilUtc(2021, 1, 4, 8, 0, 0);
  std::string buf;
  buf.reserve(1 << 21);
  auto flush = [&] {
    std::fwrite(buf.data(), 1, buf.size(), f);
    summary.bytes += buf.size();
    buf.clear();
  };
  auto system_line = [&](const CivilTime& t, const std::string& text) {
    AppendWhatsAppHeader(*style, t, true, &buf);
    if (style->ios) buf.append(group + ": " + kLrm);
    buf.append(text);
    buf.append(eol);
  };
  // The export opens with the E2E notice and the group's creation.
  CivilTime t = ToCivil(now, 0);
  system_line(t, "Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, "
                 "can read or listen to them.");
  system_line(t, senders[0] + " created group \"" + group + "\"");
  summary.messages = 2;
  while (summary.messages < options.messages) {
    now += rng.Between(5, 900);
    t = ToCivil(now, 0);
    const std::string& who = senders[rng.Below(senders.size())];
    ++summary.messages;
    const uint64_t roll = rng.Below(1000);
    if (roll < 5) {  // member joins or leaves
      const std::string& other = senders[rng.Below(senders.size() - 1)];
      system_line(t, roll < 3 ? senders[0] + style->added + other : other + style->left);
      continue;
    }
    const bool media = roll >= 5 && roll < 60;
    AppendWhatsAppHeader(*style, t, media && style->ios, &buf);
    buf.append(who);
    buf.append(": ");
    if (media) {
      if (style->ios) buf.append(kLrm);
      buf.append(style->media_omitted);
      if (!style->ios && rng.PerMille(300)) {  // a caption on the next line
        buf.append(eol);
        AppendChatter(rng, static_cast<int>(rng.Between(2, 8)), &buf);
      }
    } else if (roll < 70) {
      if (style->ios) buf.append(kLrm);
      buf.append(who == you ? style->you_deleted : style->deleted);
    } else {
      AppendChatter(rng, static_cast<int>(rng.Between(1, 14)), &buf);
      if (roll < 120) {  // a multi-line message
        const int lines = static_cast<int>(rng.Between(1, 3));
        for (int i = 0; i < lines; ++i) {
          buf.append(eol);
          AppendChatter(rng, static_cast<int>(rng.Between(1, 10)), &buf);
        }
      }
      if (roll >= 120 && roll < 130) {
        buf.push_back(' ');
        buf.append(style->edited);
      }
    }
    buf.append(eol);
    if (buf.size() >= (1 << 20)) flush();
  }
  flush();
  if (std::fclose(f) != 0) return Error::Io("cannot write " + summary.chat_file);
  return summary;
}

}  // namespace casegraph::synth
