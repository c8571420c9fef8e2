#!/usr/bin/env bash
# Builds the libFuzzer targets of test/fuzz in build-fuzz/ (clang-14, AddressSanitizer,
# UndefinedBehaviorSanitizer) and runs each on a copy of its committed corpus (test/fuzz/corpus/<target>) for
# SECONDS_PER_TARGET seconds, one process per target. SECONDS_PER_TARGET = 0 only replays the committed corpus,
# input by input (the fast regression mode). Prints per target the executions and findings, keeps every
# finding's input under build-fuzz/findings/<target>/ (emptied at the start of each run) and exits 1 if there
# is any.
#
# Usage: test/fuzz/run.sh [SECONDS_PER_TARGET]   (default 60)
# Needs clang-14 and libclang-rt-14-dev (the libFuzzer runtime); installs nothing.
set -euo pipefail

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 [SECONDS_PER_TARGET]" >&2
  exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="$root/build-fuzz"
corpus_source="$root/test/fuzz/corpus"

for tool in clang-14 clang++-14 cmake; do
  if ! command -v "$tool" >/dev/null; then
    echo "run.sh: $tool is missing (apt-get install clang-14 libclang-rt-14-dev cmake)" >&2
    exit 2
  fi
done

targets=()
for source in "$root"/test/fuzz/fuzz_*.cpp; do
  targets+=("$(basename "$source" .cpp)")
done

echo "== building ${#targets[@]} targets in $build"
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -DSYNTHGEN_FUZZ=ON -DSYNTHGEN_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j2 --target "${targets[@]}" >/dev/null

fuzzer_options=(-timeout=10 -rss_limit_mb=2048)
mkdir -p "$build/logs"
total_findings=0
if [ "$seconds" -eq 0 ]; then
  echo "== replaying the committed corpus"
else
  echo "== fuzzing each target for $seconds s"
fi
printf '%-24s %12s %10s %8s %9s\n' target executions exec/s corpus findings
for target in "${targets[@]}"; do
  findings_dir="$build/findings/$target"
  rm -rf "$findings_dir"
  mkdir -p "$findings_dir"
  log="$build/logs/$target.log"
  : >"$log"
  if [ "$seconds" -eq 0 ]; then
    # Each committed input once, in its own process, so a failing input is known by name.
    executions=0
    for input in "$corpus_source/$target"/*; do
      executions=$((executions + 1))
      if ! "$build/$target" "${fuzzer_options[@]}" "$input" >>"$log" 2>&1; then
        cp "$input" "$findings_dir/"
      fi
    done
    rate="-"
    corpus_size=$(find "$corpus_source/$target" -type f | wc -l)
  else
    # A fresh copy of the committed corpus, which the run may grow; libFuzzer stops at the first finding.
    work_corpus="$build/corpus/$target"
    rm -rf "$work_corpus"
    mkdir -p "$work_corpus"
    cp "$corpus_source/$target"/* "$work_corpus/"
    status=0
    "$build/$target" "${fuzzer_options[@]}" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$findings_dir/" "$work_corpus" >"$log" 2>&1 || status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    corpus_size=$(find "$work_corpus" -type f | wc -l)
    if [ "$status" -ne 0 ] && [ -z "$(ls -A "$findings_dir")" ]; then
      # A failure that left no input (for instance in the target's initialisation) still counts.
      echo "exit status $status, see $log" >"$findings_dir/failure-without-input"
    fi
  fi
  found=$(find "$findings_dir" -type f | wc -l)
  total_findings=$((total_findings + found))
  printf '%-24s %12s %10s %8s %9s\n' "$target" "${executions:-?}" "${rate:-?}" "$corpus_size" "$found"
  if [ "$found" -ne 0 ]; then
    grep -m 3 -E 'ERROR|runtime error|invariant violated|rejection|exception|SUMMARY' "$log" |
      sed 's/^/    /' || true
    echo "    inputs: $findings_dir, log: $log"
  fi
done

if [ "$total_findings" -ne 0 ]; then
  echo "== $total_findings finding(s)"
  exit 1
fi
echo "== no findings"
