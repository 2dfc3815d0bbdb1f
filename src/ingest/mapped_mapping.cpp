// Validation of a mapping tree into a Mapping. Strict on purpose: a misspelt key would
// otherwise silently drop a field from the evidence, so every unknown key is an error.
#include "ingest/mapped_mapping.h"

#include <cctype>
#include <set>

#include "base/time_util.h"
#include "ingest/mapped_time.h"
#include "ingest/mapped_tree.h"

namespace casegraph::ingest::mapped {
namespace {

using Type = TreeNode::Type;

class Validator {
 public:
  explicit Validator(std::string file) : file_(std::move(file)) {}

  Error Fail(const std::string& key, const TreeNode& node, const std::string& what) const {
    return Error::InvalidArgument("mapping " + file_ + ": key " + key + " (" + node.place + "): " + what,
                                  Location{file_, node.place});
  }

  Status Keys(const std::string& key, const TreeNode& node, const std::set<std::string>& allowed) const {
    if (node.type != Type::kTable) return Fail(key, node, std::string("expected a table, found ") + TypeName(node.type));
    for (const auto& [k, v] : node.members) {
      if (allowed.count(k) == 0) {
        std::string list;
        for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
        return Fail(Join(key, k), v, "unknown key (allowed here: " + list + ")");
      }
    }
    return Ok();
  }

  static std::string Join(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
  }

  Result<std::string> String(const std::string& key, const TreeNode& node) const {
    if (node.type != Type::kString) return Fail(key, node, std::string("expected a string, found ") + TypeName(node.type));
    return node.text;
  }

  Result<Path> PathOf(const std::string& key, const TreeNode& node) const {
    auto text = String(key, node);
    if (!text) return text.error();
    std::string why;
    auto path = ParsePath(*text, &why);
    if (!path) return Fail(key, node, why);
    return *path;
  }

  // A template "techhaven:{sender_id}" whose names must be among `names`.
  Result<std::vector<TemplatePart>> Template(const std::string& key, const TreeNode& node, const std::string& text,
                                             const std::set<std::string>& names) const {
    std::vector<TemplatePart> parts;
    size_t i = 0;
    while (i < text.size()) {
      const size_t open = text.find('{', i);
      if (open == std::string::npos) {
        parts.push_back({TemplatePart::Kind::kLiteral, text.substr(i), {}});
        break;
      }
      if (open > i) parts.push_back({TemplatePart::Kind::kLiteral, text.substr(i, open - i), {}});
      const size_t close = text.find('}', open);
      if (close == std::string::npos) return Fail(key, node, "template has '{' without '}'");
      std::string name = text.substr(open + 1, close - open - 1);
      TemplatePart part;
      if (!name.empty() && name[0] == '?') {
        part.optional = true;
        name.erase(0, 1);
      }
      if (!name.empty() && name[0] == '/') {
        std::string why;
        auto path = ParsePath(name, &why);
        if (!path) return Fail(key, node, why);
        part.kind = TemplatePart::Kind::kPath;
        part.path = *path;
      } else {
        if (names.count(name) == 0) {
          std::string list;
          for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
          return Fail(key, node, "template names unknown field {" + name + "} (known here: " + list + ")");
        }
        part.kind = TemplatePart::Kind::kField;
        part.text = name;
      }
      parts.push_back(std::move(part));
      i = close + 1;
    }
    return parts;
  }

