// The one mechanism behind every generator function (no PostgreSQL header here): a materialising
// set-returning function over a C++ batch generator. The generator is created and advanced only through
// noexcept bridge calls, owned by a memory-context callback (so an error or a cancel still destroys it), and
// interrupts are checked after every batch.
#pragma once

#include <cstddef>
#include <cstdint>

#include "pg/error_bridge.hpp"

struct FunctionCallInfoBaseData;

namespace synthgen::pg {

// Where a batch's rows go: put takes one row, as Datums and null flags in the order of the generator's
// declared columns, to its target (a function's tuple store, or tables being bulk-loaded).
struct RowSink {
  void (*put)(void* target, const std::uintptr_t* values, const bool* nulls);
  void* target;
};

struct BatchGenerator {
  void* (*create)(const void* options, ErrorRecord& error) noexcept;
  std::size_t (*next_batch)(void* generator, ErrorRecord& error) noexcept;
  void (*destroy)(void* generator) noexcept;
  // Puts the current batch's rows into the sink and returns how many. It runs in a memory context that is reset
  // after every batch, from a frame that holds no C++ object, and may raise PostgreSQL errors.
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

// Runs the function: checks that its declared result has `columns` columns, creates the generator from
// `options` (raising its validation error, if any), reports a seed drawn for a NULL seed argument once the
// options are known to be valid, then emits every batch.
void MaterializeBatches(FunctionCallInfoBaseData* fcinfo, int columns, const BatchGenerator& calls,
                        const void* options, bool seed_drawn, std::uint64_t seed);

// The same generation into any sink: creates the generator, reports a drawn seed, then emits every batch into
// sink and calls after_batch(sink.target) (if given) before the batch's row memory is freed. Progress goes to
// pg_stat_progress_copy for progress_relation (0: none) and to NOTICEs when synthgen.progress_rows asks.
void RunBatches(const BatchGenerator& calls, const void* options, bool seed_drawn, std::uint64_t seed,
                const RowSink& sink, void (*after_batch)(void* target), unsigned int progress_relation);

}  // namespace synthgen::pg
