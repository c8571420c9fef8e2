// The COPY-style bulk path (see bulk_insert.hpp). PostgreSQL APIs: table_open, pg_class_aclcheck,
// check_enable_rls, an executor state with one result relation (ExecOpenIndices, ExecConstraints,
// ExecInsertIndexTuples), table_multi_insert with a BulkInsertState, expressions for type conversions and
// column defaults (coerce_to_target_type, build_column_default), CHECK_FOR_INTERRUPTS. Safety: plain C data
// only; everything lives in palloc'd memory and PostgreSQL's resource owners, so an error or a cancel cleans
// up as for COPY.
#include <algorithm>

extern "C" {
#include "postgres.h"
#include "access/heapam.h"
#include "access/relation.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "optimizer/optimizer.h"
#include "parser/parse_coerce.h"
#include "rewrite/rewriteHandler.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/rls.h"
}

#include "pg/bulk_insert.hpp"

namespace synthgen::pg {

// Rows per multi-insert, as COPY buffers them.
constexpr int kBufferRows = 1000;

struct BulkTarget {
  Relation relation;
  EState* estate;
  ResultRelInfo* result;
  BulkInsertState bulk_state;
  CommandId command;
  int attributes;          // of the table
  int* source_of;          // per table attribute: the generator column it takes, or -1
  ExprState** convert;     // per table attribute: conversion of that column (nullptr: taken as is)
  ExprState** defaults;    // per table attribute without a generator column: its default (nullptr: NULL)
  TupleTableSlot* source;  // the generator's row, for conversions (nullptr when no column needs one)
  TupleTableSlot* slots[kBufferRows];
  int buffered;
  std::uint64_t written;
  bool check_constraints;
};

namespace {

void Refuse(Relation relation, const char* what, const char* hint) {
  ereport(ERROR, (errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
                  errmsg("synthgen cannot bulk-load table \"%s\": it has %s", RelationGetRelationName(relation), what),
                  errhint("%s", hint)));
}

void CheckLoadable(Relation relation) {
  const Oid id = RelationGetRelid(relation);
  if (relation->rd_rel->relkind != RELKIND_RELATION) {
    ereport(ERROR, (errcode(ERRCODE_WRONG_OBJECT_TYPE),
                    errmsg("synthgen cannot bulk-load \"%s\": it is not a plain table", RelationGetRelationName(relation)),
                    errhint("Insert from the generator function instead (INSERT ... SELECT).")));
  }
  const AclResult acl = pg_class_aclcheck(id, GetUserId(), ACL_INSERT);
  if (acl != ACLCHECK_OK) aclcheck_error(acl, get_relkind_objtype(relation->rd_rel->relkind), RelationGetRelationName(relation));
  if (check_enable_rls(id, InvalidOid, false) == RLS_ENABLED) {
    Refuse(relation, "row-level security enabled", "synthgen does not bypass row-level security; insert from the generator function instead.");
  }
  const TriggerDesc* triggers = relation->trigdesc;
  if (triggers != nullptr &&
      (triggers->trig_insert_before_row || triggers->trig_insert_after_row || triggers->trig_insert_instead_row ||
       triggers->trig_insert_before_statement || triggers->trig_insert_after_statement || triggers->trig_insert_new_table)) {
    Refuse(relation, "insert triggers (foreign keys are triggers too)",
           "Add the triggers or foreign keys after loading, or insert from the generator function instead.");
  }
  if (relation->rd_att->constr != nullptr && relation->rd_att->constr->has_generated_stored) {
    Refuse(relation, "stored generated columns", "Insert from the generator function instead.");
  }
}

static_assert(kVarlenaHeaderSize == VARHDRSZ);

// The conversion of a generator column to the table attribute, or nullptr if the values can be stored as they
// are: the same type, or a binary-compatible one whose modifier every value already satisfies (the planner
// drops a varchar(50) or numeric(18,2) coercion of values known to fit).
ExprState* ConversionTo(Relation relation, Form_pg_attribute attribute, const GeneratorColumn& column, int position) {
  Var* value = makeVar(1, static_cast<AttrNumber>(position + 1), column.type, column.typmod,
                       get_typcollation(column.type), 0);
  Node* converted = coerce_to_target_type(nullptr, reinterpret_cast<Node*>(value), column.type, attribute->atttypid,
                                          attribute->atttypmod, COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST, -1);
  if (converted == nullptr) {
    ereport(ERROR, (errcode(ERRCODE_DATATYPE_MISMATCH),
                    errmsg("column \"%s\" of table \"%s\" is of type %s, but synthgen generates %s", column.name,
                           RelationGetRelationName(relation), format_type_be(attribute->atttypid),
                           format_type_be(column.type))));
  }
  Expr* planned = expression_planner(reinterpret_cast<Expr*>(converted));
  Expr* stripped = planned;
  while (IsA(stripped, RelabelType)) stripped = reinterpret_cast<RelabelType*>(stripped)->arg;
  if (equal(stripped, value)) return nullptr;
  return ExecInitExpr(planned, nullptr);
}

}  // namespace

BulkTarget* BeginBulkInsert(unsigned int relation_id, const GeneratorColumn* columns, int column_count) {
  Relation relation = try_relation_open(relation_id, RowExclusiveLock);
  if (relation == nullptr) {
    ereport(ERROR, (errcode(ERRCODE_UNDEFINED_TABLE), errmsg("relation with OID %u does not exist", relation_id)));
  }
  CheckLoadable(relation);

  auto* target = static_cast<BulkTarget*>(palloc0(sizeof(BulkTarget)));
  target->relation = relation;
  target->estate = CreateExecutorState();
  RangeTblEntry* entry = makeNode(RangeTblEntry);
  entry->rtekind = RTE_RELATION;
  entry->relid = relation_id;
  entry->relkind = relation->rd_rel->relkind;
  entry->rellockmode = RowExclusiveLock;
  entry->requiredPerms = ACL_INSERT;
  ExecInitRangeTable(target->estate, list_make1(entry));
  target->result = makeNode(ResultRelInfo);
  ExecInitResultRelation(target->estate, target->result, 1);
  ExecOpenIndices(target->result, false);
  for (int i = 0; i < target->result->ri_NumIndices; ++i) {
    if (!target->result->ri_IndexRelationDescs[i]->rd_index->indimmediate) {
      Refuse(relation, "deferrable unique or exclusion constraints", "Insert from the generator function instead.");
    }
  }

  const TupleDesc descriptor = RelationGetDescr(relation);
  target->attributes = descriptor->natts;
  target->source_of = static_cast<int*>(palloc(sizeof(int) * std::max(1, descriptor->natts)));
  target->convert = static_cast<ExprState**>(palloc0(sizeof(ExprState*) * std::max(1, descriptor->natts)));
  target->defaults = static_cast<ExprState**>(palloc0(sizeof(ExprState*) * std::max(1, descriptor->natts)));
  int matched = 0;
  for (int a = 0; a < descriptor->natts; ++a) {
    Form_pg_attribute attribute = TupleDescAttr(descriptor, a);
    target->source_of[a] = -1;
    if (attribute->attisdropped) continue;
    for (int c = 0; c < column_count; ++c) {
      if (strcmp(NameStr(attribute->attname), columns[c].name) == 0) {
        target->source_of[a] = c;
        target->convert[a] = ConversionTo(relation, attribute, columns[c], c);
        ++matched;
        break;
      }
    }
    if (target->source_of[a] < 0) {
      Node* fallback = build_column_default(relation, a + 1);
      if (fallback != nullptr) target->defaults[a] = ExecInitExpr(expression_planner(reinterpret_cast<Expr*>(fallback)), nullptr);
    }
  }
  if (matched == 0) {
    ereport(ERROR, (errcode(ERRCODE_UNDEFINED_COLUMN),
                    errmsg("table \"%s\" has no column synthgen generates", RelationGetRelationName(relation))));
  }

  bool converts = false;
  for (int a = 0; a < descriptor->natts; ++a) converts = converts || target->convert[a] != nullptr;
  if (converts) {
    TupleDesc source_descriptor = CreateTemplateTupleDesc(column_count);
    for (int c = 0; c < column_count; ++c) {
      TupleDescInitEntry(source_descriptor, static_cast<AttrNumber>(c + 1), columns[c].name, columns[c].type,
                         columns[c].typmod, 0);
    }
    target->source = ExecInitExtraTupleSlot(target->estate, source_descriptor, &TTSOpsVirtual);
  }
  for (TupleTableSlot*& slot : target->slots) slot = table_slot_create(relation, &target->estate->es_tupleTable);
  target->bulk_state = GetBulkInsertState();
  target->command = GetCurrentCommandId(true);
  target->check_constraints = descriptor->constr != nullptr;
  return target;
}

void BulkInsertRow(BulkTarget* target, const std::uintptr_t* values, const bool* nulls) {
  ExprContext* context = GetPerTupleExprContext(target->estate);
  if (TupleTableSlot* source = target->source; source != nullptr) {
    ExecClearTuple(source);
    const int columns = source->tts_tupleDescriptor->natts;
    memcpy(source->tts_values, values, sizeof(Datum) * columns);
    memcpy(source->tts_isnull, nulls, sizeof(bool) * columns);
    ExecStoreVirtualTuple(source);
    context->ecxt_scantuple = source;
  }

  // Conversions and defaults are evaluated in the current (row) memory context, which outlives the buffer.
  TupleTableSlot* slot = target->slots[target->buffered];
  ExecClearTuple(slot);
  for (int a = 0; a < target->attributes; ++a) {
    const int c = target->source_of[a];
    if (c >= 0 && target->convert[a] == nullptr) {
      slot->tts_values[a] = values[c];
      slot->tts_isnull[a] = nulls[c];
    } else if (c >= 0) {
      slot->tts_values[a] = ExecEvalExpr(target->convert[a], context, &slot->tts_isnull[a]);
    } else if (target->defaults[a] != nullptr) {
      slot->tts_values[a] = ExecEvalExpr(target->defaults[a], context, &slot->tts_isnull[a]);
    } else {
      slot->tts_values[a] = static_cast<Datum>(0);
      slot->tts_isnull[a] = true;
    }
  }
  ExecStoreVirtualTuple(slot);
  if (target->check_constraints) ExecConstraints(target->result, slot, target->estate);
  if (++target->buffered == kBufferRows) FlushBulkInsert(target);
}

void FlushBulkInsert(BulkTarget* target) {
  if (target->buffered == 0) return;
  table_multi_insert(target->relation, target->slots, target->buffered, target->command, 0, target->bulk_state);
  for (int i = 0; i < target->buffered; ++i) {
    if (target->result->ri_NumIndices > 0) {
      // The table insert checks for interrupts per page; index maintenance of a buffer of rows into large
      // indexes takes far longer, so check per row too (callers hold no C++ object).
      CHECK_FOR_INTERRUPTS();
      list_free(ExecInsertIndexTuples(target->result, target->slots[i], target->estate, false, false, nullptr, NIL));
    }
    ExecClearTuple(target->slots[i]);
  }
  target->written += static_cast<std::uint64_t>(target->buffered);
  target->buffered = 0;
  ResetPerTupleExprContext(target->estate);
}

std::uint64_t EndBulkInsert(BulkTarget* target) {
  FlushBulkInsert(target);
  FreeBulkInsertState(target->bulk_state);
  table_finish_bulk_insert(target->relation, 0);
  ExecResetTupleTable(target->estate->es_tupleTable, false);
  ExecCloseResultRelations(target->estate);
  ExecCloseRangeTableRelations(target->estate);
  FreeExecutorState(target->estate);
  table_close(target->relation, NoLock);
  return target->written;
}

namespace {

struct BulkTargets {
  BulkTarget* tables[kMaxBulkTargets];
  int count;
};

void PutIntoTables(void* target, const std::uintptr_t* values, const bool* nulls) {
  auto* targets = static_cast<BulkTargets*>(target);
  for (int i = 0; i < targets->count; ++i) BulkInsertRow(targets->tables[i], values, nulls);
}

void FlushTables(void* target) {
  auto* targets = static_cast<BulkTargets*>(target);
  for (int i = 0; i < targets->count; ++i) FlushBulkInsert(targets->tables[i]);
}

}  // namespace

std::uint64_t InsertBatches(const unsigned int* relations, int relation_count, const GeneratorColumn* columns,
                            int column_count, const BatchGenerator& calls, const void* options, bool seed_drawn,
                            std::uint64_t seed) {
  Assert(relation_count >= 1 && relation_count <= kMaxBulkTargets);
  BulkTargets targets{};
  targets.count = relation_count;
  for (int i = 0; i < relation_count; ++i) targets.tables[i] = BeginBulkInsert(relations[i], columns, column_count);
  RunBatches(calls, options, seed_drawn, seed, RowSink{&PutIntoTables, &targets}, &FlushTables, relations[0]);
  std::uint64_t rows = 0;
  for (int i = 0; i < relation_count; ++i) rows = EndBulkInsert(targets.tables[i]);
  return rows;
}

}  // namespace synthgen::pg