  Result<std::vector<Condition>> Conditions(const std::string& key, const TreeNode& node,
                                            const std::set<std::string>& names) const {
    std::vector<Condition> out;
    const std::vector<TreeNode> one = {node};
    const std::vector<TreeNode>& list = node.type == Type::kArray ? node.items : one;
    for (const auto& item : list) {
      CASEGRAPH_RETURN_IF_ERROR(Keys(key, item, {"path", "field", "present", "absent", "equals", "not_equals", "in",
                                                 "not_in", "contains"}));
      Condition c;
      int ops = 0;
      for (const auto& [k, v] : item.members) {
        const std::string sub = Join(key, k);
        if (k == "path") {
          auto p = PathOf(sub, v);
          if (!p) return p.error();
          c.path = *p;
        } else if (k == "field") {
          auto f = String(sub, v);
          if (!f) return f.error();
          if (names.count(*f) == 0) return Fail(sub, v, "unknown field " + *f + " here");
          c.field = *f;
        } else if (k == "present" || k == "absent") {
          if (v.type != Type::kBool || v.text != "true") return Fail(sub, v, "write " + k + " = true");
          c.op = k == "present" ? Condition::Op::kPresent : Condition::Op::kAbsent;
          ++ops;
        } else if (k == "in" || k == "not_in") {
          if (v.type != Type::kArray) return Fail(sub, v, "expected an array of strings");
          for (const auto& s : v.items) {
            auto t = String(sub, s);
            if (!t) return t.error();
            c.values.push_back(*t);
          }
          c.op = k == "in" ? Condition::Op::kIn : Condition::Op::kNotIn;
          ++ops;
        } else {
          auto t = String(sub, v);
          if (!t) return t.error();
          c.values = {*t};
          c.op = k == "equals" ? Condition::Op::kEquals : k == "not_equals" ? Condition::Op::kNotEquals
                                                                             : Condition::Op::kContains;
          ++ops;
        }
      }
      if (c.path.has_value() == !c.field.empty()) return Fail(key, item, "a condition tests either a path or a field");
      if (ops != 1) return Fail(key, item, "a condition has one test: present, absent, equals, not_equals, in, not_in or contains");
      out.push_back(std::move(c));
    }
    return out;
  }

  // A field: "/path", "template {name}", or a table (see FieldSpec).
  Result<FieldSpec> Field(const std::string& key, const TreeNode& node, const std::set<std::string>& names) const {
    FieldSpec spec;
    spec.where = "key " + key + " (" + node.place + ")";
    if (node.type == Type::kString) {
      if (node.text.empty() || node.text[0] == '/') {
        auto path = PathOf(key, node);
        if (!path) return path.error();
        spec.source = FieldSpec::Source::kPath;
        spec.paths.push_back(*path);
        return spec;
      }
      if (node.text.find('{') != std::string::npos) {
        auto parts = Template(key, node, node.text, names);
        if (!parts) return parts.error();
        spec.source = FieldSpec::Source::kTemplate;
        spec.parts = std::move(*parts);
        return spec;
      }
      return Fail(key, node, "\"" + node.text + "\" is neither a path (starts with '/') nor a template (has {name}); "
                             "for a fixed value write { const = \"" + node.text + "\" }");
    }
    CASEGRAPH_RETURN_IF_ERROR(Keys(key, node, {"path", "first", "join", "each", "item", "separator", "const", "template",
                                               "when", "as_utc", "map", "prefix", "suffix", "default"}));
    int sources = 0;
    const TreeNode* item_node = nullptr;
    for (const auto& [k, v] : node.members) {
      const std::string sub = Join(key, k);
      if (k == "path") {
        auto path = PathOf(sub, v);
        if (!path) return path.error();
        spec.source = FieldSpec::Source::kPath;
        spec.paths = {*path};
        ++sources;
      } else if (k == "first" || k == "join") {
        if (v.type != Type::kArray || v.items.empty()) return Fail(sub, v, "expected a non-empty array of fields");
        for (size_t i = 0; i < v.items.size(); ++i) {
          auto item = Field(sub + "[" + std::to_string(i) + "]", v.items[i], names);
          if (!item) return item.error();
          spec.items.push_back(std::move(*item));
        }
        spec.source = k == "first" ? FieldSpec::Source::kFirst : FieldSpec::Source::kJoin;
        ++sources;
      } else if (k == "each") {
        auto path = PathOf(sub, v);
        if (!path) return path.error();
        spec.each = *path;
        spec.source = FieldSpec::Source::kEach;
        ++sources;
      } else if (k == "item") {
        item_node = &v;
      } else if (k == "const") {
        auto text = String(sub, v);
        if (!text) return text.error();
        spec.source = FieldSpec::Source::kConst;
        spec.literal = *text;
        ++sources;
      } else if (k == "template") {
        auto text = String(sub, v);
        if (!text) return text.error();
        auto parts = Template(sub, v, *text, names);
        if (!parts) return parts.error();
        spec.source = FieldSpec::Source::kTemplate;
        spec.parts = std::move(*parts);
        ++sources;
      } else if (k == "when") {
        auto when = Conditions(sub, v, names);
        if (!when) return when.error();
        spec.when = std::move(*when);
      } else if (k == "as_utc") {
        auto text = String(sub, v);
        if (!text) return text.error();
        auto format = ParseTimeFormat(*text);
        if (!format || *format == TimeFormat::kPattern) return Fail(sub, v, "as_utc takes iso8601, unix or unix_ms");
        spec.as_utc = *format;
      } else if (k == "separator" || k == "prefix" || k == "suffix" || k == "default") {
        auto text = String(sub, v);
        if (!text) return text.error();
        if (k == "separator") spec.separator = *text;
        if (k == "prefix") spec.prefix = *text;
        if (k == "suffix") spec.suffix = *text;
        if (k == "default") spec.fallback = *text;
      } else if (k == "map") {
        if (v.type != Type::kTable) return Fail(sub, v, "expected a table of value = replacement");
        for (const auto& [from, to] : v.members) {
          auto text = String(Join(sub, from), to);
          if (!text) return text.error();
          spec.map[from] = *text;
        }
      }
    }
    if (sources > 1) return Fail(key, node, "give only one of path, first, join, each, const, template");
    if ((spec.source == FieldSpec::Source::kEach) != (item_node != nullptr)) {
      return Fail(key, node, "each (the sub-records) and item (the field read from each) go together");
    }
    if (item_node != nullptr) {
      auto item = Field(Join(key, "item"), *item_node, names);
      if (!item) return item.error();
      spec.items.push_back(std::move(*item));
    }
    if (sources == 0 && !spec.fallback) {
      return Fail(key, node, "give one of path, first, join, each, const, template (or default)");
    }
    if (sources == 0) spec.source = FieldSpec::Source::kConst;
    if ((spec.source == FieldSpec::Source::kJoin || spec.source == FieldSpec::Source::kEach) &&
        node.Find("separator") == nullptr) {
      spec.separator = "\n";
    }
    return spec;
  }

