// One source record (a JSON value, a JSON line, or a CSV row) as the mapping sees it: values
// read by path, and field specs evaluated over it. A JSON record is a padded copy of the value's
// bytes, re-read with simdjson On-Demand for each path (records are small; the big document is
// only ever streamed). A CSV row reads "/Column" from its header.
#pragma once

#include <simdjson.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "ingest/mapped_mapping.h"
#include "ingest/mapped_path.h"

namespace casegraph::ingest::mapped {

class Record {
 public:
  virtual ~Record() = default;
  // The first scalar the path reaches; nullopt when absent or null.
  virtual Result<std::optional<Scalar>> Get(const Path& path) = 0;
  // Every scalar the path reaches (wildcards), in source order.
  virtual Status GetAll(const Path& path, std::vector<Scalar>& out) = 0;
  using EachFn = std::function<Status(Record& sub, const std::string& pointer)>;
  // Every sub-record the path reaches, with its pointer relative to this record.
  virtual Status Each(const Path& path, const EachFn& fn) = 0;
};

class JsonRecord : public Record {
 public:
  // Copies `raw` (one JSON value). `where` names the record in errors ("rooms.json at /rooms/3").
  JsonRecord(std::string_view raw, std::string where);
  Result<std::optional<Scalar>> Get(const Path& path) override;
  Status GetAll(const Path& path, std::vector<Scalar>& out) override;
  Status Each(const Path& path, const EachFn& fn) override;

 private:
  Status Walk(const Path& path, const MatchFn& fn);
  std::string buffer_;  // "[" raw "]" + padding: any value, scalars included, is an array element
  size_t size_ = 0;
  std::string where_;
  simdjson::ondemand::parser parser_;
  simdjson::ondemand::document doc_;
  bool started_ = false;
};

class CsvRow : public Record {
 public:
  CsvRow(const std::vector<std::string>* header, const std::vector<std::string>* fields)
      : header_(header), fields_(fields) {}
  Result<std::optional<Scalar>> Get(const Path& path) override;
  Status GetAll(const Path& path, std::vector<Scalar>& out) override;
  Status Each(const Path& path, const EachFn& fn) override;

 private:
  const std::vector<std::string>* header_;
  const std::vector<std::string>* fields_;
};

// Named values that templates refer to ("{sender_id}").
using Names = std::vector<std::pair<std::string, std::string>>;

// Evaluates a field spec over a record (see FieldSpec for the order of steps). Empty when unset.
Result<std::string> EvalField(const FieldSpec& spec, Record& record, const Names& names);
// The same as a list: one value per sub-record for `each`, else the one value (none if empty).
Result<std::vector<std::string>> EvalList(const FieldSpec& spec, Record& record, const Names& names);
// All of `when` hold for the record.
Result<bool> Holds(const std::vector<Condition>& when, Record& record, const Names& names);

}  // namespace casegraph::ingest::mapped
