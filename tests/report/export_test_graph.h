// A small hand-made export graph for the writer tests, with names built to break careless
// writers: markup, ampersands, quotes, commas, newlines, control characters, invalid UTF-8 and a
// spreadsheet formula (synthetic people, neutral text).
#pragma once

#include <string>

#include "report/export_graph.h"

namespace casegraph::report::testing {

inline const std::string kEvilName = std::string("<script>alert(\"x\")</script> & 'Ece', \"E\"\n\x01\x02 bad\xFF\xFE end");

inline model::Citation Cite(const std::string& locator) {
  return {"C1", "s1-telegram", std::string(64, 'a'), locator};
}

inline ExportGraph EvilGraph() {
  ExportGraph g;
  g.cases = {"C1", "C2"};
  ExportNode a;
  a.id = "a1";
  a.type = kNodeAccount;
  a.label = kEvilName;
  a.ref = "telegram:user100";
  a.platform = "telegram";
  a.names = {kEvilName, "=HYPERLINK(\"http://x\")"};
  a.phones = {"+90 532 000 00 00"};
  a.cases = {"C1", "C2"};
  a.pagerank = 0.25;
  a.betweenness = 1;
  a.community = 0;
  a.first_at = 1717236000;
  a.last_at = 1717239600;
  a.citation = Cite("/chats/list/0/messages/0");
  ExportNode b = a;
  b.id = "a2";
  b.label = "=SUM(1+1)";  // a spreadsheet formula at the start of a cell
  b.ref = "telegram:user200";
  b.names = {"Deniz"};
  b.subject = "C1/S1";
  ExportNode s;
  s.id = "s1";
  s.type = kNodeSubject;
  s.label = "C1/S1";
  s.cases = {"C1"};
  g.nodes = {a, b, s};
  ExportEdge chat;
  chat.id = "e1";
  chat.source = "a2";
  chat.target = "a1";
  chat.kind = kEdgePrivateChat;
  chat.label = "private chat, 2 messages <b>&</b>";
  chat.case_code = "C1";
  chat.directed = true;
  chat.count = 2;
  chat.first_at = 1717236000;
  chat.last_at = 1717236120;
  chat.citation = Cite("/chats/list/0/messages/0");
  ExportEdge uses;
  uses.id = "e2";
  uses.source = "s1";
  uses.target = "a2";
  uses.kind = kEdgeUsesAccount;
  uses.directed = true;
  g.edges = {chat, uses};
  g.exhibits = {{1, "C1", "s1-telegram", std::string(64, 'a'), "telegram-json", "result.json", 1234}};
  ExportMessage m;
  m.id = 1;
  m.exhibit_id = 1;
  m.sender_node = "a2";
  m.recipients = {"a1"};
  m.platform = "telegram";
  m.text = kEvilName;
  m.locator = "/chats/list/0/messages/0";
  m.sent_at = 1717236000;
  g.messages = {m};
  return g;
}

}  // namespace casegraph::report::testing
