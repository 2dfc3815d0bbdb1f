#include "synth/ground_truth.h"

#include <simdjson.h>

#include "base/time_util.h"

namespace casegraph::synth {
namespace {

namespace dom = simdjson::dom;

// Reads fields of one object, remembering the first problem with its JSON path.
class Reader {
 public:
  Reader(std::string file) : file_(std::move(file)) {}

  std::string Str(dom::element obj, const char* key, const std::string& at) {
    std::string_view v;
    if (obj[key].get(v) != simdjson::SUCCESS) Fail(at + "/" + key, "a string");
    return std::string(v);
  }
  std::string OptStr(dom::element obj, const char* key) {
    std::string_view v;
    if (obj[key].get(v) != simdjson::SUCCESS) return {};
    return std::string(v);
  }
  uint64_t Uint(dom::element obj, const char* key, const std::string& at) {
    uint64_t v = 0;
    if (obj[key].get(v) != simdjson::SUCCESS) Fail(at + "/" + key, "a non-negative integer");
    return v;
  }
  dom::array Array(dom::element obj, const char* key, const std::string& at) {
    dom::array a;
    if (obj[key].get(a) != simdjson::SUCCESS) Fail(at + "/" + key, "an array");
    return a;
  }
  std::vector<std::string> Strings(dom::element obj, const char* key, const std::string& at) {
    std::vector<std::string> out;
    size_t i = 0;
    for (dom::element e : Array(obj, key, at)) {
      std::string_view v;
      if (e.get(v) != simdjson::SUCCESS) Fail(at + "/" + key + "/" + std::to_string(i), "a string");
      out.emplace_back(v);
      ++i;
    }
    return out;
  }
  void Fail(const std::string& at, const char* expected) {
    if (!error_) error_ = Error::Corrupt(std::string("expected ") + expected, Location{file_, at});
  }
  const std::optional<Error>& error() const { return error_; }

