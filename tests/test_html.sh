#!/usr/bin/env bash
# test_html: report.html in a real browser (Debian's headless Chromium).
#
# Renders the sample corpus' report.html (and the report of an edge-case
# corpus, and one made with editors' overrides) and fails on:
# - any console message: the page has no script and a Content-Security-Policy
#   that forbids every fetch, so a message means an error or an external
#   reference;
# - a missing element: one stance bar per question, the overview, the review
#   queue with a row per item whose link leads to an element of the page, one
#   stance-by-specialty table per question, every answer under its id;
# - evidence highlighting that does not cover exactly the evidence spans of
#   report.xml;
# - a page wider than the window at 1280 and at 390 pixels (a phone), measured
#   by a probe script in a copy of the page;
# - a blank screenshot (too few non-white pixels, no stance blue);
# - report.html differing between two runs.
# Screenshots go to the build folder (test_html/); with CN_UPDATE_SCREENSHOT=1
# the 1280-pixel one also replaces the committed reports/sample/report.png.
# Fails when Chromium is missing (CI installs it: .ci/setup). Run from the
# source root.
set -euo pipefail
BIN=${CN_CONSENSUS_BIN:-./build/consensus}
PY=/usr/bin/python3
CHROMIUM=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$CHROMIUM" ] || [ ! -x "$CHROMIUM" ]; then
  echo "test_html: Chromium not found (apt-get install chromium, or set CHROMIUM)" >&2
  exit 1
fi
SHOTS=$(cd "$(dirname "$BIN")" && pwd)/test_html
mkdir -p "$SHOTS"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# One headless Chromium run: chrome URL OUT ERR WIDTH [extra flags...]
chrome() {
  local url=$1 out=$2 errf=$3 width=$4
  shift 4
  local profile
  profile=$(mktemp -d "$tmp/profile.XXXXXX")
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-default-apps --disable-extensions --disable-dev-shm-usage --hide-scrollbars --mute-audio \
    --user-data-dir="$profile" --enable-logging=stderr --v=0 \
    --window-size="$width,2400" "$@" "$url" >"$out" 2>"$errf" || {
    echo "test_html: Chromium failed on $url (width $width):" >&2
    tail -5 "$errf" >&2
    return 1
  }
}

# ---- the reports to look at ----
"$BIN" analyze --out "$tmp/sample" --quiet
"$BIN" analyze --out "$tmp/again" --quiet
mkdir -p "$tmp/edge-in"
cat >"$tmp/edge-in/edge.jsonl" <<'JSONL'
{"url":"https://example.org/q1","question":"Is it safe to fly after a facelift?","answers":[]}
{"url":"https://example.org/q2","question":"Ctrl \u0001 chars \u000b and <b>markup</b> here?","answers":[{"title":"Bad \u0002 title <script>alert(1)</script>","text":"It is not safe \u0007 to do this \ufffe now. Don't do it.","name":"Ann Lee, MD","city":"Austin","specialty":"Dermatologist","rating":4.5,"reviews":3},{"title":"Only a title","text":""}]}
{"url":"https://example.org/q3","question":"Can I drink wine after rhinoplasty?","answers":[{"title":"Wait","text":"I would wait at least two weeks before drinking alcohol after surgery.","name":"Bob Roe, MD","city":"Beverly Hills","specialty":"Facial Plastic Surgeon","rating":5,"reviews":10}]}
JSONL
"$BIN" analyze "$tmp/edge-in" --out "$tmp/edge" --quiet
first_id=$(sed -n '1s/.*"answer_id":"\([0-9a-f]*\)".*/\1/p' "$tmp/sample/answers.jsonl")
cat >"$tmp/overrides.json" <<JSON
[{"answer_id": "$first_id", "stance": "contraindicated", "editor": "test", "note": "flipped by test_html"},
 {"answer_id": "00000000deadbeef", "stance": "none", "editor": "test", "note": "matches nothing"}]
JSON
rc=0
"$BIN" analyze --out "$tmp/override" --quiet --overrides "$tmp/overrides.json" 2>/dev/null || rc=$?
if [ "$rc" -ne 1 ]; then
  echo "test_html: expected exit 1 for an unmatched override, got $rc" >&2
  exit 1
fi

passed=0 failed=0
pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL $*" >&2
}

if cmp -s "$tmp/sample/report.html" "$tmp/again/report.html"; then pass; else fail "report.html differs between two runs"; fi

