#include "ingest/mapped_tree.h"

#include <simdjson.h>

#include <toml++/toml.h>

#include "ingest/mapped_path.h"

namespace casegraph::ingest::mapped {
namespace {

std::string TomlPlace(const toml::node& node) {
  const auto& begin = node.source().begin;
  if (begin.line == 0) return "";
  return "line " + std::to_string(begin.line) + ", column " + std::to_string(begin.column);
}

TreeNode FromToml(const toml::node& node, const std::string& inherited_place) {
  TreeNode out;
  out.place = TomlPlace(node);
  if (out.place.empty()) out.place = inherited_place;
  if (const auto* table = node.as_table()) {
    out.type = TreeNode::Type::kTable;
    for (const auto& [key, value] : *table) {
      std::string key_place = inherited_place;
      if (key.source().begin.line != 0) {
        key_place = "line " + std::to_string(key.source().begin.line) + ", column " +
                    std::to_string(key.source().begin.column);
      }
      out.members.push_back(TreeMember{std::string(key.str()), FromToml(value, key_place)});
    }
  } else if (const auto* array = node.as_array()) {
    out.type = TreeNode::Type::kArray;
    for (const auto& item : *array) out.items.push_back(FromToml(item, out.place));
  } else if (const auto* s = node.as_string()) {
    out.type = TreeNode::Type::kString;
    out.text = s->get();
  } else if (const auto* i = node.as_integer()) {
    out.type = TreeNode::Type::kInteger;
    out.text = std::to_string(i->get());
  } else if (const auto* f = node.as_floating_point()) {
    out.type = TreeNode::Type::kFloat;
    out.text = std::to_string(f->get());
  } else if (const auto* b = node.as_boolean()) {
    out.type = TreeNode::Type::kBool;
    out.text = b->get() ? "true" : "false";
  }
  return out;
}

TreeNode FromJson(simdjson::dom::element element, const std::string& pointer) {
  TreeNode out;
  out.place = pointer.empty() ? "/" : pointer;
  switch (element.type()) {
    case simdjson::dom::element_type::OBJECT:
      out.type = TreeNode::Type::kTable;
      for (auto field : simdjson::dom::object(element)) {
        const std::string key(field.key);
        out.members.push_back(TreeMember{key, FromJson(field.value, pointer + "/" + EscapeToken(key))});
      }
      break;
    case simdjson::dom::element_type::ARRAY: {
      out.type = TreeNode::Type::kArray;
      size_t i = 0;
      for (auto item : simdjson::dom::array(element)) out.items.push_back(FromJson(item, pointer + "/" + std::to_string(i++)));
      break;
    }
    case simdjson::dom::element_type::STRING:
      out.type = TreeNode::Type::kString;
      out.text = std::string(std::string_view(element));
      break;
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
      out.type = TreeNode::Type::kInteger;
      out.text = element.type() == simdjson::dom::element_type::INT64 ? std::to_string(int64_t(element))
                                                                        : std::to_string(uint64_t(element));
      break;
    case simdjson::dom::element_type::DOUBLE:
      out.type = TreeNode::Type::kFloat;
      out.text = std::to_string(double(element));
      break;
    case simdjson::dom::element_type::BOOL:
      out.type = TreeNode::Type::kBool;
      out.text = bool(element) ? "true" : "false";
      break;
    default:
      break;
  }
  return out;
}

}  // namespace

const char* TypeName(TreeNode::Type type) {
  switch (type) {
    case TreeNode::Type::kTable: return "a table";
    case TreeNode::Type::kArray: return "an array";
    case TreeNode::Type::kString: return "a string";
    case TreeNode::Type::kInteger: return "an integer";
    case TreeNode::Type::kFloat: return "a number";
    case TreeNode::Type::kBool: return "a boolean";
    default: return "a null or date";
  }
}

Result<TreeNode> ParseTomlTree(const std::string& text, const std::string& file) {
  // tomlplusplus reports syntax errors by exception: caught here, at the library's edge.
  try {
    toml::table table = toml::parse(text, file);
    return FromToml(table, "line 1");
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    return Error::InvalidArgument("mapping " + file + ": invalid TOML: " + std::string(e.description()),
                                  Location{file, "line " + std::to_string(begin.line) + ", column " +
                                                     std::to_string(begin.column)});
  }
}

Result<TreeNode> ParseJsonTree(const std::string& text, const std::string& file) {
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (auto err = parser.parse(text).get(root)) {
    return Error::InvalidArgument("mapping " + file + ": invalid JSON: " + simdjson::error_message(err),
                                  Location{file, ""});
  }
  return FromJson(root, "");
}

}  // namespace casegraph::ingest::mapped
