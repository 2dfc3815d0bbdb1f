// CASE/UCO JSON-LD (CASE 1.x / UCO 1.x): one uco-core:Bundle holding the accounts
// (uco-observable:ApplicationAccount with AccountFacet, ApplicationAccountFacet and, when named,
// DigitalAccountFacet), the applications (platforms), the subjects (uco-identity:Person) and
// resolved identities (uco-identity:Identity), the messages (uco-observable:Message +
// MessageFacet: from, to, sentTime, messageText, application), one uco-core:Relationship per
// graph edge and per message–account link, and per exhibit a case-investigation:ProvenanceRecord
// (exhibitNumber) whose object is the exhibit as a uco-observable:File with a ContentDataFacet
// holding its SHA-256 as a uco-types:Hash. Each message is tied to its exhibit by a
// "Contained_Within" relationship whose description holds the locator. @id values are derived
// from stable keys (refs, exhibit hashes, locators) by SHA-1, so the same workspace gives the
// same document. The context is inline: the file parses offline.
#include <map>

#include "base/json_text.h"
#include "hashing/digest.h"
#include "report/export_writers.h"
#include "report/xml_writer.h"

namespace casegraph::report {
namespace {

constexpr char kContext[] = R"("@context": {
  "kb": "urn:casegraph:kb:",
  "case-investigation": "https://ontology.caseontology.org/case/investigation/",
  "uco-core": "https://ontology.unifiedcyberontology.org/uco/core/",
  "uco-identity": "https://ontology.unifiedcyberontology.org/uco/identity/",
  "uco-observable": "https://ontology.unifiedcyberontology.org/uco/observable/",
  "uco-types": "https://ontology.unifiedcyberontology.org/uco/types/",
  "uco-vocabulary": "https://ontology.unifiedcyberontology.org/uco/vocabulary/",
  "xsd": "http://www.w3.org/2001/XMLSchema#"
 })";

std::string Sha1(std::string_view key) {
  hashing::Digest d(hashing::Digest::Algorithm::kSha1);
  d.Update(key);
  return d.FinishHex();
}

std::string Q(std::string_view s) { return JsonQuote(CleanText(s)); }
std::string Ref(const std::string& id) { return "{\"@id\": " + Q(id) + "}"; }
std::string Typed(const char* type, const std::string& value) {
  return std::string("{\"@type\": \"") + type + "\", \"@value\": " + Q(value) + "}";
}

// The kindOfRelationship of each graph edge kind.
std::string RelationshipKind(const std::string& kind) {
  if (kind == kEdgePrivateChat) return "Private_Chat_With";
  if (kind == kEdgeGroupCoMember) return "Group_Co_Member_With";
  if (kind == kEdgeUsesAccount) return "Uses_Account";
  if (kind == kEdgePersonMember) return "Member_Of_Identity";
  return kind;
}

class Bundle {
 public:
  void Add(std::string object) { objects_.push_back(std::move(object)); }
  std::string Finish(const std::string& id, const std::string& description) const {
    std::string out = "{\n " + std::string(kContext) + ",\n \"@id\": " + Q(id) +
                      ",\n \"@type\": \"uco-core:Bundle\",\n \"uco-core:description\": " + Q(description) +
                      ",\n \"uco-core:object\": [\n";
    for (size_t i = 0; i < objects_.size(); ++i) out += "  " + objects_[i] + (i + 1 < objects_.size() ? ",\n" : "\n");
    return out + " ]\n}\n";
  }

 private:
  std::vector<std::string> objects_;
};

std::string NodeIri(const ExportNode& n) {
  if (n.type == kNodeAccount) return "kb:account-" + Sha1(n.ref);
  if (n.type == kNodeSubject) return "kb:subject-" + Sha1(n.label);
  return "kb:identity-" + Sha1(n.person);
}

std::string ApplicationIri(const std::string& platform) { return "kb:application-" + Sha1(platform); }

void AddApplications(const ExportGraph& g, Bundle& b) {
  std::map<std::string, bool> platforms;
  for (const auto& n : g.nodes) if (!n.platform.empty()) platforms[n.platform] = true;
  for (const auto& m : g.messages) if (!m.platform.empty()) platforms[m.platform] = true;
  for (const auto& [p, unused] : platforms) {
    const std::string id = ApplicationIri(p);
    b.Add("{\"@id\": " + Q(id) + ", \"@type\": \"uco-observable:Application\", \"uco-core:name\": " + Q(p) +
          ", \"uco-core:hasFacet\": [{\"@id\": " + Q(id + "-facet") +
          ", \"@type\": \"uco-observable:ApplicationFacet\", \"uco-observable:applicationIdentifier\": " + Q(p) + "}]}");
  }
}

