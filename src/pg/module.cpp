// The module's magic block, which PostgreSQL checks when it loads synthgen.so, and its initialisation: the
// settings synthgen defines and the streaming scan's planner hook.
extern "C" {
#include "postgres.h"
#include "fmgr.h"

PG_MODULE_MAGIC;

PGDLLEXPORT void _PG_init(void);
}

#include "pg/progress.hpp"
#include "pg/streaming_scan.hpp"

extern "C" void _PG_init(void) {
  synthgen::pg::DefineProgressSettings();
  synthgen::pg::DefineStreamingScan();
}
