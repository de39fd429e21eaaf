<?xml version="1.0" encoding="UTF-8"?>
<!--
  report.xsl: turns report.xml (reports/report.xsd) into report.html, one
  static, self-contained page for editors: a corpus overview (questions from
  the most to the least contested, the review queue), a filter bar, then per
  question (collapsible) a stacked bar of the stances, the summary sentence
  and consensus level, the stance-by-specialty table with small bars, and the
  answers grouped by stance with their evidence highlighted in the text; then
  the questions grouped by claim and the stances of each physician who
  answers several questions.

  XSLT 1.0 for libxslt (analyzer/cn_report_html.c). The page loads nothing:
  CSS and SVG are inline, and a Content-Security-Policy forbids any fetch, so
  a stray external reference shows up as a console error in
  tests/test_html.sh instead of a silent network request. One small inline
  script (filter, sort, open the question a link points into) runs because
  the policy names its SHA-256; without it the page is complete, only not
  filterable or sortable.

  Stance colors are the Okabe-Ito blue and orange and a dark purple, told
  apart by lightness and pattern as well (cautionary striped, contraindicated
  dotted) and always named in text, so nothing relies on hue alone.
  Output depends on the input only: no dates, no generated ids.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">

  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>

  <xsl:key name="question" match="/report/questions/question" use="@id"/>
  <xsl:key name="review-by-question" match="/report/review-queue/item" use="@question-id"/>
  <xsl:key name="review-by-answer" match="/report/review-queue/item" use="@answer-id"/>
  <!-- Muenchian grouping for the filter bar and the per-claim and
       per-physician views: report.xml has no such lists, they are computed
       here from the questions and answers it already holds. -->
  <xsl:key name="reason-code" match="/report/review-queue/item/reason" use="@code"/>
  <xsl:key name="specialty-name" match="/report/questions/question/specialties/specialty[@name]" use="@name"/>
  <xsl:key name="by-claim" match="/report/questions/question" use="claim/@id"/>
  <xsl:key name="by-physician" match="/report/questions/question/answers/answer[physician/@name]"
           use="physician/@name"/>

  <!-- How much of the page is open or drawn in full, so that a corpus of
       hundreds of questions stays a page a browser opens quickly (the
       500-question check of tests/test_html.sh: under 10 MB, under 3 s).
       open-questions: the most contested questions open at load, where an
       editor starts; the rest are one summary line each until clicked.
       page-answers: up to this many answers (the 226 real pages of
       tests/real have 679) every answer is shown in full. Beyond it:
       full-answers: per question, the answers shown with their whole text and
       evidence; beyond the full-questions most contested questions, none
       are, and their stances by specialty take one line instead of a table.
       Any answer in the review queue or dissenting is always shown in full;
       the others in one line (the whole text is in answers.jsonl /
       answers.csv under the same id). -->
  <xsl:param name="open-questions" select="3"/>
  <xsl:param name="page-answers" select="1500"/>
  <xsl:param name="full-questions" select="60"/>
  <xsl:param name="full-answers" select="6"/>

  <xsl:variable name="nl" select="'&#10;'"/>
  <xsl:variable name="capped" select="count(/report/questions/question/answers/answer) &gt; $page-answers"/>

  <!-- ===================================================== page ===== -->

  <xsl:template match="/report">
    <html lang="en">
      <head>
        <!-- The one inline script (template "script") is allowed by its
             SHA-256, nothing else runs, and nothing is fetched. The hash is
             computed from the script's text at development time:
               python3 -c 'import re,hashlib,base64,sys; s=re.search(r"<script>(.*?)</script>", open(sys.argv[1]).read(), re.S).group(1); print(base64.b64encode(hashlib.sha256(s.encode()).digest()).decode())' report.html
             tests/test_html.sh and tests/test_report_html.c recompute it from
             the generated page, so a script edited without its hash fails. -->
        <meta http-equiv="Content-Security-Policy"
              content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-h780H1mCqGlySyrTrJuAGCfFl2aj2dVyXruKEcHvx14='; form-action 'none'; base-uri 'none'"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="generator" content="consensus {generator/@version}"/>
        <link rel="icon" href="data:,"/>
        <title>Physician consensus report</title>
        <style><xsl:call-template name="css"/></style>
      </head>
      <body>
        <xsl:value-of select="$nl"/>
        <xsl:call-template name="svg-defs"/>
        <xsl:value-of select="$nl"/>
        <header class="page-head">
          <div class="wrap">
            <h1>Physician consensus report</h1>
            <p class="corpus-line">
              <xsl:value-of select="corpus/@questions"/> questions ·
              <xsl:value-of select="corpus/@distinct-answers"/> distinct answers from
              <xsl:value-of select="corpus/@physicians"/> physicians ·
              <xsl:value-of select="corpus/@files-read"/> files ·
              <xsl:value-of select="corpus/@duplicates"/> duplicates merged ·
              <xsl:value-of select="corpus/@related-excerpts"/> related-question excerpts set aside
              <xsl:if test="corpus/@overrides &gt; 0"> ·
                <xsl:value-of select="corpus/@overridden-answers"/> stances set by editors
                (<xsl:value-of select="corpus/@overrides"/> overrides given)</xsl:if>
            </p>
            <nav class="toc">
              <a href="#overview">Overview</a>
              <a href="#review-queue">Review queue</a>
              <a href="#questions">Questions</a>
              <a href="#claims">By claim</a>
              <a href="#physicians">By physician</a>
              <a href="#corpus">Agreement &amp; specialties</a>
            </nav>
          </div>
        </header>
        <xsl:value-of select="$nl"/>
        <main class="wrap">
          <xsl:call-template name="legend"/>
          <xsl:value-of select="$nl"/>
          <xsl:call-template name="filter-bar"/>
          <xsl:value-of select="$nl"/>
          <xsl:if test="corpus/skipped">
            <section class="skipped" aria-label="Skipped inputs">
              <h2>Skipped inputs</h2>
              <ul>
                <xsl:for-each select="corpus/skipped">
                  <li><code><xsl:value-of select="@file"/></code>: <xsl:value-of select="."/></li>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
          <xsl:if test="unmatched-overrides/override">
            <section class="skipped" id="unmatched-overrides" aria-label="Unmatched overrides">
              <h2>Editor overrides that matched no answer (not applied)</h2>
              <ul>
                <xsl:for-each select="unmatched-overrides/override">
                  <li>
                    <code><xsl:value-of select="@answer-id"/></code> →
                    <xsl:call-template name="badge"><xsl:with-param name="s" select="@stance"/></xsl:call-template>
                    <xsl:if test="@editor"> by <xsl:value-of select="@editor"/></xsl:if>
                    <xsl:if test="string(.) != ''">: <xsl:value-of select="."/></xsl:if>
                  </li>
                </xsl:for-each>
              </ul>
            </section>
          </xsl:if>
          <xsl:apply-templates select="questions" mode="overview"/>
          <xsl:value-of select="$nl"/>
          <xsl:apply-templates select="review-queue"/>
          <xsl:value-of select="$nl"/>
          <section id="questions" aria-label="Questions">
            <h2>Questions</h2>
            <p class="note">From most to least contested. The first <xsl:value-of select="$open-questions"/>
              are open; click a question's line to open or close it.
              <xsl:if test="$capped">
                This report has <xsl:value-of select="count(questions/question/answers/answer)"/> answers: to keep
                the page quick to open, the
                <xsl:if test="count(questions/question) &gt; $full-questions"><xsl:value-of select="$full-questions"/> most contested</xsl:if>
                questions show their first <xsl:value-of select="$full-answers"/> answers in full<xsl:if test="count(questions/question) &gt; $full-questions">
                and the others none (their stances by specialty in one line)</xsl:if>;
                every answer that dissents or is in the review queue is shown in full. The rest are listed in one line
                (marked “shown in brief”, with their opening words among the most contested); their whole text and
                evidence are in <code>answers.jsonl</code> and <code>answers.csv</code> under the id shown.</xsl:if></p>
            <xsl:apply-templates select="questions/question">
              <!-- Most contested by evidence: how surely no stance holds a true
                   majority (consensus/@contested), so 10 of 30 evenly split
                   answers come before a three-way tie among three. -->
              <xsl:sort select="number(boolean(consensus/@contested))" data-type="number" order="descending"/>
              <xsl:sort select="number(consensus/@contested)" data-type="number" order="descending"/>
              <xsl:sort select="number(consensus/@entropy)" data-type="number" order="descending"/>
              <xsl:sort select="number(@answers)" data-type="number" order="descending"/>
              <xsl:sort select="@id"/>
            </xsl:apply-templates>
          </section>
          <xsl:value-of select="$nl"/>
          <xsl:call-template name="claims-view"/>
          <xsl:value-of select="$nl"/>
          <xsl:call-template name="physicians-view"/>
          <xsl:value-of select="$nl"/>
          <xsl:call-template name="corpus-figures"/>
        </main>
        <xsl:value-of select="$nl"/>
        <footer class="wrap page-foot">
          Generated by consensus <xsl:value-of select="generator/@version"/> ·
          rules sha256 <code title="{generator/@rules-sha256}"><xsl:value-of select="substring(generator/@rules-sha256, 1, 12)"/></code> ·
          seed <xsl:value-of select="generator/@seed"/> ·
          consensus levels: strong ≥ <xsl:call-template name="pct"><xsl:with-param name="x" select="settings/@strong"/></xsl:call-template>,
          moderate ≥ <xsl:call-template name="pct"><xsl:with-param name="x" select="settings/@moderate"/></xsl:call-template>,
          weak ≥ <xsl:call-template name="pct"><xsl:with-param name="x" select="settings/@weak"/></xsl:call-template>
          majority share, with at least <xsl:value-of select="settings/@min-answers"/> answers taking a stance.
        </footer>
        <xsl:value-of select="$nl"/>
        <xsl:call-template name="script"/>
        <xsl:value-of select="$nl"/>
      </body>
    </html>
  </xsl:template>

  <!-- =================================================== script ===== -->

  <!-- The page's only script: opens the question a link points into, the
       filter bar (shown only when the script runs, so a page without script
       shows no dead controls), "open all / close all", and sortable table
       columns. No network, no external file. Everything it filters or sorts
       is in the page without it. Editing this text changes its SHA-256: put
       the new hash into the Content-Security-Policy above (the tests fail
       until then). -->
  <xsl:template name="script">
    <script><xsl:text disable-output-escaping="yes"><![CDATA[
(function () {
  "use strict";
  var d = document, each = function (l, f) { Array.prototype.forEach.call(l, f); };
  d.documentElement.className += " js";  // shows the sort headers on a phone
  var qs = d.querySelectorAll("details.question"), form = d.getElementById("filters");
  // A link to an answer inside a closed question opens it first.
  function reveal() {
    var t = location.hash && d.getElementById(decodeURIComponent(location.hash.slice(1)));
    for (var e = t; e; e = e.parentElement) if (e.tagName === "DETAILS") e.open = true;
    if (t) t.scrollIntoView();
  }
  addEventListener("hashchange", reveal);
  reveal();
  addEventListener("beforeprint", function () { each(qs, function (q) { q.open = true; }); });
  // Filters: a question shows when it matches every control; rows elsewhere
  // that belong to a question (data-q) follow it.
  if (form) {
    var f = form.elements, out = d.getElementById("filter-count");
    each(qs, function (q) {
      q.cnText = q.querySelector(".q-title").textContent.toLowerCase() + " " +
                 q.querySelector(".q-claim").textContent.toLowerCase();
    });
    var run = function () {
      var t = f.text.value.trim().toLowerCase(), sp = f.specialty.value, lv = f.level.value,
          rs = f.reason.value, shown = {}, n = 0;
      each(qs, function (q) {
        var ok = (!t || q.cnText.indexOf(t) >= 0) &&
                 (!sp || q.dataset.specialties.indexOf("|" + sp + "|") >= 0) &&
                 (!lv || q.dataset.level === lv) &&
                 (!rs || q.dataset.reasons.indexOf("|" + rs + "|") >= 0);
        q.hidden = !ok;
        if (ok) { shown[q.id] = 1; n++; }
      });
      each(d.querySelectorAll("[data-q]"), function (r) {
        r.hidden = !shown["q-" + r.dataset.q] ||
                   !!(rs && r.dataset.reasons && r.dataset.reasons.indexOf("|" + rs + "|") < 0);
      });
      // a claim or physician group with nothing left to show goes too
      each(d.querySelectorAll("details.claim-group, details.physician"), function (g) {
        g.hidden = !g.querySelector("li:not([hidden])");
      });
      out.textContent = n + " of " + qs.length + " questions shown";
    };
    form.addEventListener("input", run);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("click", function (e) {
      var open = e.target.getAttribute("data-open");
      if (open) each(qs, function (q) { if (!q.hidden) q.open = open === "all"; });
    });
    form.hidden = false;
    run();
  }
  // Sortable tables: a click on a column header sorts by that column
  // (data-sort, else the cell's text; numbers as numbers), again to reverse.
  var key = function (c) {
    var v = c.getAttribute("data-sort");
    if (v === null) v = c.textContent.trim();
    var n = parseFloat(v);
    return isNaN(n) ? v.toLowerCase() : n;
  };
  each(d.querySelectorAll("table.sortable"), function (tb) {
    var ths = tb.tHead.rows[0].cells;
    each(ths, function (th, i) {
      var b = d.createElement("button");
      b.type = "button";
      b.className = "sort";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () {
        var up = th.getAttribute("aria-sort") !== "ascending", body = tb.tBodies[0];
        each(ths, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", up ? "ascending" : "descending");
        Array.prototype.slice.call(body.rows).sort(function (r, s) {
          var x = key(r.cells[i]), y = key(s.cells[i]);
          var c = typeof x !== typeof y ? (typeof x === "number" ? -1 : 1) : x < y ? -1 : x > y ? 1 : 0;
          return up ? c : -c;
        }).forEach(function (r) { body.appendChild(r); });
      });
    });
  });
})();
]]></xsl:text></script>
  </xsl:template>

  <!-- ====================================================== CSS ===== -->

  <xsl:template name="css">
