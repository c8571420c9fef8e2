// MaterializeBatches and RunBatches (see materialized_srf.hpp). PostgreSQL APIs: InitMaterializedSRF, memory contexts,
// ereport, CHECK_FOR_INTERRUPTS. Safety: every local here is trivially destructible; C++ work happens only in
// the noexcept bridge calls, and the generator lives on the heap, owned by a callback on owner_context.
#include "pg/materialized_srf.hpp"

#include <type_traits>

#include "pg/context_owner.hpp"
#include "pg/progress.hpp"
#include "pg/random_seed.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/memutils.h"
}

namespace synthgen::pg {

namespace {

struct StoreTarget {
  Tuplestorestate* store;
  TupleDesc descriptor;
};

void PutIntoStore(void* target, const std::uintptr_t* values, const bool* nulls) {
  auto* store = static_cast<StoreTarget*>(target);
  tuplestore_putvalues(store->store, store->descriptor, const_cast<Datum*>(values), const_cast<bool*>(nulls));
}

}  // namespace

static_assert(std::is_same_v<Datum, std::uintptr_t>, "RowSink passes Datums as uintptr_t");

void MaterializeBatches(FunctionCallInfo fcinfo, int columns, const BatchGenerator& calls,
                        const void* options, bool seed_drawn, std::uint64_t seed) {
  InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
  ReturnSetInfo* result = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
  if (result->setDesc->natts != columns) {
    ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("synthgen internal error: the function is declared with %d columns, expected %d",
                           result->setDesc->natts, columns)));
  }
  StoreTarget store{result->setResult, result->setDesc};
  RunBatches(calls, options, seed_drawn, seed, RowSink{&PutIntoStore, &store}, nullptr, 0);
}

void RunBatches(const BatchGenerator& calls, const void* options, bool seed_drawn, std::uint64_t seed,
                const RowSink& sink, void (*after_batch)(void* target), unsigned int progress_relation) {
  MemoryContext owner_context =
      AllocSetContextCreate(CurrentMemoryContext, "synthgen generator", ALLOCSET_SMALL_SIZES);
  MemoryContext row_context = AllocSetContextCreate(owner_context, "synthgen rows", ALLOCSET_DEFAULT_SIZES);
  ContextOwner owner(owner_context);
  ErrorRecord error;
  void* generator = calls.create(options, error);
  if (error.failed()) RaiseError(error);
  owner.Arm(generator, calls.destroy);
  if (seed_drawn) ReportDrawnSeed(static_cast<std::int64_t>(seed));

  Progress progress;
  BeginProgress(progress, progress_relation);
  for (;;) {
    const std::size_t count = calls.next_batch(generator, error);
    if (error.failed()) RaiseError(error);
    if (count == 0) break;
    MemoryContext previous = MemoryContextSwitchTo(row_context);
    const std::size_t emitted = calls.emit_batch(generator, sink);
    if (after_batch != nullptr) after_batch(sink.target);
    MemoryContextSwitchTo(previous);
    MemoryContextReset(row_context);
    AdvanceProgress(progress, static_cast<std::int64_t>(emitted));
    CHECK_FOR_INTERRUPTS();
  }
  EndProgress(progress);
  MemoryContextDelete(owner_context);  // destroys the generator
}

}  // namespace synthgen::pg
