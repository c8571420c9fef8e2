#!/usr/bin/perl
# Reads what test/sqlsmith/run.sh collected in its folder and prints the run's figures: per sqlsmith run the
# queries, how many name a synthgen function, probe or view, and the lost connections; synthgen's calls that
# returned (pg_stat_user_functions); the errors of the server log by SQLSTATE class, and those raised while
# synthgen ran. Exits 1 on a lost connection, a backend terminated by a signal, a PANIC, or an internal error
# (XX000) raised inside synthgen.
#   report.pl FOLDER NAME SEED [NAME SEED ...]
use strict;
use warnings;

my ($folder, @runs) = @ARGV;
die "usage: report.pl FOLDER NAME SEED [NAME SEED ...]\n" unless defined $folder && @runs && @runs % 2 == 0;
my $failed = 0;

sub read_file {
    my ($path) = @_;
    open my $handle, '<', $path or die "cannot read $path: $!\n";
    local $/;
    my $text = <$handle>;
    close $handle;
    return $text // "";
}

my %class_names = (
    '0A' => 'feature not supported', '21' => 'cardinality violation', '22' => 'data exception',
    '23' => 'integrity constraint violation', '25' => 'invalid transaction state', '2B' => 'dependent objects',
    '2F' => 'SQL routine exception', '3F' => 'invalid schema name', '40' => 'transaction rollback',
    '42' => 'syntax error or access rule violation', '53' => 'insufficient resources', '54' => 'program limit exceeded',
    '55' => 'object not in prerequisite state', '57' => 'operator intervention (timeout, cancel)',
    '58' => 'system error', 'P0' => 'PL/pgSQL error', 'XX' => 'internal error',
);

