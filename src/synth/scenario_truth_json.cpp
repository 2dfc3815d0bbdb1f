// ground-truth.json (see scenario_truth.h): keys in the spec's order, one list element per line.
#include <string>

#include "base/time_util.h"
#include "synth/json_output.h"
#include "synth/scenario_truth.h"

namespace casegraph::synth {
namespace {

class Doc {
 public:
  Doc& Key(const char* key) {
    AppendJsonString(key, &out_);
    out_.append(": ");
    return *this;
  }
  Doc& Str(const std::string& value) {
    AppendJsonString(value, &out_);
    return *this;
  }
  Doc& Num(uint64_t value) {
    out_.append(std::to_string(value));
    return *this;
  }
  Doc& Raw(const char* text) {
    out_.append(text);
    return *this;
  }
  Doc& Strs(const std::vector<std::string>& values) {
    out_.push_back('[');
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out_.append(", ");
      Str(values[i]);
    }
    out_.push_back(']');
    return *this;
  }
  // Writes `items` as a list, each on its own line indented by `indent`, through `one`.
  template <typename T, typename F>
  Doc& List(const std::vector<T>& items, int indent, F one) {
    if (items.empty()) return Raw("[]");
    out_.append("[\n");
    for (size_t i = 0; i < items.size(); ++i) {
      out_.append(static_cast<size_t>(indent), ' ');
      one(items[i]);
      out_.append(i + 1 < items.size() ? ",\n" : "\n");
    }
    out_.append(static_cast<size_t>(indent - 2), ' ');
    out_.push_back(']');
    return *this;
  }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

void Exhibit(Doc& d, const TruthExhibit& e) {
  d.Raw("{").Key("label").Str(e.label).Raw(", ").Key("path").Str(e.path).Raw(", ").Key("format").Str(e.format);
  d.Raw(", ").Key("owner").Str(e.owner).Raw(", ").Key("owner_account").Str(e.owner_account);
  d.Raw(", ").Key("options").Raw("{").Key("tz").Str(e.tz).Raw(", ").Key("date_order").Str(e.date_order);
  d.Raw(", ").Key("instance").Str(e.instance).Raw("}, ").Key("messages").Num(e.messages).Raw("}");
}

void Case(Doc& d, const TruthCase& c) {
  d.Raw("{").Key("code").Str(c.code).Raw(", ").Key("title").Str(c.title).Raw(",\n     ").Key("subjects");
  d.List(c.subjects, 7, [&](const TruthSubject& s) {
    d.Raw("{").Key("label").Str(s.label).Raw(", ").Key("born").Str(s.born).Raw(", ").Key("role").Str(s.role);
    d.Raw(", ").Key("accounts").Strs(s.accounts).Raw("}");
  });
  d.Raw(",\n     ").Key("exhibits").List(c.exhibits, 7, [&](const TruthExhibit& e) { Exhibit(d, e); }).Raw("}");
}

}  // namespace

std::string GroundTruthJson(const GroundTruth& t) {
  Doc d;
  d.Raw("{\n  ").Key("seed").Num(t.seed).Raw(",\n  ").Key("messages").Num(t.messages);
  d.Raw(",\n  ").Key("generator").Str(kGeneratorName);
  d.Raw(",\n  ").Key("cases").List(t.cases, 4, [&](const TruthCase& c) { Case(d, c); });
  d.Raw(",\n  ").Key("operatives").List(t.operatives, 4, [&](const TruthGroup& g) {
    d.Raw("{").Key("person").Str(g.person).Raw(", ").Key("accounts").Strs(g.accounts).Raw("}");
  });
  d.Raw(",\n  ").Key("linked_accounts").List(t.linked_accounts, 4, [&](const TruthLinked& l) {
    d.Raw("{").Key("ref").Str(l.ref).Raw(", ").Key("cases").Strs(l.cases).Raw(", ").Key("kind").Str(l.kind).Raw("}");
  });
  d.Raw(",\n  ").Key("persons").List(t.persons, 4, [&](const TruthGroup& g) {
    d.Raw("{").Key("person").Str(g.person).Raw(", ").Key("accounts").Strs(g.accounts);
    d.Raw(", ").Key("basis").Str(g.basis).Raw("}");
  });
  d.Raw(",\n  ").Key("suggestions").List(t.suggestions, 4, [&](const TruthSuggestion& s) {
    d.Raw("{").Key("a").Str(s.a).Raw(", ").Key("b").Str(s.b).Raw(", ").Key("basis").Str(s.basis).Raw("}");
  });
  d.Raw(",\n  ").Key("decoys").Raw("{\n    ").Key("same_name");
  d.List(t.same_name, 6, [&](const std::pair<std::string, std::string>& p) { d.Strs({p.first, p.second}); });
  d.Raw(",\n    ").Key("broadcast").Str(t.broadcast).Raw(",\n    ").Key("local_names").Strs(t.local_names);
  d.Raw(",\n    ").Key("accounts").Strs(t.decoy_accounts);
  d.Raw("\n  }");
  d.Raw(",\n  ").Key("first_contacts").List(t.first_contacts, 4, [&](const TruthFirstContact& f) {
    d.Raw("{").Key("case").Str(f.case_code).Raw(", ").Key("subject").Str(f.subject).Raw(", ").Key("account").Str(f.account);
    d.Raw(", ").Key("person").Str(f.person).Raw(", ").Key("at").Str(FormatUtc(f.at));
    d.Raw(", ").Key("platform").Str(f.platform).Raw("}");
  });
  d.Raw(",\n  ").Key("paths").List(t.paths, 4, [&](const TruthPath& p) {
    d.Raw("{").Key("from").Str(p.from).Raw(", ").Key("to").Str(p.to).Raw(", ").Key("hops").Num(static_cast<uint64_t>(p.hops)).Raw("}");
  });
  d.Raw(",\n  ").Key("reference").Raw("{").Key("known_bad").Str(t.known_bad_list);
  d.Raw(", ").Key("rules").Str(t.rules_file).Raw("}");
  d.Raw("\n}\n");
  return d.take();
}

}  // namespace casegraph::synth
