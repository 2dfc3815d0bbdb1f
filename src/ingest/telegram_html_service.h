// Service blocks of the Telegram HTML export: the writer turns each action into an English
// sentence ("Ann created group «Team» with members Bob and Cem"). This recognises those
// sentences and gives back the JSON export's action name, the actor's name and the names
// listed, and tells date separators ("23 August 2023") apart from real service messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace casegraph::ingest {

struct HtmlServiceAction {
  std::string action;               // "create_group", "invite_members", … ; empty when unknown
  std::string actor;                // the name before the verb; empty for actor-less sentences
  std::vector<std::string> members; // invited / removed / inviter names, as written
  std::string title;                // a group, channel or topic title in «…»
};

HtmlServiceAction ClassifyServiceText(std::string_view text);

// "23 August 2023": the date separators the writer puts between days (they carry negative ids).
bool IsDateSeparatorText(std::string_view text);

}  // namespace casegraph::ingest