  Result<TimeSpec> Time(const std::string& key, const TreeNode& node, const std::set<std::string>& names) const {
    TimeSpec spec;
    if (node.type != Type::kTable) {
      auto value = Field(key, node, names);
      if (!value) return value.error();
      spec.value = std::move(*value);
      return spec;
    }
    CASEGRAPH_RETURN_IF_ERROR(Keys(key, node, {"path", "first", "join", "const", "template", "when", "map", "prefix",
                                               "suffix", "default", "format", "zone"}));
    TreeNode value_node = node;
    value_node.members.clear();
    for (const auto& [k, v] : node.members) {
      const std::string sub = Join(key, k);
      if (k == "format") {
        auto text = String(sub, v);
        if (!text) return text.error();
        auto format = ParseTimeFormat(*text);
        if (!format) return Fail(sub, v, "unknown time format \"" + *text +
                                             "\" (iso8601, unix, unix_ms, or a pattern with % fields such as \"%d.%m.%Y %H:%M\")");
        spec.format = *format;
        if (spec.format == TimeFormat::kPattern) {
          std::string why;
          if (!CheckPattern(*text, &why)) return Fail(sub, v, why);
          spec.pattern = *text;
        }
      } else if (k == "zone") {
        auto text = String(sub, v);
        if (!text) return text.error();
        std::string why;
        if (!CheckZone(*text, &why)) return Fail(sub, v, why);
        spec.zone = *text;
      } else {
        value_node.members.push_back(TreeMember{k, v});
      }
    }
    auto value = Field(key, value_node, names);
    if (!value) return value.error();
    spec.value = std::move(*value);
    if (spec.format == TimeFormat::kPattern && spec.zone.empty() && spec.pattern.find("%z") == std::string::npos) {
      return Fail(key, node, "a pattern without %z needs a zone (\"utc\", \"+03:00\", an IANA name, or \"examiner\" for --tz)");
    }
    return spec;
  }

