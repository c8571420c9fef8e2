// Loading generated rows straight into a table the way COPY FROM does (no PostgreSQL header here): table
// access method multi-inserts through a bulk-insert state, in buffers of rows, with the table's indexes
// maintained and its NOT NULL and CHECK constraints checked for every row.
//
// Columns are matched by name: each column of the table takes the generator column of the same name (converted
// to the column's type and type modifier as an INSERT would), and a table column no generator column names
// takes its default (NULL without one). What COPY would run and this path does not, it refuses with a clear
// error: triggers (including the ones behind foreign keys on the table), row-level security, deferrable unique
// or exclusion constraints, stored generated columns, and tables that are not plain tables (partitioned,
// foreign, views). The caller needs INSERT on the table.
#pragma once

#include <cstdint>

#include "pg/batch_run.hpp"

namespace synthgen::pg {

// One column of a generator's rows: its name, its type (an OID of pg_type) and a type modifier every generated
// value satisfies (-1: none). The modifier is a promise the generator keeps, so that a table column of that
// type or a wider one (varchar(50) for values that fit varchar(19)) takes the values without a per-row check.
struct GeneratorColumn {
  const char* name;
  unsigned int type;
  int typmod = -1;
};

// The type modifiers of varchar(length) and numeric(precision, scale).
constexpr int kVarlenaHeaderSize = 4;
constexpr int VarcharTypmod(int length) { return length + kVarlenaHeaderSize; }
constexpr int NumericTypmod(int precision, int scale) { return ((precision << 16) | scale) + kVarlenaHeaderSize; }

struct BulkTarget;  // palloc'd in the memory context current at BeginBulkInsert

// Opens the table `relation` (an OID of pg_class) for rows of the given columns, checking everything above.
BulkTarget* BeginBulkInsert(unsigned int relation, const GeneratorColumn* columns, int column_count);

// Adds one row (Datums and null flags in the order of the columns). The row's memory must stay valid until the
// next FlushBulkInsert.
void BulkInsertRow(BulkTarget* target, const std::uintptr_t* values, const bool* nulls);

// Writes the buffered rows and their index entries.
void FlushBulkInsert(BulkTarget* target);

// Flushes, closes the table, and returns the number of rows written.
std::uint64_t EndBulkInsert(BulkTarget* target);

// Runs a generator (as RunBatches does) with every row loaded into each of the tables (at most
// kMaxBulkTargets; each takes the columns it names); returns the number of rows generated.
constexpr int kMaxBulkTargets = 4;
std::uint64_t InsertBatches(const unsigned int* relations, int relation_count, const GeneratorColumn* columns,
                            int column_count, const BatchGenerator& calls, const void* options, bool seed_drawn,
                            std::uint64_t seed);

}  // namespace synthgen::pg
