// MaterializeBatches (see materialized_srf.hpp). PostgreSQL APIs: InitMaterializedSRF and
// tuplestore_putvalues; plain C data only.
#include "pg/materialized_srf.hpp"

#include <type_traits>

#include "pg/streaming_scan.hpp"

extern "C" {
#include "postgres.h"
#include "fmgr.h"
#include "funcapi.h"
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
  const bool streaming = IsStreamingScanCall(fcinfo);
  ReturnSetInfo* result = nullptr;
  if (!streaming) {
    InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
    result = reinterpret_cast<ReturnSetInfo*>(fcinfo->resultinfo);
  }
  const int declared = streaming ? StreamingScanColumns(fcinfo) : result->setDesc->natts;
  if (declared != columns) {
    ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("synthgen internal error: the function is declared with %d columns, expected %d",
                           declared, columns)));
  }
  if (streaming) {
    StartStreamingScan(fcinfo, calls, options, seed_drawn, seed);
    return;
  }
  StoreTarget store{result->setResult, result->setDesc};
  RunBatches(calls, options, seed_drawn, seed, RowSink{&PutIntoStore, &store}, nullptr, 0);
}

}  // namespace synthgen::pg
