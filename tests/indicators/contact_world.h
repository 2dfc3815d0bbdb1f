// Shared by the contact-indicator tests: a fresh workspace, subjects with a chosen birth, tiny
// real exports (Telegram result.json, WhatsApp .txt; synthetic people, neutral text) ingested
// and refreshed, and a way to run one indicator as flags.cpp would.
#pragma once

#include <string>
#include <vector>

#include "graph/citation_source.h"
#include "graph/graph_test_util.h"
#include "graph/identity_exports.h"
#include "indicators/contact_indicators.h"

namespace casegraph::indicators::testing {

using graph::testing::TgChat;
using graph::testing::TgContact;
using graph::testing::TgMessage;

constexpr long long kT0 = 1718265600;  // 2024-06-13T08:00:00Z
constexpr long long kDay = 86400;

class ContactWorldTest : public graph::testing::GraphTest {
 protected:
  void Subject(const std::string& case_code, const std::string& label, const std::string& born) {
    if (ws_->FindCase(case_code).ok() == false) AddCase(case_code);
    ASSERT_TRUE(ws_->AddSubject(case_code, label, born, "victim", "t").ok());
  }

  // A Telegram export of user<owner_id>, seized from `subject` of `case_code`.
  void Telegram(const std::string& case_code, const std::string& subject, long long owner_id,
                const std::vector<TgContact>& contacts, const std::vector<TgChat>& chats) {
    Ingest(case_code, "/" + case_code + "/" + subject + "-tg-" + std::to_string(++exports_) + "/result.json",
           graph::testing::TelegramExport(owner_id, "Owner" + std::to_string(owner_id), "", contacts, chats), subject);
  }

  // A WhatsApp .txt (times in UTC) seized from `subject`.
  void WhatsApp(const std::string& case_code, const std::string& subject, const std::string& lines) {
    Ingest(case_code, "/" + case_code + "/" + subject + "-wa-" + std::to_string(++exports_) + ".txt", lines, subject,
           "UTC");
  }

  std::vector<Finding> Find(const Indicator& indicator, const std::vector<std::string>& cases = {},
                            const std::vector<Finding>* earlier = nullptr) {
    auto cite = graph::CitationSource::Load(*ws_);
    EXPECT_TRUE(cite.ok());
    if (!cite.ok()) return {};
    std::vector<std::string> scope = cases;
    if (scope.empty()) {
      for (const auto& row : Rows("SELECT code FROM cases ORDER BY code")) scope.push_back(row);
    }
    IndicatorContext ctx{*ws_, *cite, scope, earlier};
    auto found = indicator.Find(ctx);
    EXPECT_TRUE(found.ok()) << found.error().ToString();
    return found.ok() ? *found : std::vector<Finding>{};
  }

  static Finding Earlier(std::string_view kind, const std::string& account) {
    Finding f;
    f.kind = std::string(kind);
    f.accounts = {account};
    return f;
  }

  int exports_ = 0;
};

}  // namespace casegraph::indicators::testing
