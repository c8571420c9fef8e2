# Immediate stops during large fills: every filler (synth_seed, synth_card_backfill, synth_seed_graph,
# synth_materialize_features, synth_card_incremental) is killed with an immediate shutdown (no checkpoint, crash
# recovery at the next start) at a random point of its run, and afterwards its target schema must hold either
# exactly what it held before the fill or exactly what the same fill run to completion produces: the same
# tables, row counts, a checksum over every row, the same valid indexes and constraints, and btree indexes that
# amcheck finds consistent with their tables (heapallindexed). A kill right after a fill's commit must keep the
# complete result. Rounds alternate wal_level minimal (tables created by the fill skip WAL and are synced at
# commit) and replica.
use strict;
use warnings;

use IPC::Run;
use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;
use Time::HiRes qw(sleep time);

my $iterations = $ENV{SYNTHGEN_TAP_KILLS} || 20;
my $kill_seed = $ENV{SYNTHGEN_TAP_SEED} || int(time() * 1000) % 2_000_000_000;
srand($kill_seed);
diag("kill points drawn with seed $kill_seed (SYNTHGEN_TAP_SEED=$kill_seed reproduces them)");

my @user_tables = qw(generated_records evaluation_metadata feature_snapshots);
my @card_tables =
  qw(card_world merchant_details bank_details account_details card_details credit_card_transactions cc_fraud);

# Each filler runs for one to a few seconds on a 2-core machine. `prepare` (committed before the fill) builds
# the state a filler appends to: synth_seed loads the empty tables of synth_init (dropping their indexes and
# building them again after the load, in its transaction), synth_materialize_features and synth_card_incremental
# add to seeded worlds; the other two create their tables in their own transaction. %s is the target schema.
my @fillers = (
	{
		name    => 'synth_seed',
		tables  => \@user_tables,
		prepare => "SELECT count(*) FROM synth_init('%s')",
		fill    => "SELECT records FROM synth_seed(users => 10000, seed => 101, target_schema => '%s')",
	},
	{
		name   => 'synth_card_backfill',
		tables => \@card_tables,
		fill   =>
		  "SELECT transaction_rows FROM synth_card_backfill(transactions => 300000, seed => 102, target_schema => '%s')",
	},
	{
		name   => 'synth_seed_graph',
		tables => [qw(graph_nodes graph_edges)],
		fill   => "SELECT nodes + edges FROM synth_seed_graph(users => 25000, seed => 103, target_schema => '%s')",
	},
	{
		name    => 'synth_materialize_features',
		tables  => \@user_tables,
		prepare => "SELECT records FROM synth_seed(users => 5000, seed => 104, target_schema => '%s')",
		fill    => "SELECT materialized FROM synth_materialize_features(target_schema => '%s')",
	},
	{
		name    => 'synth_card_incremental',
		tables  => \@card_tables,
		prepare =>
		  "SELECT transaction_rows FROM synth_card_backfill(transactions => 100000, seed => 105, target_schema => '%s')",
		fill => "SELECT transaction_rows FROM synth_card_incremental(period_end => '2026-01-08', "
		  . "transactions => 60000, target_schema => '%s')",
	},
);

my $node = PostgreSQL::Test::Cluster->new('fills');
$node->init;
$node->append_conf('postgresql.conf', "log_statement = none\n");
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION synthgen; CREATE EXTENSION amcheck');

# One line per table: absent, or its row count, a checksum of its rows (the sum of every row's md5, first 64
# bits, so the physical order does not count; identity ids and load times are each run's own), its valid
# indexes and its constraints. Every btree index is checked against its table by amcheck first.
$node->safe_psql(
	'postgres', q{
CREATE FUNCTION table_fingerprint(target_schema name, table_name name) RETURNS text
LANGUAGE plpgsql AS $function$
DECLARE
    relation regclass := to_regclass(format('%I.%I', target_schema, table_name));
    columns text;
    content text;
    indexes text;
    constraints text;
BEGIN
    IF relation IS NULL THEN
        RETURN table_name || ': absent';
    END IF;
    PERFORM bt_index_check(i.indexrelid, true)
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
    WHERE i.indrelid = relation AND a.amname = 'btree';
    SELECT string_agg(format('t.%I', attname), ', ' ORDER BY attnum) INTO columns
    FROM pg_attribute
    WHERE attrelid = relation AND attnum > 0 AND NOT attisdropped
      AND attname NOT IN ('id', 'snapshot_id', 'created_at', 'computed_at');
    EXECUTE format($query$
        SELECT count(*) || ' rows, md5 sum '
               || coalesce(sum(('x' || left(md5(ROW(%s)::text), 16))::bit(64)::bigint::numeric), 0)
        FROM %s t
        $query$, columns, relation) INTO content;
    SELECT string_agg(c.relname || CASE WHEN i.indisvalid THEN '' ELSE ' (invalid)' END, ',' ORDER BY c.relname)
    INTO indexes
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = relation;
    SELECT string_agg(conname || ' ' || contype::text, ',' ORDER BY conname) INTO constraints
    FROM pg_constraint WHERE conrelid = relation;
    RETURN format('%s: %s; indexes %s; constraints %s', table_name, content, indexes, constraints);
END
$function$;
});