void AddNodes(const ExportGraph& g, Bundle& b, std::map<std::string, std::string>& iri) {
  for (const auto& n : g.nodes) {
    const std::string id = NodeIri(n);
    iri[n.id] = id;
    const std::string cite = CitationText(n.citation);
    std::string o = "{\"@id\": " + Q(id) + ", \"uco-core:name\": " + Q(n.label) + ", \"uco-core:description\": " +
                    Q("casegraph " + n.type + (n.ref.empty() ? "" : " " + n.ref) + "; cases: " + JoinList(n.cases) +
                      (cite.empty() ? "" : "; cited at " + cite));
    if (n.type == kNodeAccount) {
      o += ", \"@type\": \"uco-observable:ApplicationAccount\", \"uco-core:hasFacet\": [";
      o += "{\"@id\": " + Q(id + "-account-facet") +
           ", \"@type\": \"uco-observable:AccountFacet\", \"uco-observable:accountIdentifier\": " + Q(n.ref) + "}";
      o += ", {\"@id\": " + Q(id + "-application-account-facet") +
           ", \"@type\": \"uco-observable:ApplicationAccountFacet\", \"uco-observable:application\": " +
           Ref(ApplicationIri(n.platform)) + "}";
      if (!n.names.empty()) {
        o += ", {\"@id\": " + Q(id + "-digital-account-facet") +
             ", \"@type\": \"uco-observable:DigitalAccountFacet\", \"uco-observable:displayName\": " + Q(n.names.front()) + "}";
      }
      o += "]";
    } else {
      o += std::string(", \"@type\": \"") + (n.type == kNodeSubject ? "uco-identity:Person" : "uco-identity:Identity") + "\"";
    }
    b.Add(o + "}");
  }
}

std::string Relationship(const std::string& key, const std::string& source, const std::string& target,
                         const std::string& kind, bool directional, const std::optional<int64_t>& start,
                         const std::optional<int64_t>& end, const std::string& description) {
  std::string o = "{\"@id\": " + Q("kb:relationship-" + Sha1(key)) + ", \"@type\": \"uco-core:Relationship\"" +
                  ", \"uco-core:source\": " + Ref(source) + ", \"uco-core:target\": " + Ref(target) +
                  ", \"uco-core:kindOfRelationship\": " + Q(kind) +
                  ", \"uco-core:isDirectional\": " + (directional ? "true" : "false");
  if (start) o += ", \"uco-core:startTime\": " + Typed("xsd:dateTime", IsoOrEmpty(start));
  if (end) o += ", \"uco-core:endTime\": " + Typed("xsd:dateTime", IsoOrEmpty(end));
  return o + ", \"uco-core:description\": " + Q(description) + "}";
}

std::string ExhibitIri(const ExportExhibit& e) { return "kb:exhibit-" + Sha1(e.case_code + "/" + e.label); }

void AddExhibits(const ExportGraph& g, Bundle& b) {
  for (const auto& e : g.exhibits) {
    const std::string file = ExhibitIri(e);
    b.Add("{\"@id\": " + Q(file) + ", \"@type\": \"uco-observable:File\", \"uco-core:name\": " + Q(e.label) +
          ", \"uco-core:description\": " + Q("exhibit " + e.label + " of case " + e.case_code + " (" + e.format + ")") +
          ", \"uco-core:hasFacet\": [{\"@id\": " + Q(file + "-file-facet") +
          ", \"@type\": \"uco-observable:FileFacet\", \"uco-observable:fileName\": " + Q(e.file_name) +
          ", \"uco-observable:sizeInBytes\": " + Typed("xsd:integer", std::to_string(e.size_bytes)) + "}, {\"@id\": " +
          Q(file + "-content-facet") + ", \"@type\": \"uco-observable:ContentDataFacet\", \"uco-observable:hash\": [{\"@id\": " +
          Q(file + "-sha256") + ", \"@type\": \"uco-types:Hash\", \"uco-types:hashMethod\": " +
          Typed("uco-vocabulary:HashNameVocab", "SHA256") + ", \"uco-types:hashValue\": " + Typed("xsd:hexBinary", e.sha256) +
          "}]}]}");
    b.Add("{\"@id\": " + Q("kb:provenance-record-" + Sha1(e.case_code + "/" + e.label)) +
          ", \"@type\": \"case-investigation:ProvenanceRecord\", \"case-investigation:exhibitNumber\": " + Q(e.label) +
          ", \"uco-core:description\": " + Q("case " + e.case_code + ", exhibit " + e.label + ", SHA-256 " + e.sha256) +
          ", \"uco-core:object\": [" + Ref(file) + "]}");
  }
}

