// How a C++ batch generator runs inside a backend (no PostgreSQL header here): the generator is created and
// advanced only through noexcept bridge calls, owned by a memory-context callback (so an error or a cancel
// still destroys it), its rows are emitted batch by batch into a sink in memory freed before the next batch,
// and interrupts are checked after every batch. Every way rows leave synthgen (a function's tuple store, a
// streaming scan, a bulk load into tables) is a sink of such a run.
#pragma once

#include <cstddef>
#include <cstdint>

#include "pg/error_bridge.hpp"
#include "pg/progress.hpp"

struct MemoryContextData;

namespace synthgen::pg {

// Where a batch's rows go: put takes one row, as Datums and null flags in the order of the generator's
// declared columns, to its target (a function's tuple store, a scan's row buffer, tables being bulk-loaded).
struct RowSink {
  void (*put)(void* target, const std::uintptr_t* values, const bool* nulls);
  void* target;
};

struct BatchGenerator {
  void* (*create)(const void* options, ErrorRecord& error) noexcept;
  std::size_t (*next_batch)(void* generator, ErrorRecord& error) noexcept;
  void (*destroy)(void* generator) noexcept;
  // Puts the current batch's rows into the sink and returns how many. It runs in a memory context that is
  // reset before the next batch, from a frame that holds no C++ object, and may raise PostgreSQL errors.
  std::size_t (*emit_batch)(const void* generator, const RowSink& sink);
};

// The noexcept bridge calls for a generator class built from an options struct.
template <typename Generator, typename Options>
struct GeneratorBridge {
  static void* Create(const void* options, ErrorRecord& error) noexcept {
    Generator* generator = nullptr;
    CallGuarded(error, [&] { generator = new Generator(*static_cast<const Options*>(options)); });
    return generator;
  }
  static std::size_t NextBatch(void* generator, ErrorRecord& error) noexcept {
    std::size_t count = 0;
    CallGuarded(error, [&] { count = static_cast<Generator*>(generator)->NextBatch(); });
    return count;
  }
  static void Destroy(void* generator) noexcept { delete static_cast<Generator*>(generator); }
};

// One generator being run. Plain data: it may live in palloc'd memory (a scan's state).
struct BatchRun {
  const BatchGenerator* calls;
  void* generator;
  MemoryContextData* owner_context;  // owns the generator: deleting it destroys the generator
  MemoryContextData* row_context;    // the current batch's row memory
  Progress progress;
};

// Creates the generator from `options` in a new memory context under the current one (raising its validation
// error, if any), reports a seed drawn for a NULL seed argument when report_seed says so, and starts the
// progress report: to pg_stat_progress_copy for progress_relation (0: none) and to NOTICEs when
// synthgen.progress_rows asks.
void StartBatchRun(BatchRun& run, const BatchGenerator& calls, const void* options, bool report_seed,
                   std::uint64_t seed, unsigned int progress_relation);

// Frees the previous batch's rows, makes the next batch and emits it into sink, then calls
// after_batch(sink.target) (if given) while the rows are still allocated; the rows stay valid until the next
// call. Returns false, emitting nothing, once the generator is done. Checks for interrupts before returning.
bool EmitNextBatch(BatchRun& run, const RowSink& sink, void (*after_batch)(void* target));

// Ends the progress report and destroys the generator and its memory.
void FinishBatchRun(BatchRun& run);

// A whole run into one sink: start, every batch, finish.
void RunBatches(const BatchGenerator& calls, const void* options, bool seed_drawn, std::uint64_t seed,
                const RowSink& sink, void (*after_batch)(void* target), unsigned int progress_relation);

}  // namespace synthgen::pg
