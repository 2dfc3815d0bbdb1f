#include "cli/triage_output.h"

#include <cstdio>

#include "cli/context.h"

namespace casegraph::cli {

void WriteMatchJson(JsonWriter& j, const store::FileMatchView& m) {
  j.BeginObject().Field("path", m.path).Field("carrier", m.carrier).Field("deleted", m.deleted).Field("sha256", m.sha256)
      .Field("md5", m.md5).Field("mime_type", m.mime_type).Field("hashset", m.hashset).Field("set_kind", m.set_kind)
      .Field("kind", m.match_kind).Field("algorithm", m.algorithm).Field("value", m.value)
      .Field("distance", static_cast<int64_t>(m.distance)).Field("label", m.label);
  j.Key("message").StringOrNull(m.message_locator);
  j.Key("citation");
  WriteCitationJson(j, m.citation);
  j.EndObject();
}

void WriteRuleHitJson(JsonWriter& j, const store::RuleHitView& h) {
  j.BeginObject().Field("rule_kind", h.rule_kind).Field("rule", h.rule_name).Field("matched", h.matched)
      .Field("target", h.target).Field("path", h.path).Field("excerpt", h.excerpt).Key("citation");
  WriteCitationJson(j, h.citation);
  j.EndObject();
}

void PrintMatchLine(const store::FileMatchView& m) {
  const std::string distance = m.match_kind == "pdq" ? " distance " + std::to_string(m.distance) : "";
  std::printf("  MATCH %s %s %s%s  %s (%s)%s%s  %s\n", m.match_kind.c_str(), m.carrier.c_str(), m.path.c_str(),
              m.deleted ? " [deleted]" : "", m.hashset.c_str(), m.set_kind.c_str(),
              m.label.empty() ? "" : (" " + m.label).c_str(), distance.c_str(), m.citation.ToText().c_str());
}

void PrintRuleHitLine(const store::RuleHitView& h) {
  std::printf("  RULE %s \"%s\" matched \"%s\" in %s %s  %s\n", h.rule_kind.c_str(), h.rule_name.c_str(), h.matched.c_str(),
              h.target.c_str(), h.path.c_str(), h.citation.ToText().c_str());
}

}  // namespace casegraph::cli
