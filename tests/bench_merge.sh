#!/usr/bin/env bash
# bench_merge: one `analyze` against the same corpus in SHARDS shards
# (`analyze --partial`, run JOBS at a time) and `merge`, on the corpus of
# tests/bench_make_corpus.sh: wall and CPU time and peak RSS of each step
# (/usr/bin/time), the partials' size, and a byte-for-byte check that the
# merged reports are the single run's. Each measurement is the best of RUNS.
#
# Usage (from the source root):
#   bash tests/bench_merge.sh COPIES BIN [RUNS] [SHARDS] [JOBS] [ANALYZE_OPTIONS...]
#   bash tests/bench_merge.sh 100 /tmp/bld/consensus 3 4 2 --no-html
set -euo pipefail
copies=${1:?usage: bench_merge.sh COPIES BIN [RUNS] [SHARDS] [JOBS] [OPTIONS...]}
bin=${2:?usage: bench_merge.sh COPIES BIN [RUNS] [SHARDS] [JOBS] [OPTIONS...]}
runs=${3:-3}
shards=${4:-4}
jobs=${5:-2}
shift $(($# < 5 ? $# : 5))
opts=("$@")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus
bash tests/bench_make_corpus.sh "$copies" "$corpus" > /dev/null
mapfile -t files < <(find "$corpus" -type f | LC_ALL=C sort)
n=${#files[@]}
per=$(((n + shards - 1) / shards))

# measure LABEL CMD...: best wall time of RUNS; prints "wall user sys rss_kib"
measure() {
  local best="" line
  for _ in $(seq 1 "$runs"); do
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" > /dev/null 2> "$work/err" || {
      echo "failed: $* ($(head -2 "$work/err"))" >&2
      exit 1
    }
    line=$(tail -1 "$work/time")
    if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN{exit !(a < b)}'; then
      best=$line
    fi
  done
  echo "$best"
}
row() { # label, "wall user sys rss"
  read -r w u s m <<< "$2"
  printf '| %s | %.2f s | %.2f s | %d MiB |\n' "$1" "$w" "$(echo "$u + $s" | bc)" $((m / 1024))
}

echo "corpus: $n files, $(du -sm "$corpus" | cut -f1) MB; $shards shards, $jobs at a time; ${opts[*]:-all reports}; best of $runs"
echo
echo "| step | wall | CPU (user + sys) | peak RSS |"
echo "|---|---|---|---|"
row "analyze --jobs $jobs" "$(measure "$bin" analyze --quiet --jobs "$jobs" "${opts[@]}" --out "$work/one" "$corpus")"
shard_cmds=()
for i in $(seq 0 $((shards - 1))); do
  part=("${files[@]:$((i * per)):$per}")
  [ "${#part[@]}" -gt 0 ] || continue
  printf '%s\n' "${part[@]}" > "$work/list$i"
  row "shard $((i + 1)) (${#part[@]} files, --jobs 1)" \
    "$(measure "$bin" analyze --quiet --jobs 1 --partial "$work/p$i" "${part[@]}")"
  shard_cmds+=("$i")
done
# all shards, JOBS at a time (the GNU parallel recipe without parallel)
all_shards() {
  printf '%s\n' "${shard_cmds[@]}" | xargs -P "$jobs" -I{} sh -c \
    'xargs -d "\n" "$1" analyze --quiet --jobs 1 --partial "$2/p$3" < "$2/list$3"' _ "$bin" "$work" {}
}
export -f all_shards 2> /dev/null || true
row "all shards, $jobs at a time" "$(measure bash -c "$(declare -f all_shards); shard_cmds=(${shard_cmds[*]}); jobs=$jobs; bin=$bin; work=$work; all_shards")"
partials=()
for i in "${shard_cmds[@]}"; do partials+=("$work/p$i"); done
merge_opts=()
for o in "${opts[@]}"; do [ "$o" = --no-html ] && merge_opts+=(--no-html); done
row "merge" "$(measure "$bin" merge --quiet "${merge_opts[@]}" --out "$work/merged" "${partials[@]}")"
echo
echo "partials: $(du -cm "${partials[@]}" | tail -1 | cut -f1) MB in all"
same=yes
for f in "$work/one"/*; do
  cmp -s "$f" "$work/merged/$(basename "$f")" || same="NO: $(basename "$f") differs"
done
echo "merged reports byte-identical to one run: $same"
[ "$same" = yes ]
