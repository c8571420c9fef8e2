// MemoryContextCallback-based ownership of C++ objects (see context_owner.hpp). Uses palloc (may raise;
// nothing C++ is alive yet) and MemoryContextRegisterResetCallback (cannot fail).
#include "pg/context_owner.hpp"

extern "C" {
#include "postgres.h"
#include "utils/memutils.h"
}

namespace synthgen::pg {

struct ContextOwner::Slot {
  MemoryContextCallback callback;
  void* object;
  void (*destroy)(void*) noexcept;
};

namespace {

void DestroyOwned(void* argument) {
  auto* slot = static_cast<ContextOwner::Slot*>(argument);
  if (slot->object != nullptr) slot->destroy(slot->object);
  slot->object = nullptr;
}

}  // namespace

ContextOwner::ContextOwner(MemoryContextData* context) {
  slot_ = static_cast<Slot*>(MemoryContextAllocZero(context, sizeof(Slot)));
  slot_->callback.func = DestroyOwned;
  slot_->callback.arg = slot_;
  MemoryContextRegisterResetCallback(context, &slot_->callback);
}

void ContextOwner::Arm(void* object, void (*destroy)(void*) noexcept) noexcept {
  slot_->destroy = destroy;
  slot_->object = object;
}

}  // namespace synthgen::pg
