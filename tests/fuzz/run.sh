#!/usr/bin/env bash
# run.sh: build the libFuzzer targets (tests/fuzz/fuzz_*.c) in build-fuzz/ with
# clang, ASan and UBSan, then run each for SECONDS (default 60), one after the
# other, and print a table of executions and coverage. Exits 1 when any target
# finds a crash, leak, timeout or out-of-memory (the input and the log are kept
# under build-fuzz/fuzz/TARGET/).
#
#   bash tests/fuzz/run.sh [SECONDS] [TARGET...]     e.g. run.sh 600 fuzz_jsonl
#
# Each target first reruns its reproducers in tests/fuzz/regress/ (TARGET-NAME:
# inputs that once crashed it), which must run clean. Seed corpora are
# folders and files of the repository, read only; every run
# starts from a fresh work corpus, build-fuzz/fuzz/TARGET/corpus, which is the
# only corpus libFuzzer writes to. FUZZ_ARGS adds libFuzzer flags
# (FUZZ_ARGS=-dict=x.dict), NICE a niceness (NICE=10).
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
secs=${1:-60}
shift || true
case $secs in '' | *[!0-9]*)
  echo "usage: bash tests/fuzz/run.sh [SECONDS] [TARGET...]" >&2
  exit 2
  ;;
esac

all_targets=()
for src in tests/fuzz/fuzz_*.c; do all_targets+=("$(basename "$src" .c)"); done
targets=("$@")
build=("${targets[@]}")
if [ ${#targets[@]} -eq 0 ]; then
  targets=("${all_targets[@]}")
  build=(fuzz_targets)
fi

set -e
cmake -S . -B build-fuzz -DCN_FUZZ=ON -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-fuzz -j2 --target "${build[@]}"
set +e

page_dirs=(corpus tests/data/dev/pages tests/data/heldout/pages tests/data/heldout2/pages
           tests/data/heldout3/pages tests/data/heldout4/pages tests/data/heldout5/pages)

# Prints the seed folders of target $1, one a line. Single files are copied
# into build-fuzz/fuzz/TARGET/seeds (libFuzzer takes folders only), with any
# seed made from the repository's files (all rules in one file, an answers.csv
# with overrides filled in).
seeds_of() {
  local t=$1 own=build-fuzz/fuzz/$1/seeds
  rm -rf "$own"
  mkdir -p "$own"
  case $t in
    fuzz_structured | fuzz_flat | fuzz_bare | fuzz_reader | fuzz_classify)
      printf '%s\n' "${page_dirs[@]}" ;;
    fuzz_jsonl)
      cp tests/data/*/pages/*.jsonl "$own/" ;;
    fuzz_rules)
      cat rules/*.rules >"$own/all.rules"
      echo rules ;;
    fuzz_pagecues)
      echo rules ;;
    fuzz_gold)
      for f in tests/data/*/*.gold.jsonl; do cp "$f" "$own/"; done
      echo tests/data/overrides ;;
    fuzz_overrides_json)
      echo tests/data/overrides ;;
    fuzz_overrides_csv)
      cp reports/sample/answers.csv "$own/"
      { head -n 1 reports/sample/answers.csv
        sed -n '2,6p' reports/sample/answers.csv | sed 's/,,,$/,cautionary,fuzz,"a note, quoted"/'
      } >"$own/edited.csv" ;;
    fuzz_stats_agreement | fuzz_stats_crosstab)
      echo tests/data/stats ;;
    fuzz_partial) # shards' partials of the sample and dev pages, with the shipped rules
      cmake --build build-fuzz -j2 --target consensus >/dev/null
      build-fuzz/consensus analyze --quiet --jobs 1 --rules rules --partial "$own/samples.partial" corpus
      build-fuzz/consensus analyze --quiet --jobs 1 --rules rules --partial "$own/dev.partial" \
        tests/data/dev/pages ;;
  esac
  echo "$own"
}

# A figure of libFuzzer's last status line ("cov: 1234 ft: 5678 corp: 90/1Mb").
field() { sed -n "s/.*$1: \\([^ ]*\\).*/\\1/p" <<<"$last"; }
# One of the -print_final_stats figures of $dir/fuzz.log.
final_stat() { sed -n "s/^stat::$1: *//p" "$dir/fuzz.log" | tail -n 1; }

export TMPDIR=$root/build-fuzz/fuzz/tmp
mkdir -p "$TMPDIR"
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
rows=()
for t in "${targets[@]}"; do
  bin=build-fuzz/tests/fuzz/$t
  if [ ! -x "$bin" ]; then
    echo "run.sh: no such target: $t (have: ${all_targets[*]})" >&2
    exit 2
  fi
  dir=build-fuzz/fuzz/$t
  rm -rf "$dir/corpus" "$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* "$dir"/oom-*
  mkdir -p "$dir/corpus"
  # Known findings first (tests/fuzz/regress/TARGET-NAME): each must now run clean.
  regress=(tests/fuzz/regress/"$t"-*)
  if [ -e "${regress[0]}" ] && ! "$bin" "${regress[@]}" >"$dir/regress.log" 2>&1; then
    status=1
    echo "!! $t: a reproducer of tests/fuzz/regress/ still fails; log: $dir/regress.log"
    grep -m 1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$dir/regress.log"
    rows+=("$(printf '%-22s %-18s' "$t" "FAIL (regress/)")")
    continue
  fi
  mapfile -t seeds < <(seeds_of "$t")
  echo "== $t: ${secs}s, seeds: ${seeds[*]}"
  # shellcheck disable=SC2086
  nice -n "${NICE:-0}" "$bin" "$dir/corpus" "${seeds[@]}" -max_total_time="$secs" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$dir/" ${FUZZ_ARGS:-} \
    >"$dir/fuzz.log" 2>&1
  rc=$?
  last=$(grep -E '^#[0-9]+.*cov: ' "$dir/fuzz.log" | tail -n 1)
  execs=$(final_stat number_of_executed_units)
  rate=$(final_stat average_exec_per_sec)
  artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$dir/fuzz.log" | tail -n 1)
  if [ $rc -eq 0 ]; then
    result=clean
  else
    status=1
    result="FINDING (exit $rc)"
    echo "!! $t: exit $rc; input: ${artifact:-none}; log: $dir/fuzz.log"
    grep -m 1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' "$dir/fuzz.log"
  fi
  rows+=("$(printf '%-22s %-18s %12s %8s %7s %8s %14s' "$t" "$result" "${execs:-?}" \
    "${rate:-?}" "$(field cov)" "$(field ft)" "$(field corp)")")
done

echo
printf '%-22s %-18s %12s %8s %7s %8s %14s\n' target result executions exec/s cov ft corpus
printf '%s\n' "${rows[@]}"
echo "(${secs}s each; logs and any crash input under build-fuzz/fuzz/TARGET/)"
exit $status
