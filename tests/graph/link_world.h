// A small three-case world for the link-query tests, ingested from tiny real exports
// (synthetic people, neutral text). Times: kT0 = 2024-06-01T10:00:00Z.
//   C1/S1 Telegram (user100): the operative user200 writes first (kT0), S1 replies; S1 follows
//         the channel channel900; a friend user101. user200 is saved in S1's contacts with a phone.
//   C2/S2 Telegram (user102): user200 writes first a day EARLIER (kT0 - 1 day), no reply; the
//         channel; a friend user103. C2/S2 WhatsApp: the operative's phone number writes first on
//         2024-06-13 10:00 UTC and S2 replies (same phone -> one person with user200).
//   C3/S3 Telegram (user104): the channel; a group "Club" with S3, user200 and user106.
// So user200 reaches S1 and S2 privately (first, both times) and S3 in a group; the channel is
// in every case but talks to no one.
#pragma once

#include <string>

#include "graph_test_util.h"
#include "identity_exports.h"

namespace casegraph::graph::testing {

constexpr long long kWorldT0 = 1717236000;          // 2024-06-01T10:00:00Z
constexpr long long kWorldWhatsApp = 1718272800;    // 2024-06-13T10:00:00Z
constexpr const char kOperative[] = "telegram:user200";
constexpr const char kOperativeWhatsApp[] = "whatsapp:+905329998877";
constexpr const char kChannel[] = "telegram:channel900";

inline TgChat ChannelChat(long long at) {
  return TgChat{"News", "public_channel", 900, {{7, "channel900", "News", "placeholder news", at}}};
}

class LinkWorldTest : public GraphTest {
 protected:
  void SetUp() override {
    GraphTest::SetUp();
    for (const char* c : {"C1", "C2", "C3"}) AddCase(c);
    AddSubject("C1", "S1");
    AddSubject("C2", "S2");
    AddSubject("C3", "S3");
    const long long t0 = kWorldT0;
    Ingest("C1", "/c1/s1-telegram/result.json",
           TelegramExport(100, "Ece", "ece_t", {{200, "Deniz", "+90 532 999 88 77"}},
                          {{"Deniz", "personal_chat", 200, {{1, "user200", "Deniz", "hello", t0}, {2, "user100", "Ece", "hi", t0 + 120}}},
                           ChannelChat(t0 - 3000),
                           {"Friend A", "personal_chat", 101,
                            {{4, "user101", "Friend A", "see you", t0 + 300}, {5, "user100", "Ece", "ok", t0 + 360}}}}),
           "S1");
    Ingest("C2", "/c2/s2-telegram/result.json",
           TelegramExport(102, "Mert", "mert_t", {},
                          {{"Deniz", "personal_chat", 200, {{1, "user200", "Deniz", "hello there", t0 - 86400}}},
                           ChannelChat(t0 - 2000),
                           {"Friend B", "personal_chat", 103,
                            {{3, "user103", "Friend B", "later", t0 + 100}, {4, "user102", "Mert", "fine", t0 + 160}}}}),
           "S2");
    Ingest("C2", "/c2/s2-whatsapp.txt",
           "6/13/24, 10:00 AM - +90 532 999 88 77: hi there\n6/13/24, 10:01 AM - You: hello\n", "S2", "UTC");
    Ingest("C3", "/c3/s3-telegram/result.json",
           TelegramExport(104, "Ada", "ada_t", {},
                          {ChannelChat(t0 - 1000),
                           {"Club", "private_group", 950,
                            {{1, "user104", "Ada", "welcome", t0 + 1000},
                             {2, "user200", "Deniz", "hello all", t0 + 1060},
                             {3, "user106", "Friend C", "hi", t0 + 1120}}}}),
           "S3");
  }
};

}  // namespace casegraph::graph::testing
