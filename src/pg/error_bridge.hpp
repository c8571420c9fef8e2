// The error boundary between C++ and PostgreSQL (no PostgreSQL header here). C++ work runs inside
// CallGuarded, which turns any exception into a plain ErrorRecord; only after every C++ object is gone does
// the caller raise it with RaiseError, so no PostgreSQL longjmp ever crosses a live C++ frame and no
// exception reaches PostgreSQL.
#pragma once

#include <cstdio>
#include <exception>
#include <new>

#include "core/error.hpp"

namespace synthgen::pg {

enum class ErrorKind {
  kNone,
  kInvalidArgument,
  kOutOfRange,
  kNullValue,
  kUnsupported,
  kOutOfMemory,
  kInternal
};

// Trivially destructible on purpose: it lives in frames that may longjmp.
struct ErrorRecord {
  ErrorKind kind = ErrorKind::kNone;
  char message[512] = {};

  bool failed() const noexcept { return kind != ErrorKind::kNone; }
};

inline ErrorKind KindOf(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::kInvalidArgument:
      return ErrorKind::kInvalidArgument;
    case ErrorCode::kOutOfRange:
      return ErrorKind::kOutOfRange;
    case ErrorCode::kNullValue:
      return ErrorKind::kNullValue;
    case ErrorCode::kUnsupported:
      return ErrorKind::kUnsupported;
    case ErrorCode::kInternal:
      return ErrorKind::kInternal;
  }
  return ErrorKind::kInternal;
}

// Runs fn(); returns true on success, false with record filled if it threw anything.
template <typename Fn>
bool CallGuarded(ErrorRecord& record, Fn&& fn) noexcept {
  try {
    fn();
    return true;
  } catch (const Error& error) {
    record.kind = KindOf(error.code());
    std::snprintf(record.message, sizeof record.message, "%s", error.what());
  } catch (const std::bad_alloc&) {
    record.kind = ErrorKind::kOutOfMemory;
    std::snprintf(record.message, sizeof record.message, "out of memory");
  } catch (const std::exception& error) {
    record.kind = ErrorKind::kInternal;
    std::snprintf(record.message, sizeof record.message, "%s", error.what());
  } catch (...) {
    record.kind = ErrorKind::kInternal;
    std::snprintf(record.message, sizeof record.message, "unknown exception");
  }
  return false;
}

// Raises the recorded error as a PostgreSQL ERROR with its SQLSTATE (22023, 22003, 22004, 0A000, 53200,
// XX000). Call it only from a frame that holds no C++ object with a destructor. Does not return.
[[noreturn]] void RaiseError(const ErrorRecord& record);

}  // namespace synthgen::pg
