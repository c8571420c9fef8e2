// Ties a C++ object's lifetime to a PostgreSQL memory context (no PostgreSQL header here): the object is
// destroyed when the context is deleted or reset, on success, error or cancel alike.
#pragma once

struct MemoryContextData;

namespace synthgen::pg {

// Allocates the callback in `context` and registers it before the object exists, so that nothing can fail
// between creating the object and handing it over: call Arm() with the object right after creating it.
class ContextOwner {
 public:
  struct Slot;  // the palloc'd callback record

  explicit ContextOwner(MemoryContextData* context);
  void Arm(void* object, void (*destroy)(void*) noexcept) noexcept;

 private:
  Slot* slot_;
};

}  // namespace synthgen::pg
