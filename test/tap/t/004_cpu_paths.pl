# The same rows whatever the processor: glibc picks its exp and log at run time by what the CPU can do (FMA and
# AVX2 variants on most x86-64 machines, SSE2 on older ones), and Boost's distributions call them. Two clusters
# run every generator with the same arguments, one as usual and one with glibc told (GLIBC_TUNABLES) that the
# processor has neither FMA, AVX2 nor AVX, as an older machine would; the md5 of every row, in order, must be
# the same on both. Skipped where the tunable does not apply (not x86-64).
use strict;
use warnings;

use PostgreSQL::Test::Cluster;
use PostgreSQL::Test::Utils;
use Test::More;

plan skip_all => 'glibc.cpu.hwcaps selects x86-64 code paths only'
  unless `uname -m` =~ /^x86_64$/m;

my $tunables = 'glibc.cpu.hwcaps=-AVX2,-FMA,-AVX';

# Each generator once, on enough rows that thousands of log-normal, normal and exponential draws go through
# exp and log.
my %calls = (
	users        => 'synth_generate_users(20000, seed => 7)',
	users_legacy => "synth_generate_users(5000, fraud_rate => 0.3, seed => 8, legacy => true)",
	merchants    => 'synth_generate_merchants(5000, seed => 7)',
	banks        => 'synth_generate_banks(2000, seed => 7)',
	accounts     => 'synth_generate_accounts(5000, seed => 7)',
	cards        => 'synth_generate_cards(5000, seed => 7)',
	transactions => 'synth_generate_transactions(50000, seed => 7)',
	fraud        => 'synth_generate_fraud(legit_rows => 50000, seed => 7)',
	graph_nodes  => 'synth_generate_graph_nodes(20000, seed => 7)',
	graph_edges  => 'synth_generate_graph_edges(20000, seed => 7)',
);

sub digests {
	my ($node) = @_;
	my %digest;
	for my $name (sort keys %calls) {
		$digest{$name} = $node->safe_psql('postgres',
			"SELECT count(*) || ' ' || md5(string_agg(md5(g::text), '' ORDER BY n)) "
			  . "FROM $calls{$name} WITH ORDINALITY AS g(n)");
	}
	return \%digest;
}

sub start_node {
	my ($name) = @_;
	my $node = PostgreSQL::Test::Cluster->new($name);
	$node->init;
	$node->append_conf('postgresql.conf', "jit = off\n");
	$node->start;
	$node->safe_psql('postgres', 'CREATE EXTENSION synthgen');
	return $node;
}

my $usual = start_node('usual_paths');
my $usual_digests = digests($usual);
$usual->stop;

my $older;
{
	local $ENV{GLIBC_TUNABLES} = $tunables;
	$older = start_node('sse2_paths');
}
my $checkpointer_pid = $older->safe_psql('postgres',
	"SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'");
my $environment = slurp_file("/proc/$checkpointer_pid/environ");
like($environment, qr/GLIBC_TUNABLES=\Q$tunables\E/, 'the second cluster runs with the SSE2 code paths');
my $older_digests = digests($older);
$older->stop;

for my $name (sort keys %calls) {
	like($usual_digests->{$name}, qr/^[1-9][0-9]* [0-9a-f]{32}$/, "$name: rows and a digest");
	is($older_digests->{$name}, $usual_digests->{$name}, "$name: the same rows on both code paths");
}

done_testing();
