# Out of memory: the server runs under an address-space limit (`ulimit -v` in the shell that starts the
# postmaster, so every backend inherits it: 64 MB above what a backend with synthgen loaded maps), and calls
# whose memory grows with their arguments must end in an ERROR (53200 out of memory) while their backend
# carries on and the server stays up: no backend killed by a signal, no crash-restart. The calls cover the
# core's own allocation (the layout of 3,000,000 graph fraud structures, which succeeds without the limit:
# std::bad_alloc through the error boundary), PostgreSQL's allocations while a generator is alive (a
# set-returning function's tuple store, with the streaming scan off, and a sort of the streamed rows with a huge
# work_mem, the bulk path's local buffers with a huge temp_buffers) and a huge card_states array. The same
# generation streamed, with the same huge work_mem, succeeds under the limit: the stream holds one batch.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $headroom_kb = 64 * 1024;

my $big_tables = q{
CREATE TEMP TABLE transactions (t_id bigint, cc_num text, amount numeric(12,2), ts timestamptz);
CREATE TEMP TABLE records (record_id text, user_id text, amount numeric(18,2));
CREATE TEMP TABLE metadata (record_id text, sequence_number integer);
};
my @cases = (
	{
		name => 'core: the layout of 3,000,000 graph fraud structures for the nodes (std::bad_alloc)',
		core => 1,
		sql  => 'SELECT count(*) FROM synth_generate_graph_nodes(10, world_size => 100000000, seed => 1, '
		  . 'device_rings => 1000000, ip_clusters => 1000000, kiting_cycles => 1000000)',
	},
	{
		name => 'core: the same layout for the edges (std::bad_alloc)',
		core => 1,
		sql  => 'SELECT count(*) FROM synth_generate_graph_edges(10, world_size => 100000000, seed => 1, '
		  . 'device_rings => 1000000, ip_clusters => 1000000, kiting_cycles => 1000000)',
	},
	{
		name => 'tuple store of synth_generate_users with a huge work_mem',
		sql  => "SET work_mem = '2GB'; SET synthgen.stream_scans = off; "
		  . "SELECT count(*) FROM synth_generate_users(2000000, seed => 1)",
	},
	{
		name => 'tuple store of synth_generate_transactions with a huge work_mem',
		sql  => "SET work_mem = '2GB'; SET synthgen.stream_scans = off; "
		  . "SELECT count(*) FROM synth_generate_transactions(20000000, seed => 1)",
	},
	{
		name => 'tuple store of synth_generate_fraud with a huge work_mem',
		sql  => "SET work_mem = '2GB'; SET synthgen.stream_scans = off; "
		  . "SELECT count(*) FROM synth_generate_fraud(legit_rows => 20000000, "
		  . "fraud_rate => 1, seed => 1, window_start => '2025-01-01')",
	},
	{
		name => 'tuple store of synth_generate_accounts with a huge work_mem',
		sql  => "SET work_mem = '2GB'; SET synthgen.stream_scans = off; "
		  . "SELECT count(*) FROM synth_generate_accounts(50000000, seed => 1)",
	},
	{
		name => 'tuple store of synth_generate_graph_nodes with a huge work_mem',
		sql  => "SET work_mem = '2GB'; SET synthgen.stream_scans = off; "
		  . "SELECT count(*) FROM synth_generate_graph_nodes(5000000, seed => 1)",
	},
	{
		name => 'a sort of the streamed synth_generate_users with a huge work_mem',
		sql  => "SET work_mem = '2GB'; SELECT record_id FROM synth_generate_users(2000000, seed => 1) "
		  . 'ORDER BY amount DESC, record_id OFFSET 100000000',
	},
	{
		name => 'bulk path: synth_insert_transactions into a temporary table with a huge temp_buffers',
		sql  => "SET temp_buffers = '2GB'; $big_tables "
		  . "SELECT synth_insert_transactions('transactions', rows => 50000000, seed => 1)",
	},
	{
		name => 'bulk path: synth_insert_users into temporary tables with a huge temp_buffers',
		sql  => "SET temp_buffers = '2GB'; $big_tables "
		  . "SELECT synth_insert_users('records', 'metadata', 5000000, seed => 1)",
	},
	{
		name => 'a card_states array of 4,000,000 cards',
		sql  => 'SELECT count(*) FROM synth_generate_transactions(10, seed => 1, cards => 100000000, '
		  . "card_states => (SELECT array_agg(ROW(c, '2025-11-30', '10.1.2.3', 'United States')::synth_card_state) "
		  . 'FROM generate_series(0, 3999999) c))',
	},
);

