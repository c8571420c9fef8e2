// BatchRun (see batch_run.hpp). PostgreSQL APIs: memory contexts, ereport (through RaiseError and the
// progress report), CHECK_FOR_INTERRUPTS. Safety: every local here is trivially destructible; C++ work
// happens only in the noexcept bridge calls, and the generator lives on the heap, owned by a callback on the
// run's owner context.
#include "pg/batch_run.hpp"

#include "pg/context_owner.hpp"
#include "pg/random_seed.hpp"

extern "C" {
#include "postgres.h"
#include "miscadmin.h"
#include "utils/memutils.h"
}

namespace synthgen::pg {

void StartBatchRun(BatchRun& run, const BatchGenerator& calls, const void* options, bool report_seed,
                   std::uint64_t seed, unsigned int progress_relation) {
  run.calls = &calls;
  run.generator = nullptr;
  run.owner_context = AllocSetContextCreate(CurrentMemoryContext, "synthgen generator", ALLOCSET_SMALL_SIZES);
  run.row_context = AllocSetContextCreate(run.owner_context, "synthgen rows", ALLOCSET_DEFAULT_SIZES);
  ContextOwner owner(run.owner_context);
  ErrorRecord error;
  run.generator = calls.create(options, error);
  if (error.failed()) RaiseError(error);
  owner.Arm(run.generator, calls.destroy);
  if (report_seed) ReportDrawnSeed(static_cast<std::int64_t>(seed));
  BeginProgress(run.progress, progress_relation);
}

bool EmitNextBatch(BatchRun& run, const RowSink& sink, void (*after_batch)(void* target)) {
  MemoryContextReset(run.row_context);
  ErrorRecord error;
  const std::size_t count = run.calls->next_batch(run.generator, error);
  if (error.failed()) RaiseError(error);
  if (count == 0) return false;
  MemoryContext previous = MemoryContextSwitchTo(run.row_context);
  const std::size_t emitted = run.calls->emit_batch(run.generator, sink);
  if (after_batch != nullptr) after_batch(sink.target);
  MemoryContextSwitchTo(previous);
  AdvanceProgress(run.progress, static_cast<std::int64_t>(emitted));
  CHECK_FOR_INTERRUPTS();
  return true;
}

void FinishBatchRun(BatchRun& run) {
  EndProgress(run.progress);
  MemoryContextDelete(run.owner_context);  // destroys the generator
  run.owner_context = nullptr;
  run.row_context = nullptr;
  run.generator = nullptr;
}

void RunBatches(const BatchGenerator& calls, const void* options, bool seed_drawn, std::uint64_t seed,
                const RowSink& sink, void (*after_batch)(void* target), unsigned int progress_relation) {
  BatchRun run;
  StartBatchRun(run, calls, options, seed_drawn, seed, progress_relation);
  while (EmitNextBatch(run, sink, after_batch)) {
  }
  FinishBatchRun(run);
}

}  // namespace synthgen::pg
