// A mapping file read into one small tree, whatever its syntax (TOML through tomlplusplus, JSON
// through simdjson's DOM), with the place of every node ("line 12, column 3" for TOML, the
// JSON pointer for JSON) so that validation errors can name it.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"

namespace casegraph::ingest::mapped {

struct TreeMember;

struct TreeNode {
  enum class Type { kTable, kArray, kString, kInteger, kFloat, kBool, kOther };
  Type type = Type::kOther;
  std::string text;  // kString: the value; kInteger/kFloat/kBool: its text
  std::vector<TreeMember> members;  // kTable, in file order
  std::vector<TreeNode> items;      // kArray
  std::string place;  // "line 12, column 3" or "/messages/time"

  const TreeNode* Find(const std::string& key) const;
};

struct TreeMember {
  std::string first;  // the key
  TreeNode second;
};

inline const TreeNode* TreeNode::Find(const std::string& key) const {
  for (const auto& [k, v] : members) {
    if (k == key) return &v;
  }
  return nullptr;
}

const char* TypeName(TreeNode::Type type);

// TOML text -> tree; a syntax error names `file` and the line.
Result<TreeNode> ParseTomlTree(const std::string& text, const std::string& file);
// JSON text -> tree; a syntax error names `file`.
Result<TreeNode> ParseJsonTree(const std::string& text, const std::string& file);

}  // namespace casegraph::ingest::mapped
