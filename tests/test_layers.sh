#!/usr/bin/env bash
# test_layers: the library's folders follow the flow, and data flows one way:
# every module lives in a stage folder, and no module includes a header of a
# later stage (base < text < ingest < classify < stats < report < cli).
set -u
cd "${CN_SOURCE_DIR:-$(dirname "$0")/..}"
stages=(base text ingest classify stats report cli)
declare -A stage_of rank
for i in "${!stages[@]}"; do rank[${stages[$i]}]=$i; done
fail=0
for f in analyzer/*.c analyzer/*.h; do
  [ -e "$f" ] || continue
  [ "$f" = analyzer/consensus.h ] && continue
  echo "FAIL $f: a module outside the stage folders"; fail=1
done
for s in "${stages[@]}"; do
  for h in analyzer/$s/*.h; do
    [ -e "$h" ] && stage_of[$(basename "$h")]=$s
  done
done
checked=0
for s in "${stages[@]}"; do
  for f in analyzer/$s/*.c analyzer/$s/*.h; do
    [ -e "$f" ] || continue
    while read -r inc; do
      t=${stage_of[$inc]:-}
      if [ -z "$t" ]; then
        echo "FAIL $f includes $inc, which is in no stage folder"; fail=1; continue
      fi
      base=$(basename "$f")
      if [[ $inc == *_int.h && $base != "${inc%_int.h}"* ]]; then
        echo "FAIL $f includes $inc, private to ${inc%_int.h}*"; fail=1
      fi
      if [ "${rank[$t]}" -gt "${rank[$s]}" ]; then
        echo "FAIL $f ($s) includes $inc from the later stage $t"; fail=1
      fi
      checked=$((checked + 1))
    done < <(grep -o '#include "[a-z_]*\.h"' "$f" | sed 's/#include "//; s/"$//')
  done
done
# consensus.h names every public header; a module's private one (NAME_int.h, shared by
# the .c files of one module only) it must not name.
for h in "${!stage_of[@]}"; do
  [ "${stage_of[$h]}" = cli ] && continue
  if [[ $h == *_int.h ]]; then
    grep -q "#include \"$h\"" analyzer/consensus.h && { echo "FAIL consensus.h names the private $h"; fail=1; }
    continue
  fi
  grep -q "#include \"$h\"" analyzer/consensus.h || { echo "FAIL consensus.h misses $h"; fail=1; }
done
echo "$checked includes checked"
if [ "$checked" -lt 100 ]; then echo "FAIL: too few includes found"; fail=1; fi
[ $fail -eq 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $fail
