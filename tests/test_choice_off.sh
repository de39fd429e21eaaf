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
sed -i -e '/^class choice-/d' -e '/^setting choice_questions /d' -e '/^setting choice_flag /d' \
  "$tmp/without/lexicon.rules" \
  "$tmp/without/settings.rules"
sed -i -e '/^setting choice_questions /d' -e '/^setting choice_flag /d' "$tmp/on/settings.rules"
printf 'setting choice_questions value=1\nsetting choice_flag value=1\n' >> "$tmp/on/settings.rules"
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
# on, a written choice question's answers carry the flag "choice"
mkdir "$tmp/pages"
cat > "$tmp/pages/choice.txt" <<'PAGE'
Should my implants go over or under the muscle?

I am slim and I lift weights three times a week.

Doctor Answers 2

Under suits you
I recommend going under for a slim patient, the edges show less.

Alex Example, MD
Springfield Plastic Surgeon

Over for lifters
For someone who lifts, over is the better choice: no animation.

Sam Sample, MD
Shelbyville Plastic Surgeon
PAGE
"$bin" classify --rules "$tmp/on" "$tmp/pages" > "$tmp/page_on.out"
[ "$(grep -c '"question_flags":\[[^]]*"choice"' "$tmp/page_on.out")" = 2 ] ||
  { echo "choice_flag 1: the written choice question's answers lack the flag"; exit 1; }
"$bin" classify --rules rules "$tmp/pages" > "$tmp/page_off.out"
if grep -q '"choice"' "$tmp/page_off.out"; then
  echo "shipped rules: a choice flag where the setting is off"
  exit 1
fi
echo "ok: $(wc -l < "$tmp/shipped.out") answers identical without the choice lines"