  std::string file_;
};

// Named fields a message's templates and conditions may use, in the order they are computed.
const std::set<std::string> kMessageNames = {"platform", "id", "conversation", "conversation_kind", "kind",
                                             "sender_id", "sender_name", "sender_username", "reply_to",
                                             "thread_root"};

Status ReadFieldInto(const Validator& v, const std::string& key, const TreeNode& node, const std::set<std::string>& names,
                     FieldSpec& out) {
  auto field = v.Field(key, node, names);
  if (!field) return field.error();
  out = std::move(*field);
  return Ok();
}

Status CheckKindValues(const Validator& v, const std::string& key, const TreeNode& node, const FieldSpec& spec) {
  auto ok = [](const std::string& s) { return s.empty() || s == "message" || s == "service" || s == "unsupported"; };
  bool good = spec.source != FieldSpec::Source::kConst || ok(spec.literal);
  for (const auto& [from, to] : spec.map) good = good && ok(to);
  if (spec.fallback) good = good && ok(*spec.fallback);
  if (!good) return v.Fail(key, node, "a message kind is message, service or unsupported");
  return Ok();
}

Result<AttachmentSpec> Attachment(const Validator& v, const std::string& key, const TreeNode& node) {
  CASEGRAPH_RETURN_IF_ERROR(v.Keys(key, node, {"path", "kind", "declared_path", "file_name", "mime_type", "when"}));
  AttachmentSpec spec;
  const TreeNode* path = node.Find("path");
  if (path == nullptr) return v.Fail(key, node, "an attachment set needs a path (\"/attachments/*\")");
  auto p = v.PathOf(key + ".path", *path);
  if (!p) return p.error();
  spec.path = *p;
  const std::set<std::string> names = {"platform"};
  for (const auto& [k, n] : node.members) {
    const std::string sub = key + "." + k;
    if (k == "kind") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, sub, n, names, spec.kind));
    if (k == "declared_path") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, sub, n, names, spec.declared_path));
    if (k == "file_name") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, sub, n, names, spec.file_name));
    if (k == "mime_type") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, sub, n, names, spec.mime_type));
    if (k == "when") {
      auto when = v.Conditions(sub, n, names);
      if (!when) return when.error();
      spec.when = std::move(*when);
    }
  }
  if (!spec.declared_path.set()) return v.Fail(key, node, "an attachment set needs declared_path");
  return spec;
}

// A table, or an array of tables ([[messages.attachments]]), each read by `read`.
template <typename T, typename Fn>
Status OneOrMany(const std::string& key, const TreeNode& node, std::vector<T>& out, Fn&& read) {
  if (node.type != TreeNode::Type::kArray) {
    auto one = read(key, node);
    if (!one) return one.error();
    out.push_back(std::move(*one));
    return Ok();
  }
  for (size_t i = 0; i < node.items.size(); ++i) {
    auto one = read(key + "[" + std::to_string(i) + "]", node.items[i]);
    if (!one) return one.error();
    out.push_back(std::move(*one));
  }
  return Ok();
}

Result<Path> RequiredPath(const Validator& v, const std::string& key, const TreeNode& node) {
  const TreeNode* path = node.Find("path");
  if (path == nullptr) return v.Fail(key, node, "needs a path to its records (\"/messages/*\"; \"\" for each line or row)");
  return v.PathOf(key + ".path", *path);
}

Result<EntitySpec> Entity(const Validator& v, const std::string& key, const TreeNode& n) {
  CASEGRAPH_RETURN_IF_ERROR(v.Keys(key, n, {"path", "type", "user_id", "user_ref", "text", "find", "in", "when"}));
  EntitySpec e;
  auto p = RequiredPath(v, key, n);
  if (!p) return p.error();
  e.path = *p;
  const std::set<std::string> names = {"platform", "user_id"};
  for (const auto& [k, f] : n.members) {
    const std::string sub = key + "." + k;
    if (k == "user_id") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, sub, f, names, e.user_id));
    if (k == "user_ref") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, sub, f, names, e.user_ref));
    if (k == "text") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, sub, f, names, e.text));
    if (k == "in") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, sub, f, kMessageNames, e.in));
    if (k == "type") {
      auto t = v.String(sub, f);
      if (!t) return t.error();
      e.type = *t;
    }
    if (k == "find") {
      if (f.type != TreeNode::Type::kArray) return v.Fail(sub, f, "expected an array of fields to look for");
      for (size_t i = 0; i < f.items.size(); ++i) {
        auto one = v.Field(sub + "[" + std::to_string(i) + "]", f.items[i], names);
        if (!one) return one.error();
        e.find.push_back(std::move(*one));
      }
    }
    if (k == "when") {
      auto when = v.Conditions(sub, f, names);
      if (!when) return when.error();
      e.when = std::move(*when);
    }
  }
  return e;
}

