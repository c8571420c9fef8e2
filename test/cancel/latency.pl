#!/usr/bin/perl
# Cancel latency of every long synthgen entry point: each call is cancelled N times by statement_timeout and N
# times by pg_cancel_backend() from another session, after seeded random delays spread over the call's run time;
# latency is the time from the cancel to the client receiving the error 57014. Prints p50, p99 (nearest rank:
# the maximum while N < 100) and max per entry point and way, and exits 1 if any p99 exceeds the bar or any call
# misbehaves (another error, no answer, fewer than N cancelled calls).
#
# The client is psql driven through pipes and timed here with Time::HiRes:
# - a fresh victim psql per call reports its backend's pid, runs `BEGIN;` (plus the entry point's untimed
#   preparation) and `SET LOCAL statement_timeout`, then gets `<call>; ROLLBACK; \warn DONE`. The rollback
#   leaves nothing behind when a call ends before its cancel. The error line on its stderr (unbuffered) is "the
#   client receives the error"; DONE is "the session is ready again" (after the rollback), reported as well;
# - statement_timeout = D ms: latency = error - call sent - D (the server starts the timer when the call
#   arrives, after it was sent, so this slightly overstates the latency);
# - pg_cancel_backend(pid): one canceller psql for the whole run; latency = error - the moment the canceller
#   was told to cancel (its own round trip is counted in).
# Before its cancels every entry point runs once uncancelled to measure its run time T. The first cancel of each
# way lands 100 ms into the call (or at T/2 if sooner), where a costly query's start runs without interrupt
# checks (PostgreSQL's JIT compiles it there); each later delay is T times a fraction drawn from a generator
# seeded with (--seed, entry point name), so a rerun draws the same fractions. A call that ends before its cancel
# lands is not a sample: another delay is drawn (from that call's run time from then on), up to 2N extra calls.
#
# Usage: latency.pl --host DIR --port PORT --dbname DB [--size quick|deep|full] [--iterations N] [--seed S]
#                   [--bar-ms 300] [--only REGEX] [--samples FILE] [--distributed] [--skip-setup]
#                   [--statement NAME=SQL ...]
# The database needs synthgen (and, for --distributed, dblink, postgres_fdw and the foreign servers
# cancel_worker_1 and cancel_worker_2 with user mappings: latency.sh makes them); the set-up below creates the
# tables and worlds of the chosen size (--skip-setup: they exist already). --samples writes every call to a TSV.
# --statement measures the given statements instead of the entry points (e.g. a load into tables that already
# hold 10 million rows).
use strict;
use warnings;
use Getopt::Long;
use IO::Handle;
use IO::Select;
use IPC::Open3;
use POSIX qw(ceil floor WNOHANG);
use Symbol qw(gensym);
use Time::HiRes qw(time sleep);

my %option = (size => 'deep', iterations => 20, seed => 20261121, 'bar-ms' => 300, only => '.');
GetOptions(\%option, 'host=s', 'port=i', 'dbname=s', 'size=s', 'iterations=i', 'seed=i', 'bar-ms=f', 'only=s',
           'samples=s', 'distributed', 'skip-setup', 'statement=s@') or die "usage: see the header of $0\n";
defined $option{$_} or die "latency.pl: --$_ is required\n" for qw(host port dbname);
my %size_index = (quick => 0, deep => 1, full => 2);
exists $size_index{$option{size}} or die "latency.pl: --size must be quick, deep or full\n";
my $size = $size_index{$option{size}};

