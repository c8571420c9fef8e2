// synth_lock_schema(target_schema): the lock every synthgen filler takes first, so that fills of one schema run one
// after the other and DROP EXTENSION waits for running fills. PostgreSQL APIs: get_namespace_oid,
// pg_namespace_aclcheck, get_extension_oid, LockDatabaseObject/ConditionalLockDatabaseObject (object locks on the
// schema and on the extension, held to the end of the transaction), AcceptInvalidationMessages and
// InvalidateCatalogSnapshot (so that what the caller reads next includes what the fill it waited for committed),
// ereport; no C++ objects.
extern "C" {
#include "postgres.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_namespace.h"
#include "commands/extension.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "storage/lmgr.h"
#include "utils/acl.h"
#include "utils/inval.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

PG_FUNCTION_INFO_V1(synthgen_synth_lock_schema);
}

namespace {

// The fillers of one schema exclude each other; CREATE TABLE and the other commands that create objects in a
// schema take ACCESS SHARE on it, which this mode does not conflict with, and DROP SCHEMA takes ACCESS EXCLUSIVE.
constexpr LOCKMODE kFillLock = ExclusiveLock;

// What DROP EXTENSION (ACCESS EXCLUSIVE on the extension) waits for.
constexpr LOCKMODE kExtensionLock = AccessShareLock;

}  // namespace

extern "C" PGDLLEXPORT Datum synthgen_synth_lock_schema(PG_FUNCTION_ARGS) {
  if (PG_ARGISNULL(0)) {
    ereport(ERROR, (errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED), errmsg("target_schema must not be NULL")));
  }
  const char* schema_name = NameStr(*PG_GETARG_NAME(0));
  const Oid schema = get_namespace_oid(schema_name, true);
  if (!OidIsValid(schema)) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_SCHEMA_NAME), errmsg("schema \"%s\" does not exist", schema_name)));
  }
  const AclResult acl = pg_namespace_aclcheck(schema, GetUserId(), ACL_USAGE);
  if (acl != ACLCHECK_OK) aclcheck_error(acl, OBJECT_SCHEMA, schema_name);

  const Oid extension = get_extension_oid("synthgen", false);
  LockDatabaseObject(ExtensionRelationId, extension, 0, kExtensionLock);
  bool waited = false;
  if (!ConditionalLockDatabaseObject(NamespaceRelationId, schema, 0, kFillLock)) {
    waited = true;
    LockDatabaseObject(NamespaceRelationId, schema, 0, kFillLock);
  }
  // Whatever committed while this backend waited (another fill, a DROP) must show in its next catalog reads.
  AcceptInvalidationMessages();
  InvalidateCatalogSnapshot();

  if (get_extension_oid("synthgen", true) != extension) {
    ereport(ERROR, (errcode(ERRCODE_UNDEFINED_OBJECT), errmsg("extension \"synthgen\" was dropped while this fill waited"),
                    errhint("Create the extension again and repeat the fill.")));
  }
  if (!SearchSysCacheExists1(NAMESPACEOID, ObjectIdGetDatum(schema))) {
    ereport(ERROR, (errcode(ERRCODE_INVALID_SCHEMA_NAME), errmsg("schema \"%s\" does not exist", schema_name),
                    errdetail("It was dropped while this fill waited for the schema's fill lock.")));
  }
  // A transaction-level snapshot predates the fill this one waited for and would not see its tables or rows.
  if (waited && IsolationUsesXactSnapshot()) {
    ereport(ERROR, (errcode(ERRCODE_T_R_SERIALIZATION_FAILURE),
                    errmsg("could not serialize access due to a concurrent synthgen fill of schema \"%s\"", schema_name),
                    errhint("Retry the transaction.")));
  }
  PG_RETURN_VOID();
}