sub fingerprint
{
	my ($filler, $schema) = @_;
	my $tables = join(',', map { "'$_'" } @{ $filler->{tables} });
	return $node->safe_psql('postgres',
		"SELECT table_fingerprint('$schema', t) FROM unnest(ARRAY[$tables]::name[]) AS t");
}

sub prepare_schema
{
	my ($filler, $schema) = @_;
	$node->safe_psql('postgres', "CREATE SCHEMA $schema");
	$node->safe_psql('postgres', sprintf($filler->{prepare}, $schema)) if $filler->{prepare};
	return;
}

sub set_wal_level
{
	my ($level) = @_;
	return if $node->safe_psql('postgres', 'SHOW wal_level') eq $level;
	$node->append_conf('postgresql.conf', "wal_level = $level");
	$node->restart;
	return;
}

# Immediate shutdown, then a start that must have run crash recovery.
sub crash_and_recover
{
	my $log_offset = -s $node->logfile;
	$node->stop('immediate');
	$node->start;
	return slurp_file($node->logfile, $log_offset) =~ /automatic recovery in progress/;
}

# References: each fill run to completion in a schema of its own, timed, with the target's state before and
# after it.
for my $filler (@fillers)
{
	my $schema = "reference_$filler->{name}";
	prepare_schema($filler, $schema);
	$filler->{before} = fingerprint($filler, $schema);
	my $started = time();
	$node->safe_psql('postgres', sprintf($filler->{fill}, $schema));
	$filler->{seconds} = time() - $started;
	$filler->{after} = fingerprint($filler, $schema);
	isnt($filler->{after}, $filler->{before}, "$filler->{name} changes its target schema");
	diag(sprintf("%s: the fill takes %.2f s", $filler->{name}, $filler->{seconds}));
}

# A kill right after each fill's commit keeps the complete result, under either wal_level.
for my $level (qw(minimal replica))
{
	set_wal_level($level);
	for my $filler (@fillers)
	{
		my $schema = "committed_${level}_$filler->{name}";
		prepare_schema($filler, $schema);
		$node->safe_psql('postgres', sprintf($filler->{fill}, $schema));
		ok(crash_and_recover(),
			"wal_level $level, $filler->{name} committed: the immediate stop needed crash recovery");
		is(fingerprint($filler, $schema), $filler->{after},
			"wal_level $level, $filler->{name} killed after its commit: the complete result");
	}
}

# Kills at random points inside the fills' run times.
my %outcomes;
my $rolled_back = 0;
for my $iteration (1 .. $iterations)
{
	my $filler = $fillers[ ($iteration - 1) % @fillers ];
	my $level  = int(($iteration - 1) / @fillers) % 2 ? 'replica' : 'minimal';
	set_wal_level($level);
	my $schema = "killed_$iteration";
	prepare_schema($filler, $schema);

	my $delay = $filler->{seconds} * (0.05 + 0.9 * rand());
	my ($stdout, $stderr) = ('', '');
	my $fill = IPC::Run::start(
		[ 'psql', '-XAtq', '-d', $node->connstr('postgres'), '-c', sprintf($filler->{fill}, $schema) ],
		'>', \$stdout, '2>', \$stderr);
	sleep($delay);
	my $recovered = crash_and_recover();
	$fill->finish;
	my $reported = $stdout =~ /^\d+$/m;

	my $state = fingerprint($filler, $schema);
	my $outcome =
	    $state eq $filler->{before} ? 'rolled back'
	  : $state eq $filler->{after}  ? 'complete'
	  :                               'PARTIAL';
	$outcomes{$outcome}++;
	$rolled_back++ if $outcome eq 'rolled back';
	my $label = sprintf('kill %d: %s, wal_level %s, after %.2f of %.2f s', $iteration, $filler->{name}, $level,
		$delay, $filler->{seconds});
	diag("$label: $outcome" . ($reported ? ' (the fill had reported its result)' : ''));
	ok($recovered, "$label: the immediate stop needed crash recovery");
	isnt($outcome, 'PARTIAL', "$label: the target holds nothing of the fill or all of it")
	  or diag("state after the kill:\n$state\nbefore the fill:\n$filler->{before}\nafter it:\n$filler->{after}");
	is($outcome, 'complete', "$label: a fill that reported its result survives the kill") if $reported;
}
diag(join(', ', map { "$_: $outcomes{$_}" } sort keys %outcomes) . " (of $iterations kills)");

# The kills must land inside the fills for the test to mean anything: most of them roll back.
cmp_ok($rolled_back, '>=', $iterations / 2, 'at least half of the kills interrupted a fill');
unlike(slurp_file($node->logfile), qr/terminated by signal|was terminated by exception/,
	'no backend died by a signal (an immediate stop ends them without one)');

$node->stop;
done_testing();