# Every long entry point: its SQL with SIZE standing for its size argument, and that argument at the quick, deep
# and full sizes (full: about 10 million rows a call: users and graph users are sized by the rows they make,
# merchants stop at their maximum of 1,000,000); `before` runs in the call's transaction ahead of it, untimed.
# The fillers that read a world read the one set up below.
my @entry_points = (
    { name => 'synth_generate_users', sql => 'SELECT count(*) FROM synth_generate_users(SIZE, seed => 1)',
      sizes => [10000, 100000, 1040000], unit => 'users' },
    { name => 'synth_generate_transactions', sql => 'SELECT count(*) FROM synth_generate_transactions(SIZE, seed => 1)',
      sizes => [100000, 1500000, 10000000], unit => 'rows' },
    { name => 'synth_generate_fraud', sql => 'SELECT count(*) FROM synth_generate_fraud(SIZE, fraud_rate => 1, seed => 1)',
      sizes => [100000, 1000000, 10000000], unit => 'rows' },
    { name => 'synth_generate_merchants', sql => 'SELECT count(*) FROM synth_generate_merchants(SIZE, seed => 1)',
      sizes => [100000, 1000000, 1000000], unit => 'rows' },
    { name => 'synth_generate_banks', sql => 'SELECT count(*) FROM synth_generate_banks(SIZE, seed => 1)',
      sizes => [100000, 1500000, 10000000], unit => 'rows' },
    { name => 'synth_generate_accounts', sql => 'SELECT count(*) FROM synth_generate_accounts(SIZE, seed => 1)',
      sizes => [100000, 1000000, 10000000], unit => 'rows' },
    { name => 'synth_generate_cards', sql => 'SELECT count(*) FROM synth_generate_cards(SIZE, seed => 1)',
      sizes => [100000, 1000000, 10000000], unit => 'rows' },
    { name => 'synth_generate_graph_nodes', sql => 'SELECT count(*) FROM synth_generate_graph_nodes(SIZE, seed => 1)',
      sizes => [20000, 170000, 1670000], unit => 'users' },
    { name => 'synth_generate_graph_edges', sql => 'SELECT count(*) FROM synth_generate_graph_edges(SIZE, seed => 1)',
      sizes => [20000, 200000, 2000000], unit => 'users' },
    { name => 'synth_insert_users',
      sql => "SELECT synth_insert_users('load.generated_records', 'load.evaluation_metadata', SIZE, seed => 1)",
      sizes => [1000, 7000, 1040000], unit => 'users' },
    { name => 'synth_insert_transactions', sql => "SELECT synth_insert_transactions('load.transactions', SIZE, seed => 1)",
      sizes => [50000, 400000, 10000000], unit => 'rows' },
    { name => 'synth_insert_merchants', sql => "SELECT synth_insert_merchants('load.merchants', SIZE, seed => 1)",
      sizes => [20000, 500000, 1000000], unit => 'rows' },
    { name => 'synth_insert_banks', sql => "SELECT synth_insert_banks('load.banks', SIZE, seed => 1)",
      sizes => [20000, 600000, 10000000], unit => 'rows' },
    { name => 'synth_insert_accounts', sql => "SELECT synth_insert_accounts('load.accounts', SIZE, seed => 1)",
      sizes => [20000, 400000, 10000000], unit => 'rows' },
    { name => 'synth_insert_cards', sql => "SELECT synth_insert_cards('load.cards', SIZE, seed => 1)",
      sizes => [20000, 250000, 10000000], unit => 'rows' },
    { name => 'synth_seed',
      sql => "SELECT count(*) FROM synth_seed(users => SIZE, seed => 1, drop_tables => true, target_schema => 'seeded')",
      sizes => [1000, 12000, 1040000], unit => 'users' },
    { name => 'synth_card_backfill',
      sql => "SELECT count(*) FROM synth_card_backfill(transactions => SIZE, seed => 1, drop_tables => true, target_schema => 'card_filled')",
      sizes => [50000, 500000, 10000000], unit => 'rows' },
    { name => 'synth_card_incremental',
      sql => "SELECT count(*) FROM synth_card_incremental('2026-01-31', transactions => SIZE, target_schema => 'card_world')",
      sizes => [20000, 100000, 10000000], unit => 'rows' },
    { name => 'synth_seed_graph',
      sql => "SELECT count(*) FROM synth_seed_graph(users => SIZE, seed => 1, drop_tables => true, target_schema => 'graph')",
      sizes => [2000, 40000, 1670000], unit => 'users' },
    { name => 'synth_materialize_features', sql => "SELECT count(*) FROM synth_materialize_features('world')",
      before => 'TRUNCATE world.feature_snapshots', unit => 'world' },
    { name => 'synth_training_split', sql => "SELECT count(*) FROM synth_training_split('2025-12-01', 'world')",
      unit => 'world' },
    { name => 'synth_report', sql => "SELECT count(*) FROM synth_report('world')", unit => 'world' },
    { name => 'synth_stats', sql => "SELECT count(*) FROM synth_stats('world')", unit => 'world' },
    { name => 'synth_seed_distributed',
      sql => "SELECT count(*) FROM synth_seed_distributed(ARRAY['cancel_worker_1', 'cancel_worker_2'], users => SIZE, seed => 1, drop_tables => true, target_schema => 'dist')",
      sizes => [1000, 16000, 1040000], unit => 'users', distributed => 1 },
);

# --statement NAME=SQL (repeatable) measures these statements instead, the same way.
if ($option{statement}) {
    @entry_points = map {
        /^([^=]+)=(.+)$/s or die "latency.pl: --statement wants NAME=SQL\n";
        { name => $1, sql => $2, unit => 'given' }
    } @{$option{statement}};
}

