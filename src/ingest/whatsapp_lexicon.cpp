#include "ingest/whatsapp_lexicon.h"

#include <array>
#include <iterator>
#include <vector>
#include <cstring>

namespace casegraph::ingest::whatsapp {
namespace {

// ---- system lines -----------------------------------------------------------------------
// Pattern language: {a} actor, {m} members, {o} old title, {t} new title (each non-empty, up to
// the next literal), '*' any tail, '"' any quote mark (" “ ” „ « » ‘ ’ ‚ 「 」). A pattern
// matches the whole text (one trailing '.' ignored).
struct SystemPattern {
  const char* pattern;
  const char* action;
  bool group;
};

constexpr SystemPattern kSystemPatterns[] = {
    // en
    {"{a} created group \"{t}\"", "create_group", true},
    {"{a} created this group", "create_group", true},
    {"You were added", "add_members", true},
    {"{m} was added", "add_members", true},
    {"{a} added {m}", "add_members", true},
    {"{a} joined using this group's invite link", "join_by_link", true},
    {"{a} joined using your invite link", "join_by_link", true},
    {"{a} joined from the community", "join_by_link", true},
    {"{a} left", "leave", true},
    {"{a} removed {m}", "remove_members", true},
    {"{a} changed the subject from \"{o}\" to \"{t}\"", "change_subject", true},
    {"{a} changed the subject to \"{t}\"", "change_subject", true},
    {"{a} changed the group name from \"{o}\" to \"{t}\"", "change_subject", true},
    {"{a} changed the group name to \"{t}\"", "change_subject", true},
    {"{a} changed this group's icon", "change_photo", true},
    {"{a} deleted this group's icon", "delete_photo", true},
    {"{a} changed the group description", "change_description", true},
    {"{a} deleted the group description", "change_description", true},
    {"{a} changed this group's settings*", "change_settings", true},
    {"{a} changed the settings*", "change_settings", true},
    {"You're now an admin", "promote_admin", true},
    {"{a} updated the message timer*", "set_message_timer", false},
    {"{a} turned on disappearing messages*", "set_message_timer", false},
    {"{a} turned off disappearing messages*", "set_message_timer", false},
    {"{a} changed their phone number to a new number*", "change_number", false},
    {"{a} changed to {m}", "change_number", false},
    {"Your security code with {m} changed*", "security_code_changed", false},
    {"{a}'s security code changed*", "security_code_changed", false},
    {"{a} pinned a message", "pin_message", false},
    // de
    {"{a} hat die Gruppe \"{t}\" erstellt", "create_group", true},
    {"Du wurdest hinzugefügt", "add_members", true},
    {"{a} hat {m} hinzugefügt", "add_members", true},
    {"{a} ist über den Einladungslink dieser Gruppe beigetreten", "join_by_link", true},
    {"{a} hat die Gruppe verlassen", "leave", true},
    {"{a} hat {m} entfernt", "remove_members", true},
    {"{a} hat den Betreff von \"{o}\" zu \"{t}\" geändert", "change_subject", true},
    {"{a} hat den Betreff zu \"{t}\" geändert", "change_subject", true},
    {"Deine Sicherheitsnummer für {m} hat sich geändert*", "security_code_changed", false},
    // es
    {"{a} creó el grupo \"{t}\"", "create_group", true},
    {"Se te añadió al grupo", "add_members", true},
    {"{a} te añadió", "add_members", true},
    {"{a} añadió a {m}", "add_members", true},
    {"{a} se unió usando el enlace de invitación de este grupo", "join_by_link", true},
    {"{a} salió del grupo", "leave", true},
    {"{a} eliminó a {m}", "remove_members", true},
    {"{a} cambió el asunto de \"{o}\" a \"{t}\"", "change_subject", true},
    {"{a} cambió el asunto a \"{t}\"", "change_subject", true},
    {"Tu código de seguridad con {m} cambió*", "security_code_changed", false},
    // fr
    {"{a} a créé le groupe \"{t}\"", "create_group", true},
    {"{a} vous a ajouté", "add_members", true},
    {"{a} a ajouté {m}", "add_members", true},
    {"{a} a rejoint ce groupe via le lien d'invitation", "join_by_link", true},
    {"{a} a rejoint ce groupe via le lien d’invitation", "join_by_link", true},
    {"{a} est parti", "leave", true},
    {"{a} est partie", "leave", true},
    {"{a} a retiré {m}", "remove_members", true},
    {"{a} a changé le sujet de \"{o}\" à \"{t}\"", "change_subject", true},
    {"{a} a changé le sujet en \"{t}\"", "change_subject", true},
    {"Votre code de sécurité avec {m} a changé*", "security_code_changed", false},
    // it
    {"{a} ha creato il gruppo \"{t}\"", "create_group", true},
    {"{a} ti ha aggiunto", "add_members", true},
    {"{a} ha aggiunto {m}", "add_members", true},
    {"{a} si è unito tramite il link d'invito a questo gruppo", "join_by_link", true},
    {"{a} è uscito", "leave", true},
    {"{a} è uscita", "leave", true},
    {"{a} ha rimosso {m}", "remove_members", true},
    {"{a} ha cambiato l'oggetto da \"{o}\" a \"{t}\"", "change_subject", true},
    {"Il tuo codice di sicurezza con {m} è cambiato*", "security_code_changed", false},
    // pt
    {"{a} criou o grupo \"{t}\"", "create_group", true},
    {"{a} adicionou você", "add_members", true},
    {"{a} adicionou {m}", "add_members", true},
    {"{a} entrou usando o link de convite deste grupo", "join_by_link", true},
    {"{a} saiu", "leave", true},
    {"{a} removeu {m}", "remove_members", true},
    {"{a} mudou o assunto de \"{o}\" para \"{t}\"", "change_subject", true},
    {"{a} alterou o assunto de \"{o}\" para \"{t}\"", "change_subject", true},
    {"O seu código de segurança com {m} mudou*", "security_code_changed", false},
    {"Seu código de segurança com {m} mudou*", "security_code_changed", false},
    // ru
    {"{a} создал(-а) группу \"{t}\"", "create_group", true},
    {"{a} создал группу \"{t}\"", "create_group", true},
    {"{a} добавил(-а) {m}", "add_members", true},
    {"{a} добавил {m}", "add_members", true},
    {"{a} присоединился(-ась) к группе по ссылке-приглашению", "join_by_link", true},
    {"{a} вышел(-а)", "leave", true},
    {"{a} вышел", "leave", true},
    {"{a} удалил(-а) {m}", "remove_members", true},
    {"{a} изменил(-а) тему с \"{o}\" на \"{t}\"", "change_subject", true},
    {"Ваш код безопасности для {m} изменился*", "security_code_changed", false},
    // uk
    {"{a} створив(-ла) групу \"{t}\"", "create_group", true},
    {"{a} додав(-ла) {m}", "add_members", true},
    {"{a} вийшов(-ла)", "leave", true},
    {"{a} видалив(-ла) {m}", "remove_members", true},
    // nl
    {"{a} heeft groep \"{t}\" aangemaakt", "create_group", true},
    {"{a} heeft je toegevoegd", "add_members", true},
    {"{a} heeft {m} toegevoegd", "add_members", true},
    {"{a} neemt deel via de uitnodigingslink van deze groep", "join_by_link", true},
    {"{a} heeft de groep verlaten", "leave", true},
    {"{a} is vertrokken", "leave", true},
    {"{a} heeft {m} verwijderd", "remove_members", true},
    {"{a} heeft het onderwerp gewijzigd van \"{o}\" naar \"{t}\"", "change_subject", true},
    // tr
    {"{a} \"{t}\" grubunu oluşturdu", "create_group", true},
    {"{a} sizi ekledi", "add_members", true},
    {"{a} ayrıldı", "leave", true},
    {"{a} bu grubun davet bağlantısını kullanarak katıldı", "join_by_link", true},
    // id
    {"{a} membuat grup \"{t}\"", "create_group", true},
    {"{a} menambahkan {m}", "add_members", true},
    {"{a} keluar", "leave", true},
    {"{a} mengeluarkan {m}", "remove_members", true},
    // cs
    {"{a} vytvořil(a) skupinu \"{t}\"", "create_group", true},
    {"{a} přidal(a) {m}", "add_members", true},
    {"{a} odešel/odešla", "leave", true},
    {"{a} odebral(a) {m}", "remove_members", true},
};

// Exact openings of the end-to-end notices (a user would not start a message like this).
constexpr std::string_view kE2ePrefixes[] = {
    "Messages and calls are end-to-end encrypted",
    "Messages to this group are now secured with end-to-end encryption",
    "Messages you send to this group are now secured with end-to-end encryption",
    "Messages you send to this chat and calls are now secured with end-to-end encryption",
    "Messages to this chat and calls are now secured with end-to-end encryption",
    "Zprávy a hovory jsou zabezpečeny koncovým šifrováním",
    "Zprávy a hovory jsou opatřeny koncovým šifrováním",
    "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt",
    "Les messages et les appels sont chiffrés de bout en bout",
    "मैसेजेस और कॉल्स एंड-टू-एंड एन्क्रिप्टेड हैं",
    "Pesan dan panggilan terenkripsi secara end-to-end",
    "I messaggi e le chiamate sono crittografati end-to-end",
    "メッセージと通話はエンドツーエンド暗号化されています",
    "As mensagens e chamadas são encriptadas ponto a ponto",
    "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta",
    "Сообщения и звонки защищены сквозным шифрованием",
    "Los mensajes y las llamadas están cifrados de extremo a extremo",
    "ข้อความและการโทรได้รับการเข้ารหัสจากต้นทางถึงปลายทาง",
    "Повідомлення й дзвінки захищено наскрізним шифруванням",
    "Tin nhắn và cuộc gọi được mã hóa đầu cuối",
    "Berichten en oproepen worden end-to-end versleuteld",
    "Mesajlar ve aramalar uçtan uca şifrelidir",
};

// Looser keywords, accepted only in a system context (no sender, or LRM-led iOS text).
constexpr std::string_view kE2eKeywords[] = {
    "end-to-end", "End-to-end", "Ende-zu-Ende", "de bout en bout", "extremo a extremo", "ponta a ponta",
    "ponto a ponto", "uçtan uca", "сквозным шифрованием", "наскрізним шифруванням", "koncovým šifrováním",
    "エンドツーエンド", "端到端", "종단간", "mã hóa đầu cuối", "تشفير تام بين الطرفين"};

size_t QuoteLength(std::string_view s, size_t i) {
  static constexpr std::string_view kQuotes[] = {"\"", "“", "”", "„", "«", "»", "‘", "’", "‚", "「", "」", "『", "』", "'"};
  for (std::string_view q : kQuotes) {
    if (s.substr(i, q.size()) == q) return q.size();
  }
  return 0;
}

// Matches literal `lit` (with '"' = any quote) at text[i]; the length matched, or npos.
size_t MatchLiteral(std::string_view lit, std::string_view text, size_t i) {
  const size_t start = i;
  for (char ch : lit) {
    if (ch == '"') {
      const size_t q = QuoteLength(text, i);
      if (q == 0) return std::string_view::npos;
      i += q;
    } else {
      if (i >= text.size() || text[i] != ch) return std::string_view::npos;
      ++i;
    }
  }
  return i - start;
}

bool MatchPattern(std::string_view pattern, std::string_view text, SystemEvent* ev) {
  size_t p = 0, t = 0;
  while (p < pattern.size()) {
    if (pattern[p] == '*') return true;
    if (pattern[p] == '{') {
      const char slot = pattern[p + 1];
      p += 3;
      const size_t lit_end = pattern.find_first_of("{*", p);
      const std::string_view lit = pattern.substr(p, lit_end == std::string_view::npos ? std::string_view::npos : lit_end - p);
      size_t cap_end = std::string_view::npos, lit_len = 0;
      if (lit.empty()) {
        cap_end = text.size();
      } else {
        for (size_t k = t + 1; k < text.size(); ++k) {  // captures are non-empty
          const size_t n = MatchLiteral(lit, text, k);
          if (n != std::string_view::npos) {
            // The last literal must reach the end of the text (or a '*' follows).
            const bool last = lit_end == std::string_view::npos;
            if (last && k + n != text.size()) continue;
            cap_end = k, lit_len = n;
            break;
          }
        }
      }
      if (cap_end == std::string_view::npos || cap_end <= t) return false;
      const std::string_view cap = text.substr(t, cap_end - t);
      switch (slot) {
        case 'a': ev->actor = cap; break;
        case 'm': ev->members = cap; break;
        case 'o': ev->old_title = cap; break;
        case 't': ev->title = cap; break;
        default: break;
      }
      t = cap_end + lit_len;
      p += lit.size();
      continue;
    }
    const size_t lit_end = pattern.find_first_of("{*", p);
    const std::string_view lit = pattern.substr(p, lit_end == std::string_view::npos ? std::string_view::npos : lit_end - p);
    const size_t n = MatchLiteral(lit, text, t);
    if (n == std::string_view::npos) return false;
    t += n;
    p += lit.size();
  }
  return t == text.size();
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string_view WithoutFinalStop(std::string_view s) {
  if (EndsWith(s, ".")) s.remove_suffix(1);
  else if (EndsWith(s, "。")) s.remove_suffix(3);
  return s;
}

// ---- markers and placeholders ------------------------------------------------------------
constexpr std::string_view kDeleted[] = {
    "This message was deleted", "You deleted this message",                                  // en
    "Tato zpráva byla odstraněna", "Tuto zprávu jste odstranil/a", "Tato zpráva byla smazána",
    "Tuto zprávu jste smazal/a",                                                              // cs
    "Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht",                    // de
    "Ce message a été supprimé", "Vous avez supprimé ce message",                             // fr
    "यह मैसेज डिलीट कर दिया गया है", "आपने यह मैसेज डिलीट किया",                                   // hi
    "Pesan ini dihapus", "Anda menghapus pesan ini",                                          // id
    "Questo messaggio è stato eliminato", "Hai eliminato questo messaggio",                   // it
    "このメッセージは削除されました", "このメッセージを削除しました",                         // ja
    "Esta mensagem foi apagada", "Apagou esta mensagem", "Mensagem apagada", "Você apagou esta mensagem",  // pt
    "Данное сообщение удалено", "Вы удалили данное сообщение", "Это сообщение удалено",      // ru
    "Se eliminó este mensaje", "Eliminaste este mensaje", "Este mensaje fue eliminado",       // es
    "ข้อความนี้ถูกลบแล้ว", "คุณได้ลบข้อความนี้",                                              // th
    "Це повідомлення було видалено", "Ви видалили це повідомлення",                           // uk
    "Tin nhắn này đã bị xóa", "Bạn đã xoá tin nhắn này", "Bạn đã xóa tin nhắn này",           // vi
    "Dit bericht is verwijderd", "Je hebt dit bericht verwijderd",                            // nl
    "Bu mesaj silindi", "Bu mesajı sildiniz",                                                 // tr
};

struct KindWord {
  std::string_view text;
  std::string_view kind;
};

constexpr KindWord kOmitted[] = {
    // Android, any language: <...> (lower-case variants from older versions)
    {"<Media omitted>", "media"}, {"<media omitted>", "media"}, {"<Medien ausgeschlossen>", "media"},
    {"<Média vynechány>", "media"}, {"<Без медиафайлов>", "media"}, {"<Media weggelaten>", "media"},
    {"<Multimedia omitido>", "media"}, {"<Archivo omitido>", "media"}, {"<Médias omis>", "media"},
    {"<Fichier omis>", "media"}, {"<Media omessi>", "media"}, {"<Mídia oculta>", "media"},
    {"<Arquivo de mídia oculto>", "media"}, {"<Medya dahil edilmedi>", "media"}, {"<Media tidak disertakan>", "media"},
    {"<Без медіафайлів>", "media"}, {"<Медіафайли пропущено>", "media"}, {"<Đã bỏ qua tập tin phương tiện>", "media"},
    {"<मीडिया के बिना>", "media"}, {"<Bilder weggelassen>", "photo"}, {"<Video omitted>", "video"},
    {"<image omitted>", "photo"}, {"<video omitted>", "video"}, {"<audio omitted>", "audio"},
    {"<sticker omitted>", "sticker"}, {"<GIF omitted>", "gif"},
    // iOS en
    {"image omitted", "photo"}, {"video omitted", "video"}, {"audio omitted", "audio"}, {"sticker omitted", "sticker"},
    {"GIF omitted", "gif"}, {"Contact card omitted", "contact"}, {"document omitted", "document"},
    // cs
    {"obrázek vynechán", "photo"}, {"video vynecháno", "video"}, {"zvukový soubor vynechán", "audio"},
    {"Vizitka vynechána", "contact"}, {"nálepka vynechána", "sticker"}, {"dokument vynechán", "document"},
    {"GIF vynechán", "gif"},
    // de
    {"Bild weggelassen", "photo"}, {"Video weggelassen", "video"}, {"Audio weggelassen", "audio"},
    {"Kontaktkarte ausgelassen", "contact"}, {"Sticker weggelassen", "sticker"}, {"Dokument weggelassen", "document"},
    {"GIF weggelassen", "gif"},
    // fr
    {"image absente", "photo"}, {"vidéo absente", "video"}, {"audio omis", "audio"}, {"Fiche contact manquante", "contact"},
    {"sticker omis", "sticker"}, {"document manquant", "document"}, {"GIF retiré", "gif"},
    // hi
    {"फ़ोटो हटाई गई", "photo"}, {"फ़ोटो हटाई गई", "photo"}, {"वीडियो छोड़ा गया", "video"}, {"वीडियो छोड़ा गया", "video"}, {"ऑडियो हटाई गयी", "audio"},
    {"कॉन्टैक्ट कार्ड छोड़ा गया", "contact"}, {"कॉन्टैक्ट कार्ड छोड़ा गया", "contact"}, {"स्टिकर छोड़ा गया", "sticker"}, {"स्टिकर छोड़ा गया", "sticker"}, {"डॉक्यूमेंट छोड़ा गया", "document"}, {"डॉक्यूमेंट छोड़ा गया", "document"},
    {"GIF छोड़ा गया", "gif"}, {"GIF छोड़ा गया", "gif"},
    // id
    {"gambar tidak disertakan", "photo"}, {"video tidak disertakan", "video"}, {"audio tidak disertakan", "audio"},
    {"Kartu kontak tidak disertakan", "contact"}, {"stiker tidak disertakan", "sticker"},
    {"dokumen tidak disertakan", "document"}, {"GIF tidak disertakan", "gif"},
    // it
    {"immagine omessa", "photo"}, {"video omesso", "video"}, {"audio omesso", "audio"},
    {"Scheda contatto omessa", "contact"}, {"sticker non incluso", "sticker"}, {"documento omesso", "document"},
    {"GIF esclusa", "gif"},
    // ja
    {"画像は含まれていません", "photo"}, {"ビデオは含まれていません", "video"}, {"音声は含まれていません", "audio"},
    {"連絡先カードを省略", "contact"}, {"スタンプは含まれていません", "sticker"},
    {"ドキュメントは含まれていません", "document"}, {"GIFは含まれていません", "gif"},
    // pt (PT and BR)
    {"imagem não revelada", "photo"}, {"vídeo não revelado", "video"}, {"ficheiro de áudio não revelado", "audio"},
    {"Contacto não revelado", "contact"}, {"sticker não revelado", "sticker"}, {"documento não revelado", "document"},
    {"GIF não revelada", "gif"}, {"imagem ocultada", "photo"}, {"vídeo omitido", "video"}, {"áudio ocultado", "audio"},
    {"figurinha omitida", "sticker"}, {"cartão de contato omitido", "contact"},
    // ru
    {"изображение отсутствует", "photo"}, {"видео отсутствует", "video"}, {"аудиофайл отсутствует", "audio"},
    {"Карточка контакта отсутствует", "contact"}, {"стикер не добавлен", "sticker"}, {"документ отсутствует", "document"},
    {"GIF отсутствует", "gif"},
    // es
    {"imagen omitida", "photo"}, {"Video omitido", "video"}, {"video omitido", "video"}, {"audio omitido", "audio"},
    {"Tarjeta de contacto omitida", "contact"}, {"sticker omitido", "sticker"}, {"documento omitido", "document"},
    {"GIF omitido", "gif"},
    // th
    {"ไม่มีรูปภาพ", "photo"}, {"วิดีโอถูกลบ", "video"}, {"ไม่มีไฟล์เสียง", "audio"}, {"บัตรรายชื่อที่ละเว้น", "contact"},
    {"ไม่มีสติกเกอร์", "sticker"}, {"ละเว้นเอกสาร", "document"}, {"ละเว้น GIF", "gif"},
    // uk
    {"зображення відсутнє", "photo"}, {"відео відсутнє", "video"}, {"аудіо відсутнє", "audio"},
    {"Картка контакту відсутня", "contact"}, {"Наклейку не додано", "sticker"}, {"документ пропущено", "document"},
    {"GIF-анімацію пропущено", "gif"},
    // vi
    {"đã bỏ qua hình ảnh", "photo"}, {"đã bỏ video", "video"}, {"bỏ qua tệp âm thanh", "audio"},
    {"Bỏ qua thẻ liên lạc", "contact"}, {"đã bỏ sticker", "sticker"}, {"đã bỏ qua tài liệu", "document"},
    {"Đã bỏ qua ảnh GIF", "gif"},
    // nl, tr
    {"afbeelding weggelaten", "photo"}, {"video weggelaten", "video"}, {"audio weggelaten", "audio"},
    {"document weggelaten", "document"}, {"görüntü dahil edilmedi", "photo"}, {"video dahil edilmedi", "video"},
    {"ses dahil edilmedi", "audio"}, {"belge dahil edilmedi", "document"},
};

constexpr std::string_view kFileAttached[] = {
    "file attached", "Datei angehängt", "soubor byl přiložen", "файл добавлен", "bestand bijgevoegd",
    "archivo adjunto", "fichier joint", "file allegato", "arquivo anexado", "ficheiro anexado", "dosya ekli",
    "file terlampir", "файл додано", "tệp đính kèm", "फ़ाइल अटैच की गई", "ไฟล์แนบ", "ファイル添付あり"};

constexpr std::string_view kAttached[] = {"attached", "Anhang", "adjunto", "pièce jointe", "allegato", "anexo",
                                          "прикреплено", "bijlage", "ek", "lampiran", "příloha", "添付"};

constexpr std::string_view kEdited[] = {
    "<This message was edited>", "<Diese Nachricht wurde bearbeitet>", "<Se editó este mensaje.>",
    "<Se editó este mensaje>", "<Ce message a été modifié>", "<Questo messaggio è stato modificato>",
    "<Esta mensagem foi editada>", "<Mensagem editada>", "<Сообщение изменено>", "<Это сообщение изменено>",
    "<Dit bericht is bewerkt>", "<Bu mesaj düzenlendi>", "<Pesan ini telah diedit>", "<Tato zpráva byla upravena>",
    "<Повідомлення змінено>", "<Tin nhắn này đã được chỉnh sửa>", "<このメッセージは編集されました>"};

constexpr std::string_view kYou[] = {"You", "you", "Du", "du", "Vous", "vous", "Tú", "tú", "Tu", "tu", "Вы", "вы",
                                     "Ви", "ви", "あなた", "Anda", "Bạn", "Você", "você", "คุณ", "आप", "Jij",
                                     "Sen", "Siz", "Vy", "Ty", "Sie", "Jullie", "Kamu"};

}  // namespace

// For each system pattern, its longest literal run (no slot, '*' or quote): a text without it
// cannot match, and std::string_view::find rules most texts out far faster than the matcher.
const std::vector<std::string_view>& RequiredLiterals() {
  static const std::vector<std::string_view> literals = [] {
    std::vector<std::string_view> out;
    for (const auto& p : kSystemPatterns) {
      const std::string_view pat = p.pattern;
      std::string_view best;
      size_t i = 0;
      while (i < pat.size()) {
        if (pat[i] == '{') {
          i += 3;
          continue;
        }
        const size_t end = pat.find_first_of("{*\"", i);
        const std::string_view run = pat.substr(i, end == std::string_view::npos ? std::string_view::npos : end - i);
        if (run.size() > best.size()) best = run;
        if (end == std::string_view::npos) break;
        i = pat[end] == '{' ? end : end + 1;
      }
      out.push_back(best);
    }
    return out;
  }();
  return literals;
}

// First bytes of the end-to-end openings: most texts are ruled out by one table look-up.
bool MayOpenE2e(std::string_view text) {
  static const auto kFirst = [] {
    std::array<bool, 256> t{};
    for (std::string_view p : kE2ePrefixes) t[static_cast<unsigned char>(p[0])] = true;
    return t;
  }();
  return !text.empty() && kFirst[static_cast<unsigned char>(text[0])];
}

bool MatchSystemText(std::string_view text, bool system_context, SystemEvent* out) {
  if (MayOpenE2e(text)) {
    for (std::string_view prefix : kE2ePrefixes) {
      if (StartsWith(text, prefix)) {
        *out = SystemEvent{};
        out->action = "e2e_notice";
        out->group = text.find("group") != std::string_view::npos;
        return true;
      }
    }
  }
  if (!system_context) return false;
  const std::string_view body = WithoutFinalStop(text);
  const auto& required = RequiredLiterals();
  for (size_t i = 0; i < std::size(kSystemPatterns); ++i) {
    const auto& p = kSystemPatterns[i];
    if (text.find(required[i]) == std::string_view::npos) continue;  // cheap memmem before the matcher
    SystemEvent ev;
    if (MatchPattern(p.pattern, body, &ev) || MatchPattern(p.pattern, text, &ev)) {
      ev.action = p.action;
      ev.group = p.group;
      *out = ev;
      return true;
    }
  }
  for (std::string_view key : kE2eKeywords) {
    if (text.find(key) != std::string_view::npos) {
      *out = SystemEvent{};
      out->action = "e2e_notice";
      return true;
    }
  }
  return false;
}

bool IsDeletedMarker(std::string_view text) {
  if (text.size() > 80) return false;
  const std::string_view body = WithoutFinalStop(text);
  for (std::string_view m : kDeleted) {
    if (body == m) return true;
  }
  return false;
}

std::string_view OmittedMediaKind(std::string_view text) {
  if (text.size() > 80 || text.empty()) return {};
  for (const auto& k : kOmitted) {
    if (text == k.text) return k.kind;
  }
  // An unknown language's Android placeholder: "<... medi... ...>".
  if (text.front() == '<' && text.back() == '>' && text.find('<', 1) == std::string_view::npos) {
    static constexpr std::string_view kStems[] = {"edia", "édia", "ídia", "едиа", "едіа", "ultimedia", "edya"};
    for (std::string_view s : kStems) {
      if (text.find(s) != std::string_view::npos) return "media";
    }
  }
  return {};
}

bool IsFileAttachedLabel(std::string_view label) {
  for (std::string_view l : kFileAttached) {
    if (label == l) return true;
  }
  return false;
}

bool IsAttachedLabel(std::string_view label) {
  for (std::string_view l : kAttached) {
    if (label == l) return true;
  }
  return false;
}

std::string_view StripEditedMarker(std::string_view text, bool* edited) {
  *edited = false;
  if (text.empty() || text.back() != '>') return text;
  for (std::string_view m : kEdited) {
    if (EndsWith(text, m)) {
      *edited = true;
      text.remove_suffix(m.size());
      // Drop the marks and spaces WhatsApp puts before the marker.
      for (;;) {
        if (EndsWith(text, " ") || EndsWith(text, "\n")) text.remove_suffix(1);
        else if (EndsWith(text, "\u200E") || EndsWith(text, "\u200F") || EndsWith(text, "\u202F")) text.remove_suffix(3);
        else if (EndsWith(text, "\u00A0")) text.remove_suffix(2);
        else break;
      }
      return text;
    }
  }
  return text;
}

bool IsYouWord(std::string_view name) {
  for (std::string_view y : kYou) {
    if (name == y) return true;
  }
  return false;
}

namespace {

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

}  // namespace

bool LooksLikeExportedMediaName(std::string_view name) {
  static constexpr std::string_view kAndroid[] = {"IMG-", "VID-", "PTT-", "AUD-", "STK-", "DOC-"};
  for (std::string_view p : kAndroid) {
    if (StartsWith(name, p) && name.find("-WA") != std::string_view::npos) return true;
  }
  return name.size() > 9 && IsDigits(name.substr(0, 8)) && name[8] == '-';
}

std::string_view KindFromFileName(std::string_view name) {
  if (StartsWith(name, "IMG-")) return "photo";
  if (StartsWith(name, "VID-")) return "video";
  if (StartsWith(name, "PTT-") || StartsWith(name, "AUD-")) return "audio";
  if (StartsWith(name, "STK-")) return "sticker";
  if (name.size() > 9 && IsDigits(name.substr(0, 8)) && name[8] == '-') {
    const std::string_view rest = name.substr(9);
    if (StartsWith(rest, "PHOTO-")) return "photo";
    if (StartsWith(rest, "VIDEO-")) return "video";
    if (StartsWith(rest, "AUDIO-")) return "audio";
    if (StartsWith(rest, "STICKER-")) return "sticker";
    if (StartsWith(rest, "GIF-")) return "gif";
  }
  const size_t dot = name.rfind('.');
  const std::string ext = dot == std::string_view::npos ? std::string() : Lower(name.substr(dot + 1));
  if (ext == "vcf") return "contact";
  if (ext == "jpg" || ext == "jpeg" || ext == "png" || ext == "heic" || ext == "webp") return "photo";
  if (ext == "gif") return "gif";
  if (ext == "mp4" || ext == "mov" || ext == "3gp" || ext == "mkv") return "video";
  if (ext == "opus" || ext == "ogg" || ext == "m4a" || ext == "aac" || ext == "mp3" || ext == "amr" || ext == "wav") {
    return "audio";
  }
  return "document";
}

std::string TitleFromFileName(std::string_view stem) {
  const size_t wa = stem.find("WhatsApp");
  if (wa == std::string_view::npos) return {};
  static constexpr std::string_view kConnectors[] = {
      " with ", " - ", " mit ", " con ", " avec ", " com ", " met ", " s uživatelem ", " с контактом ",
      " з контактом ", " с ", " z ", " ile ", " dengan ", " với ", ": ", " と", " กับ "};
  size_t best = std::string_view::npos, best_len = 0;
  for (std::string_view c : kConnectors) {
    const size_t at = stem.find(c, wa);
    if (at != std::string_view::npos && at < best) best = at, best_len = c.size();
  }
  if (best == std::string_view::npos) {
    // "Chat de WhatsApp con X" puts the connector after "WhatsApp"; "X ile WhatsApp Sohbeti" before.
    return {};
  }
  return std::string(stem.substr(best + best_len));
}

}  // namespace casegraph::ingest::whatsapp