:root {
  --reassuring: #0072b2; --cautionary: #e69f00; --contraindicated: #5b2c83; --none: #c9c9c9;
  --reassuring-bg: #dcecf7; --cautionary-bg: #fcebc8; --contraindicated-bg: #ebdff4;
  --ink: #1d1d1f; --muted: #5c5c66; --line: #d9d9e0; --panel: #f6f6f9; --link: #005a8c;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
.wrap { max-width: 1120px; margin: 0 auto; padding: 0 20px; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--cautionary); outline-offset: 2px; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .5rem; }
code { font: .85em/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.page-head { background: #20232a; color: #fff; padding: 18px 0 12px; }
.page-head a { color: #cfe6ff; }
.corpus-line { margin: 0 0 .5rem; color: #dfe1e6; }
.toc { display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; font-weight: 600; }
.legend { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.2rem; margin: 16px 0 0; padding: 10px 14px; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; font-size: .92rem; }
.legend .key { display: inline-flex; align-items: center; gap: .4rem; }
.legend svg { width: 28px; height: 16px; flex: none; }
.legend .hl { display: inline-flex; flex-wrap: wrap; gap: .3rem .8rem; }
.muted { color: var(--muted); }
.note { color: var(--muted); font-size: .9rem; }
.corpus-summary { font-size: 1.05rem; margin: .4rem 0 .6rem; }
.skipped { border-left: 4px solid var(--cautionary); padding: 2px 14px; background: #fff8ea; margin-top: 16px; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--panel); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.table-wrap { overflow-x: auto; }
.badge { display: inline-block; padding: 0 .45em; border-radius: 4px; font-size: .82rem; font-weight: 700; line-height: 1.55; white-space: nowrap; border: 1px solid transparent; }
.badge.reassuring { background: var(--reassuring); color: #fff; }
.badge.cautionary { background: repeating-linear-gradient(45deg, var(--cautionary) 0 6px, #f0b73e 6px 9px); color: #1d1d1f; }
.badge.contraindicated { background: radial-gradient(circle, #8a63ad 1.2px, transparent 1.6px) 0 0/6px 6px, var(--contraindicated); color: #fff; }
.badge.none { background: var(--none); color: #1d1d1f; }
.level { display: inline-block; padding: 0 .5em; border-radius: 999px; font-size: .82rem; font-weight: 700; border: 1.5px solid var(--ink); white-space: nowrap; }
.level.strong { background: var(--ink); color: #fff; }
.level.moderate { background: #5c5c66; color: #fff; border-color: #5c5c66; }
.level.weak { background: #fff; }
.level.none, .level.insufficient { background: #fff; border-style: dashed; color: var(--muted); border-color: var(--muted); }
.flag { display: inline-block; font-size: .78rem; padding: 0 .4em; border-radius: 4px; border: 1px solid var(--muted); color: var(--muted); white-space: nowrap; }
.flag.editor { border-color: #005a8c; color: #005a8c; font-weight: 700; }
.flag.warn { border-color: #8a5a00; color: #8a5a00; }
svg.stance-bar { display: block; width: 100%; max-width: 720px; }
svg.overview-bar { display: block; width: 200px; height: 22px; }
.ov-summary { color: var(--muted); font-size: .85rem; margin-top: .15rem; }
svg.spec-bar { display: block; width: 140px; height: 14px; }
.bar-keys { display: flex; flex-wrap: wrap; gap: .2rem 1rem; margin: .3rem 0 0; font-size: .9rem; }
.bar-keys span { white-space: nowrap; }
g.seg rect { stroke: #fff; stroke-width: 1px; }
.sw { display: inline-block; width: .8em; height: .8em; border-radius: 2px; vertical-align: -.05em; margin-right: .3em; border: 1px solid rgba(0,0,0,.25); }
.sw.reassuring { background: var(--reassuring); }
.sw.cautionary { background: repeating-linear-gradient(45deg, var(--cautionary) 0 3px, #f6cf7c 3px 5px); }
.sw.contraindicated { background: radial-gradient(circle, #9c7bbd 1px, transparent 1.3px) 0 0/4px 4px, var(--contraindicated); }
.sw.none { background: var(--none); }
[hidden] { display: none !important; }
/* Sections below the first screen are laid out when scrolled near: a page
   of hundreds of questions opens without laying out all of it. */
#review-queue, #questions, #claims, #physicians, #corpus { content-visibility: auto; contain-intrinsic-size: auto 2000px; }
.question { border-top: 3px solid var(--ink); margin-top: 1.2rem; padding-top: .3rem; }
details.question > summary.q-head { list-style: none; cursor: pointer; color: var(--ink); font-size: 1rem; padding: .2rem 0; }
summary.q-head::-webkit-details-marker { display: none; }
.q-head h2 { margin: .4rem 0 .2rem; overflow-wrap: anywhere; }
.q-head h2::before { content: "▸ "; color: var(--muted); }
details[open] > .q-head h2::before { content: "▾ "; }
.q-line { color: var(--muted); font-size: .9rem; }
.q-inner { padding-bottom: .6rem; }
.filters { display: flex; flex-wrap: wrap; align-items: end; gap: .5rem 1rem; margin: 12px 0 0; padding: 10px 14px; background: #fff; border: 1px solid var(--line); border-radius: 8px; font-size: .9rem; }
.filters label { display: flex; flex-direction: column; gap: 2px; color: var(--muted); min-width: 0; max-width: 100%; }
.filters input, .filters select, .filters button { font: inherit; color: var(--ink); max-width: 100%; }
.filters input { width: 18rem; }
.filter-actions { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .6rem; }
#filter-count { color: var(--muted); }
th button.sort { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
th button.sort::after { content: " ↕"; color: var(--muted); font-weight: 400; }
th[aria-sort=ascending] button.sort::after { content: " ↑"; }
th[aria-sort=descending] button.sort::after { content: " ↓"; }
ul.plain { list-style: none; padding-left: 0; margin: .3rem 0 .8rem; }
ul.plain li { margin: .25rem 0; overflow-wrap: anywhere; }
.claim-group > summary, .physician > summary { color: var(--ink); font-size: .95rem; overflow-wrap: anywhere; }
.answer.brief { padding: 4px 12px; margin-bottom: 6px; font-size: .9rem; overflow-wrap: anywhere; }
.spec-line { font-size: .9rem; overflow-wrap: anywhere; }
/* A title or claim may be one long slash-joined word: it wraps anywhere
   rather than push the page sideways on a phone. */
.q-meta, .summary, .answer-title, .ov-summary { overflow-wrap: anywhere; }
.q-meta { margin: 0 0 .6rem; color: var(--muted); font-size: .92rem; }
.q-body { margin: 0 0 .6rem; font-style: italic; white-space: pre-line; overflow-wrap: anywhere; }
.verdict { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 300px); gap: 8px 28px; align-items: start; background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; }
.summary { font-size: 1.08rem; font-weight: 600; margin: 0 0 .5rem; }
.figures { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; font-size: .9rem; }
.figures dt { color: var(--muted); }
.figures dd { margin: 0; font-variant-numeric: tabular-nums; }
.group-head { display: flex; align-items: center; gap: .5rem; margin: 1.4rem 0 .5rem; font-size: 1.05rem; }
.answer { border: 1px solid var(--line); border-left: 6px solid var(--none); border-radius: 6px; padding: 10px 14px; margin: 0 0 10px; scroll-margin-top: 8px; }
.answer.reassuring { border-left-color: var(--reassuring); }
.answer.cautionary { border-left-color: var(--cautionary); }
.answer.contraindicated { border-left-color: var(--contraindicated); }
.answer:target { box-shadow: 0 0 0 3px #ffd166; }
.answer-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .2rem .6rem; font-size: .9rem; }
.answer-head .who { font-weight: 700; font-size: .98rem; }
.answer-title { font-weight: 700; margin: .35rem 0 .15rem; }
.answer-text { margin: .2rem 0 .3rem; overflow-wrap: anywhere; }
.override-note { margin: .3rem 0; padding: 4px 10px; border-left: 3px solid #005a8c; background: #eef6fc; font-size: .9rem; }
mark.ev { color: inherit; padding: 0 1px; }
mark.ev-reassuring { background: var(--reassuring-bg); border-bottom: 2px solid var(--reassuring); }
mark.ev-cautionary { background: var(--cautionary-bg); border-bottom: 2px dashed #a86f00; }
mark.ev-contraindicated { background: var(--contraindicated-bg); border-bottom: 3px double var(--contraindicated); }
mark.ev-mod { background: transparent; border-bottom: 1.5px dotted var(--muted); font-style: italic; }
details { margin: .2rem 0; }
.glossary { font-size: .9rem; color: var(--muted); }
.glossary dt { font-weight: 600; color: var(--ink); }
.glossary dd { margin: 0 0 .4rem 1rem; }
summary { cursor: pointer; color: var(--muted); font-size: .88rem; }
.evidence-list { font-size: .85rem; margin: .3rem 0; padding-left: 1.2em; overflow-wrap: anywhere; }
.answer-foot { color: var(--muted); font-size: .8rem; margin-top: .2rem; }
.reasons { margin: 0; padding-left: 1.1em; }
.page-foot { color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); margin-top: 3rem; padding-top: 12px; padding-bottom: 30px; }
@media (max-width: 760px) {
  .wrap { padding: 0 12px; }
  h1 { font-size: 1.35rem; }
  .filters input { width: 100%; }
  /* With the script, the headers of a card-laid table stay as a row of sort buttons. */
  .js table.stack.sortable thead { display: block; }
  .js table.stack.sortable thead tr { display: flex; flex-wrap: wrap; gap: .2rem .9rem; border: 0; padding: 0 0 6px; margin: 0; }
  .js table.stack.sortable thead th { display: inline-block; width: auto; background: none; border: 0; padding: 0; font-size: .85rem; }
  .filters label { flex: 1 1 100%; }
  .verdict { grid-template-columns: minmax(0, 1fr); }
  table.stack thead { display: none; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack tr { border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 4px 8px; }
  table.stack td { border: 0; padding: 3px 0; text-align: left; overflow-wrap: anywhere; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: var(--muted); }
  table.stack td.num, table.stack td.inl { display: inline-block; width: auto; margin-right: 1.1em; text-align: left; }
  svg.overview-bar { width: 100%; max-width: 360px; }
}
@media print { .toc, .filters { display: none; } .answer { break-inside: avoid; } }
</xsl:template>

  <!-- ================================================ SVG + legend ===== -->

  <!-- Fills shared by every chart on the page (referenced as url(#fill-...)). -->
  <xsl:template name="svg-defs">
    <svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">
      <defs>
        <pattern id="fill-cautionary" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" fill="#e69f00"/>
          <rect width="3" height="8" fill="#f6cf7c"/>
        </pattern>
        <pattern id="fill-contraindicated" width="7" height="7" patternUnits="userSpaceOnUse">
          <rect width="7" height="7" fill="#5b2c83"/>
          <circle cx="3.5" cy="3.5" r="1.3" fill="#9c7bbd"/>
        </pattern>
      </defs>
    </svg>
  </xsl:template>

  <xsl:template name="fill">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = 'reassuring'">#0072b2</xsl:when>
      <xsl:when test="$s = 'cautionary'">url(#fill-cautionary)</xsl:when>
      <xsl:when test="$s = 'contraindicated'">url(#fill-contraindicated)</xsl:when>
      <xsl:otherwise>#c9c9c9</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Label color on a segment: white on the dark fills, black on the light ones. -->
  <xsl:template name="ink">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = 'reassuring' or $s = 'contraindicated'">#ffffff</xsl:when>
      <xsl:otherwise>#1d1d1f</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="label">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s = 'reassuring'">Reassuring</xsl:when>
      <xsl:when test="$s = 'cautionary'">Cautionary</xsl:when>
      <xsl:when test="$s = 'contraindicated'">Contraindicated</xsl:when>
      <xsl:otherwise>No stance</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="badge">
    <xsl:param name="s"/>
    <span class="badge {$s}"><xsl:call-template name="label"><xsl:with-param name="s" select="$s"/></xsl:call-template></span>
  </xsl:template>

  <xsl:template name="legend">
    <section class="legend" aria-label="Legend">
      <strong>Stances:</strong>
      <xsl:call-template name="legend-key">
        <xsl:with-param name="s" select="'reassuring'"/>
        <xsl:with-param name="text">reassuring: go ahead, no real concern</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="legend-key">
        <xsl:with-param name="s" select="'cautionary'"/>
        <xsl:with-param name="text">cautionary (striped): proceed with care, a real risk remains</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="legend-key">
        <xsl:with-param name="s" select="'contraindicated'"/>
        <xsl:with-param name="text">contraindicated (dotted): advises against it</xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="legend-key">
        <xsl:with-param name="s" select="'none'"/>
        <xsl:with-param name="text">no stance on the claim</xsl:with-param>
      </xsl:call-template>
      <span class="hl">
        <strong>Evidence in the text:</strong>
        <mark class="ev ev-reassuring">reassuring cue</mark>
        <mark class="ev ev-cautionary">cautionary cue</mark>
        <mark class="ev ev-contraindicated">contraindicating cue</mark>
        <mark class="ev ev-mod">modifier (negation, hedge, contrast…)</mark>
      </span>
    </section>
  </xsl:template>

  <xsl:template name="legend-key">
    <xsl:param name="s"/>
    <xsl:param name="text"/>
    <span class="key">
      <svg viewBox="0 0 28 16" role="img" aria-hidden="true">
        <xsl:variable name="f"><xsl:call-template name="fill"><xsl:with-param name="s" select="$s"/></xsl:call-template></xsl:variable>
        <rect x="0.5" y="0.5" width="27" height="15" rx="2" fill="{$f}" stroke="#1d1d1f" stroke-opacity="0.3"/>
      </svg>
      <span><xsl:value-of select="$text"/></span>
    </span>
  </xsl:template>

  <!-- A horizontal stacked bar of four counts, in stance order, with a
       <title> per segment. Coordinates are percentages of the drawing, so a
       fluid bar (CSS width 100%) keeps its text at its natural size at any
       width; a count is written on a segment when it fits at the narrowest
       width the bar is drawn at (minpx), the stance name too when that fits. -->
  <xsl:template name="stacked-bar">
    <xsl:param name="counts"/>                  <!-- a stance-counts element -->
    <xsl:param name="fill" select="1"/>         <!-- share of the width the total takes -->
    <xsl:param name="height"/>
    <xsl:param name="class"/>
    <xsl:param name="minpx"/>                   <!-- narrowest drawn width, px -->
    <xsl:param name="labels" select="false()"/>
    <xsl:param name="font" select="15"/>
    <xsl:param name="caption"/>
    <xsl:variable name="r" select="number($counts/@reassuring)"/>
    <xsl:variable name="c" select="number($counts/@cautionary)"/>
    <xsl:variable name="x" select="number($counts/@contraindicated)"/>
    <xsl:variable name="n" select="number($counts/@none)"/>
    <xsl:variable name="total" select="$r + $c + $x + $n"/>
    <svg class="{$class}" height="{$height}" role="img" aria-label="{$caption}">
      <xsl:if test="$labels"><title><xsl:value-of select="$caption"/></title></xsl:if>
      <rect x="0" y="0" width="100%" height="{$height}" fill="#f1f1f4"/>
      <xsl:if test="$total &gt; 0">
        <xsl:variable name="u" select="100 * $fill div $total"/>
        <xsl:call-template name="segment">
          <xsl:with-param name="s" select="'reassuring'"/><xsl:with-param name="k" select="$r"/>
          <xsl:with-param name="x0" select="0"/><xsl:with-param name="u" select="$u"/>
          <xsl:with-param name="h" select="$height"/><xsl:with-param name="total" select="$total"/>
          <xsl:with-param name="labels" select="$labels"/><xsl:with-param name="font" select="$font"/>
          <xsl:with-param name="minpx" select="$minpx"/>
        </xsl:call-template>
        <xsl:call-template name="segment">
          <xsl:with-param name="s" select="'cautionary'"/><xsl:with-param name="k" select="$c"/>
          <xsl:with-param name="x0" select="$r * $u"/><xsl:with-param name="u" select="$u"/>
          <xsl:with-param name="h" select="$height"/><xsl:with-param name="total" select="$total"/>
          <xsl:with-param name="labels" select="$labels"/><xsl:with-param name="font" select="$font"/>
          <xsl:with-param name="minpx" select="$minpx"/>
        </xsl:call-template>
        <xsl:call-template name="segment">
          <xsl:with-param name="s" select="'contraindicated'"/><xsl:with-param name="k" select="$x"/>
          <xsl:with-param name="x0" select="($r + $c) * $u"/><xsl:with-param name="u" select="$u"/>
          <xsl:with-param name="h" select="$height"/><xsl:with-param name="total" select="$total"/>
          <xsl:with-param name="labels" select="$labels"/><xsl:with-param name="font" select="$font"/>
          <xsl:with-param name="minpx" select="$minpx"/>
        </xsl:call-template>
        <xsl:call-template name="segment">
          <xsl:with-param name="s" select="'none'"/><xsl:with-param name="k" select="$n"/>
          <xsl:with-param name="x0" select="($r + $c + $x) * $u"/><xsl:with-param name="u" select="$u"/>
          <xsl:with-param name="h" select="$height"/><xsl:with-param name="total" select="$total"/>
          <xsl:with-param name="labels" select="$labels"/><xsl:with-param name="font" select="$font"/>
          <xsl:with-param name="minpx" select="$minpx"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:if test="$total = 0 and $labels">
        <text x="50%" y="{$height div 2}" text-anchor="middle" dominant-baseline="central"
              font-size="{$font}" fill="#5c5c66">no answers</text>
      </xsl:if>
    </svg>
  </xsl:template>

  <xsl:template name="segment">
    <xsl:param name="s"/>
    <xsl:param name="k"/>
    <xsl:param name="x0"/>   <!-- percent -->
    <xsl:param name="u"/>    <!-- percent per answer -->
    <xsl:param name="h"/>
    <xsl:param name="total"/>
    <xsl:param name="labels"/>
    <xsl:param name="font"/>
    <xsl:param name="minpx"/>
    <xsl:if test="$k &gt; 0">
      <xsl:variable name="w" select="$k * $u"/>
      <xsl:variable name="px" select="$w * $minpx div 100"/>
      <xsl:variable name="f"><xsl:call-template name="fill"><xsl:with-param name="s" select="$s"/></xsl:call-template></xsl:variable>
      <xsl:variable name="name"><xsl:call-template name="label"><xsl:with-param name="s" select="$s"/></xsl:call-template></xsl:variable>
      <xsl:variable name="long" select="concat($k, ' ', translate($name, 'RCNS', 'rcns'))"/>
      <g class="seg {$s}">
        <!-- A hover title per segment, except on the small specialty bars
             whose row prints every count beside them (page weight). -->
        <xsl:if test="$labels"><title><xsl:value-of select="concat($name, ': ', $k, ' of ', $total, ' (', format-number($k div $total, '0%'), ')')"/></title></xsl:if>
        <rect x="{format-number($x0, '0.###')}%" y="0" width="{format-number($w, '0.###')}%" height="{$h}" fill="{$f}"
/>
        <xsl:if test="$labels and $px &gt;= 0.7 * $font * string-length($k) + 6">
          <xsl:variable name="ink"><xsl:call-template name="ink"><xsl:with-param name="s" select="$s"/></xsl:call-template></xsl:variable>
          <text x="{format-number($x0 + $w div 2, '0.###')}%" y="{$h div 2}" text-anchor="middle"
                dominant-baseline="central" font-size="{$font}" font-weight="700" fill="{$ink}">
            <xsl:choose>
              <xsl:when test="$px &gt;= 0.62 * $font * string-length($long) + 12"><xsl:value-of select="$long"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="$k"/></xsl:otherwise>
            </xsl:choose>
          </text>
        </xsl:if>
      </g>
    </xsl:if>
  </xsl:template>

  <!-- "7 reassuring · 3 cautionary · ..." under a bar: every count in text. -->
  <xsl:template name="bar-keys">
    <xsl:param name="counts"/>
    <p class="bar-keys">
      <xsl:call-template name="bar-key"><xsl:with-param name="s" select="'reassuring'"/><xsl:with-param name="k" select="$counts/@reassuring"/></xsl:call-template>
      <xsl:call-template name="bar-key"><xsl:with-param name="s" select="'cautionary'"/><xsl:with-param name="k" select="$counts/@cautionary"/></xsl:call-template>
      <xsl:call-template name="bar-key"><xsl:with-param name="s" select="'contraindicated'"/><xsl:with-param name="k" select="$counts/@contraindicated"/></xsl:call-template>
      <xsl:call-template name="bar-key"><xsl:with-param name="s" select="'none'"/><xsl:with-param name="k" select="$counts/@none"/></xsl:call-template>
    </p>
  </xsl:template>

  <xsl:template name="bar-key">
    <xsl:param name="s"/>
    <xsl:param name="k"/>
    <span><i class="sw {$s}"></i><b><xsl:value-of select="$k"/></b><xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="$s = 'none'">no stance</xsl:when>
        <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template name="counts-caption">
    <xsl:param name="counts"/>
    <xsl:value-of select="concat($counts/@reassuring, ' reassuring, ', $counts/@cautionary, ' cautionary, ',
                                 $counts/@contraindicated, ' contraindicated, ', $counts/@none, ' no stance')"/>
  </xsl:template>

  <xsl:template name="pct">
    <xsl:param name="x"/>
    <xsl:choose>
      <xsl:when test="string($x) = '' or string(number($x)) = 'NaN'">–</xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($x, '0%')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="num">
    <xsl:param name="x"/>
    <xsl:param name="fmt" select="'0.00'"/>
    <xsl:choose>
      <xsl:when test="string($x) = '' or string(number($x)) = 'NaN'">–</xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($x, $fmt)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="question-name">
    <xsl:choose>
      <xsl:when test="title"><xsl:value-of select="title"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="claim"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The fragment id of an answer that the review queue can point at. -->
  <xsl:template name="answer-anchor">
    <xsl:param name="role"/>
    <xsl:param name="id"/>
    <xsl:param name="file"/>
    <xsl:param name="index"/>
    <xsl:choose>
      <xsl:when test="$role = 'related'">r-<xsl:value-of select="$id"/></xsl:when>
      <xsl:when test="$role = 'duplicate'">d-<xsl:value-of select="$id"/>-<xsl:value-of select="translate($file, ' #%?', '____')"/>-<xsl:value-of select="$index"/></xsl:when>
      <xsl:otherwise>a-<xsl:value-of select="$id"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================= overview ===== -->

  <xsl:template match="questions" mode="overview">
    <section id="overview" aria-label="Overview">
      <h2>Overview: questions from most to least contested</h2>
      <p class="lead corpus-summary">
        <xsl:value-of select="count(question)"/> question<xsl:if test="count(question) != 1">s</xsl:if>:
        <xsl:value-of select="count(question[consensus/@level = 'strong'])"/> with strong consensus,
        <xsl:value-of select="count(question[consensus/@level = 'moderate'])"/> moderate,
        <xsl:value-of select="count(question[consensus/@level = 'weak'])"/> weak,
        <xsl:value-of select="count(question[consensus/@level = 'none'])"/> without consensus, and
        <xsl:value-of select="count(question[consensus/@level = 'insufficient'])"/> with too few stances to judge.
        <xsl:value-of select="number(/*/review-queue/@count)"/> answer<xsl:if test="number(/*/review-queue/@count) != 1">s</xsl:if>
        to review (<a href="#review-queue">review queue</a>).
      </p>
      <p class="note">Most contested first, by evidence: ordered by how sure it is that no stance holds a
        true majority (the posterior probability that the most common stance's share is at most one half,
        given how many physicians answered), so an even split among many physicians comes before a tie among
        two or three; then by normalized entropy (highest first). Questions where no physician takes a
        stance come last. Click a question for its answers; <a href="#glossary">what the figures mean</a>.</p>
      <!-- Every figure of the report in plain words (issue 13): a native
           <details>, so it opens without the script too. -->
      <details class="glossary" id="glossary">
        <summary>What the figures mean</summary>
        <dl>
          <dt>Share</dt>
          <dd>Of the physicians who take a stance, the part who take the most common one.</dd>
          <dt>Consensus level</dt>
          <dd>Strong, moderate or weak when that share reaches 75%, 60% or 50% and the evidence backs it
            (the chance that the true share reaches the threshold is at least 80%); none on a tie or below;
            too few when fewer than the minimum number of physicians take a stance.</dd>
          <dt>95% CI</dt>
          <dd>The range the true share lies in, given how many physicians answered: wide for a few answers,
            narrow for many.</dd>
          <dt>P(true share &gt; 50%), P(majority is real)</dt>
          <dd>How likely it is that most physicians, not just most of these, would take the majority's
            stance.</dd>
          <dt>Held under the classifier's errors</dt>
          <dd>The classifier mislabels many real answers; redrawing every label from its measured error
            rates, how often the same majority keeps its level.</dd>
          <dt>Entropy</dt>
          <dd>How evenly the answers spread over the stances: 0 when all agree, 1 when every stance is
            equally common.</dd>
          <dt title="Agreement that counts how far apart the stances are: 1 all agree, 0 split between the two ends">Ordinal consensus</dt>
          <dd>Agreement that counts how far apart the stances are (reassuring, cautionary,
            contraindicated in that order): 1 when all agree, 0 when answers split between the two ends.</dd>
          <dt>Contested</dt>
          <dd>How sure it is that no stance holds a true majority; orders the questions above.</dd>
          <dt>Krippendorff's alpha</dt>
          <dd>Agreement between physicians across all questions, corrected for the agreement chance alone
            would give: 1 full agreement, 0 no better than chance, below 0 systematic disagreement.</dd>
          <dt>Confidence (of an answer)</dt>
          <dd>How sure the classifier is of the stance it gave one answer; answers below 50% are queued for
            review.</dd>
        </dl>
      </details>
      <div class="table-wrap">
        <table class="overview stack sortable">
          <thead>
            <tr><th class="num">#</th><th>Question</th><th>Stances (counts)</th><th>Majority</th>
              <th class="num" title="Of the physicians who take a stance, the part who take the most common one">Share</th>
              <th title="Strong, moderate or weak: the share reaches 75%, 60% or 50% and the evidence backs it">Consensus</th>
              <th class="num" title="How evenly the answers spread over the stances: 0 all agree, 1 evenly split">Entropy</th>
              <th class="num">Answers</th><th class="num">To review</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="question">
              <!-- Most contested by evidence: how surely no stance holds a true
                   majority (consensus/@contested), so 10 of 30 evenly split
                   answers come before a three-way tie among three. -->
              <xsl:sort select="number(boolean(consensus/@contested))" data-type="number" order="descending"/>
              <xsl:sort select="number(consensus/@contested)" data-type="number" order="descending"/>
              <xsl:sort select="number(consensus/@entropy)" data-type="number" order="descending"/>
              <xsl:sort select="number(@answers)" data-type="number" order="descending"/>
              <xsl:sort select="@id"/>
              <xsl:variable name="caption"><xsl:call-template name="counts-caption"><xsl:with-param name="counts" select="stance-counts"/></xsl:call-template></xsl:variable>
              <tr data-q="{@id}">
                <td class="num" data-label="Rank"><xsl:value-of select="position()"/></td>
                <td data-label="Question"><a href="#q-{@id}"><xsl:call-template name="question-name"/></a>
                  <div class="ov-summary"><xsl:value-of select="summary"/></div></td>
                <td data-label="Stances" data-sort="{number(stance-counts/@reassuring) div (number(@answers) + number(@answers = 0))}">
                  <xsl:call-template name="stacked-bar">
                    <xsl:with-param name="counts" select="stance-counts"/>
                    <xsl:with-param name="minpx" select="200"/>
                    <xsl:with-param name="height" select="22"/>
                    <xsl:with-param name="class" select="'overview-bar'"/>
                    <xsl:with-param name="labels" select="true()"/>
                    <xsl:with-param name="font" select="12"/>
                    <xsl:with-param name="caption" select="$caption"/>
                  </xsl:call-template>
                </td>
                <td class="inl" data-label="Majority">
                  <xsl:choose>
                    <xsl:when test="consensus/@majority">
                      <xsl:call-template name="badge"><xsl:with-param name="s" select="consensus/@majority"/></xsl:call-template>
                    </xsl:when>
                    <xsl:when test="consensus/@tie = 'true'"><span class="muted">tie</span></xsl:when>
                    <xsl:otherwise><span class="muted">none</span></xsl:otherwise>
                  </xsl:choose>
                </td>
                <td class="num" data-label="Share"><xsl:call-template name="pct"><xsl:with-param name="x" select="consensus/@share"/></xsl:call-template></td>
                <td class="inl" data-label="Consensus" data-sort="{string-length(substring-before('insufficient none weak moderate strong', consensus/@level))}"><span class="level {consensus/@level}"><xsl:value-of select="consensus/@level"/></span></td>
                <td class="num" data-label="Entropy"><xsl:call-template name="num"><xsl:with-param name="x" select="consensus/@entropy"/></xsl:call-template></td>
                <td class="num" data-label="Answers"><xsl:value-of select="@answers"/></td>
                <td class="num" data-label="To review"><xsl:value-of select="count(key('review-by-question', @id))"/></td>
              </tr>
              <xsl:value-of select="$nl"/>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </section>
  </xsl:template>


  <!-- ================================================ filter bar ===== -->

  <!-- Hidden until the script shows it: without script every question is
       on the page and nothing here would work. -->
  <xsl:template name="filter-bar">
    <form id="filters" class="filters" hidden="hidden" role="search" aria-label="Filter the questions">
      <label>Find <input type="search" name="text" placeholder="words of a question or its claim" autocomplete="off"/></label>
      <label>Specialty
        <select name="specialty">
          <option value="">any</option>
          <xsl:for-each select="questions/question/specialties/specialty[@name][generate-id() = generate-id(key('specialty-name', @name)[1])]">
            <xsl:sort select="@name"/>
            <option value="{@name}"><xsl:value-of select="@name"/></option>
          </xsl:for-each>
        </select>
      </label>
      <label>Consensus
        <select name="level">
          <option value="">any</option>
          <option value="strong">strong</option>
          <option value="moderate">moderate</option>
          <option value="weak">weak</option>
          <option value="none">none</option>
          <option value="insufficient">insufficient</option>
        </select>
      </label>
      <label>Review reason
        <select name="reason">
          <option value="">any</option>
          <xsl:for-each select="review-queue/item/reason[generate-id() = generate-id(key('reason-code', @code)[1])]">
            <xsl:sort select="@code"/>
            <option value="{@code}"><xsl:value-of select="translate(@code, '-', ' ')"/></option>
          </xsl:for-each>
        </select>
      </label>
      <span class="filter-actions">
        <button type="button" data-open="all">Open all</button>
        <button type="button" data-open="none">Close all</button>
        <output id="filter-count" aria-live="polite"></output>
      </span>
    </form>
  </xsl:template>

  <!-- ====================================== per claim, per physician ===== -->

  <!-- Each claim with the questions judged against it (grouped by claim id
       in XSLT: report.xml lists claims per question only). Claims that
       several questions share come first. -->
  <xsl:template name="claims-view">
    <section id="claims" aria-label="By claim">
      <h2>By claim: the questions judged against each claim</h2>
      <p class="note">A claim is the statement the physicians' stances are measured against. A question
        whose words fit no catalog claim is judged against itself; those are listed under “Own claims”.</p>
      <xsl:for-each select="questions/question[not(claim/@source = 'adhoc')][generate-id() = generate-id(key('by-claim', claim/@id)[1])]">
        <xsl:sort select="count(key('by-claim', claim/@id))" data-type="number" order="descending"/>
        <xsl:sort select="claim/@id"/>
        <xsl:variable name="qs" select="key('by-claim', claim/@id)"/>
        <details class="claim-group">
          <xsl:if test="position() &lt;= 3"><xsl:attribute name="open">open</xsl:attribute></xsl:if>
          <summary><strong><xsl:value-of select="claim"/></strong>
            <span class="muted"> · <code><xsl:value-of select="claim/@id"/></code> · <xsl:value-of select="count($qs)"/> question<xsl:if test="count($qs) != 1">s</xsl:if>:
              <xsl:value-of select="count($qs[consensus/@majority = 'reassuring'])"/> reassuring,
              <xsl:value-of select="count($qs[consensus/@majority = 'cautionary'])"/> cautionary,
              <xsl:value-of select="count($qs[consensus/@majority = 'contraindicated'])"/> contraindicated majorities</span></summary>
          <xsl:call-template name="question-list"><xsl:with-param name="qs" select="$qs"/></xsl:call-template>
        </details>
        <xsl:value-of select="$nl"/>
      </xsl:for-each>
      <xsl:if test="questions/question[claim/@source = 'adhoc']">
        <details class="claim-group">
          <summary><strong>Own claims</strong> <span class="muted">· <xsl:value-of select="count(questions/question[claim/@source = 'adhoc'])"/> questions, each judged against itself</span></summary>
          <xsl:call-template name="question-list"><xsl:with-param name="qs" select="questions/question[claim/@source = 'adhoc']"/></xsl:call-template>
        </details>
      </xsl:if>
    </section>
  </xsl:template>

  <xsl:template name="question-list">
    <xsl:param name="qs"/>
    <ul class="plain">
      <xsl:for-each select="$qs">
        <xsl:sort select="number(boolean(consensus/@contested))" data-type="number" order="descending"/>
        <xsl:sort select="number(consensus/@contested)" data-type="number" order="descending"/>
        <xsl:sort select="@id"/>
        <li data-q="{@id}">
          <span class="level {consensus/@level}"><xsl:value-of select="consensus/@level"/></span><xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="consensus/@majority">
              <xsl:call-template name="badge"><xsl:with-param name="s" select="consensus/@majority"/></xsl:call-template>
              <xsl:text> </xsl:text><xsl:call-template name="pct"><xsl:with-param name="x" select="consensus/@share"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise><span class="muted">no majority</span></xsl:otherwise>
          </xsl:choose>
          <xsl:text> </xsl:text><a href="#q-{@id}"><xsl:call-template name="question-name"/></a>
          <span class="muted"> (<xsl:value-of select="@answers"/>)</span>
        </li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- Each named physician who answers two or more questions, with their
       stance on each (grouped by name in XSLT; the same name is taken as the
       same physician). Unnamed answers cannot be grouped. -->
  <xsl:template name="physicians-view">
    <xsl:variable name="named" select="questions/question/answers/answer[physician/@name]
        [generate-id() = generate-id(key('by-physician', physician/@name)[1])]
        [key('by-physician', physician/@name)/../../@id != ../../@id]"/>
    <section id="physicians" aria-label="By physician">
      <h2>By physician: stances across questions</h2>
      <xsl:choose>
        <xsl:when test="$named">
          <p class="note"><xsl:value-of select="count($named)"/> named physician<xsl:if test="count($named) != 1">s</xsl:if>
            answer more than one question (physicians are told apart by name). Each stance links to the answer.</p>
          <xsl:for-each select="$named">
            <xsl:sort select="count(key('by-physician', physician/@name))" data-type="number" order="descending"/>
            <xsl:sort select="physician/@name"/>
            <xsl:variable name="all" select="key('by-physician', physician/@name)"/>
            <details class="physician">
              <xsl:if test="position() &lt;= 3"><xsl:attribute name="open">open</xsl:attribute></xsl:if>
              <summary><strong><xsl:value-of select="physician/@name"/></strong>
                <span class="muted"><xsl:if test="physician/@specialty"> · <xsl:value-of select="physician/@specialty"/></xsl:if>
                  · <xsl:value-of select="count($all)"/> answers:
                  <xsl:value-of select="count($all[@stance = 'reassuring'])"/> reassuring,
                  <xsl:value-of select="count($all[@stance = 'cautionary'])"/> cautionary,
                  <xsl:value-of select="count($all[@stance = 'contraindicated'])"/> contraindicated,
                  <xsl:value-of select="count($all[@stance = 'none'])"/> no stance</span></summary>
              <ul class="plain">
                <xsl:for-each select="$all">
                  <li data-q="{../../@id}">
                    <a class="badge {@stance}" href="#a-{@answer-id}"><xsl:call-template name="label"><xsl:with-param name="s" select="@stance"/></xsl:call-template></a>
                    <xsl:if test="@dissent = 'true'"><xsl:text> </xsl:text><span class="flag warn">dissent</span></xsl:if>
                    <xsl:text> </xsl:text>
                    <xsl:for-each select="../.."><a href="#q-{@id}"><xsl:call-template name="question-name"/></a></xsl:for-each>
                  </li>
                </xsl:for-each>
              </ul>
            </details>
            <xsl:value-of select="$nl"/>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise><p class="note">No named physician answers more than one question.</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ============================================== review queue ===== -->

  <xsl:template match="review-queue">
    <section id="review-queue" aria-label="Review queue">
      <h2>Review queue (<xsl:value-of select="@count"/>)</h2>
      <xsl:choose>
        <xsl:when test="item">
          <p class="note">Answers an editor should read, <xsl:choose>
              <xsl:when test="/report/settings/@review-order = 'most-urgent-first'">most urgent first: </xsl:when>
              <xsl:otherwise>the least sure first (the likeliest to be labelled wrong): </xsl:otherwise>
            </xsl:choose>dissent from a consensus,
            competing cues, low confidence, the same answer seen with different metadata, excerpts.</p>
          <div class="table-wrap">
            <table class="review stack sortable">
              <thead>
                <tr><th class="num">#</th><th>Answer</th><th>Question</th><th>Stance</th><th class="num">Confidence</th><th>Why</th></tr>
              </thead>
              <tbody>
                <xsl:for-each select="item">
                  <xsl:variable name="anchor">
                    <xsl:call-template name="answer-anchor">
                      <xsl:with-param name="role" select="@role"/><xsl:with-param name="id" select="@answer-id"/>
                      <xsl:with-param name="file" select="@file"/><xsl:with-param name="index" select="@index"/>
                    </xsl:call-template>
                  </xsl:variable>
                  <tr data-q="{@question-id}">
                    <xsl:attribute name="data-reasons">|<xsl:for-each select="reason"><xsl:value-of select="@code"/>|</xsl:for-each></xsl:attribute>
                    <td class="num" data-label="Rank"><xsl:value-of select="@rank"/></td>
                    <td data-label="Answer">
                      <a href="#{$anchor}">
                        <xsl:choose>
                          <xsl:when test="@physician"><xsl:value-of select="@physician"/></xsl:when>
                          <xsl:otherwise>Unnamed physician</xsl:otherwise>
                        </xsl:choose>
                      </a>
                      <br/><span class="muted"><xsl:if test="@specialty"><xsl:value-of select="@specialty"/> · </xsl:if><xsl:value-of select="@file"/> #<xsl:value-of select="@index"/>
                        <xsl:if test="@role != 'counted'"> (<xsl:value-of select="@role"/>)</xsl:if></span>
                    </td>
                    <td data-label="Question">
                      <a href="#q-{@question-id}">
                        <xsl:for-each select="key('question', @question-id)"><xsl:call-template name="question-name"/></xsl:for-each>
                      </a>
                    </td>
                    <td class="inl" data-label="Stance">
                      <xsl:call-template name="badge"><xsl:with-param name="s" select="@stance"/></xsl:call-template>
                    </td>
                    <td class="num" data-label="Confidence"><xsl:call-template name="pct"><xsl:with-param name="x" select="@confidence"/></xsl:call-template></td>
                    <td data-label="Why">
                      <ul class="reasons">
                        <xsl:for-each select="reason">
                          <li><strong><xsl:value-of select="translate(@code, '-', ' ')"/></strong>: <xsl:value-of select="."/></li>
                        </xsl:for-each>
                      </ul>
                    </td>
                  </tr>
                  <xsl:value-of select="$nl"/>
                </xsl:for-each>
              </tbody>
            </table>
          </div>
        </xsl:when>
        <xsl:otherwise><p class="note">Nothing to review.</p></xsl:otherwise>
      </xsl:choose>
    </section>
  </xsl:template>

  <!-- ================================================= question ===== -->

  <xsl:template match="question">
    <xsl:variable name="caption">
      <xsl:call-template name="counts-caption"><xsl:with-param name="counts" select="stance-counts"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="majority" select="consensus/@majority"/>
    <xsl:variable name="rank" select="position()"/>
    <!-- A question is a <details>: it opens and closes without script. The
         data- attributes are what the filter bar matches (the text filter
         reads the title and the claim from the page itself). -->
    <details class="question" id="q-{@id}" data-level="{consensus/@level}">
      <xsl:attribute name="data-specialties">|<xsl:for-each select="specialties/specialty[@name]"><xsl:value-of select="@name"/>|</xsl:for-each></xsl:attribute>
      <xsl:attribute name="data-reasons">|<xsl:for-each select="key('review-by-question', @id)/reason"><xsl:value-of select="@code"/>|</xsl:for-each></xsl:attribute>
      <xsl:if test="position() &lt;= $open-questions"><xsl:attribute name="open">open</xsl:attribute></xsl:if>
      <summary class="q-head">
        <h2 class="q-title"><xsl:call-template name="question-name"/></h2>
        <span class="q-line">
          <span class="level {consensus/@level}"><xsl:value-of select="consensus/@level"/></span>
          <xsl:text> </xsl:text>
          <xsl:choose>
            <xsl:when test="$majority">
              <xsl:call-template name="badge"><xsl:with-param name="s" select="$majority"/></xsl:call-template>
              <xsl:text> </xsl:text><xsl:call-template name="pct"><xsl:with-param name="x" select="consensus/@share"/></xsl:call-template>
            </xsl:when>
            <xsl:when test="consensus/@tie = 'true'">tie</xsl:when>
            <xsl:otherwise>no majority</xsl:otherwise>
          </xsl:choose>
          · <xsl:value-of select="@answers"/> answer<xsl:if test="@answers != 1">s</xsl:if>
          <xsl:if test="key('review-by-question', @id)"> · <xsl:value-of select="count(key('review-by-question', @id))"/> to review</xsl:if>
        </span>
      </summary>
      <div class="q-inner">
      <xsl:if test="body"><p class="q-body"><xsl:value-of select="body"/></p></xsl:if>
      <p class="q-meta">
        Claim judged: <em class="q-claim"><xsl:value-of select="claim"/></em>
        <xsl:choose>
          <xsl:when test="claim/@source = 'adhoc'"> (the question itself; no catalog claim fits)</xsl:when>
          <xsl:when test="claim/@source = 'answers'"> (chosen from what the answers discuss)</xsl:when>
        </xsl:choose>
        <xsl:if test="@question-type"> · a bare yes or no read as a <xsl:value-of select="@question-type"/> question<xsl:choose>
            <xsl:when test="@question-type = 'permission' or @question-type = 'omission'"> (yes: reassuring)</xsl:when>
            <xsl:when test="@question-type = 'harm'"> (yes: cautionary)</xsl:when>
            <xsl:when test="@question-type = 'restriction'"> (yes: contraindicated)</xsl:when>
          </xsl:choose></xsl:if>
        · <xsl:value-of select="@answers"/> distinct answers
        <xsl:if test="@declared-answers &gt; @answers"> (<xsl:value-of select="@answers"/> of the <xsl:value-of select="@declared-answers"/> answers on the page were read)</xsl:if>
        <xsl:if test="@duplicates = 1"> · 1 duplicate merged</xsl:if>
        <xsl:if test="@duplicates &gt; 1"> · <xsl:value-of select="@duplicates"/> duplicates merged</xsl:if>
        · from <xsl:for-each select="files/file"><xsl:if test="position() &gt; 1">, </xsl:if><code><xsl:value-of select="."/></code></xsl:for-each>
      </p>
      <div class="verdict">
        <div>
          <p class="summary"><span class="level {consensus/@level}"><xsl:value-of select="consensus/@level"/> consensus</span>
            <xsl:text> </xsl:text><xsl:value-of select="summary"/></p>
          <xsl:call-template name="stacked-bar">
            <xsl:with-param name="counts" select="stance-counts"/>
            <xsl:with-param name="minpx" select="300"/>
            <xsl:with-param name="height" select="34"/>
            <xsl:with-param name="class" select="'stance-bar'"/>
            <xsl:with-param name="labels" select="true()"/>
            <xsl:with-param name="caption" select="concat('Stances: ', $caption)"/>
          </xsl:call-template>
          <xsl:call-template name="bar-keys"><xsl:with-param name="counts" select="stance-counts"/></xsl:call-template>
        </div>
        <dl class="figures">
          <dt>Majority</dt>
          <dd>
            <xsl:choose>
              <xsl:when test="$majority">
                <xsl:call-template name="label"><xsl:with-param name="s" select="$majority"/></xsl:call-template>,
                <xsl:call-template name="pct"><xsl:with-param name="x" select="consensus/@share"/></xsl:call-template>
              </xsl:when>
              <xsl:when test="consensus/@tie = 'true'">tie</xsl:when>
              <xsl:otherwise>none</xsl:otherwise>
            </xsl:choose>
          </dd>
          <xsl:if test="consensus/@interval-lo">
            <dt title="The range the majority's true share lies in with 95% confidence: exact (Clopper-Pearson) below 30 answers, Wilson from 30.">95% CI (<xsl:value-of select="consensus/@interval-method"/>)</dt>
            <dd><xsl:call-template name="pct"><xsl:with-param name="x" select="consensus/@interval-lo"/></xsl:call-template>–<xsl:call-template name="pct"><xsl:with-param name="x" select="consensus/@interval-hi"/></xsl:call-template></dd>
          </xsl:if>
          <dt title="The probability that more than half of all physicians would take the majority's stance, given these answers (uniform prior).">P(true share &gt; 50%)</dt>
          <dd><xsl:call-template name="num"><xsl:with-param name="x" select="consensus/@p-over-half"/></xsl:call-template></dd>
          <dt title="The probability that the true share reaches 75%, the threshold of a strong consensus; a level needs 0.8.">P(true share ≥ 75%)</dt>
          <dd><xsl:call-template name="num"><xsl:with-param name="x" select="consensus/@p-reach-strong"/></xsl:call-template></dd>
          <xsl:if test="consensus/@relabel-holds">
            <dt title="The classifier is often wrong on real pages. Redrawing every answer's stance from the classifier's measured error rates, this is how often the majority keeps this level.">Holds under classifier error</dt>
            <dd><xsl:call-template name="pct"><xsl:with-param name="x" select="consensus/@relabel-holds"/></xsl:call-template> of redraws</dd>
          </xsl:if>
          <dt>Ordinal consensus</dt>
          <dd><xsl:call-template name="num"><xsl:with-param name="x" select="consensus/@ordinal"/></xsl:call-template></dd>
          <dt>Entropy</dt>
          <dd><xsl:call-template name="num"><xsl:with-param name="x" select="consensus/@entropy"/></xsl:call-template></dd>
        </dl>
      </div>
      <xsl:value-of select="$nl"/>
      <xsl:choose>
        <xsl:when test="not($capped) or $rank &lt;= $full-questions"><xsl:apply-templates select="specialties"/></xsl:when>
        <xsl:otherwise>
          <!-- Beyond the most contested questions, the same figures as one line. -->
          <p class="spec-line"><strong>By specialty:</strong>
            <xsl:for-each select="specialties/specialty">
              <xsl:if test="position() &gt; 1">; </xsl:if>
              <xsl:choose><xsl:when test="@name"><xsl:value-of select="@name"/></xsl:when><xsl:otherwise>(specialty not given)</xsl:otherwise></xsl:choose>
              <xsl:value-of select="concat(' ', @answers, ' (')"/>
              <xsl:call-template name="counts-caption"><xsl:with-param name="counts" select="stance-counts"/></xsl:call-template>)</xsl:for-each></p>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$nl"/>
      <h3>Answers by stance</h3>
      <xsl:call-template name="answer-group"><xsl:with-param name="s" select="'reassuring'"/><xsl:with-param name="rank" select="$rank"/></xsl:call-template>
      <xsl:call-template name="answer-group"><xsl:with-param name="s" select="'cautionary'"/><xsl:with-param name="rank" select="$rank"/></xsl:call-template>
      <xsl:call-template name="answer-group"><xsl:with-param name="s" select="'contraindicated'"/><xsl:with-param name="rank" select="$rank"/></xsl:call-template>
      <xsl:call-template name="answer-group"><xsl:with-param name="s" select="'none'"/><xsl:with-param name="rank" select="$rank"/></xsl:call-template>
      <xsl:apply-templates select="duplicates[duplicate]"/>
      <xsl:apply-templates select="related[answer]"/>
      </div>
    </details>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- The question's counted answers of one stance, in corpus order. -->
  <xsl:template name="answer-group">
    <xsl:param name="s"/>
    <xsl:param name="rank"/>
    <xsl:variable name="group" select="answers/answer[@stance = $s]"/>
    <xsl:if test="$group">
      <h4 class="group-head">
        <xsl:call-template name="badge"><xsl:with-param name="s" select="$s"/></xsl:call-template>
        <span><xsl:value-of select="count($group)"/> answer<xsl:if test="count($group) != 1">s</xsl:if></span>
      </h4>
      <xsl:value-of select="$nl"/>
      <xsl:apply-templates select="$group"><xsl:with-param name="rank" select="$rank"/></xsl:apply-templates>
    </xsl:if>
  </xsl:template>

  <!-- Stance by specialty: a table with a small bar per row, its length
       proportional to the specialty's number of answers. -->
  <xsl:template match="question/specialties">
    <xsl:variable name="max">
      <xsl:for-each select="specialty">
        <xsl:sort select="@answers" data-type="number" order="descending"/>
        <xsl:if test="position() = 1"><xsl:value-of select="@answers"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <h3>Stance by specialty</h3>
    <div class="table-wrap">
      <table class="specialty-table stack">
        <thead>
          <tr><th>Specialty</th><th class="num">Answers</th><th class="num">Reassuring</th><th class="num">Cautionary</th>
            <th class="num">Contraindicated</th><th class="num">No stance</th><th>Chart</th></tr>
        </thead>
        <tbody>
          <xsl:for-each select="specialty">
            <xsl:variable name="name">
              <xsl:choose>
                <xsl:when test="@name"><xsl:value-of select="@name"/></xsl:when>
                <xsl:otherwise>(specialty not given)</xsl:otherwise>
              </xsl:choose>
            </xsl:variable>
            <xsl:variable name="caption"><xsl:call-template name="counts-caption"><xsl:with-param name="counts" select="stance-counts"/></xsl:call-template></xsl:variable>
            <tr>
              <td data-label="Specialty"><xsl:value-of select="$name"/></td>
              <td class="num" data-label="Answers"><xsl:value-of select="@answers"/></td>
              <td class="num" data-label="Reassuring"><xsl:value-of select="stance-counts/@reassuring"/></td>
              <td class="num" data-label="Cautionary"><xsl:value-of select="stance-counts/@cautionary"/></td>
              <td class="num" data-label="Contraindicated"><xsl:value-of select="stance-counts/@contraindicated"/></td>
              <td class="num" data-label="No stance"><xsl:value-of select="stance-counts/@none"/></td>
              <td>
                <xsl:call-template name="stacked-bar">
                  <xsl:with-param name="counts" select="stance-counts"/>
                  <xsl:with-param name="fill" select="@answers div number($max)"/>
                  <xsl:with-param name="height" select="14"/>
                  <xsl:with-param name="class" select="'spec-bar'"/>
                  <xsl:with-param name="caption" select="concat($name, ': ', $caption)"/>
                </xsl:call-template>
              </td>
            </tr>
            <xsl:value-of select="$nl"/>
          </xsl:for-each>
        </tbody>
      </table>
    </div>
  </xsl:template>

  <!-- ==================================================== answer ===== -->

  <xsl:template match="answer">
    <xsl:param name="rank" select="1"/>  <!-- the question's place from the most contested -->
    <xsl:variable name="anchor">
      <xsl:call-template name="answer-anchor">
        <xsl:with-param name="role" select="@role"/><xsl:with-param name="id" select="@answer-id"/>
        <xsl:with-param name="file" select="@file"/><xsl:with-param name="index" select="@index"/>
      </xsl:call-template>
    </xsl:variable>
    <!-- In full: its title and text with the evidence marked, and the
         evidence table; in brief (see full-answers): its opening words. -->
    <xsl:variable name="full" select="not($capped) or @role != 'counted' or @dissent = 'true' or key('review-by-answer', @answer-id)
                                      or ($rank &lt;= $full-questions and count(preceding-sibling::answer) &lt; $full-answers)"/>
    <xsl:choose>
    <xsl:when test="not($full)">
      <!-- In brief: one line; the opening words only among the
           full-questions most contested questions. -->
      <article class="answer brief {@stance}" id="{$anchor}">
        <xsl:call-template name="badge"><xsl:with-param name="s" select="@stance"/></xsl:call-template>
        <xsl:text> </xsl:text>
        <strong><xsl:choose>
          <xsl:when test="physician/@name"><xsl:value-of select="physician/@name"/></xsl:when>
          <xsl:otherwise>Unnamed physician</xsl:otherwise>
        </xsl:choose></strong>
        <xsl:if test="physician/@specialty">, <xsl:value-of select="physician/@specialty"/></xsl:if>
        <xsl:if test="@editor-override = 'true'"><xsl:text> </xsl:text><span class="flag editor">stance set by an editor</span></xsl:if>
        <xsl:if test="$rank &lt;= $full-questions">:
          <xsl:if test="title"><xsl:value-of select="title"/>. </xsl:if>
          <xsl:value-of select="substring(text, 1, 120)"/><xsl:if test="string-length(text) &gt; 120">…</xsl:if></xsl:if>
        <xsl:text> </xsl:text><span class="flag">shown in brief</span> <code><xsl:value-of select="@answer-id"/></code>
      </article>
    </xsl:when>
    <xsl:otherwise>
    <article class="answer {@stance}" id="{$anchor}">
      <div class="answer-head">
        <xsl:call-template name="badge"><xsl:with-param name="s" select="@stance"/></xsl:call-template>
        <span class="who">
          <xsl:choose>
            <xsl:when test="physician/@name"><xsl:value-of select="physician/@name"/></xsl:when>
            <xsl:otherwise>Unnamed physician</xsl:otherwise>
          </xsl:choose>
        </span>
        <span>
          <xsl:choose>
            <xsl:when test="physician/@specialty"><xsl:value-of select="physician/@specialty"/></xsl:when>
            <xsl:otherwise><span class="muted">specialty not given</span></xsl:otherwise>
          </xsl:choose>
          <xsl:if test="physician/@city">, <xsl:value-of select="physician/@city"/></xsl:if>
        </span>
        <xsl:if test="physician/@rating">
          <span class="muted">★ <xsl:value-of select="physician/@rating"/>
            <xsl:if test="physician/@reviews"> (<xsl:value-of select="physician/@reviews"/> reviews)</xsl:if></span>
        </xsl:if>
        <xsl:choose>
          <xsl:when test="@editor-override = 'true'"><span class="flag editor">stance set by an editor</span></xsl:when>
          <xsl:otherwise><span class="muted">confidence <xsl:call-template name="pct"><xsl:with-param name="x" select="@confidence"/></xsl:call-template></span></xsl:otherwise>
        </xsl:choose>
        <xsl:if test="@dissent = 'true'"><span class="flag warn">dissent</span></xsl:if>
        <xsl:if test="@conflicting = 'true'"><span class="flag warn">competing cues</span></xsl:if>
        <xsl:if test="contains(concat(' ', @review, ' '), ' low-confidence ')"><span class="flag warn">low confidence</span></xsl:if>
        <xsl:if test="@truncated = 'true'"><span class="flag">cut off</span></xsl:if>
        <xsl:if test="@excerpt = 'true'"><span class="flag">related excerpt</span></xsl:if>
      </div>
      <xsl:apply-templates select="override"/>
      <xsl:if test="title">
        <p class="answer-title">
          <xsl:call-template name="highlight">
            <xsl:with-param name="s" select="string(title)"/>
            <xsl:with-param name="evs" select="evidence[@in = 'title']"/>
          </xsl:call-template>
        </p>
      </xsl:if>
      <p class="answer-text">
        <xsl:call-template name="highlight">
          <xsl:with-param name="s" select="string(text)"/>
          <xsl:with-param name="evs" select="evidence[@in = 'text']"/>
        </xsl:call-template>
      </p>
      <xsl:if test="evidence">
        <details>
          <summary>
            <xsl:choose>
              <xsl:when test="override">Why the classifier said <xsl:call-template name="label"><xsl:with-param name="s" select="override/@classifier-stance"/></xsl:call-template> (an editor set <xsl:call-template name="label"><xsl:with-param name="s" select="@stance"/></xsl:call-template>):</xsl:when>
              <xsl:otherwise>Why <xsl:call-template name="label"><xsl:with-param name="s" select="@stance"/></xsl:call-template>:</xsl:otherwise>
            </xsl:choose>
            <xsl:text> </xsl:text>
            <xsl:value-of select="@reason"/> · <xsl:value-of select="count(evidence)"/> evidence spans</summary>
          <!-- One line per span (a list, not a table: on a page of hundreds of
               questions the table markup weighed more than the text). -->
          <ul class="evidence-list">
            <xsl:for-each select="evidence">
              <li>“<xsl:value-of select="."/>”<xsl:if test="@in = 'title'"> <span class="muted">(title)</span></xsl:if>
                <xsl:text> </xsl:text><code><xsl:value-of select="@rule"/></code>
                <xsl:text> </xsl:text><xsl:value-of select="@kind"/>
                <xsl:if test="@stance">, <xsl:value-of select="@stance"/><xsl:text> </xsl:text><xsl:value-of select="@weight"/></xsl:if>
                <xsl:if test="@effects">; <xsl:value-of select="@effects"/></xsl:if></li>
            </xsl:for-each>
          </ul>
        </details>
      </xsl:if>
      <div class="answer-foot"><xsl:value-of select="@file"/> #<xsl:value-of select="@index"/> · id <code><xsl:value-of select="@answer-id"/></code></div>
    </article>
    </xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <!-- An editor's decision that replaced the classifier's stance. -->
  <xsl:template match="answer/override">
    <p class="override-note">
      <strong>Editor override</strong>
      <xsl:if test="@editor"> by <xsl:value-of select="@editor"/></xsl:if>:
      the classifier said <xsl:call-template name="badge"><xsl:with-param name="s" select="@classifier-stance"/></xsl:call-template>
      (confidence <xsl:call-template name="pct"><xsl:with-param name="x" select="@classifier-confidence"/></xsl:call-template>)
      <xsl:if test="string(.) != ''"> — <xsl:value-of select="."/></xsl:if>
    </p>
  </xsl:template>

  <!-- The text s with every evidence span in evs marked. Walks the text from
       one span boundary (character offsets cstart/cend) to the next, so
       overlapping spans split into pieces each covered by a fixed set of
       spans; a piece takes the color of its heaviest stance cue, or the
       modifier style when only modifiers cover it. data-ev lists the
       covering spans (1-based among the answer's evidence) for tests. -->
  <xsl:template name="highlight">
    <xsl:param name="s"/>
    <xsl:param name="evs"/>
    <xsl:param name="pos" select="0"/>
    <xsl:variable name="len" select="string-length($s)"/>
    <xsl:variable name="after" select="$evs/@cstart[. &gt; $pos] | $evs/@cend[. &gt; $pos]"/>
    <xsl:variable name="next" select="string($after[not($after &lt; .)])"/>
    <xsl:variable name="end">
      <xsl:choose>
        <xsl:when test="string($next) = '' or number($next) &gt; $len"><xsl:value-of select="$len"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$next"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="number($end) &gt; $pos">
      <xsl:variable name="piece" select="substring($s, $pos + 1, $end - $pos)"/>
      <xsl:variable name="cover" select="$evs[number(@cstart) &lt;= $pos and number(@cend) &gt;= number($end)]"/>
      <xsl:choose>
        <xsl:when test="$cover">
          <xsl:variable name="cue">
            <xsl:for-each select="$cover[@stance]">
              <xsl:sort select="@weight" data-type="number" order="descending"/>
              <xsl:if test="position() = 1"><xsl:value-of select="@stance"/></xsl:if>
            </xsl:for-each>
          </xsl:variable>
          <mark>
            <xsl:attribute name="class">
              <xsl:choose>
                <xsl:when test="string($cue) != ''">ev ev-<xsl:value-of select="$cue"/></xsl:when>
                <xsl:otherwise>ev ev-mod</xsl:otherwise>
              </xsl:choose>
            </xsl:attribute>
            <xsl:attribute name="title">
              <xsl:for-each select="$cover">
                <xsl:if test="position() &gt; 1">; </xsl:if>
                <xsl:value-of select="@rule"/> (<xsl:value-of select="@kind"/>
                <xsl:if test="@stance">, <xsl:value-of select="@stance"/></xsl:if>
                <xsl:if test="@effects">, <xsl:value-of select="@effects"/></xsl:if>)</xsl:for-each>
            </xsl:attribute>
            <xsl:attribute name="data-ev">
              <xsl:for-each select="$cover">
                <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
                <xsl:value-of select="count(preceding-sibling::evidence) + 1"/>
              </xsl:for-each>
            </xsl:attribute>
            <xsl:value-of select="$piece"/>
          </mark>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$piece"/></xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="highlight">
        <xsl:with-param name="s" select="$s"/>
        <xsl:with-param name="evs" select="$evs"/>
        <xsl:with-param name="pos" select="number($end)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- ===================================== duplicates and related ===== -->

  <xsl:template match="duplicates">
    <details class="dups">
      <summary><xsl:value-of select="@count"/> duplicate<xsl:if test="@count != 1">s</xsl:if> merged (counted once)</summary>
      <div class="table-wrap">
        <table>
          <thead><tr><th>Seen in</th><th>Same answer as</th><th>Metadata that differs</th></tr></thead>
          <tbody>
            <xsl:for-each select="duplicate">
              <xsl:variable name="anchor">
                <xsl:call-template name="answer-anchor">
                  <xsl:with-param name="role" select="'duplicate'"/><xsl:with-param name="id" select="@answer-id"/>
                  <xsl:with-param name="file" select="@file"/><xsl:with-param name="index" select="@index"/>
                </xsl:call-template>
              </xsl:variable>
              <tr id="{$anchor}">
                <td><xsl:value-of select="@file"/> #<xsl:value-of select="@index"/></td>
                <td><a href="#a-{@duplicate-of}"><xsl:value-of select="@original-file"/> #<xsl:value-of select="@original-index"/></a></td>
                <td><xsl:value-of select="@metadata-differs"/></td>
              </tr>
              <xsl:value-of select="$nl"/>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
    </details>
  </xsl:template>

  <xsl:template match="related">
    <details class="related">
      <summary><xsl:value-of select="@count"/> related-question excerpt<xsl:if test="@count != 1">s</xsl:if> (not counted: no stance on this question)</summary>
      <xsl:apply-templates select="answer"/>
    </details>
  </xsl:template>

  <!-- =========================================== corpus figures ===== -->

  <xsl:template name="corpus-figures">
    <section id="corpus" aria-label="Agreement and specialties">
      <h2>Agreement across the corpus</h2>
      <xsl:for-each select="agreement/pairwise">
        <p class="pairwise" title="The chance that two physicians answering the same question take the same stance.">
          Two physicians answering the same question agree
          <strong><xsl:call-template name="pct"><xsl:with-param name="x" select="@agreement"/></xsl:call-template></strong>
          of the time
          <xsl:choose>
            <xsl:when test="@ci-lo">(95% CI <xsl:call-template name="pct"><xsl:with-param name="x" select="@ci-lo"/></xsl:call-template>–<xsl:call-template name="pct"><xsl:with-param name="x" select="@ci-hi"/></xsl:call-template>, bootstrap over <xsl:value-of select="@questions"/> questions)</xsl:when>
            <xsl:otherwise>(over <xsl:value-of select="@questions"/> questions; no interval: <xsl:value-of select="@ci-note"/>)</xsl:otherwise>
          </xsl:choose>;
          two answers picked from the whole corpus agree
          <xsl:call-template name="pct"><xsl:with-param name="x" select="@chance"/></xsl:call-template>
          of the time. Median majority share per question:
          <xsl:call-template name="pct"><xsl:with-param name="x" select="@share-median"/></xsl:call-template>.
        </p>
      </xsl:for-each>
      <div class="table-wrap">
        <table class="agreement">
          <thead><tr><th title="Agreement between physicians, corrected for chance: 1 full, 0 chance, below 0 systematic disagreement">Krippendorff's alpha</th><th class="num">Value</th><th class="num">95% CI (bootstrap)</th>
            <th class="num">P(alpha &lt; 0.667)</th><th class="num">Questions</th><th class="num">Values</th></tr></thead>
          <tbody>
            <xsl:for-each select="agreement/alpha">
              <tr>
                <td><xsl:value-of select="@metric"/></td>
                <td class="num"><xsl:call-template name="num"><xsl:with-param name="x" select="@value"/><xsl:with-param name="fmt" select="'0.000'"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="num"><xsl:with-param name="x" select="@ci-lo"/><xsl:with-param name="fmt" select="'0.000'"/></xsl:call-template>
                  to <xsl:call-template name="num"><xsl:with-param name="x" select="@ci-hi"/><xsl:with-param name="fmt" select="'0.000'"/></xsl:call-template></td>
                <td class="num"><xsl:call-template name="num"><xsl:with-param name="x" select="@p-below-0-667"/></xsl:call-template></td>
                <td class="num"><xsl:value-of select="@pairable-questions"/></td>
                <td class="num"><xsl:value-of select="@pairable-values"/></td>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <xsl:if test="agreement/@fleiss-kappa">
        <p>Fleiss' kappa: <xsl:call-template name="num"><xsl:with-param name="x" select="agreement/@fleiss-kappa"/><xsl:with-param name="fmt" select="'0.000'"/></xsl:call-template></p>
      </xsl:if>
      <p class="note"><xsl:value-of select="agreement/note"/></p>

      <h2>Stances by specialty, all questions</h2>
      <!-- Bars are scaled to the largest group in the test, so that a large
           row left out of it (no specialty given) does not flatten the rest;
           such a row's bar is capped at full width. -->
      <xsl:variable name="max">
        <xsl:choose>
          <xsl:when test="specialties/group[not(@tested = 'false')]">
            <xsl:for-each select="specialties/group[not(@tested = 'false')]">
              <xsl:sort select="@answers" data-type="number" order="descending"/>
              <xsl:if test="position() = 1"><xsl:value-of select="@answers"/></xsl:if>
            </xsl:for-each>
          </xsl:when>
          <xsl:otherwise>
            <xsl:for-each select="specialties/group">
              <xsl:sort select="@answers" data-type="number" order="descending"/>
              <xsl:if test="position() = 1"><xsl:value-of select="@answers"/></xsl:if>
            </xsl:for-each>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <div class="table-wrap">
        <table class="specialty-comparison stack">
          <thead>
            <tr><th>Specialty</th><th class="num">Answers</th><th class="num">Reassuring</th><th class="num">Cautionary</th>
              <th class="num">Contraindicated</th><th class="num">No stance</th><th>Chart</th></tr>
          </thead>
          <tbody>
            <xsl:for-each select="specialties/group">
              <xsl:variable name="name">
                <xsl:choose>
                  <xsl:when test="@specialty"><xsl:value-of select="@specialty"/></xsl:when>
                  <xsl:otherwise>(specialty not given)</xsl:otherwise>
                </xsl:choose>
              </xsl:variable>
              <xsl:variable name="caption"><xsl:call-template name="counts-caption"><xsl:with-param name="counts" select="stance-counts"/></xsl:call-template></xsl:variable>
              <tr>
                <td data-label="Specialty"><xsl:value-of select="$name"/><xsl:if test="@tested = 'false'"><xsl:text> </xsl:text><span class="muted">(not in the test)</span></xsl:if></td>
                <td class="num" data-label="Answers"><xsl:value-of select="@answers"/></td>
                <td class="num" data-label="Reassuring"><xsl:value-of select="stance-counts/@reassuring"/></td>
                <td class="num" data-label="Cautionary"><xsl:value-of select="stance-counts/@cautionary"/></td>
                <td class="num" data-label="Contraindicated"><xsl:value-of select="stance-counts/@contraindicated"/></td>
                <td class="num" data-label="No stance"><xsl:value-of select="stance-counts/@none"/></td>
                <td>
                  <xsl:call-template name="stacked-bar">
                    <xsl:with-param name="counts" select="stance-counts"/>
                    <xsl:with-param name="fill" select="(@answers > number($max)) + (not(@answers > number($max))) * (@answers div number($max))"/>
                    <xsl:with-param name="height" select="14"/>
                    <xsl:with-param name="class" select="'spec-bar'"/>
                    <xsl:with-param name="caption" select="concat($name, ': ', $caption)"/>
                  </xsl:call-template>
                </td>
              </tr>
              <xsl:value-of select="$nl"/>
            </xsl:for-each>
          </tbody>
        </table>
      </div>
      <xsl:for-each select="specialties/test">
        <p>
          Chi-square test of specialty × stance: χ² = <xsl:call-template name="num"><xsl:with-param name="x" select="@chi-square"/></xsl:call-template>,
          df = <xsl:value-of select="@df"/>,
          p = <xsl:call-template name="num"><xsl:with-param name="x" select="@p-value"/><xsl:with-param name="fmt" select="'0.000'"/></xsl:call-template>
          (asymptotic)<xsl:if test="@p-monte-carlo">,
          p = <xsl:call-template name="num"><xsl:with-param name="x" select="@p-monte-carlo"/><xsl:with-param name="fmt" select="'0.000'"/></xsl:call-template>
          (Monte Carlo, <xsl:value-of select="@simulated"/> tables)</xsl:if>;
          Cramér's V = <xsl:call-template name="num"><xsl:with-param name="x" select="@cramers-v"/></xsl:call-template>
          (bias-corrected <xsl:call-template name="num"><xsl:with-param name="x" select="@cramers-v-corrected"/></xsl:call-template>);
          within questions: p = <xsl:call-template name="num"><xsl:with-param name="x" select="@p-within-questions"/></xsl:call-template>
          <xsl:text>&#10;          </xsl:text><xsl:choose><xsl:when test="@within-questions-method = 'cmh'">(Cochran-Mantel-Haenszel χ² = <xsl:call-template name="num"><xsl:with-param name="x" select="@cmh-statistic"/></xsl:call-template>, df = <xsl:value-of select="@cmh-df"/>, over <xsl:value-of select="@questions-varying"/> questions),</xsl:when><xsl:otherwise>(<xsl:value-of select="@permutations"/> permutations),</xsl:otherwise></xsl:choose>
          n = <xsl:value-of select="@n"/>.
          <xsl:if test="@small-expected = 'true'"><span class="flag warn">small expected counts: trust the Monte Carlo p</span></xsl:if>
        </p>
      </xsl:for-each>
      <p class="conclusion"><strong><xsl:value-of select="specialties/conclusion"/></strong></p>
      <p class="note"><xsl:value-of select="specialties/note"/></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