Result<MessageAccountSpec> MessageAccount(const Validator& v, const std::string& key, const TreeNode& n) {
  CASEGRAPH_RETURN_IF_ERROR(v.Keys(key, n, {"path", "id", "ref", "display_name", "username", "when"}));
  MessageAccountSpec a;
  auto p = RequiredPath(v, key, n);
  if (!p) return p.error();
  a.path = *p;
  const std::set<std::string> names = {"platform", "id"};
  for (const auto& [k, f] : n.members) {
    const std::string sub = key + "." + k;
    FieldSpec* t = k == "id" ? &a.id : k == "ref" ? &a.ref : k == "display_name" ? &a.display_name
                 : k == "username" ? &a.username : nullptr;
    if (t != nullptr) CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, sub, f, names, *t));
    if (k == "when") {
      auto when = v.Conditions(sub, f, names);
      if (!when) return when.error();
      a.when = std::move(*when);
    }
  }
  if (!a.id.set() && !a.ref.set()) return v.Fail(key, n, "needs id (or ref)");
  return a;
}

Result<EditSpec> Edit(const Validator& v, const std::string& key, const TreeNode& n) {
  CASEGRAPH_RETURN_IF_ERROR(v.Keys(key, n, {"time", "text", "editor_ref"}));
  EditSpec e;
  for (const auto& [k, f] : n.members) {
    const std::string sub = key + "." + k;
    if (k == "time") {
      auto t = v.Time(sub, f, kMessageNames);
      if (!t) return t.error();
      e.time = std::move(*t);
    }
    if (k == "text") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, sub, f, kMessageNames, e.text));
    if (k == "editor_ref") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, sub, f, kMessageNames, e.editor_ref));
  }
  if (!e.time.set()) return v.Fail(key, n, "an edit needs its time");
  return e;
}

