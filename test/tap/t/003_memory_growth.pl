# Memory growth: one session makes 10,000 successful and 10,000 failing calls of synthgen's C entry points (the
# user, card and graph generators, the bulk loaders into temporary tables, and calls that fail: bad arguments
# caught by the shim or by the core, bulk loads that fail part-way through with a generator alive, and cancels
# by statement_timeout). Its backend's resident memory (VmRSS and its private part RssAnon, from
# /proc/<pid>/status) is read after a warm-up of 4,000 such calls, after every 1,000 calls and at the end; from
# the warm-up to the end each may grow by less than 1 MB. Every call must succeed or fail exactly as listed.
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

my $calls_each       = 10_000;
my $warm_up_rounds   = 200;
my $rounds_per_batch = 50;
my $growth_limit_kb  = 1024;

# Successful calls: each prints one line. %1$d is the round, which varies seeds and entity kinds.
my @successes = (
	'SELECT count(*) FROM synth_generate_users(3, seed => %1$d)',
	"SELECT count(*) FROM synth_generate_users(2, legacy => true, patterns => '{ato,bust_out}')",
	'SELECT count(*) FROM synth_generate_%2$s(5, seed => %1$d)',
	'SELECT count(*) FROM synth_generate_transactions(20, seed => %1$d, merchants => 30, banks => 10, '
	  . "accounts => 10, cards => 10, card_states => ARRAY[ROW(%1\$d %% 10, '2025-11-30', '10.1.2.3', "
	  . "'United States')::synth_card_state])",
	'SELECT count(*) FROM synth_generate_fraud(legit_rows => 1000, fraud_rate => 0.01, seed => %1$d)',
	'SELECT count(*) FROM synth_generate_graph_nodes(100, seed => %1$d)',
	'SELECT count(*) FROM synth_generate_graph_edges(100, seed => %1$d)',
	"SELECT synth_insert_users('records', 'metadata', 3, seed => %1\$d)",
	"SELECT synth_insert_transactions('transactions', rows => 20, seed => %1\$d, cards => 10)",
	"SELECT synth_insert_%2\$s('%2\$s', 5, seed => %1\$d)",
);

# Failing calls and the SQLSTATE each must raise; the last one of every tenth round is a cancel in the middle
# of a streamed generation (it waits for statement_timeout), the last one of the other rounds a bulk load into
# two tables that fails on a record id too long for its column.
my @failures = (
	[ 'SELECT count(*) FROM synth_generate_users(NULL, seed => %1$d)', '22004' ],
	[ 'SELECT count(*) FROM synth_generate_users(5, fraud_rate => 2, seed => %1$d)', '22003' ],
	[
		"SELECT count(*) FROM synth_generate_users(5, patterns => '{ato,no_such_pattern}', seed => %1\$d)",
		'22023'
	],
	[
		"SELECT count(*) FROM synth_generate_transactions(10, seed => %1\$d, window_start => '2026-01-01', "
		  . "window_end => '2025-12-01')",
		'22023'
	],
	[
		"SELECT count(*) FROM synth_generate_transactions(10, seed => %1\$d, card_states => "
		  . "ARRAY[ROW(1, '2025-11-30', '10.1.2.3', 'Atlantis')::synth_card_state])",
		'22023'
	],
	[ 'SELECT count(*) FROM synth_generate_graph_edges(100, seed => %1$d, kiting_cycle_length => 2)', '22003' ],
	# Bulk loads that fail on a generated row, with the generator alive: a card number too long for its
	# column, an amount too large for its column, and a second merchant of the same country.
	[ "SELECT synth_insert_transactions('narrow_card_numbers', rows => 50, seed => %1\$d, cards => 10)", '22001' ],
	[ "SELECT synth_insert_transactions('small_amounts', rows => 50, seed => %1\$d, cards => 10)", '22003' ],
	[ "SELECT synth_insert_merchants('one_merchant_per_country', 100, seed => %1\$d)", '23505' ],
);
my $cancel = [
	"SET statement_timeout = '10ms';\n"
	  . "SELECT count(*) FROM synth_generate_users(100000000, seed => %1\$d);\n"
	  . "RESET statement_timeout",
	'57014'
];
my $narrow_record_ids = [ "SELECT synth_insert_users('narrow_record_ids', 'metadata', 3, seed => %1\$d)", '22001' ];

sub failing_calls
{
	my ($round) = @_;
	return (@failures, $round % 10 == 0 ? $cancel : $narrow_record_ids);
}
my @one_round_of_failures = failing_calls(0);
die 'a round needs as many failing calls as successful ones' unless @one_round_of_failures == @successes;
my @entity_kinds = qw(merchants banks accounts cards);

