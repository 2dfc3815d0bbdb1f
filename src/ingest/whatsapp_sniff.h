// Sniffing for whatsapp-txt: how much the first lines of a text look like a WhatsApp export,
// and which file of an export folder is the chat. Pure functions of the probe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ingest/importer.h"

namespace casegraph::ingest::whatsapp {

// 0..1 for the first bytes of a candidate chat file. Year-first dates with dashes inside
// brackets and without seconds ("[2019-12-24, 12:23]", the Signal markdown export) are never
// written by WhatsApp and score below 0.5.
SniffResult SniffChatText(std::string_view head);

// The chat file among a folder's top-level names: "_chat.txt", else the one .txt whose name
// contains "WhatsApp", else the only .txt. Empty when none; several names when ambiguous.
std::vector<std::string> ChatFileCandidates(const std::vector<std::string>& names);

}  // namespace casegraph::ingest::whatsapp