# What the entry points read or fill, at each size: the loaders' empty tables (the card world's columns, keys
# and indexes, without foreign keys, which the bulk path refuses), the schemas the fillers recreate, a card world
# to continue, and a user world with its features (WORLD users; synth_materialize_features empties its
# feature_snapshots within the cancelled call's transaction).
my @world_users = (1000, 4000, 1040000);
my @card_world_rows = (20000, 200000, 10000000);
my $setup = <<'SQL';
CREATE SCHEMA load;
SELECT count(*) FROM synth_init('load');
CREATE SCHEMA card_template;
SELECT count(*) FROM synth_card_init('card_template');
CREATE TABLE load.merchants (LIKE card_template.merchant_details INCLUDING ALL);
CREATE TABLE load.banks (LIKE card_template.bank_details INCLUDING ALL);
CREATE TABLE load.accounts (LIKE card_template.account_details INCLUDING ALL);
CREATE TABLE load.cards (LIKE card_template.card_details INCLUDING ALL);
CREATE TABLE load.transactions (LIKE card_template.credit_card_transactions INCLUDING ALL);
CREATE SCHEMA seeded;
CREATE SCHEMA card_filled;
CREATE SCHEMA graph;
CREATE SCHEMA dist;
CREATE SCHEMA card_world;
SELECT count(*) FROM synth_card_backfill(transactions => CARD_WORLD_ROWS, seed => 1, target_schema => 'card_world');
CREATE SCHEMA world;
SELECT count(*) FROM synth_seed(users => WORLD_USERS, seed => 1, target_schema => 'world');
SELECT count(*) FROM synth_materialize_features('world');
VACUUM ANALYZE;
SQL

my @psql = ('psql', '-X', '-q', '-At', '-h', $option{host}, '-p', $option{port}, '-U', 'postgres', '-d', $option{dbname});
$ENV{PGAPPNAME} = 'synthgen-cancel-latency';

# --- psql sessions driven through pipes -------------------------------------------------------------------------

sub start_session {
    my ($in, $out, $err) = (gensym, gensym, gensym);
    my $pid = open3($in, $out, $err, @psql, "-f", "-");
    $in->autoflush(1);
    my $session = { pid => $pid, in => $in, out => $out, err => $err, stderr => '', lines => 0,
                    select => IO::Select->new($out, $err) };
    say_to($session, "\\set VERBOSITY verbose\nSELECT pg_backend_pid() AS backend \\gset\n\\warn PID :backend\n");
    wait_for($session, qr/^PID (\d+)$/m, 30) or die "latency.pl: psql did not connect:\n$session->{stderr}\n";
    ($session->{backend}) = $session->{stderr} =~ /^PID (\d+)$/m;
    $session->{stderr} = '';
    return $session;
}