my $node = PostgreSQL::Test::Cluster->new('growth');
$node->init;
$node->append_conf('postgresql.conf', "log_statement = none\njit = off\n");
$node->start;
$node->safe_psql('postgres', 'CREATE EXTENSION synthgen');

# Temporary tables that empty at every commit, so the loads do not grow them. Their local buffer pool takes
# memory as the tables touch new blocks, up to temp_buffers: the smallest pool (800 kB) fills in the warm-up.
my $session = $node->background_psql('postgres', on_error_stop => 0);
$session->set_query_timer_restart;
$session->query_safe(
	q{
\set VERBOSITY sqlstate
SET client_min_messages = warning;
SET temp_buffers = 100;
CREATE TEMP TABLE records (record_id text, user_id text, amount numeric(18,2)) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE metadata (record_id text, sequence_number integer) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE transactions (t_id bigint PRIMARY KEY, cc_num text, amount numeric(12,2), ts timestamptz)
    ON COMMIT DELETE ROWS;
CREATE TEMP TABLE merchants (merchant_id text, country text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE banks (bank_id text, credit_rating integer) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE accounts (account_id text, home_country text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE cards (card_id text, cc_num text, status text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE narrow_record_ids (record_id varchar(3), user_id text) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE narrow_card_numbers (t_id bigint, cc_num varchar(3)) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE small_amounts (t_id bigint, amount numeric(3,2)) ON COMMIT DELETE ROWS;
CREATE TEMP TABLE one_merchant_per_country (merchant_id text, country text UNIQUE) ON COMMIT DELETE ROWS;
});
my $pid = $session->query_safe('SELECT pg_backend_pid()');

sub memory_kb
{
	my $status = slurp_file("/proc/$pid/status");
	my %kb = $status =~ /^(VmRSS|RssAnon|RssFile|RssShmem):\s+(\d+) kB/mg;
	return \%kb;
}

my @samples;

# Runs rounds [$first, $last]: in each, every successful call once and every failing call once.
sub run_rounds
{
	my ($first, $last) = @_;
	my ($successes, $failures) = (0, 0);
	for (my $batch = $first; $batch <= $last; $batch += $rounds_per_batch)
	{
		my $batch_last = $batch + $rounds_per_batch - 1;
		$batch_last = $last if $batch_last > $last;
		my (@sql, @expected_errors);
		for my $round ($batch .. $batch_last)
		{
			my $kind = $entity_kinds[ $round % @entity_kinds ];
			push @sql, sprintf($_, $round, $kind) for @successes;
			for my $failure (failing_calls($round))
			{
				push @sql, sprintf($failure->[0], $round);
				push @expected_errors, $failure->[1];
			}
		}
		my $output = $session->query(join(";\n", @sql));
		my @errors = $session->{stderr} =~ /ERROR:\s+([0-9A-Z]{5})/g;
		my $rounds = $batch_last - $batch + 1;
		my $lines = () = $output =~ /^\d+$/mg;
		is_deeply(\@errors, \@expected_errors, "rounds $batch to $batch_last: each failing call fails as listed")
		  or diag($session->{stderr});
		is($lines, $rounds * @successes, "rounds $batch to $batch_last: each successful call returns its row");
		$session->{stderr} = '';
		$successes += $rounds * @successes;
		$failures += @expected_errors;
		push @samples, memory_kb();
	}
	return ($successes, $failures);
}

run_rounds(1, $warm_up_rounds);
my $before = memory_kb();
@samples = ();

my $rounds = $calls_each / @successes;
my ($successes, $failures) = run_rounds($warm_up_rounds + 1, $warm_up_rounds + $rounds);
my $after = memory_kb();
is($session->query_safe('SELECT pg_backend_pid()'), $pid, 'one backend served every call');
$session->quit;

diag("$successes successful and $failures failing calls in backend $pid (after a warm-up of "
	  . ($warm_up_rounds * (@successes * 2)) . ' calls):');
for my $field (qw(VmRSS RssAnon RssFile RssShmem))
{
	diag(sprintf('  %-8s %6d kB -> %6d kB (%+d kB); every 1,000 calls: %s', $field, $before->{$field},
		$after->{$field}, $after->{$field} - $before->{$field}, join(' ', map { $_->{$field} } @samples)));
}
cmp_ok($successes, '==', $calls_each, "$calls_each successful calls");
cmp_ok($failures,  '==', $calls_each, "$calls_each failing calls");
cmp_ok($after->{RssAnon} - $before->{RssAnon},
	'<', $growth_limit_kb, 'private memory (RssAnon) grew by less than 1 MB');
cmp_ok($after->{VmRSS} - $before->{VmRSS}, '<', $growth_limit_kb, 'resident memory (VmRSS) grew by less than 1 MB');

unlike(slurp_file($node->logfile), qr/terminated by signal|was terminated by exception/, 'no backend died');

$node->stop;
done_testing();
