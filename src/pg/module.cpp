// The module's magic block, which PostgreSQL checks when it loads synthgen.so.
extern "C" {
#include "postgres.h"
#include "fmgr.h"

PG_MODULE_MAGIC;
}
