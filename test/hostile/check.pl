#!/usr/bin/perl
# Reads the output of test/hostile/matrix.sql (psql -e, VERBOSITY sqlstate) and judges every call: it must succeed
# or fail with one of the SQLSTATEs the README's error table documents. Prints a line per function (calls,
# successes, failures by SQLSTATE) and every call with any other outcome, then one summary line; exits 1 if a
# call had an undocumented outcome, if the server went away, or if the matrix did not run to its end.
use strict;
use warnings;

# The README's "Errors" table (57014 included: the matrix runs each call under a 200 ms statement_timeout), and
# for synth_run_statements the errors of the statements it is given (42601 syntax error, 22012 division by zero).
my %documented = map { $_ => 1 } qw(22004 22003 22023 22001 3F000 42P07 42P01 55000 42501 0A000 42809 42804 42703
                                    42704 08001 57014 53200);
my %documented_for = (synth_run_statements => { map { $_ => 1 } qw(42601 22012) });

my (%calls, %ok, %failures, @bad);
my ($current, $function, $statement, $done, $lost);
while (my $line = <>) {
    if ($line =~ m{^/\* call (\d+) (\S+) \*/ (.*)$}) {
        ($current, $function, $statement) = ($1, $2, $3);
        $calls{$function}++;
        $ok{$function}++;   # until an error says otherwise
    } elsif ($line =~ /^(?:psql:\S+ )?ERROR:\s+([0-9A-Z]{5})\s*$/ && defined $current) {
        my $state = $1;
        $ok{$function}--;
        $failures{$function}{$state}++;
        push @bad, "call $current ($function): $state\n  " . (length $statement > 300 ? substr($statement, 0, 300) . " ..." : $statement) unless $documented{$state} || $documented_for{$function}{$state};
        undef $current;
    } elsif ($line =~ /server closed the connection|connection to server was lost|no connection to the server/) {
        $lost = 1;
    } elsif ($line =~ /^matrix done: (\d+) calls over (\d+) functions/) {
        $done = "$1 calls over $2 functions";
    }
}
for my $f (sort keys %calls) {
    my $errors = join ', ', map { "$_ x$failures{$f}{$_}" } sort keys %{ $failures{$f} || {} };
    printf "  %-34s %4d calls, %4d succeeded%s\n", $f, $calls{$f}, $ok{$f}, $errors ? ", errors: $errors" : '';
}
print "undocumented outcome: $_\n" for @bad;
print "the server went away during the matrix\n" if $lost;
print "the matrix did not run to its end\n" unless $done;
my $total = 0;
$total += $_ for values %calls;
printf "hostile-input matrix: %d calls, %d undocumented outcomes%s\n", $total, scalar @bad, $done ? " ($done)" : '';
exit((@bad || $lost || !$done) ? 1 : 0);