# 1. Each sqlsmith run: its queries (--dump-all-queries ends each with ";" at the end of a line) and its progress
# line of one character per query ("." ok, "e" error, "C" connection lost). A query that names synthgen need not
# run it: the planner prunes the many branches whose predicates compare with NULL constants. What ran shows in 2.
my $total_queries = 0;
my $total_calling = 0;
while (my ($name, $seed) = splice @runs, 0, 2) {
    my @queries = split /;\n/, read_file("$folder/$name.sql");
    my %calls = (direct => 0, probe => 0, view => 0);
    my $calling = 0;
    for my $query (@queries) {
        my $direct = $query =~ /\bpublic\.synth_\w+\s*\(/;
        my $probe = $query =~ /\bprobe\.synth_\w+\s*\(/;
        my $view = $query =~ /\bgenerated\.\w+/;
        $calls{direct}++ if $direct;
        $calls{probe}++ if $probe;
        $calls{view}++ if $view;
        $calling++ if $direct || $probe || $view;
    }
    my $progress = join '', grep { /^[.eCSt]+$/ } split /\n/, read_file("$folder/$name.err");
    my $lost = () = $progress =~ /C/g;
    my $ok = () = $progress =~ /\./g;
    my $count = scalar @queries;
    printf "%-8s seed %s: %d queries, %d without error; %d (%.1f%%) name synthgen: %d call its functions, %d its "
        . "probes, %d read its generated.* views; lost connections: %d\n",
        $name, $seed, $count, $ok, $calling, $count ? 100 * $calling / $count : 0, $calls{direct}, $calls{probe},
        $calls{view}, $lost;
    $failed = 1 if $lost;
    $total_queries += $count;
    $total_calling += $calling;
}
printf "all runs: %d queries, %d (%.1f%%) name synthgen\n", $total_queries, $total_calling,
    $total_queries ? 100 * $total_calling / $total_queries : 0;

# 2. synthgen's calls that returned, by function (a call that raised an error is counted in 3 instead).
my %returned;
my $returned_total = 0;
for my $line (split /\n/, read_file("$folder/function_calls.tsv")) {
    my ($schema, $function, $calls) = split /\t/, $line;
    next unless $calls;
    $returned{"$schema.$function"} = $calls;
    $returned_total += $calls;
}
printf "synthgen calls that returned: %d, by %d functions and probes\n  %s\n", $returned_total, scalar keys %returned,
    join(', ', map { "$_ $returned{$_}" } sort { $returned{$b} <=> $returned{$a} || $a cmp $b } keys %returned);

# 3. The server log of the runs: errors (with SQLSTATE and LOCATION, log_error_verbosity = verbose, set for the
# role) and the lines that follow them. Continuation lines start with a tab.
my (@errors, @crashes);
my ($current, $field);
my ($fatal, $panic) = (0, 0);
for my $line (split /\n/, read_file("$folder/server.log")) {
    if ($line =~ /^\t/) {
        $current->{$field} .= "\n$line" if $current && $field;
        next;
    }
    my ($level, $text) =
        $line =~ /(?:^|\s)(ERROR|FATAL|PANIC|LOG|WARNING|NOTICE|DETAIL|HINT|CONTEXT|LOCATION|STATEMENT|QUERY):  (.*)$/;
    next unless $level;
    $fatal++ if $level eq 'FATAL';
    $panic++ if $level eq 'PANIC';
    if ($level eq 'LOG' && $text =~ /terminated by signal|terminated by exception/) {
        # The postmaster names the dead backend and, in the DETAIL line that follows, the statement it ran.
        $current = { message => $text };
        push @crashes, $current;
        $field = 'message';
    } elsif ($level eq 'ERROR' && $text =~ /^([0-9A-Z]{5}): (.*)$/) {
        $current = { code => $1, message => $2 };
        push @errors, $current;
        $field = 'message';
    } elsif ($current && $level =~ /^(?:DETAIL|HINT|CONTEXT|LOCATION|STATEMENT|QUERY)$/) {
        $field = lc $level;
        $current->{$field} = $text;
    } else {
        ($current, $field) = (undef, undef);
    }
}

my (%by_class, %by_code, %synthgen_by_code, %synthgen_messages, %internal);
for my $error (@errors) {
    my $code = $error->{code};
    $by_class{substr $code, 0, 2}++;
    $by_code{$code}++;
    # Raised inside synthgen: by its C++ shim (source files *.cpp) or while one of its SQL or PL/pgSQL functions,
    # or a probe, was running.
    my $inside = ($error->{location} // '') =~ /\.cpp:\d+/ || ($error->{context} // '') =~ /\bsynth_\w+/;
    if ($code eq 'XX000') {
        my $where = $inside ? 'INSIDE SYNTHGEN' : 'in PostgreSQL';
        $internal{"$where: $error->{message} (" . ($error->{location} // 'no location') . ')'}++;
        $failed = 1 if $inside;
    }
    next unless $inside;
    $synthgen_by_code{$code}++;
    (my $message = $error->{message}) =~ s/\d+/N/g;
    $synthgen_messages{"$code $message"}++;
}
printf "errors in the server log: %d, by SQLSTATE class: %s\n", scalar @errors,
    join(', ', map { sprintf '%s %s %d', $_, $class_names{$_} // '', $by_class{$_} }
               sort { $by_class{$b} <=> $by_class{$a} || $a cmp $b } keys %by_class);
my @top_codes = grep { defined } (sort { $by_code{$b} <=> $by_code{$a} || $a cmp $b } keys %by_code)[0 .. 11];
printf "  most frequent SQLSTATEs: %s\n", join(', ', map { "$_ $by_code{$_}" } @top_codes);
my $synthgen_total = 0;
$synthgen_total += $_ for values %synthgen_by_code;
printf "errors raised inside synthgen: %d, by SQLSTATE: %s\n", $synthgen_total,
    join(', ', map { "$_ $synthgen_by_code{$_}" }
               sort { $synthgen_by_code{$b} <=> $synthgen_by_code{$a} || $a cmp $b } keys %synthgen_by_code);
my @messages = sort { $synthgen_messages{$b} <=> $synthgen_messages{$a} || $a cmp $b } keys %synthgen_messages;
printf "  %5d  %s\n", $synthgen_messages{$_}, substr($_, 0, 150) for grep { defined } @messages[0 .. 9];
printf "  and %d more kinds of message\n", @messages - 10 if @messages > 10;
printf "internal errors (XX000) %s, %d time(s)\n", $_, $internal{$_} for sort keys %internal;

printf "FATAL: %d, PANIC: %d, backends terminated by a signal: %d\n", $fatal, $panic, scalar @crashes;
$failed = 1 if $panic || @crashes;
for my $crash (@crashes) {
    my @statement = split /\n/, $crash->{detail} // 'no statement logged';
    printf "CRASH: %s\n  %s\n", $crash->{message}, join("\n  ", grep { defined } @statement[0 .. 7]);
}
exit $failed;
