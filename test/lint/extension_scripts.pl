#!/usr/bin/perl
# Checks the extension's install and upgrade scripts against PostgreSQL's "Security Considerations for Extension
# Scripts": every object of ours is created @extschema@-qualified and referred to that way from code; every SQL or
# PL/pgSQL function pins search_path; nothing is SECURITY DEFINER; nothing is created IF NOT EXISTS; CREATE OR
# REPLACE only replaces a function an earlier script of ours created. Prints each violation as FILE:LINE: WHAT and
# exits 1 if there is any. Usage: extension_scripts.pl synthgen--0.1.sql synthgen--0.1--0.2.sql ... (in order).
use strict;
use warnings;

my $violations = 0;
my %created;    # functions created by the scripts read so far

sub report {
    my ($file, $line, $what) = @_;
    print "$file:$line: $what\n";
    $violations++;
}

for my $file (@ARGV) {
    open my $in, '<', $file or die "$file: $!";
    my @lines = <$in>;
    close $in;
    my $upgrade = $file =~ /--[^-]+--[^-]+\.sql$/;
    my $text = join '', @lines;

    # Function definitions: from CREATE [OR REPLACE] FUNCTION to the end of their body.
    while ($text =~ /^CREATE( OR REPLACE)? FUNCTION\s+(\S+?)\(/mg) {
        my ($replace, $name) = ($1, $2);
        my $line = 1 + (substr($text, 0, $-[0]) =~ tr/\n//);
        my $start = $-[0];
        my $header = substr($text, $start) =~ /^(.*?)\bAS\s+(?:\$[A-Za-z_]*\$|')/s ? $1 : '';
        report($file, $line, "$name is not created as \@extschema\@.name") unless $name =~ /^\@extschema\@\./;
        (my $bare = $name) =~ s/^\@extschema\@\.//;
        if ($replace) {
            report($file, $line, "CREATE OR REPLACE in the install script ($bare)") unless $upgrade;
            report($file, $line, "CREATE OR REPLACE of $bare, which no earlier script created") unless $created{$bare};
        }
        $created{$bare} = 1;
        if ($header =~ /LANGUAGE (plpgsql|sql)\b/i && $header !~ /SET search_path = pg_catalog, pg_temp/) {
            report($file, $line, "$bare ($1) does not SET search_path = pg_catalog, pg_temp");
        }
    }

    my $number = 0;
    for my $raw (@lines) {
        $number++;
        next if $raw =~ /^\s*--/ || $raw =~ /^COMMENT ON/ || $raw =~ /^'/;
        (my $code = $raw) =~ s/--.*$//;
        report($file, $number, 'SECURITY DEFINER') if $code =~ /SECURITY DEFINER/i;
        report($file, $number, 'CREATE ... IF NOT EXISTS') if $code =~ /\bCREATE\b[^;(]*\bIF NOT EXISTS\b/i;
        # References to our own functions and types, outside string literals, must be qualified.
        $code =~ s/'(?:[^']|'')*'//g;
        while ($code =~ /(\S*?)\b(synth_[a-z0-9_]+)\b/g) {
            my ($prefix, $object) = ($1, $2);
            next if $prefix =~ /(\@extschema\@\.|%I\.|%1\$I\.|\.)$/;
            next if $code =~ /^CREATE\b/ && $prefix eq '';
            report($file, $number, "$object is referred to without \@extschema\@");
        }
    }
}
print "extension scripts: $violations violation(s)\n";
exit($violations ? 1 : 0);
