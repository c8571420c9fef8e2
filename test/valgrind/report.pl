#!/usr/bin/env perl
# Reads Valgrind memcheck logs (one per process, written with --error-markers=VALGRINDERROR-BEGIN,VALGRINDERROR-END
# and, optionally, -s) and reports the errors: each one with a synthgen frame in full, the others by kind and first
# named frames, then how often each suppression matched and the totals. An error has a synthgen frame when any of
# its stacks (where it happened, where the memory was allocated or freed, where an uninitialised value came from)
# passes through synthgen.so, a synthgen:: function, a synthgen_ entry point, or a source file of src/core or
# src/pg. Exits 1 if any error has one.
#   report.pl LOG...
use strict;
use warnings;

my $synthgen_frame = qr{
    \b(?:at|by)\s0x[0-9A-Fa-f]+:\s.*(?:
        synthgen\.so                                  # a frame of the shared library without line information
      | \bsynthgen::                                  # a function of the core or the shim
      | \bsynthgen_\w+                                # an SQL entry point
      | /src/(?:core|pg)/[\w.-]+\.[ch]pp:\d+          # a line of the core or the shim (--fullpath-after=)
    )
}x;

my ($processes, $errors, $contexts, $suppressed, $suppressed_contexts) = (0, 0, 0, 0, 0);
my @synthgen_errors;
my %other_errors;
my %suppression_uses;
my @without_summary;

sub first_named_frames {
  my ($block) = @_;
  my @frames;
  for my $line (split /\n/, $block) {
    last if @frames == 4;
    next unless $line =~ /\b(?:at|by) 0x[0-9A-Fa-f]+: (\S+)/;
    push @frames, $1 unless $1 eq '???';
  }
  return join ' < ', @frames;
}

for my $log (@ARGV) {
  open my $in, '<', $log or die "report.pl: cannot read $log: $!\n";
  $processes++;
  my ($block, $has_summary, $printed) = (undef, 0, 0);
  while (my $line = <$in>) {
    if ($line =~ /used_suppression:\s+([\d,]+) (\S+)/) {
      $suppression_uses{$2} += $1 =~ tr/,//dr;
    } elsif ($has_summary) {
      # -s lists the errors again after the first summary, and repeats the summary.
      next;
    } elsif ($line =~ /VALGRINDERROR-BEGIN/) {
      $block = '';
    } elsif ($line =~ /VALGRINDERROR-END/) {
      $printed++;
      if ($block =~ $synthgen_frame) {
        push @synthgen_errors, "$log:\n$block";
      } else {
        my ($kind) = $block =~ /^==\d+==\s+(\S.*)$/m;
        $other_errors{"$kind :: " . first_named_frames($block)}++;
      }
      undef $block;
    } elsif (defined $block) {
      $block .= $line;
    } elsif ($line =~ /ERROR\sSUMMARY:\s([\d,]+)\serrors?\sfrom\s([\d,]+)\scontexts?
                       \s\(suppressed:\s([\d,]+)\sfrom\s([\d,]+)\)/x) {
      my @counts = map { tr/,//dr } ($1, $2, $3, $4);
      $errors += $counts[0];
      $contexts += $counts[1];
      $suppressed += $counts[2];
      $suppressed_contexts += $counts[3];
      $has_summary = 1;
    }
  }
  close $in;
  # A process that did not exit (killed, or still running) wrote no summary: count what it printed.
  unless ($has_summary) {
    push @without_summary, $log;
    $errors += $printed;
    $contexts += $printed;
  }
}

for my $error (@synthgen_errors) {
  print "error with a synthgen frame in $error\n";
}
for my $kind (sort keys %other_errors) {
  print "error without a synthgen frame ($other_errors{$kind} context(s)): $kind\n";
}
print "no error summary (process did not exit): $_\n" for @without_summary;
for my $name (sort keys %suppression_uses) {
  print "suppressed by $name: $suppression_uses{$name} error(s)\n";
}
printf "valgrind: %d processes, %d errors from %d contexts (suppressed: %d from %d); "
  . "contexts with a synthgen frame: %d\n",
  $processes, $errors, $contexts, $suppressed, $suppressed_contexts, scalar @synthgen_errors;
exit(@synthgen_errors ? 1 : 0);