# A probe page: the report in an iframe exactly WIDTH pixels wide (headless
# Chromium keeps its window at least 500 pixels wide), and a script that
# writes layout measurements of the framed page into the DOM for --dump-dom.
make_probe() {
  "$PY" - "$1" "$2" "$3" <<'PY'
import html, sys
page = open(sys.argv[1], encoding="utf-8").read()
width = int(sys.argv[3])
probe = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="f" style="border:0;width:%dpx;height:2400px" srcdoc="%s"></iframe>
<script>
document.getElementById('f').addEventListener('load', function () {
  var w = this.contentWindow, doc = this.contentDocument, d = doc.documentElement, out = {errors: []};
  try {
    out.innerWidth = w.innerWidth;
    out.scrollWidth = d.scrollWidth;
    out.bars = Array.prototype.map.call(doc.querySelectorAll('svg.stance-bar'), function (s) {
      var r = s.getBoundingClientRect(); return [Math.round(r.width), Math.round(r.height)];
    });
    out.wide = Array.prototype.filter.call(doc.querySelectorAll('body *'), function (e) {
      var r = e.getBoundingClientRect();
      return r.right > w.innerWidth + 1 && !e.closest('.table-wrap') &&
             w.getComputedStyle(e).position !== 'absolute';
    }).slice(0, 5).map(function (e) { return e.tagName + '.' + e.className; });
  } catch (e) { out.errors.push(String(e)); }
  var pre = document.createElement('pre'); pre.id = 'cn-probe';
  pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
});
</script></body></html>""" % (width, html.escape(page, quote=True))
open(sys.argv[2], "w", encoding="utf-8").write(probe)
PY
}

# check_page NAME DIR: the page as shipped at two widths, then the probe copy.
check_page() {
  local name=$1 dir=$2 width
  for width in 1280 390; do
    local dom="$tmp/$name.$width.dom.html" log="$tmp/$name.$width.log"
    chrome "file://$dir/report.html" "$dom" "$log" "$width" --dump-dom
    if grep -q ':CONSOLE' "$log"; then
      fail "$name at ${width}px: console messages:"
      grep ':CONSOLE' "$log" | head -5 >&2
    else
      pass
    fi
    chrome "file://$dir/report.html" /dev/null "$log" "$width" --screenshot="$SHOTS/$name.$width.png"
    make_probe "$dir/report.html" "$tmp/$name.probe.html" "$width"
    chrome "file://$tmp/$name.probe.html" "$tmp/$name.$width.probe.html" "$log" "$width" --dump-dom
    local out
    if out=$("$PY" - "$dir/report.xml" "$dom" "$tmp/$name.$width.probe.html" "$SHOTS/$name.$width.png" "$width" <<'PY'
import html.parser, json, re, sys, struct, zlib
import xml.etree.ElementTree as ET

xml_path, dom_path, probe_path, png_path, width = sys.argv[1:6]
width = int(width)
report = ET.parse(xml_path).getroot()
questions = report.findall("questions/question")
queue = report.findall("review-queue/item")
problems = []

class Dom(html.parser.HTMLParser):
    """Elements with their classes and ids; per answer article, its marks."""
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.elems, self.links = set(), [], []
        self.stack, self.answer, self.field, self.mark = [], None, None, None
        self.marks = {}          # (answer id, field) -> [(data-ev, text)]
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.links.append(a["href"][1:])
        self.elems.append((tag, cls, a))
        if tag in ("br", "hr", "img", "input", "link", "meta", "wbr"):
            return
        self.stack.append((tag, cls, a))
        if tag == "article" and "answer" in cls:
            self.answer = a.get("id")
        if tag == "p" and ("answer-text" in cls or "answer-title" in cls):
            self.field = "text" if "answer-text" in cls else "title"
        if tag == "mark" and self.answer and self.field:
            self.mark = [a.get("data-ev", ""), ""]
    def handle_endtag(self, tag):
        if all(t != tag for t, _, _ in self.stack):
            return
        while self.stack:
            t, cls, a = self.stack.pop()
            if t == "mark" and self.mark is not None:
                self.marks.setdefault((self.answer, self.field), []).append(tuple(self.mark))
                self.mark = None
            if t == "p" and self.field:
                self.field = None
            if t == "article" and "answer" in cls:
                self.answer = None
            if t == tag:
                break
    def handle_data(self, data):
        if self.mark is not None:
            self.mark[1] += data

dom = Dom()
dom.feed(open(dom_path, encoding="utf-8").read())

def count(tag, cls):
    return sum(1 for t, c, _ in dom.elems if t == tag and cls in c)

def expect(what, got, want):
    if got != want:
        problems.append(f"{what}: {got}, expected {want}")

expect("stance bars (svg.stance-bar)", count("svg", "stance-bar"), len(questions))
expect("overview bars", count("svg", "overview-bar"), len(questions))
expect("specialty tables", count("table", "specialty-table"), len(questions))
for required in ("overview", "review-queue", "questions", "corpus"):
    if required not in dom.ids:
        problems.append(f"no element #{required}")
queue_table = [e for e in dom.elems if e[0] == "table" and "review" in e[1]]
if queue and not queue_table:
    problems.append("no review queue table")
for q in questions:
    if "q-" + q.get("id") not in dom.ids:
        problems.append(f"question {q.get('id')} has no section")
    for a in q.findall("answers/answer"):
        if "a-" + a.get("answer-id") not in dom.ids:
            problems.append(f"answer {a.get('answer-id')} has no article")
for target in dom.links:
    if target not in dom.ids:
        problems.append(f"link to #{target} leads nowhere")
for item in queue:
    if not any(l.endswith(item.get("answer-id")) or item.get("answer-id") in l for l in dom.links):
        problems.append(f"review item {item.get('rank')} has no link to its answer")

# Evidence: the marks carrying evidence k, joined, are exactly its text.
checked = 0
for q in questions:
    for a in q.findall("answers/answer") + q.findall("related/answer"):
        anchor = ("r-" if a.get("role") == "related" else "a-") + a.get("answer-id")
        evs = a.findall("evidence")
        for k, ev in enumerate(evs, 1):
            field = ev.get("in")
            pieces = [t for d, t in dom.marks.get((anchor, field), []) if str(k) in d.split()]
            if "".join(pieces) != (ev.text or ""):
                problems.append(f"{anchor} evidence {k} ({ev.get('rule')}): marked "
                                f"{''.join(pieces)!r}, expected {ev.text!r}")
            checked += 1
if sum(1 for k in dom.marks) and checked == 0:
    problems.append("no evidence checked")

# Layout from the probe copy.
m = re.search(r'<pre id="cn-probe">(.*?)</pre>', open(probe_path, encoding="utf-8").read(), re.S)
if not m:
    problems.append("the probe wrote nothing")
else:
    probe = json.loads(html.unescape(m.group(1)))
    expect("window width", probe["innerWidth"], width)
    if probe["scrollWidth"] > probe["innerWidth"]:
        problems.append(f"page wider than the window: {probe['scrollWidth']} > {probe['innerWidth']} "
                        f"({probe['wide']})")
    for w, h in probe["bars"]:
        if w < 200 or h < 20:
            problems.append(f"stance bar drawn {w}x{h} px")
    if probe["errors"]:
        problems.append(f"probe errors {probe['errors']}")

# The screenshot: decode the PNG (8-bit RGB/RGBA) and look at its pixels.
def png_pixels(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and ctype in (2, 6), f"PNG type {ctype}/{depth}"
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line); prev = line
    return w, h, bpp, rows

w, h, bpp, rows = png_pixels(png_path)
expect("screenshot width", w, width)
ink = blue = 0
for line in rows[::4]:
    for x in range(0, w * bpp, bpp * 2):
        r, g, b = line[x], line[x + 1], line[x + 2]
        if r < 235 or g < 235 or b < 235:
            ink += 1
        if abs(r - 0x00) < 12 and abs(g - 0x72) < 12 and abs(b - 0xb2) < 12:
            blue += 1
sampled = len(rows[::4]) * len(range(0, w * bpp, bpp * 2))
if ink < 0.05 * sampled:
    problems.append(f"screenshot nearly blank ({ink} of {sampled} sampled pixels inked)")
if questions and report.find("questions/question/stance-counts[@reassuring]") is not None and blue == 0:
    problems.append("no stance blue in the screenshot")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY
    ); then
      pass
    else
      fail "$name at ${width}px:"
      echo "$out" | head -20 >&2
    fi
  done
}

check_page sample "$tmp/sample"
check_page edge "$tmp/edge"
check_page override "$tmp/override"

# The override page marks the flipped answer and lists the unmatched override.
if grep -q "stance set by an editor" "$tmp/override/report.html" &&
  grep -q "flipped by test_html" "$tmp/override/report.html" &&
  grep -q 'id="unmatched-overrides"' "$tmp/override/report.html" &&
  grep -q "00000000deadbeef" "$tmp/override/report.html"; then
  pass
else
  fail "override page: editor's stance or the unmatched override not shown"
fi

cp "$SHOTS/sample.1280.png" "$SHOTS/report.png"
if [ "${CN_UPDATE_SCREENSHOT:-0}" = "1" ]; then
  cp "$SHOTS/sample.1280.png" reports/sample/report.png
  echo "test_html: updated reports/sample/report.png"
fi
echo "test_html: screenshots in $SHOTS"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
