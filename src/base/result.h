// Errors as values (after leveldb's Status): Error says what went wrong and where in the
// evidence; Result<T> holds a value or an Error. Used by every layer; never throws.
// Thread-compatible value types.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace casegraph {

enum class ErrorKind { kInvalidArgument, kNotFound, kIo, kCorrupt, kUnsupported, kConflict, kInternal };

const char* ErrorKindName(ErrorKind kind);

// Where in an exhibit something is: a file inside the exhibit (may be empty for the exhibit
// itself) and a place in it: a JSON pointer ("/chats/list/3/messages/7"), "line 12" or
// "byte 4096".
struct Location {
  std::string file;
  std::string place;
  bool empty() const { return file.empty() && place.empty(); }
  std::string ToString() const;  // "result.json at /messages/3"
};

class [[nodiscard]] Error {
 public:
  Error(ErrorKind kind, std::string message, Location where = {})
      : kind_(kind), message_(std::move(message)), where_(std::move(where)) {}

  static Error InvalidArgument(std::string m, Location w = {}) { return {ErrorKind::kInvalidArgument, std::move(m), std::move(w)}; }
  static Error NotFound(std::string m, Location w = {}) { return {ErrorKind::kNotFound, std::move(m), std::move(w)}; }
  static Error Io(std::string m, Location w = {}) { return {ErrorKind::kIo, std::move(m), std::move(w)}; }
  static Error Corrupt(std::string m, Location w = {}) { return {ErrorKind::kCorrupt, std::move(m), std::move(w)}; }
  static Error Unsupported(std::string m, Location w = {}) { return {ErrorKind::kUnsupported, std::move(m), std::move(w)}; }
  static Error Conflict(std::string m, Location w = {}) { return {ErrorKind::kConflict, std::move(m), std::move(w)}; }
  static Error Internal(std::string m, Location w = {}) { return {ErrorKind::kInternal, std::move(m), std::move(w)}; }

  ErrorKind kind() const { return kind_; }
  const std::string& message() const { return message_; }
  const Location& where() const { return where_; }
  Error WithFile(std::string file) const {
    Error e = *this;
    if (e.where_.file.empty()) e.where_.file = std::move(file);
    return e;
  }
  // "message (file at place)".
  std::string ToString() const;

 private:
  ErrorKind kind_;
  std::string message_;
  Location where_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design, like std::expected
  Result(Error error) : v_(std::move(error)) {}  // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(v_); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : e_(std::move(error)) {}  // NOLINT
  bool ok() const { return !e_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { return *e_; }

 private:
  std::optional<Error> e_;
};

using Status = Result<void>;

inline Status Ok() { return {}; }

}  // namespace casegraph

// The one control-flow macro: propagate an Error from a Status- or Result-returning call.
#define CASEGRAPH_RETURN_IF_ERROR(expr)            \
  do {                                             \
    auto casegraph_status_ = (expr);               \
    if (!casegraph_status_.ok()) return casegraph_status_.error(); \
  } while (0)
