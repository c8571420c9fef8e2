// Progress reporting (see progress.hpp). PostgreSQL APIs: a custom GUC, the backend progress reporting of
// commands/progress.h (the COPY command's parameters) and ereport(NOTICE); plain C data only.
extern "C" {
#include "postgres.h"
#include "commands/progress.h"
#include "pgstat.h"
#include "utils/backend_progress.h"
#include "utils/guc.h"
#include "utils/timestamp.h"
}

#include <climits>

#include "pg/progress.hpp"

namespace synthgen::pg {
namespace {

int progress_rows = 0;

}  // namespace

void DefineProgressSettings() {
  DefineCustomIntVariable("synthgen.progress_rows",
                          "Reports a NOTICE each time a synthgen generator call has produced this many more rows.",
                          "0 (the default) reports nothing. The NOTICE's detail gives the elapsed time and the rate.",
                          &progress_rows, 0, 0, INT_MAX, PGC_USERSET, 0, nullptr, nullptr, nullptr);
}

void BeginProgress(Progress& progress, unsigned int relation) {
  progress.rows = 0;
  progress.next_notice = progress_rows;
  progress.started = GetCurrentTimestamp();
  progress.reported_to_view = relation != InvalidOid;
  if (progress.reported_to_view) {
    pgstat_progress_start_command(PROGRESS_COMMAND_COPY, relation);
    const int parameters[] = {PROGRESS_COPY_COMMAND, PROGRESS_COPY_TYPE};
    const int64 values[] = {PROGRESS_COPY_COMMAND_FROM, PROGRESS_COPY_TYPE_CALLBACK};
    pgstat_progress_update_multi_param(2, parameters, values);
  }
}

void AdvanceProgress(Progress& progress, std::int64_t rows) {
  progress.rows += rows;
  if (progress.reported_to_view) pgstat_progress_update_param(PROGRESS_COPY_TUPLES_PROCESSED, progress.rows);
  if (progress.next_notice > 0 && progress.rows >= progress.next_notice) {
    long seconds;
    int microseconds;
    TimestampDifference(progress.started, GetCurrentTimestamp(), &seconds, &microseconds);
    const double elapsed = static_cast<double>(seconds) + microseconds / 1e6;
    ereport(NOTICE, (errmsg("synthgen: %lld rows", static_cast<long long>(progress.rows)),
                     errdetail("%.1f s, %.0f rows/s", elapsed, elapsed > 0 ? progress.rows / elapsed : 0.0)));
    while (progress.next_notice <= progress.rows) progress.next_notice += progress_rows > 0 ? progress_rows : INT_MAX;
  }
}

void EndProgress(Progress& progress) {
  if (progress.reported_to_view) pgstat_progress_end_command();
}

}  // namespace synthgen::pg
