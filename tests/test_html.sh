#!/usr/bin/env bash
# test_html: report.html in a real browser (Debian's headless Chromium).
#
# Renders the sample corpus' report.html (and the report of an edge-case
# corpus, and one made with editors' overrides) and fails on:
# - any console message: the page's one script is allowed by its hash in a
#   Content-Security-Policy that forbids every fetch, so a message means an
#   error, an external reference or a script that does not match its hash;
# - a script hash that is not the SHA-256 of the page's script (recomputed
#   here), and a tampered script that Chromium runs anyway;
# - collapsing, filtering (text, consensus, review reason) and sorting that
#   do not work, at 1280 and 390 pixels, driven by a probe page;
# - a missing element: one stance bar per question, the overview, the review
#   queue with a row per item whose link leads to an element of the page, one
#   stance-by-specialty table per question, every answer under its id;
# - evidence highlighting that does not cover exactly the evidence spans of
#   report.xml;
# - a page wider than the window at 1280 and at 390 pixels (a phone), measured
#   by a probe script in a copy of the page;
# - a blank screenshot (too few non-white pixels, no stance blue);
# - report.html differing between two runs;
# - a 500-question corpus (tests/gen_questions.py) whose report.html weighs
#   10 MB or more or does not open and lay out in headless Chromium (the time
#   it takes is printed, not asserted), or whose views by claim and by
#   physician disagree with its report.json.
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
{"url":"https://example.org/q4","question":"Rhinoplasty/Septoplasty/TurbinateReduction/ChinImplant/FatGrafting/Blepharoplasty/BrowliftRecoveryTimeline/CanIFlyAfterOneWeek?","answers":[{"title":"Flying","text":"Flying a week after surgery is usually fine if you feel well.","name":"Ann Lee, MD","city":"Austin","specialty":"Dermatologist","rating":4.5,"reviews":3}]}
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
    // Every collapsible part open: nothing in it may be wider than the window.
    Array.prototype.forEach.call(doc.querySelectorAll('details'), function (e) { e.open = true; });
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
    // a table laid out as cards (table.stack) may not scroll sideways in its box either
    out.wide = out.wide.concat(Array.prototype.filter.call(doc.querySelectorAll('.table-wrap'), function (e) {
      return e.querySelector('table.stack') && e.scrollWidth > e.clientWidth + 1 && w.innerWidth < 760;
    }).slice(0, 5).map(function (e) { return 'scrolling ' + e.firstElementChild.className; }));
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
        self.brief = set()       # answers shown in brief (no text, no marks)
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
            if "brief" in cls:
                self.brief.add(self.answer)
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
        if anchor in dom.brief:
            continue
        evs = a.findall("evidence")
        for k, ev in enumerate(evs, 1):
            field = ev.get("in")
            pieces = [t for d, t in dom.marks.get((anchor, field), []) if str(k) in d.split()]
            if "".join(pieces) != (ev.text or ""):
                problems.append(f"{anchor} evidence {k} ({ev.get('rule')}): marked "
                                f"{''.join(pieces)!r}, expected {ev.text!r}")
            checked += 1
n_answers = len(report.findall("questions/question/answers/answer"))
if n_answers <= 1500 and dom.brief:
    problems.append(f"{len(dom.brief)} answers shown in brief on a page of only {n_answers} answers")
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
    elif probe["wide"]:
        # content-visibility clips a section's overflow instead of widening the page
        problems.append(f"elements wider than the window: {probe['wide']}")
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

# ---- the script: its hash, collapsing, filtering, sorting ----

# The one inline script is allowed by its SHA-256 in the Content-Security-
# Policy: recompute it from the generated page (editing the script without
# updating the hash in reports/report.xsl fails here, and in the browser).
if out=$("$PY" - "$tmp/sample/report.html" <<'PY'
import base64, hashlib, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', page)
problems = []
if len(scripts) != 1:
    problems.append(f"{len(scripts)} script elements, expected 1")
elif scripts[0][0].strip():
    problems.append(f"script element has attributes: {scripts[0][0]!r}")
if not csp:
    problems.append("no Content-Security-Policy")
else:
    policy = dict((d.split(None, 1) + [""])[:2] for d in (x.strip() for x in csp.group(1).split(";")) if d)
    if policy.get("default-src") != "'none'":
        problems.append(f"default-src is {policy.get('default-src')!r}")
    for directive in ("connect-src", "img-src", "script-src"):
        if "http" in policy.get(directive, "") or "*" in policy.get(directive, ""):
            problems.append(f"{directive} allows a fetch: {policy[directive]!r}")
    if scripts:
        want = "'sha256-%s'" % base64.b64encode(hashlib.sha256(scripts[0][1].encode("utf-8")).digest()).decode()
        if policy.get("script-src") != want:
            problems.append(f"script-src is {policy.get('script-src')!r}, the script's hash is {want}")
print("\n".join(problems))
sys.exit(1 if problems else 0)
PY
); then pass; else fail "script hash / CSP:"; echo "$out" >&2; fi

