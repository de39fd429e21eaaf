#!/usr/bin/env bash
# run.sh: the benchmark of issue 14. For each size (MB of pages), generates a
# seeded corpus of realistic pages (gen_pages.py; cached), then measures
# `consensus parse`, `classify`, `analyze --no-html` and `analyze` on it, and
# the same answers (one a line) through AFINN-js (npm `sentiment`), VADER-js
# (npm `vader-sentiment`) and `grep -c -i -F -f cues.txt`: wall time, MB/s,
# answers/s, peak RSS (/usr/bin/time -v), and each tool's answers per CPU
# second as a multiple of `classify`'s from the same run. A command over the time or memory
# cap is killed and reported as such. A command that ends with a non-zero exit
# status (consensus exits 1 when it rejected some input and read the rest) keeps
# its figures, with the status marked in its row and the first and last lines
# of its stderr under the table. Prints a Markdown table (stdout); progress goes to
# stderr.
#
# Usage: bash tests/bench/run.sh [options] SIZE_MB...
#   --bin BIN        consensus to measure (a Release build; default ./build/consensus)
#   --rules DIR      rule folder of every consensus command (default: its own
#                    lookup, so ./rules when run from a source tree)
#   --seed N         corpus seed (default 1)
#   --jobs N         --jobs of classify and analyze (default 1: single core)
#   --runs N         runs of each command; the median is shown (default 1)
#   --time-cap SEC   per command (default 1800)
#   --mem-cap MIB    per command, resident memory (default 16384)
#   --cache DIR      generated corpora (default ${TMPDIR:-/tmp}/consensus-bench)
#   --no-tools       consensus only (no node, no grep)
#   --keep DIR       also keep the raw results (results.tsv, answers.tsv) in DIR;
#                    tests/bench/table.py renders them again
#   --commit HASH    the commit BIN was built from, for the note under the table
#                    (default: this tree's HEAD, and how many tracked files differ)
# Example: bash tests/bench/run.sh --bin /tmp/bld/consensus 10 100
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=./build/consensus seed=1 jobs=1 runs=1 time_cap=1800 mem_cap=16384 tools=1 commit= keep=
rules=()
cache=${TMPDIR:-/tmp}/consensus-bench
sizes=()
while [ $# -gt 0 ]; do
  case $1 in
    --bin) bin=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --rules) rules=(--rules "$2"); shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --time-cap) time_cap=$2; shift 2 ;;
    --mem-cap) mem_cap=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --no-tools) tools=0; shift ;;
    --commit) commit=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || { echo "usage: run.sh [options] SIZE_MB..." >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
[ -x "$bin" ] || { echo "run.sh: $bin is not an executable" >&2; exit 2; }
py=/usr/bin/python3
say() { echo "$*" >&2; }

if [ "$tools" = 1 ] && [ ! -d "$here/node_modules/vader-sentiment" ]; then
  say "installing the comparison tools into $here/node_modules"
  (cd "$here" && npm install --no-package-lock --no-audit --no-fund >&2) ||
    { say "npm install failed: AFINN-js and VADER-js are left out"; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$work/results.tsv
: > "$results"
gen_id=$(cat "$here/gen_pages.py" "$here/words.py" | sha256sum | cut -c1-12)

# corpus SIZE: path of the cached corpus of SIZE MB (generated when missing)
corpus() {
  local d=$cache/${1}mb-seed$seed-$gen_id
  if [ ! -f "$d/summary.json" ]; then
    say "generating $1 MB (seed $seed) into $d"
    rm -rf "$d.tmp"
    mkdir -p "$d.tmp"
    "$py" "$here/gen_pages.py" --mb "$1" --seed "$seed" --out "$d.tmp/pages" \
      --answers "$d.tmp/answers.txt" > "$d.tmp/summary.json"
    rm -rf "$d"
    mv "$d.tmp" "$d"
  fi
  echo "$d"
}

# measure SIZE LABEL INPUT_BYTES CMD...: RUNS runs; appends the median run to results
measure() {
  local size=$1 label=$2 bytes=$3
  shift 3
  local i
  : > "$work/runs"
  for i in $(seq 1 "$runs"); do
    rm -rf "$work/reports"
    "$py" "$here/measure.py" --time-cap "$time_cap" --mem-cap "$mem_cap" \
      --stdout "$work/stdout" --stderr "$work/stderr" -- "$@" >> "$work/runs"
    rm -f "$work/stdout"
    if ! grep -q '"status": "ok"' <(tail -n 1 "$work/runs"); then
      [ -s "$work/stderr" ] && say "  $label: $(head -c 300 "$work/stderr" | head -n 2)"
      # a capped command is not run again; one that ran to its end with a
      # non-zero status (a rejected input) is measured like any other
      grep -q '"status": "exit' <(tail -n 1 "$work/runs") || break
    fi
  done
  "$py" - "$work/runs" "$size" "$label" "$bytes" >> "$results" <<'EOF'
import json, sys
runs = [json.loads(l) for l in open(sys.argv[1])]
done = [r for r in runs if "cap" not in r["status"]]
pick = sorted(done, key=lambda r: r["wall"])[len(done) // 2] if len(done) == len(runs) else runs[-1]
print("\t".join(str(x) for x in (sys.argv[2], sys.argv[3], sys.argv[4], pick["status"],
      pick["wall"], pick["cpu"], pick["rss_kib"], pick["lines"], len(runs),
      " ".join(pick.get("note", "").split()))))
EOF
  say "  $(tail -n 1 "$results" | cut -f2,4-8)"
}

for size in "${sizes[@]}"; do
  d=$(corpus "$size")
  pages=$d/pages answers=$d/answers.txt
  pbytes=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["bytes"])' "$d/summary.json")
  abytes=$(stat -c %s "$answers")
  say "$size MB: $(cat "$d/summary.json")"
  say "load average $(cut -d' ' -f1-3 /proc/loadavg)"
  measure "$size" parse "$pbytes" "$bin" parse "${rules[@]}" "$pages"
  measure "$size" classify "$pbytes" "$bin" classify "${rules[@]}" --jobs "$jobs" "$pages"
  measure "$size" "analyze --no-html" "$pbytes" \
    "$bin" analyze "${rules[@]}" --quiet --no-html --jobs "$jobs" --out "$work/reports" "$pages"
  measure "$size" analyze "$pbytes" "$bin" analyze "${rules[@]}" --quiet --jobs "$jobs" --out "$work/reports" "$pages"
  if [ "$tools" = 1 ]; then
    if [ -d "$here/node_modules/sentiment" ]; then
      measure "$size" "AFINN-js" "$abytes" node "$here/score_afinn.js" "$answers"
      measure "$size" "VADER-js" "$abytes" node "$here/score_vader.js" "$answers"
    fi
    measure "$size" "grep -c -i -F -f (30 cues)" "$abytes" grep -c -i -F -f "$here/cues.txt" "$answers"
  fi
  printf '%s\t%s\n' "$size" "$(wc -l < "$answers")" >> "$work/answers.tsv"
done

dirty=0
if [ -z "$commit" ]; then
  commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  dirty=$(git -C "$root" status --porcelain --untracked-files=no 2>/dev/null | grep -c . || true)
fi
[ -z "$keep" ] || { mkdir -p "$keep" && cp "$results" "$work/answers.tsv" "$keep/"; }
"$py" "$here/table.py" "$results" "$work/answers.tsv" "$commit" "$dirty" "$jobs" "$runs" "$seed" \
  "$time_cap" "$mem_cap" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
