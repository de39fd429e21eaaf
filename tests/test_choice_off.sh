#!/usr/bin/env bash
# Choice questions (cn_choice, issue 9) are off as shipped: a rule folder
# without the choice lines (the classes choice-* of lexicon.rules and the
# setting choice_questions) labels every page of corpus/ and tests/data
# exactly as the shipped folder does, byte for byte; and with the setting
# on, classify still runs and gives as many answers.
set -euo pipefail
bin=${CN_CONSENSUS_BIN:?}
cd "${CN_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/without" "$tmp/on"
cp rules/* "$tmp/without/"
cp rules/* "$tmp/on/"
sed -i -e '/^class choice-/d' -e '/^setting choice_questions /d' "$tmp/without/lexicon.rules" \
  "$tmp/without/settings.rules"
sed -i -e 's/^setting choice_questions .*/setting choice_questions value=1/' "$tmp/on/settings.rules"
grep -q '^setting choice_questions value=1' "$tmp/on/settings.rules" ||
  echo 'setting choice_questions value=1' >> "$tmp/on/settings.rules"
pages=(corpus tests/data/*/pages)
set +e
"$bin" classify --rules rules "${pages[@]}" > "$tmp/shipped.out" 2> "$tmp/shipped.err"
rc1=$?
"$bin" classify --rules "$tmp/without" "${pages[@]}" > "$tmp/without.out" 2> "$tmp/without.err"
rc2=$?
"$bin" classify --rules "$tmp/on" "${pages[@]}" > "$tmp/on.out" 2> "$tmp/on.err"
rc3=$?
set -e
[ "$rc1" = "$rc2" ] || { echo "exit status differs: $rc1 vs $rc2"; exit 1; }
cmp "$tmp/shipped.out" "$tmp/without.out" || { echo "classify differs without the choice lines"; exit 1; }
cmp "$tmp/shipped.err" "$tmp/without.err" || { echo "stderr differs without the choice lines"; exit 1; }
[ "$rc1" = "$rc3" ] || { echo "exit status differs with choice_questions 1: $rc1 vs $rc3"; exit 1; }
[ "$(wc -l < "$tmp/shipped.out")" = "$(wc -l < "$tmp/on.out")" ] ||
  { echo "choice_questions 1 changed the number of answers"; exit 1; }
echo "ok: $(wc -l < "$tmp/shipped.out") answers identical without the choice lines"