void AddMessages(const ExportGraph& g, Bundle& b, const std::map<std::string, std::string>& iri) {
  std::map<int64_t, const ExportExhibit*> exhibits;
  for (const auto& e : g.exhibits) exhibits[e.id] = &e;
  for (const auto& m : g.messages) {
    auto ex = exhibits.find(m.exhibit_id);
    if (ex == exhibits.end()) continue;
    const std::string key = ex->second->sha256 + "#" + m.locator;
    const std::string id = "kb:message-" + Sha1(key);
    const std::string citation = ex->second->label + "@" + ex->second->sha256.substr(0, 12) + "#" + m.locator;
    std::string facet = "{\"@id\": " + Q(id + "-facet") + ", \"@type\": \"uco-observable:MessageFacet\"";
    auto sender = iri.find(m.sender_node);
    if (sender != iri.end()) facet += ", \"uco-observable:from\": " + Ref(sender->second);
    std::string to;
    for (const auto& r : m.recipients) {
      auto it = iri.find(r);
      if (it != iri.end()) to += (to.empty() ? "" : ", ") + Ref(it->second);
    }
    if (!to.empty()) facet += ", \"uco-observable:to\": [" + to + "]";
    if (m.sent_at) facet += ", \"uco-observable:sentTime\": " + Typed("xsd:dateTime", IsoOrEmpty(m.sent_at));
    facet += ", \"uco-observable:messageText\": " + Q(m.text);
    if (!m.platform.empty()) facet += ", \"uco-observable:application\": " + Ref(ApplicationIri(m.platform));
    b.Add("{\"@id\": " + Q(id) + ", \"@type\": \"uco-observable:Message\", \"uco-core:description\": " +
          Q("cited at " + citation) + ", \"uco-core:hasFacet\": [" + facet + "}]}");
    b.Add(Relationship(key + "|exhibit", id, ExhibitIri(*ex->second), "Contained_Within", true, std::nullopt,
                       std::nullopt, "locator: " + m.locator + " (cite as " + citation + ")"));
    if (sender != iri.end()) {
      b.Add(Relationship(key + "|from", id, sender->second, "Sent_By", true, m.sent_at, std::nullopt, citation));
    }
    for (const auto& r : m.recipients) {
      auto it = iri.find(r);
      if (it != iri.end()) b.Add(Relationship(key + "|to|" + r, id, it->second, "Sent_To", true, m.sent_at, std::nullopt, citation));
    }
  }
}

}  // namespace

std::string RenderCaseUco(const ExportGraph& graph) {
  Bundle b;
  std::map<std::string, std::string> iri;  // node id -> @id
  AddApplications(graph, b);
  AddNodes(graph, b, iri);
  for (const auto& e : graph.edges) {
    auto s = iri.find(e.source), t = iri.find(e.target);
    if (s == iri.end() || t == iri.end()) continue;
    const std::string cite = CitationText(e.citation);
    b.Add(Relationship(e.kind + "|" + s->second + "|" + t->second + "|" + e.case_code + "|" + cite, s->second, t->second,
                       RelationshipKind(e.kind), e.directed, e.first_at, e.last_at,
                       e.label + (cite.empty() ? "" : "; cited at " + cite)));
  }
  AddExhibits(graph, b);
  AddMessages(graph, b, iri);
  return b.Finish("kb:bundle-" + Sha1(JoinList(graph.cases)),
                  "casegraph export of cases " + JoinList(graph.cases) +
                      "; citations as EXHIBIT@SHA256-PREFIX#LOCATOR resolve with `casegraph show`");
}

}  // namespace casegraph::report