my $node = PostgreSQL::Test::Cluster->new('limited');
$node->init;
# JIT would map LLVM into the limited address space: these tests are about synthgen's allocations.
$node->append_conf('postgresql.conf', "jit = off\nlog_statement = none\n");
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION synthgen');

# Without the limit, the core's calls succeed: their error below is the limit's doing.
for my $case (grep { $_->{core} } @cases)
{
	like($node->safe_psql('postgres', $case->{sql}), qr/^\d+$/, "$case->{name}: succeeds without the limit");
}

# What a backend maps once synthgen is loaded (shared memory, PostgreSQL, synthgen and the C++ runtime).
my $base_kb = $node->safe_psql('postgres',
	"SELECT synth_random_seed() IS NOT NULL AS loaded \\gset\n"
	  . "SELECT (regexp_match(pg_read_file('/proc/' || pg_backend_pid() || '/status'), 'VmSize:\\s+(\\d+) kB'))[1]");
my $limit_kb = $base_kb + $headroom_kb;
$node->stop;

# PostgreSQL::Test::Cluster starts pg_ctl itself, with no way to set a resource limit: start it from a shell
# that sets one, then let the node object track the postmaster it started.
PostgreSQL::Test::Utils::system_or_bail(
	'bash', '-c',
	'ulimit -v "$1" && exec pg_ctl -w -D "$2" -l "$3" -o "--cluster-name=$4" start',
	'start-limited', $limit_kb, $node->data_dir, $node->logfile, $node->name);
$node->_update_pid(1);
my $checkpointer_sql = "SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'";
my $checkpointer_pid = $node->safe_psql('postgres', $checkpointer_sql);
diag("a backend with synthgen loaded maps $base_kb kB; the server runs under ulimit -v $limit_kb kB");

my $limits = $node->safe_psql('postgres', "SELECT pg_read_file('/proc/' || pg_backend_pid() || '/limits')");
like($limits, qr/^Max address space\s+${\($limit_kb * 1024)}\s/m, 'backends inherit the address-space limit');

for my $case (@cases)
{
	# The same session answers again after the error: its backend survived.
	my ($ret, $stdout, $stderr) = $node->psql(
		'postgres',
		"\\set VERBOSITY verbose\nSET statement_timeout = '60s';\nSELECT 'before', pg_backend_pid();\n"
		  . "$case->{sql};\nSELECT 'after', pg_backend_pid();\n",
		on_error_stop => 0);
	my ($error) = $stderr =~ /ERROR:\s+([0-9A-Z]{5}):/;
	diag("$case->{name}: " . ($error ? "ERROR $error" : 'no error'));
	is($error, '53200', "$case->{name}: ERROR 53200 out of memory") or diag($stderr);
	like($stderr, qr/LOCATION:\s+RaiseError, error_bridge\.cpp/,
		"$case->{name}: raised by the error boundary from the caught exception")
	  if $case->{core};
	my ($pid_before) = $stdout =~ /^before\|(\d+)$/m;
	my ($pid_after)  = $stdout =~ /^after\|(\d+)$/m;
	ok(defined $pid_after && $pid_after eq ($pid_before // ''), "$case->{name}: the backend carries on")
	  or diag("stdout: $stdout\nstderr: $stderr");
}

# Streamed, the generation that overflowed the tuple store holds one batch at a time: it succeeds under the limit.
like(
	$node->safe_psql('postgres',
		"SET work_mem = '2GB'; SELECT count(*) FROM synth_generate_users(2000000, seed => 1)"),
	qr/^\d+$/,
	'streamed synth_generate_users with a huge work_mem: succeeds under the limit');

is($node->safe_psql('postgres', $checkpointer_sql),
	$checkpointer_pid, 'the server was never reinitialised (same checkpointer)');
my $log = slurp_file($node->logfile);
unlike($log, qr/terminated by signal|was terminated by exception|terminating any other active server processes/,
	'no backend died');
my $out_of_memory_errors = () = $log =~ /ERROR:\s+out of memory/g;
cmp_ok($out_of_memory_errors, '>=', scalar @cases, 'the server log shows every out-of-memory error');

$node->stop;
done_testing();