Status ReadMessages(const Validator& v, const TreeNode& node, MessagesSpec& m) {
  CASEGRAPH_RETURN_IF_ERROR(v.Keys("messages", node,
                                   {"path", "id", "conversation", "kind", "action", "sender_id", "sender_name",
                                    "sender_username", "sender_ref", "text", "reply_to", "thread_root", "forwarded_from",
                                    "deleted", "deleted_detail", "conversation_ref", "conversation_title",
                                    "conversation_kind", "time", "edited_at", "edit", "members", "attachments",
                                    "reactions", "entities", "accounts"}));
  auto path = RequiredPath(v, "messages", node);
  if (!path) return path.error();
  m.path = *path;
  const std::set<std::string> conv_names = {"platform", "conversation"};
  for (const auto& [k, n] : node.members) {
    const std::string key = "messages." + k;
    const std::set<std::string>& names = k.rfind("conversation_", 0) == 0 ? conv_names : kMessageNames;
    FieldSpec* target = k == "id" ? &m.id : k == "conversation" ? &m.conversation : k == "kind" ? &m.kind
                      : k == "action" ? &m.action : k == "sender_id" ? &m.sender_id : k == "sender_name" ? &m.sender_name
                      : k == "sender_username" ? &m.sender_username : k == "sender_ref" ? &m.sender_ref
                      : k == "text" ? &m.text : k == "reply_to" ? &m.reply_to : k == "thread_root" ? &m.thread_root
                      : k == "forwarded_from" ? &m.forwarded_from : k == "deleted" ? &m.deleted
                      : k == "deleted_detail" ? &m.deleted_detail : k == "conversation_ref" ? &m.conversation_ref
                      : k == "conversation_title" ? &m.conversation_title : k == "conversation_kind" ? &m.conversation_kind
                      : k == "members" ? &m.members : nullptr;
    if (target != nullptr) {
      CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, key, n, names, *target));
      if (k == "kind") CASEGRAPH_RETURN_IF_ERROR(CheckKindValues(v, key, n, m.kind));
    } else if (k == "time" || k == "edited_at") {
      auto time = v.Time(key, n, kMessageNames);
      if (!time) return time.error();
      (k == "time" ? m.time : m.edited_at) = std::move(*time);
    } else if (k == "edit") {
      auto e = Edit(v, key, n);
      if (!e) return e.error();
      m.edit = std::move(*e);
    } else if (k == "attachments") {
      CASEGRAPH_RETURN_IF_ERROR(OneOrMany(key, n, m.attachments, [&](const std::string& kk, const TreeNode& nn) {
        return Attachment(v, kk, nn);
      }));
    } else if (k == "entities") {
      CASEGRAPH_RETURN_IF_ERROR(OneOrMany(key, n, m.entities, [&](const std::string& kk, const TreeNode& nn) {
        return Entity(v, kk, nn);
      }));
    } else if (k == "accounts") {
      CASEGRAPH_RETURN_IF_ERROR(OneOrMany(key, n, m.accounts, [&](const std::string& kk, const TreeNode& nn) {
        return MessageAccount(v, kk, nn);
      }));
    } else if (k == "reactions") {
      CASEGRAPH_RETURN_IF_ERROR(v.Keys(key, n, {"path", "emoji", "count", "users", "user_ref"}));
      ReactionSpec r;
      auto p = RequiredPath(v, key, n);
      if (!p) return p.error();
      r.path = *p;
      const std::set<std::string> rnames = {"platform", "user_id"};
      for (const auto& [rk, rn] : n.members) {
        if (rk == "emoji") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, key + ".emoji", rn, rnames, r.emoji));
        if (rk == "count") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, key + ".count", rn, rnames, r.count));
        if (rk == "user_ref") CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, key + ".user_ref", rn, rnames, r.user_ref));
        if (rk == "users") {
          auto up = v.PathOf(key + ".users", rn);
          if (!up) return up.error();
          r.users = *up;
        }
      }
      if (!r.emoji.set()) return v.Fail(key, n, "reactions need emoji");
      m.reactions = std::move(r);
    }
  }
  if (!m.time.set()) return v.Fail("messages", node, "needs time (a path, or a table with path, format and zone)");
  return Ok();
}

Status ReadSource(const Validator& v, const TreeNode& root, Mapping& out) {
  const TreeNode* input = root.Find("input");
  if (input == nullptr) return v.Fail("input", root, "missing: json, jsonl or csv");
  auto kind = v.String("input", *input);
  if (!kind) return kind.error();
  if (*kind == "json") out.input = InputKind::kJson;
  else if (*kind == "jsonl") out.input = InputKind::kJsonLines;
  else if (*kind == "csv") out.input = InputKind::kCsv;
  else return v.Fail("input", *input, "expected json, jsonl or csv, found \"" + *kind + "\"");
  if (const TreeNode* files = root.Find("files")) {
    if (files->type == Type::kString) {
      out.files.push_back(files->text);
    } else if (files->type == Type::kArray) {
      for (const auto& item : files->items) {
        auto glob = v.String("files", item);
        if (!glob) return glob.error();
        out.files.push_back(*glob);
      }
    } else {
      return v.Fail("files", *files, "expected a glob or an array of globs");
    }
  }
  if (const TreeNode* csv = root.Find("csv")) {
    CASEGRAPH_RETURN_IF_ERROR(v.Keys("csv", *csv, {"delimiter", "quote"}));
    for (const auto& [k, n] : csv->members) {
      auto text = v.String("csv." + k, n);
      if (!text) return text.error();
      std::string c = *text == "\\t" ? "\t" : *text;
      if (c.size() != 1 || c == "\n" || c == "\r") return v.Fail("csv." + k, n, "expected one character (\"\\t\" for tab)");
      (k == "delimiter" ? out.csv.delimiter : out.csv.quote) = c[0];
    }
  }
  return Ok();
}

}  // namespace

