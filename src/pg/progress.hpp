// Progress of long generator calls (no PostgreSQL header here): loads into tables appear in
// pg_stat_progress_copy (as COPY FROM a callback), and every call can report NOTICEs with the rows done and the
// rate when the setting synthgen.progress_rows asks for them.
#pragma once

#include <cstdint>

namespace synthgen::pg {

// Registers synthgen.progress_rows (from _PG_init).
void DefineProgressSettings();

struct Progress {
  std::int64_t rows;
  std::int64_t next_notice;  // rows at which the next NOTICE is due (0: none)
  std::int64_t started;      // a timestamptz
  bool reported_to_view;
};

// relation: the table a load writes to, shown in pg_stat_progress_copy (0: a set-returning function, no view).
void BeginProgress(Progress& progress, unsigned int relation);
void AdvanceProgress(Progress& progress, std::int64_t rows);
void EndProgress(Progress& progress);

}  // namespace synthgen::pg