 private:
  std::string file_;
  std::optional<Error> error_;
};

TruthCase ReadCase(Reader& r, dom::element c, const std::string& at) {
  TruthCase out{r.Str(c, "code", at), r.OptStr(c, "title"), {}, {}};
  size_t i = 0;
  for (dom::element s : r.Array(c, "subjects", at)) {
    const std::string sat = at + "/subjects/" + std::to_string(i++);
    out.subjects.push_back({r.Str(s, "label", sat), r.OptStr(s, "born"), r.OptStr(s, "role"), r.Strings(s, "accounts", sat)});
  }
  i = 0;
  for (dom::element e : r.Array(c, "exhibits", at)) {
    const std::string eat = at + "/exhibits/" + std::to_string(i++);
    TruthExhibit x;
    x.label = r.Str(e, "label", eat);
    x.path = r.Str(e, "path", eat);
    x.format = r.Str(e, "format", eat);
    x.owner = r.OptStr(e, "owner");
    x.owner_account = r.OptStr(e, "owner_account");
    dom::element options;
    if (e["options"].get(options) == simdjson::SUCCESS) {
      x.tz = r.OptStr(options, "tz");
      x.date_order = r.OptStr(options, "date_order");
      x.instance = r.OptStr(options, "instance");
    }
    uint64_t messages = 0;
    if (e["messages"].get(messages) == simdjson::SUCCESS) x.messages = messages;
    out.exhibits.push_back(std::move(x));
  }
  return out;
}

std::vector<TruthGroup> ReadGroups(Reader& r, dom::element root, const char* key) {
  std::vector<TruthGroup> out;
  size_t i = 0;
  for (dom::element p : r.Array(root, key, "")) {
    const std::string at = std::string("/") + key + "/" + std::to_string(i++);
    out.push_back({r.Str(p, "person", at), r.Strings(p, "accounts", at), r.OptStr(p, "basis")});
  }
  return out;
}

}  // namespace

Result<GroundTruth> ReadGroundTruth(const std::string& path) {
  dom::parser parser;
  dom::element root;
  if (auto err = parser.load(path).get(root); err != simdjson::SUCCESS) {
    return Error::Corrupt(std::string("cannot read the ground truth: ") + simdjson::error_message(err), Location{path, ""});
  }
  Reader r(path);
  GroundTruth t;
  t.seed = r.Uint(root, "seed", "");
  t.messages = r.Uint(root, "messages", "");
  size_t i = 0;
  for (dom::element c : r.Array(root, "cases", "")) t.cases.push_back(ReadCase(r, c, "/cases/" + std::to_string(i++)));
  t.operatives = ReadGroups(r, root, "operatives");
  t.persons = ReadGroups(r, root, "persons");
  i = 0;
  for (dom::element l : r.Array(root, "linked_accounts", "")) {
    const std::string at = "/linked_accounts/" + std::to_string(i++);
    t.linked_accounts.push_back({r.Str(l, "ref", at), r.Strings(l, "cases", at), r.OptStr(l, "kind")});
  }
  i = 0;
  for (dom::element s : r.Array(root, "suggestions", "")) {
    const std::string at = "/suggestions/" + std::to_string(i++);
    t.suggestions.push_back({r.Str(s, "a", at), r.Str(s, "b", at), r.OptStr(s, "basis")});
  }
  dom::element decoys;
  if (root["decoys"].get(decoys) == simdjson::SUCCESS) {
    dom::array pairs;
    if (decoys["same_name"].get(pairs) == simdjson::SUCCESS) {
      for (dom::element pair : pairs) {
        std::vector<std::string> refs;
        dom::array a;
        if (pair.get(a) == simdjson::SUCCESS) {
          for (dom::element e : a) {
            std::string_view v;
            if (e.get(v) == simdjson::SUCCESS) refs.emplace_back(v);
          }
        }
        if (refs.size() != 2) {
          r.Fail("/decoys/same_name", "pairs of two refs");
          continue;
        }
        t.same_name.emplace_back(refs[0], refs[1]);
      }
    }
    t.broadcast = r.OptStr(decoys, "broadcast");
    dom::array locals;
    if (decoys["local_names"].get(locals) == simdjson::SUCCESS) t.local_names = r.Strings(decoys, "local_names", "/decoys");
    dom::array decoy_accounts;
    if (decoys["accounts"].get(decoy_accounts) == simdjson::SUCCESS) t.decoy_accounts = r.Strings(decoys, "accounts", "/decoys");
  }
  dom::element reference;
  if (root["reference"].get(reference) == simdjson::SUCCESS) {
    t.known_bad_list = r.OptStr(reference, "known_bad");
    t.rules_file = r.OptStr(reference, "rules");
  }
  i = 0;
  for (dom::element f : r.Array(root, "first_contacts", "")) {
    const std::string at = "/first_contacts/" + std::to_string(i++);
    TruthFirstContact fc{r.Str(f, "case", at), r.Str(f, "subject", at), r.Str(f, "account", at), r.OptStr(f, "person"),
                         r.OptStr(f, "platform"), 0};
    const std::string when = r.Str(f, "at", at);
    auto local = ParseIsoLocal(when.size() == 20 && when.back() == 'Z' ? when.substr(0, 19) : when);
    if (!local) {
      r.Fail(at + "/at", "an ISO-8601 UTC time (YYYY-MM-DDTHH:MM:SSZ)");
    } else {
      fc.at = CivilToUnix(*local);
    }
    t.first_contacts.push_back(std::move(fc));
  }
  i = 0;
  for (dom::element p : r.Array(root, "paths", "")) {
    const std::string at = "/paths/" + std::to_string(i++);
    t.paths.push_back({r.Str(p, "from", at), r.Str(p, "to", at), static_cast<int>(r.Uint(p, "hops", at))});
  }
  if (r.error()) return *r.error();
  return t;
}

}  // namespace casegraph::synth