# A page whose script no longer matches its hash: Chromium refuses to run it
# (a console message), and the page is still complete (every question, the
# filter bar left hidden).
mkdir -p "$tmp/tampered"
sed 's/"use strict";/"use strict"; /' "$tmp/sample/report.html" >"$tmp/tampered/report.html"
chrome "file://$tmp/tampered/report.html" "$tmp/tampered.dom.html" "$tmp/tampered.log" 1280 --dump-dom
nq=$(grep -c '<section class="question"\|<details class="question"' "$tmp/sample/report.html" || true)
if grep -q ':CONSOLE.*Content Security Policy' "$tmp/tampered.log" &&
  grep -q '<form id="filters" class="filters" hidden=' "$tmp/tampered.dom.html" &&
  [ "$(grep -o '<details class="question"' "$tmp/tampered.dom.html" | wc -l)" -eq "$nq" ]; then
  pass
else
  fail "a script that does not match its hash ran, or the page without it is incomplete"
fi

# The interactions, driven from a probe page that holds the report in an
# iframe WIDTH pixels wide: a closed question's body is hidden and clicking
# its line shows it; a link into a closed question opens it; typing in the
# filter hides the questions (and their overview rows) that do not match, and
# so do the consensus and review-reason filters; a click on a column header
# sorts the overview. Chromium may print nothing on the console.
make_interact() {
  "$PY" - "$1" "$2" "$3" <<'PY'
import html, sys
page = open(sys.argv[1], encoding="utf-8").read()
width = int(sys.argv[3])
probe = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<iframe id="f" style="border:0;width:%dpx;height:2400px" srcdoc="%s"></iframe>
<script>
document.getElementById('f').addEventListener('load', function () {
  var w = this.contentWindow, doc = this.contentDocument, out = {errors: []};
  var all = function (sel) { return Array.prototype.slice.call(doc.querySelectorAll(sel)); };
  // checkVisibility: the body of a closed <details> has boxes, but sits under content-visibility: hidden
  var visible = function (e) { return e.checkVisibility() && e.getBoundingClientRect().height > 0; };
  var shown = function () { return all('details.question').filter(function (q) { return !q.hidden && visible(q); }).map(function (q) { return q.id; }); };
  var rows = function () { return all('table.overview tbody tr').filter(visible).length; };
  var input = function (el, value) { el.value = value; el.dispatchEvent(new w.Event('input', {bubbles: true})); };
  try {
    var qs = all('details.question'), form = doc.getElementById('filters');
    out.questions = qs.length;
    out.formShown = !!form && !form.hidden && visible(form);
    out.openAtLoad = qs.filter(function (q) { return q.open; }).map(function (q) { return q.id; });
    out.mostContested = all('table.overview tbody tr').slice(0, 3).map(function (r) { return 'q-' + r.dataset.q; });
    var closed = qs.filter(function (q) { return !q.open; })[0];
    if (closed) {
      var body = closed.querySelector('.q-inner');
      out.closedBodyVisible = visible(body);
      out.closedLineVisible = visible(closed.querySelector('summary'));
      closed.querySelector('summary').click();
      out.openedBodyVisible = visible(body);
      closed.querySelector('summary').click();
      out.reclosedBodyVisible = visible(body);
      var answer = closed.querySelector('article.answer');
      w.location.hash = '#' + answer.id;
      w.dispatchEvent(new w.HashChangeEvent('hashchange'));
      out.linkOpened = closed.open && visible(answer);
      closed.open = false;
    }
    var last = qs[qs.length - 1];
    out.text = last.querySelector('.q-title').textContent.trim();
    input(form.elements.text, out.text.toUpperCase());
    out.textShown = shown(); out.textRows = rows();
    out.textClaimGroups = all('details.claim-group').filter(function (g) { return !g.hidden; }).length;
    out.count = doc.getElementById('filter-count').textContent;
    out.scrollWidth = doc.documentElement.scrollWidth; out.innerWidth = w.innerWidth;
    input(form.elements.text, '');
    out.clearedShown = shown().length;
    out.level = last.dataset.level;
    input(form.elements.level, out.level);
    out.levelShown = shown(); out.levelRows = rows();
    input(form.elements.level, '');
    var reasons = Array.prototype.slice.call(form.elements.reason.options).map(function (o) { return o.value; }).filter(Boolean);
    if (reasons.length) {
      out.reason = reasons[0];
      input(form.elements.reason, out.reason);
      out.reasonShown = shown();
      out.reasonQueueRows = all('table.review tbody tr').filter(visible).length;
      input(form.elements.reason, '');
    }
    var th = all('table.overview thead th').filter(function (t) { return t.textContent.trim().indexOf('Answers') === 0; })[0];
    var col = Array.prototype.indexOf.call(th.parentNode.cells, th);
    var values = function () { return all('table.overview tbody tr').map(function (r) { return Number(r.cells[col].textContent); }); };
    th.querySelector('button').click(); out.sortedUp = values();
    th.querySelector('button').click(); out.sortedDown = values();
    var rth = all('table.review thead th').filter(function (t) { return t.textContent.trim().indexOf('Confidence') === 0; })[0];
    if (rth) {
      var rcol = Array.prototype.indexOf.call(rth.parentNode.cells, rth);
      rth.querySelector('button').click();
      out.queueByConfidence = all('table.review tbody tr').map(function (r) { return parseFloat(r.cells[rcol].textContent); });
    }
  } catch (e) { out.errors.push(String(e && e.stack || e)); }
  var pre = document.createElement('pre'); pre.id = 'cn-probe';
  pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
});
</script></body></html>""" % (width, html.escape(page, quote=True))
open(sys.argv[2], "w", encoding="utf-8").write(probe)
PY
}

for width in 1280 390; do
  make_interact "$tmp/sample/report.html" "$tmp/interact.html" "$width"
  chrome "file://$tmp/interact.html" "$tmp/interact.$width.html" "$tmp/interact.$width.log" "$width" --dump-dom
  if grep -q ':CONSOLE' "$tmp/interact.$width.log"; then
    fail "interactions at ${width}px: console messages:"
    grep ':CONSOLE' "$tmp/interact.$width.log" | head -5 >&2
  else
    pass
  fi
  if out=$("$PY" - "$tmp/sample/report.xml" "$tmp/interact.$width.html" <<'PY'
import html, json, re, sys
import xml.etree.ElementTree as ET
report = ET.parse(sys.argv[1]).getroot()
m = re.search(r'<pre id="cn-probe">(.*?)</pre>', open(sys.argv[2], encoding="utf-8").read(), re.S)
if not m:
    print("the interaction probe wrote nothing"); sys.exit(1)
p = json.loads(html.unescape(m.group(1)))
qs = report.findall("questions/question")
problems = list(p["errors"])
def expect(what, got, want):
    if got != want:
        problems.append(f"{what}: {got!r}, expected {want!r}")
expect("questions", p.get("questions"), len(qs))
expect("filter bar shown by the script", p.get("formShown"), True)
expect("questions open at load (the most contested)", p.get("openAtLoad"), p.get("mostContested"))
if len(qs) > 3:
    expect("a closed question's body visible", p.get("closedBodyVisible"), False)
    expect("a closed question's line visible", p.get("closedLineVisible"), True)
    expect("the body after a click on the line", p.get("openedBodyVisible"), True)
    expect("the body after a second click", p.get("reclosedBodyVisible"), False)
    expect("a link to an answer in a closed question opens it", p.get("linkOpened"), True)
def name(q):
    return (q.findtext("title") or q.findtext("claim") or "").strip()
want = sorted("q-" + q.get("id") for q in qs
              if p["text"].lower() in (name(q) + " " + (q.findtext("claim") or "")).lower())
expect("questions shown for the text filter", sorted(p.get("textShown", [])), want)
expect("overview rows shown for the text filter", p.get("textRows"), len(want))
groups = {("adhoc" if q.find("claim").get("source") == "adhoc" else q.find("claim").get("id"))
          for q in qs if "q-" + q.get("id") in want}
expect("claim groups left by the text filter", p.get("textClaimGroups"), len(groups))
expect("filter count", p.get("count"), f"{len(want)} of {len(qs)} questions shown")
if len(want) == len(qs):
    problems.append("the text filter hid nothing: no test")
if p.get("scrollWidth", 0) > p.get("innerWidth", 0):
    problems.append(f"filtered page wider than the window: {p.get('scrollWidth')} > {p.get('innerWidth')}")
expect("questions shown after clearing", p.get("clearedShown"), len(qs))
want = sorted("q-" + q.get("id") for q in qs if q.find("consensus").get("level") == p["level"])
expect("questions shown for consensus " + p["level"], sorted(p.get("levelShown", [])), want)
expect("overview rows for consensus " + p["level"], p.get("levelRows"), len(want))
if "reason" in p:
    items = [i for i in report.findall("review-queue/item") if any(r.get("code") == p["reason"] for r in i.findall("reason"))]
    want = sorted(set("q-" + i.get("question-id") for i in items))
    expect("questions shown for review reason " + p["reason"], sorted(p.get("reasonShown", [])), want)
    expect("review rows shown for " + p["reason"], p.get("reasonQueueRows"), len(items))
answers = sorted(int(q.get("answers")) for q in qs)
expect("overview sorted by answers, ascending", p.get("sortedUp"), answers)
expect("overview sorted by answers, descending", p.get("sortedDown"), answers[::-1])
items = report.findall("review-queue/item")
if items:
    got = p.get("queueByConfidence") or []
    if len(got) != len(items) or got != sorted(got):
        problems.append(f"review queue sorted by confidence: {got}")
print("\n".join(problems))
sys.exit(1 if problems else 0)
PY
  ); then pass; else fail "interactions at ${width}px:"; echo "$out" | head -20 >&2; fi
done

# ---- 500 questions: size and time to open ----
# A corpus written by tests/gen_questions.py (500 question pages, 2 to 24
# answers each, physicians answering many of them). Its report.html must stay
# under 10 MB and open and lay out; the time from setting an iframe's src to
# its load event, layout done, is printed (a figure, not a limit: speed is for
# benchmarks, and a busy CI machine would make a limit flaky).
"$PY" tests/gen_questions.py "$tmp/big-in" 500
"$BIN" analyze "$tmp/big-in" --out "$tmp/big" --quiet
big_bytes=$(stat -c %s "$tmp/big/report.html")
big_q=$(grep -o '<details class="question"' "$tmp/big/report.html" | wc -l)
if [ "$big_q" -eq 500 ] && [ "$big_bytes" -lt 10000000 ]; then pass; else fail "500-question page: $big_q questions, $big_bytes bytes (limit 10,000,000)"; fi
# The per-claim and per-physician views, grouped in XSLT, against report.json:
# a group per catalog claim (plus one for questions judged against
# themselves), a list per named physician answering two questions or more
# with an entry (linked to the answer) per answer.
if out=$("$PY" - "$tmp/big/report.json" "$tmp/big/report.html" <<'PY'
import json, re, sys
from collections import defaultdict
r = json.load(open(sys.argv[1], encoding="utf-8"))
page = open(sys.argv[2], encoding="utf-8").read()
claims, adhoc, by_name = set(), 0, defaultdict(list)
for q in r["questions"]:
    if q["claim"]["source"] == "adhoc":
        adhoc = 1
    else:
        claims.add(q["claim"]["id"])
    for a in q["answer_list"]:
        name = (a.get("physician") or {}).get("name")
        if name:
            by_name[name].append((q["id"], a["answer_id"]))
several = {n: v for n, v in by_name.items() if len({qid for qid, _ in v}) > 1}
problems = []
got = page.count('<details class="claim-group"')
if got != len(claims) + adhoc:
    problems.append(f"claim groups: {got}, expected {len(claims) + adhoc}")
section = re.search(r'<section id="physicians".*?</section>', page, re.S).group(0)
lists = re.findall(r'<details class="physician".*?<strong>(.*?)</strong>.*?</details>', section, re.S)
if sorted(lists) != sorted(several):
    problems.append(f"physicians listed: {len(lists)}, expected {len(several)}")
for block in re.findall(r'<details class="physician".*?</details>', section, re.S):
    name = re.search(r"<strong>(.*?)</strong>", block).group(1).replace("&amp;", "&")
    links = re.findall(r'href="#a-([0-9a-f]+)"', block)
    if name in several and sorted(links) != sorted(a for _, a in several[name]):
        problems.append(f"{name}: links to {len(links)} answers, expected {len(several[name])}")
# every link leads somewhere; queued and dissenting answers are never cut
# short; the page says where the answers shown in brief are
ids = set(re.findall(r' id="([^"]+)"', page))
dead = [h for h in re.findall(r'href="#([^"]+)"', page) if h not in ids]
if dead:
    problems.append(f"{len(dead)} links lead nowhere, e.g. #{dead[0]}")
brief = set(re.findall(r'<article class="answer brief [a-z]+" id="a-([0-9a-f]+)"', page))
queued = {i["answer_id"] for i in r["review_queue"]}
dissent = {a["answer_id"] for q in r["questions"] for a in q["answer_list"] if a.get("dissent")}
if not brief:
    problems.append("no answer shown in brief on a 500-question page: no test of the cap")
if brief & (queued | dissent):
    problems.append(f"{len(brief & (queued | dissent))} queued or dissenting answers shown in brief")
if "shown in brief" not in page or "answers.jsonl" not in page:
    problems.append("the page does not say that some answers are shown in brief, nor where they are")
if len(several) < 5:
    problems.append(f"only {len(several)} physicians answer several questions: no test")
print("\n".join(problems[:10]))
sys.exit(1 if problems else 0)
PY
); then pass; else fail "500-question page, views by claim and physician:"; echo "$out" >&2; fi
cat >"$tmp/big/cn-time.html" <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0">
<script>
var t0 = performance.now(), f = document.createElement('iframe');
f.style.cssText = 'border:0;width:100%;height:2400px';
f.addEventListener('load', function () {
  var out = {};
  try {
    out.height = f.contentDocument.documentElement.scrollHeight;  // layout done
    out.ms = Math.round(performance.now() - t0);
  } catch (e) { out.error = String(e); }
  var pre = document.createElement('pre'); pre.id = 'cn-time';
  pre.textContent = JSON.stringify(out); document.body.appendChild(pre);
});
f.src = 'report.html';
document.body.appendChild(f);
</script></body></html>
HTML
for width in 1280 390; do
  best=
  for run in 1 2; do
    chrome "file://$tmp/big/cn-time.html" "$tmp/big.$width.html" "$tmp/big.$width.log" "$width" \
      --allow-file-access-from-files --dump-dom
    ms=$(sed -n 's/.*<pre id="cn-time">{[^}]*"ms":\([0-9]*\).*/\1/p' "$tmp/big.$width.html")
    if [ -n "$ms" ] && { [ -z "$best" ] || [ "$ms" -lt "$best" ]; }; then best=$ms; fi
    [ -n "$best" ] && break
  done
  # The time is reported, not asserted: speed belongs to benchmarks, and a
  # shared CI machine makes any limit flaky. What is asserted is that the page
  # opens and lays out (a height and a time came back) without console
  # messages; its weight is bounded by the byte limit above.
  echo "test_html: 500 questions at ${width}px: $big_bytes bytes, opened in ${best:-?} ms"
  if grep -q ':CONSOLE' "$tmp/big.$width.log"; then
    fail "500-question page at ${width}px: console messages:"
    grep ':CONSOLE' "$tmp/big.$width.log" | head -5 >&2
  elif [ -n "$best" ] && grep -q '"height":[1-9]' "$tmp/big.$width.html"; then
    pass
  else
    fail "500-question page at ${width}px: did not open and lay out ($(grep -o '<pre id="cn-time">[^<]*' "$tmp/big.$width.html" | head -1))"
  fi
done

cp "$SHOTS/sample.1280.png" "$SHOTS/report.png"
if [ "${CN_UPDATE_SCREENSHOT:-0}" = "1" ]; then
  cp "$SHOTS/sample.1280.png" reports/sample/report.png
  echo "test_html: updated reports/sample/report.png"
fi
echo "test_html: screenshots in $SHOTS"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
