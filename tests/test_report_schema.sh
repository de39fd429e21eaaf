#!/usr/bin/env bash
# test_report_schema: report.json of the sample corpus and of edge cases (a
# question without answers, control and XML-forbidden characters, a question
# with one answer, a skipped file) validates against reports/report.schema.json
# with a real JSON Schema validator (Debian's python3-jsonschema), and the
# validator rejects reports that break the schema. Fails when the validator is
# missing. Run from the source root.
set -euo pipefail
BIN=${CN_CONSENSUS_BIN:-./build/consensus}
PY=/usr/bin/python3
SCHEMA=reports/report.schema.json

if ! "$PY" -c 'import jsonschema' 2>/dev/null; then
  echo "test_report_schema: $PY has no jsonschema module (apt-get install python3-jsonschema)" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$BIN" analyze corpus/ --out "$tmp/sample" --quiet

mkdir -p "$tmp/edge-in"
cat >"$tmp/edge-in/edge.jsonl" <<'JSONL'
{"url":"https://example.org/q1","question":"Is it safe to fly after a facelift?","answers":[]}
{"url":"https://example.org/q2","question":"Ctrl \u0001 chars \u000b and \uffff here?","answers":[{"title":"Bad \u0002 title","text":"It is not safe \u0007 to do this \ufffe now. Don't do it.","name":"Ann Lee, MD","city":"Austin","specialty":"Dermatologist","rating":4.5,"reviews":3},{"title":"Only a title","text":""}]}
{"url":"https://example.org/q3","question":"Can I drink wine after rhinoplasty?","answers":[{"title":"Wait","text":"I would wait at least two weeks before drinking alcohol after surgery.","name":"Bob Roe, MD","city":"Beverly Hills","specialty":"Facial Plastic Surgeon","rating":5,"reviews":10}]}
JSONL
: >"$tmp/edge-in/empty.txt"
rc=0
"$BIN" analyze "$tmp/edge-in" --out "$tmp/edge" --quiet 2>/dev/null || rc=$?
if [ "$rc" -ne 1 ]; then
  echo "test_report_schema: expected exit 1 for a skipped file, got $rc" >&2
  exit 1
fi

"$PY" - "$SCHEMA" "$tmp/sample/report.json" "$tmp/edge/report.json" <<'PY'
import copy, json, sys
import jsonschema

schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
passed = failed = 0

def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}", file=sys.stderr)

reports = {}
for path in sys.argv[2:]:
    report = json.load(open(path))
    reports[path] = report
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
    check(f"valid {path}", not errors,
          "; ".join(f"{list(e.path)}: {e.message[:200]}" for e in errors[:5]))

sample = reports[sys.argv[2]]
check("sample has four questions", len(sample["questions"]) == 4)
edge = reports[sys.argv[3]]
check("edge keeps control characters in JSON",
      any(q["question"] == "Ctrl \u0001 chars \u000b and \uffff here?" for q in edge["questions"]))
check("edge names the skipped file", [s["file"] for s in edge["corpus"]["skipped"]] == ["empty.txt"])

# The validator must reject what breaks the schema.
def broken(mutate):
    r = copy.deepcopy(sample)
    mutate(r)
    return not validator.is_valid(r)

check("rejects a missing summary", broken(lambda r: r["questions"][0].pop("summary")))
check("rejects an unknown stance", broken(lambda r: r["questions"][0]["answer_list"][0].update(stance="maybe")))
check("rejects a bad majority", broken(lambda r: r["questions"][0]["consensus"].update(majority="none")))
check("rejects a share above 1", broken(lambda r: r["questions"][0]["consensus"].update(share=1.5)))
check("rejects a missing generator seed", broken(lambda r: r["generator"].pop("seed")))
check("rejects an unknown field", broken(lambda r: r.update(timestamp="2024-01-01")))

print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
PY