Result<Mapping> ParseMapping(const std::string& text, const std::string& file) {
  const std::string shown = file.empty() ? std::string("(given as text)") : file;
  const size_t dot = file.rfind('.');
  const std::string ext = dot == std::string::npos ? "" : file.substr(dot + 1);
  const size_t first = text.find_first_not_of(" \t\r\n");
  const bool json = ext == "json" || (ext != "toml" && first != std::string::npos && text[first] == '{');
  auto tree = json ? ParseJsonTree(text, shown) : ParseTomlTree(text, shown);
  if (!tree) return tree.error();
  const TreeNode& root = *tree;
  Validator v(shown);
  CASEGRAPH_RETURN_IF_ERROR(v.Keys("", root, {"name", "platform", "description", "input", "files", "csv", "accounts",
                                              "conversations", "messages"}));
  Mapping out;
  out.file = shown;
  for (const char* key : {"name", "platform", "description"}) {
    if (const TreeNode* n = root.Find(key)) {
      auto s = v.String(key, *n);
      if (!s) return s.error();
      (std::string(key) == "name" ? out.name : std::string(key) == "platform" ? out.platform : out.description) = *s;
    }
  }
  if (out.platform.empty()) return v.Fail("platform", root, "missing: the platform name that starts every ref (\"techhaven\")");
  for (char c : out.platform) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) {
      return v.Fail("platform", *root.Find("platform"), "use letters, digits, '-', '_' or '.'");
    }
  }
  CASEGRAPH_RETURN_IF_ERROR(ReadSource(v, root, out));
  if (const TreeNode* n = root.Find("accounts")) {
    CASEGRAPH_RETURN_IF_ERROR(v.Keys("accounts", *n, {"path", "id", "ref", "display_name", "username", "phone", "bio", "role"}));
    AccountsSpec a;
    auto p = RequiredPath(v, "accounts", *n);
    if (!p) return p.error();
    a.path = *p;
    const std::set<std::string> names = {"platform", "id", "username"};
    for (const auto& [k, f] : n->members) {
      FieldSpec* t = k == "id" ? &a.id : k == "ref" ? &a.ref : k == "display_name" ? &a.display_name
                   : k == "username" ? &a.username : k == "phone" ? &a.phone : k == "bio" ? &a.bio
                   : k == "role" ? &a.role : nullptr;
      if (t != nullptr) CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, "accounts." + k, f, names, *t));
    }
    if (!a.id.set() && !a.ref.set()) return v.Fail("accounts", *n, "needs id (or ref)");
    out.accounts = std::move(a);
  }
  if (const TreeNode* n = root.Find("conversations")) {
    CASEGRAPH_RETURN_IF_ERROR(v.Keys("conversations", *n, {"path", "key", "ref", "title", "kind", "locator"}));
    ConversationsSpec c;
    auto p = RequiredPath(v, "conversations", *n);
    if (!p) return p.error();
    c.path = *p;
    const std::set<std::string> names = {"platform", "key", "kind"};
    for (const auto& [k, f] : n->members) {
      FieldSpec* t = k == "key" ? &c.key : k == "ref" ? &c.ref : k == "title" ? &c.title : k == "kind" ? &c.kind : nullptr;
      if (t != nullptr) CASEGRAPH_RETURN_IF_ERROR(ReadFieldInto(v, "conversations." + k, f, names, *t));
      if (k == "locator") {
        auto lp = v.PathOf("conversations.locator", f);
        if (!lp) return lp.error();
        c.locator = *lp;
      }
    }
    if (!c.key.set()) return v.Fail("conversations", *n, "needs key (the id that messages refer to)");
    out.conversations = std::move(c);
  }
  const TreeNode* messages = root.Find("messages");
  if (messages == nullptr) return v.Fail("messages", root, "missing: the [messages] table");
  CASEGRAPH_RETURN_IF_ERROR(ReadMessages(v, *messages, out.messages));
  if (out.input == InputKind::kCsv) {
    for (const Path* p : {&out.messages.path}) {
      if (!p->tokens.empty()) return v.Fail("messages.path", *messages, "for csv every row is a record: write path = \"\"");
    }
    if (out.conversations || out.accounts) {
      return v.Fail("conversations", root, "csv rows are messages; take conversations from messages.conversation "
                                           "(with conversation_title / conversation_kind) instead");
    }
  }
  return out;
}

}  // namespace casegraph::ingest::mapped
