// The single exception type of the core: a machine-readable code plus a message in PostgreSQL's style.
#pragma once

#include <stdexcept>
#include <string>

namespace synthgen {

enum class ErrorCode {
  kInvalidArgument,  // a value that can never be valid (NaN, unknown name, inconsistent options)
  kOutOfRange,       // a value outside its documented range
  kNullValue,        // NULL where a value is required
  kUnsupported,      // a valid request this version does not support
  kInternal,         // a broken invariant inside synthgen
};

// Messages start lower-case and carry no trailing period, as PostgreSQL's do.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace synthgen