# Sends text to the session, counting its lines (psql names the input line of each error).
sub say_to {
    my ($session, $text) = @_;
    print { $session->{in} } $text;
    $session->{lines} += ($text =~ tr/\n//);
}

# Reads what the session writes until `pattern` shows on its stderr; false if `seconds` pass first.
sub wait_for {
    my ($session, $pattern, $seconds) = @_;
    my $deadline = time + $seconds;
    while ($session->{stderr} !~ $pattern) {
        my $left = $deadline - time;
        return 0 if $left <= 0;
        pump($session, $left);
    }
    return 1;
}

# Waits at most `seconds` for output and reads what is there; stdout is read and dropped.
sub pump {
    my ($session, $seconds) = @_;
    if ($session->{select}->count == 0) { sleep($seconds); return; }
    for my $handle ($session->{select}->can_read($seconds)) {
        my $bytes = sysread($handle, my $chunk, 65536);
        if (!$bytes) { $session->{select}->remove($handle); next; }
        $session->{stderr} .= $chunk if $handle == $session->{err};
    }
}

sub end_session {
    my ($session) = @_;
    close $session->{in};
    my $deadline = time + 30;
    while (waitpid($session->{pid}, WNOHANG) == 0) {
        if (time > $deadline) { kill 'KILL', $session->{pid}; waitpid($session->{pid}, 0); last; }
        pump($session, 0.05);
    }
}

# --- one call ---------------------------------------------------------------------------------------------------

my $canceller;

# Reads the canceller's answer to its last pg_cancel_backend().
sub canceller_answer {
    wait_for($canceller, qr/^SENT \S+$/m, 30) or die "latency.pl: the canceller did not answer\n";
    $canceller->{stderr} = '';
}

# Runs one call in a fresh session, in a transaction that is rolled back. way: 'none' (just timed), 'timeout' or
# 'cancel' after `delay` seconds. Returns: outcome (finished, cancelled or failed), latency and ready (seconds
# from the cancel to the error and to DONE), elapsed (seconds from sending the call to DONE), message.
sub run_call {
    my ($entry, $sql, $way, $delay, $limit) = @_;
    my $victim = start_session();
    my $timeout_ms = $way eq 'timeout' ? max(1, floor($delay * 1000)) : 0;
    my $before = defined $entry->{before} ? "$entry->{before};\n" : '';
    say_to($victim, "BEGIN;\n${before}SET LOCAL statement_timeout = $timeout_ms;\n\\warn READY\n");
    wait_for($victim, qr/^READY$/m, 600) or die "latency.pl: $entry->{name}: the call's set-up failed:\n$victim->{stderr}\n";
    die "latency.pl: $entry->{name}: the call's set-up failed:\n$victim->{stderr}\n" if $victim->{stderr} =~ /ERROR:/;
    $victim->{stderr} = '';

    my $call_line = $victim->{lines} + 1;
    my $sent = time;
    say_to($victim, "$sql;\nROLLBACK;\n\\warn DONE\n");
    my ($cancel_at, $error_at);
    if ($way eq 'cancel') {
        my $due = $sent + $delay;
        pump($victim, $due - time) while time < $due && $victim->{stderr} !~ /ERROR:|^DONE$/m;
        if ($victim->{stderr} !~ /ERROR:|^DONE$/m) {
            $cancel_at = time;
            say_to($canceller, "SELECT pg_cancel_backend($victim->{backend}) AS sent \\gset\n\\warn SENT :sent\n");
        }
    } elsif ($way eq 'timeout') {
        $cancel_at = $sent + $timeout_ms / 1000;
    }
    # The error line first (its arrival is the latency), then DONE.
    while ($victim->{stderr} !~ /^DONE$/m) {
        my $left = $sent + $limit - time;
        if ($left <= 0) {
            kill 'KILL', $victim->{pid};
            waitpid($victim->{pid}, 0);
            canceller_answer() if defined $cancel_at && $way eq 'cancel';
            return { outcome => 'failed', message => "no answer within $limit s" };
        }
        pump($victim, $left);
        $error_at //= time if $victim->{stderr} =~ /ERROR:/;
    }
    my $done_at = time;
    end_session($victim);
    canceller_answer() if defined $cancel_at && $way eq 'cancel';

    my %result = (outcome => 'finished', elapsed => $done_at - $sent);
    if ($victim->{stderr} =~ /^psql:<stdin>:(\d+): ERROR:\s+([0-9A-Z]{5}): ([^\n]*)/m) {
        my ($line, $state, $message) = ($1, $2, $3);
        my $expected = $way eq 'timeout' ? 'canceling statement due to statement timeout'
                                         : 'canceling statement due to user request';
        if ($way ne 'none' && $line == $call_line && $state eq '57014' && $message eq $expected) {
            @result{qw(outcome latency ready)} = ('cancelled', $error_at - $cancel_at, $done_at - $cancel_at);
        } elsif ($way ne 'none' && $line > $call_line && $state eq '57014' && $message eq $expected) {
            # The call had ended; the cancel (or an expiry racing the call's end) hit the ROLLBACK after it.
            $result{outcome} = 'finished';
        } else {
            @result{qw(outcome message)} = ('failed', "line $line: $state: $message");
        }
    }
    return \%result;
}

# --- the measurement --------------------------------------------------------------------------------------------

sub max { $_[0] > $_[1] ? $_[0] : $_[1] }
sub min { $_[0] < $_[1] ? $_[0] : $_[1] }

# Nearest-rank percentile of a sorted list.
sub percentile {
    my ($p, @sorted) = @_;
    return $sorted[ceil($p / 100 * @sorted) - 1];
}

sub milliseconds { sprintf '%.1f', 1000 * shift }

# A seed per entry point from --seed and its name, so that --only draws the same delays.
sub entry_seed {
    my ($name) = @_;
    my $hash = $option{seed} % 2147483647;
    $hash = ($hash * 31 + ord $_) % 2147483647 for split //, $name;
    return $hash;
}

sub run_setup {
    (my $sql = $setup) =~ s/WORLD_USERS/$world_users[$size]/;
    $sql =~ s/CARD_WORLD_ROWS/$card_world_rows[$size]/;
    my $started = time;
    open my $pipe, '|-', @psql, '-v', 'ON_ERROR_STOP=1', '-o', '/dev/null' or die "latency.pl: psql: $!\n";
    print $pipe $sql;
    close $pipe or die "latency.pl: the set-up failed\n";
    printf "set-up (%s sizes: a world of %d users, a card world of %d transactions): %.0f s\n", $option{size},
        $world_users[$size], $card_world_rows[$size], time - $started;
}

my $samples;
if (defined $option{samples}) {
    open $samples, '>', $option{samples} or die "latency.pl: $option{samples}: $!\n";
    print $samples join("\t", qw(entry_point way delay_ms outcome latency_ms ready_ms)), "\n";
}

# The machine's 1-minute load average: latency is wall time, and other work on the machine shows in it.
sub load_average {
    open my $file, '<', '/proc/loadavg' or return '?';
    return (split ' ', scalar <$file>)[0];
}

my $started = time;
my $load_at_start = load_average();
run_setup() unless $option{'skip-setup'};
$canceller = start_session();
my @rows;
my $failures = 0;
for my $entry (@entry_points) {
    next unless $entry->{name} =~ /$option{only}/;
    next if $entry->{distributed} && !$option{distributed};
    my $sql = $entry->{sql};
    my $size_text = $entry->{unit} eq 'world' ? "$world_users[$size] users" : 'as given';
    if ($entry->{sizes}) {
        $sql =~ s/SIZE/$entry->{sizes}[$size]/;
        $size_text = "$entry->{sizes}[$size] $entry->{unit}";
    }

    my $calibration = run_call($entry, $sql, 'none', 0, 7200);
    if ($calibration->{outcome} ne 'finished') {
        print "$entry->{name}: the uncancelled call failed: $calibration->{message}\n";
        $failures++;
        next;
    }
    my $run_time = $calibration->{elapsed};
    srand(entry_seed($entry->{name}));
    for my $way ('timeout', 'cancel') {
        my (@latencies, @ready, @failed);
        my ($ended_first, $attempts) = (0, 0);
        while (@latencies < $option{iterations} && $attempts < 3 * $option{iterations}) {
            $attempts++;
            my $delay = $attempts == 1 ? min(0.1, $run_time / 2) : rand() * $run_time;
            my $result = run_call($entry, $sql, $way, $delay, 10 * $run_time + 60);
            printf $samples "%s\t%s\t%s\t%s\t%s\t%s\n", $entry->{name}, $way, milliseconds($delay), $result->{outcome},
                map { defined $_ ? milliseconds($_) : '' } @$result{qw(latency ready)} if $samples;
            if ($result->{outcome} eq 'cancelled') {
                push @latencies, $result->{latency};
                push @ready, $result->{ready};
            } elsif ($result->{outcome} eq 'finished') {
                # The call ran faster than measured: draw later delays from its latest run time.
                $ended_first++;
                $run_time = $result->{elapsed};
            } else {
                push @failed, $result->{message};
                print "$entry->{name} ($way after ", milliseconds($delay), " ms): $result->{message}\n";
            }
        }
        my @sorted = sort { $a <=> $b } @latencies;
        my @ready_sorted = sort { $a <=> $b } @ready;
        my $p99 = @sorted ? percentile(99, @sorted) : undef;
        my $verdict = @sorted < $option{iterations} || @failed ? 'INCOMPLETE'
                    : $p99 * 1000 > $option{'bar-ms'} ? 'OVER' : 'ok';
        $failures++ if $verdict ne 'ok';
        push @rows, [$entry->{name}, $size_text, sprintf('%.2f', $run_time), $way, scalar @sorted,
                     (@sorted ? (map { milliseconds($_) } percentile(50, @sorted), $p99, $sorted[-1], $ready_sorted[-1])
                              : ('-') x 4),
                     $ended_first, $verdict];
        printf "%-27s %-16s T %6s s  %-7s n %2d  p50 %6s  p99 %6s  max %6s ms  ready max %6s ms  ended first %d  %s\n",
            @{$rows[-1]};
    }
}
end_session($canceller);
close $samples if $samples;

printf "\ncancel latency, %s sizes, %d cancels per way, bar p99 <= %s ms; %.0f s in all; load average %s at the start, %s at the end\n",
    $option{size}, $option{iterations}, $option{'bar-ms'}, time - $started, $load_at_start, load_average();
printf "| %s |\n", join ' | ', 'entry point', 'size', 'run time s', 'way', 'n', 'p50 ms', 'p99 ms', 'max ms',
    'ready max ms', 'ended first', 'verdict';
printf "| %s |\n", join ' | ', @$_ for @rows;
print $failures ? "cancel latency: $failures failure(s)\n" : "cancel latency: every p99 within $option{'bar-ms'} ms\n";
exit($failures ? 1 : 0);
