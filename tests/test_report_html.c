/*
 * test_report_html: report.xml -> report.html through reports/report.xsl
 * (cn_report_html). Uses the hand-written tests/data/html/mini-report.xml, so
 * the expected marks and counts below come from that file, not from the
 * analyzer: overlapping evidence spans split into pieces, a span after a
 * multi-byte character lands on the right characters, markup in answer text
 * stays text, the page refers to nothing outside itself, its one inline
 * script is the one its Content-Security-Policy allows by hash, and the
 * transformation may not read files.
 */
#include "testutil.h"

#include "cn_config.h"
#include "cn_html_out.h"
#include "cn_report_html.h"
#include "cn_sha256.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define STYLESHEET "reports/report.xsl"
#define MINI "tests/data/html/mini-report.xml"

static size_t count_of(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Render MINI with the source stylesheet; *html malloc'd. */
static int render_mini(char **html, size_t *len)
{
    cn_error err;
    cn_error_clear(&err);
    cn_report_html *h = NULL;
    int rc = cn_report_html_new(STYLESHEET, &h, &err);
    CU_ASSERT_EQUAL_FATAL(rc, CN_OK);
    size_t xml_len = 0;
    char *xml = tu_read_file(MINI, &xml_len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
    rc = cn_report_html_render(h, xml, xml_len, html, len, &err);
    if (rc)
        fprintf(stderr, "render: %s\n", err.message);
    free(xml);
    cn_report_html_free(h);
    return rc;
}

static void test_find_in_source_tree(void)
{
    cn_error err;
    char *path = NULL;
    CU_ASSERT_EQUAL(cn_report_html_find("rules", &path, &err), CN_OK);
    CU_ASSERT_STRING_EQUAL(path, "rules/../reports/report.xsl");
    free(path);
}

static void test_find_fallbacks(void)
{
    char *dir = tu_mkdtemp();
    char *rules = malloc(strlen(dir) + 8);
    sprintf(rules, "%s/rules", dir);
    mkdir(rules, 0700);
    cn_error err;
    cn_error_clear(&err);
    char *path = NULL;
    int rc = cn_report_html_find(rules, &path, &err);
    struct stat st;
    char installed[4096];
    snprintf(installed, sizeof installed, "%s/report.xsl", cn_default_schema_dir());
    if (stat(installed, &st) == 0) {
        /* An installed copy exists on this machine: it is the fallback. */
        CU_ASSERT_EQUAL(rc, CN_OK);
        CU_ASSERT_STRING_EQUAL(path, installed);
    } else {
        /* Not installed: the source tree this test was built from. */
        char source[4096];
        snprintf(source, sizeof source, "%s/report.xsl", cn_source_schema_dir());
        CU_ASSERT_EQUAL(rc, CN_OK);
        CU_ASSERT_PTR_NOT_NULL_FATAL(path);
        CU_ASSERT_STRING_EQUAL(path, source);
        CU_ASSERT_PTR_NOT_NULL(strstr(path, "/reports/report.xsl"));
    }
    free(path);
    tu_rm_rf(dir);
    free(rules);
    free(dir);
}

static void test_new_missing_file(void)
{
    cn_error err;
    cn_error_clear(&err);
    cn_report_html *h = NULL;
    CU_ASSERT_EQUAL(cn_report_html_new("tests/data/html/nope.xsl", &h, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NULL(h);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "tests/data/html/nope.xsl"));
}

static void test_new_malformed_names_file_and_line(void)
{
    char *dir = tu_mkdtemp();
    const char *bad = "<?xml version=\"1.0\"?>\n<xsl:stylesheet version=\"1.0\"\n"
                      "  xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n<oops>\n";
    char *path = tu_write_file(dir, "bad.xsl", bad, strlen(bad));
    cn_error err;
    cn_error_clear(&err);
    cn_report_html *h = NULL;
    CU_ASSERT_EQUAL(cn_report_html_new(path, &h, &err), CN_ERR_FORMAT);
    CU_ASSERT_PTR_NULL(h);
    char prefix[4200];
    snprintf(prefix, sizeof prefix, "%s:5: ", path); /* the document ends on line 5 */
    CU_ASSERT_EQUAL(strncmp(err.message, prefix, strlen(prefix)), 0);
    if (strncmp(err.message, prefix, strlen(prefix)))
        fprintf(stderr, "got: %s\n", err.message);
    free(path);
    tu_rm_rf(dir);
    free(dir);
}

static void test_new_rejects_non_stylesheet(void)
{
    char *dir = tu_mkdtemp();
    const char *doc = "<?xml version=\"1.0\"?>\n<report/>\n";
    char *path = tu_write_file(dir, "plain.xml", doc, strlen(doc));
    cn_error err;
    cn_error_clear(&err);
    cn_report_html *h = NULL;
    CU_ASSERT_EQUAL(cn_report_html_new(path, &h, &err), CN_ERR_FORMAT);
    CU_ASSERT_PTR_NULL(h);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "not a valid XSLT stylesheet"));
    free(path);
    tu_rm_rf(dir);
    free(dir);
}

static void test_render_structure(void)
{
    char *html = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(render_mini(&html, &len), CN_OK);
    CU_ASSERT_EQUAL(strlen(html), len);
    CU_ASSERT_EQUAL(strncmp(html, "<!DOCTYPE html>", 15), 0);
    /* one stacked bar per question, in the overview and in each section */
    CU_ASSERT_EQUAL(count_of(html, "<svg class=\"stance-bar\""), 2);
    CU_ASSERT_EQUAL(count_of(html, "<svg class=\"overview-bar\""), 2);
    CU_ASSERT_EQUAL(count_of(html, "<table class=\"specialty-table"), 2);
    CU_ASSERT_EQUAL(count_of(html, "<article class=\"answer "), 3);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "id=\"review-queue\""));
    /* the review item links to the answer, which carries that id */
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "href=\"#a-2222222222222222\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "id=\"a-2222222222222222\""));
    /* the question with a majority share comes before the one without */
    const char *a = strstr(html, "href=\"#q-aaaaaaaaaaaaaaaa\"");
    const char *b = strstr(html, "href=\"#q-bbbbbbbbbbbbbbbb\"");
    CU_ASSERT_TRUE(a && b && a < b);
    /* the untitled question is named by its claim */
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "Flying after surgery is safe"));
    /* bar segments: 1 of 3 each, drawn over a third of the width */
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<title>Cautionary: 1 of 3 (33%)</title>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "width=\"33.333%\""));
    free(html);
}

static void test_render_marks_evidence(void)
{
    char *html = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(render_mini(&html, &len), CN_OK);
    /* "I have never seen" (experience, 0-17) overlaps "never seen any harm"
     * (reassuring cue, 7-26): three pieces, the shared one covered by both. */
    CU_ASSERT_PTR_NOT_NULL(
        strstr(html, "<mark class=\"ev ev-mod\" title=\"practice (experience)\" data-ev=\"1\">"
                     "I have </mark><mark class=\"ev ev-reassuring\" title=\"practice "
                     "(experience); no-harm (cue, reassuring)\" data-ev=\"1 2\">never seen</mark>"
                     "<mark class=\"ev ev-reassuring\" title=\"no-harm (cue, reassuring)\" "
                     "data-ev=\"2\"> any harm</mark> from it."));
    /* title evidence marks the title */
    CU_ASSERT_PTR_NOT_NULL(strstr(html,
                                  "<p class=\"answer-title\"><mark class=\"ev ev-reassuring\" "
                                  "title=\"no-worry (cue, reassuring)\" data-ev=\"3\">"
                                  "No worries</mark></p>"));
    /* character offsets after the curly quotes (bytes 40-53, chars 36-49) */
    CU_ASSERT_PTR_NOT_NULL(strstr(html,
                                  "a <mark class=\"ev ev-cautionary\" title=\"small-risk (cue, "
                                  "cautionary)\" data-ev=\"1\">small risk of</mark> "
                                  "scarring"));
    /* a span that ends before the text does: the rest follows unmarked */
    CU_ASSERT_PTR_NOT_NULL(strstr(html, ">Do not do it</mark>.</p>"));
    free(html);
}

/* Standard base64 of n bytes into out (4 * ceil(n / 3) + 1 bytes). */
static void base64(const unsigned char *in, size_t n, char *out)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0) |
                     (i + 2 < n ? in[i + 2] : 0);
        out[o++] = digits[v >> 18 & 63];
        out[o++] = digits[v >> 12 & 63];
        out[o++] = i + 1 < n ? digits[v >> 6 & 63] : '=';
        out[o++] = i + 2 < n ? digits[v & 63] : '=';
    }
    out[o] = '\0';
}

/* The page's one script runs only because the Content-Security-Policy
 * names its SHA-256: recomputed here from the rendered text, so a script
 * edited in report.xsl without its new hash fails this test. */
static void test_render_script_allowed_by_hash(void)
{
    char *html = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(render_mini(&html, &len), CN_OK);
    CU_ASSERT_EQUAL(count_of(html, "<script"), 1); /* the answer text's is escaped */
    const char *open = strstr(html, "<script>");
    CU_ASSERT_PTR_NOT_NULL_FATAL(open);
    const char *body = open + strlen("<script>");
    const char *close = strstr(body, "</script>");
    CU_ASSERT_PTR_NOT_NULL_FATAL(close);
    unsigned char digest[32];
    cn_sha256_ctx ctx;
    cn_sha256_init(&ctx);
    cn_sha256_update(&ctx, body, (size_t)(close - body));
    cn_sha256_final(&ctx, digest);
    char b64[45], want[80];
    base64(digest, sizeof digest, b64);
    snprintf(want, sizeof want, "script-src 'sha256-%s';", b64);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, want));
    if (!strstr(html, want))
        fprintf(stderr, "the CSP does not allow the script: want %s\n", want);
    /* script-src names nothing else (no 'unsafe-inline', no source to fetch from) */
    const char *src = strstr(html, "script-src ");
    CU_ASSERT_TRUE(src && strncmp(src, want, strlen(want)) == 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "content=\"default-src 'none';"));
    free(html);
}

static void test_render_escapes_and_is_self_contained(void)
{
    char *html = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(render_mini(&html, &len), CN_OK);
    /* the only <script is the page's own, with no src */
    CU_ASSERT_EQUAL(count_of(html, "<script"), 1);
    CU_ASSERT_PTR_NULL(strstr(html, "<script "));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    CU_ASSERT_PTR_NULL(strstr(html, "http://"));
    CU_ASSERT_PTR_NULL(strstr(html, "https://"));
    CU_ASSERT_PTR_NULL(strstr(html, " src="));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "content=\"default-src 'none'"));
    free(html);
}

/* Questions are <details> (the most contested open), the filter bar is
 * hidden until the script shows it and offers the specialties and review
 * reasons of the report, tables sort, and the per-claim and per-physician
 * views are there. */
static void test_render_navigation(void)
{
    char *html = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(render_mini(&html, &len), CN_OK);
    CU_ASSERT_EQUAL(count_of(html, "<details class=\"question\""), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<form id=\"filters\" class=\"filters\" hidden"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<option value=\"Dermatologist\">Dermatologist</option>"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<table class=\"overview stack sortable\">"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<table class=\"review stack sortable\">"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "id=\"claims\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "id=\"physicians\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "data-q=\"aaaaaaaaaaaaaaaa\""));
    free(html);
}

/* Issue 13: every figure explained in plain words: a glossary the overview
 * links to, with each term the report prints, and a title on the table
 * headers that carry jargon. */
static void test_render_glossary(void)
{
    char *html = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL_FATAL(render_mini(&html, &len), CN_OK);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<details class=\"glossary\" id=\"glossary\">"));
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "<a href=\"#glossary\">"));
    static const char *const TERMS[] = {"<dt>Share</dt>",
                                        "<dt>Consensus level</dt>",
                                        "<dt>95% CI</dt>",
                                        "<dt>Entropy</dt>",
                                        "<dt>Ordinal consensus</dt>",
                                        "<dt>Contested</dt>",
                                        "<dt>Krippendorff's alpha</dt>"};
    for (size_t i = 0; i < sizeof TERMS / sizeof TERMS[0]; i++) {
        if (!strstr(html, TERMS[i]))
            fprintf(stderr, "\n    glossary lacks %s", TERMS[i]);
        CU_ASSERT_PTR_NOT_NULL(strstr(html, TERMS[i]));
    }
    CU_ASSERT_PTR_NOT_NULL(strstr(html, "title=\"How evenly the answers spread"));
    free(html);
}

static void test_render_is_deterministic(void)
{
    char *a = NULL, *b = NULL;
    size_t la = 0, lb = 0;
    CU_ASSERT_EQUAL_FATAL(render_mini(&a, &la), CN_OK);
    CU_ASSERT_EQUAL_FATAL(render_mini(&b, &lb), CN_OK);
    CU_ASSERT_EQUAL(la, lb);
    CU_ASSERT_TRUE(la == lb && memcmp(a, b, la) == 0);
    free(a);
    free(b);
}

static void test_render_rejects_malformed_xml(void)
{
    cn_error err;
    cn_error_clear(&err);
    cn_report_html *h = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_report_html_new(STYLESHEET, &h, &err), CN_OK);
    const char *xml = "<?xml version=\"1.0\"?>\n<report>\n<questions>\n";
    char *html = NULL;
    size_t len = 0;
    CU_ASSERT_EQUAL(cn_report_html_render(h, xml, strlen(xml), &html, &len, &err), CN_ERR_FORMAT);
    CU_ASSERT_PTR_NULL(html);
    CU_ASSERT_EQUAL(strncmp(err.message, "report.xml:", 11), 0);
    cn_report_html_free(h);
}

/* A stylesheet that tries to read a file through document() fails: the
 * transformation runs with file access forbidden. */
static void test_render_may_not_read_files(void)
{
    char *dir = tu_mkdtemp();
    const char *secret = "<secret>leaked</secret>\n";
    char *secret_path = tu_write_file(dir, "secret.xml", secret, strlen(secret));
    char xsl[8192];
    snprintf(xsl, sizeof xsl,
             "<?xml version=\"1.0\"?>\n"
             "<xsl:stylesheet version=\"1.0\" "
             "xmlns:xsl=\"http://www.w3.org/1999/XSL/Transform\">\n"
             "<xsl:template match=\"/\"><p><xsl:value-of select=\"document('%s')\"/></p>"
             "</xsl:template>\n</xsl:stylesheet>\n",
             secret_path);
    char *xsl_path = tu_write_file(dir, "peek.xsl", xsl, strlen(xsl));
    cn_error err;
    cn_error_clear(&err);
    cn_report_html *h = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_report_html_new(xsl_path, &h, &err), CN_OK);
    const char *xml = "<report/>";
    char *html = NULL;
    size_t len = 0;
    int rc = cn_report_html_render(h, xml, strlen(xml), &html, &len, &err);
    CU_ASSERT_EQUAL(rc, CN_ERR_FORMAT);
    CU_ASSERT_TRUE(html == NULL || strstr(html, "leaked") == NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "refused"));
    free(html);
    cn_report_html_free(h);
    free(secret_path);
    free(xsl_path);
    tu_rm_rf(dir);
    free(dir);
}

/* The stock stylesheet is written directly (cn_html_page mirrors it); a copy
 * that differs by one comment is run by libxslt. tests/test_html_direct.sh
 * checks that both give the same page. */
/* An attribute value is quoted as xmlBufWriteQuotedString quotes it: "v";
 * 'v' when v holds " but not '; "v" with each " as &quot; when it holds
 * both (written in runs: the bytes must not change). */
static void test_attr_quoting(void)
{
    const char *values[] = {"plain", "say \"hi\"", "it's \"both\" & <more>\"", "\"", ""};
    const char *want[] = {" t=\"plain\"", " t='say \"hi\"'",
                          " t=\"it's &quot;both&quot; &amp; &lt;more&gt;&quot;\"", " t='\"'",
                          " t=\"\""};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        CU_ASSERT_PTR_NOT_NULL_FATAL(f);
        cn_html_out o;
        cn_html_out_init(&o, f, NULL);
        cn_html_attr(&o, "t", values[i]);
        cn_html_out_release(&o);
        fclose(f);
        CU_ASSERT_STRING_EQUAL(buf, want[i]);
        free(buf);
    }
}

static void test_direct_only_for_the_mirrored_stylesheet(void)
{
    cn_error err;
    cn_report_html *h = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_report_html_new(STYLESHEET, &h, &err), CN_OK);
    CU_ASSERT_TRUE(cn_report_html_is_direct(h));
    cn_report_html_free(h);
    size_t len = 0;
    char *xsl = tu_read_file(STYLESHEET, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(xsl);
    char *dir = tu_mkdtemp();
    char *copy = malloc(len + 64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(copy);
    memcpy(copy, xsl, len);
    memcpy(copy + len, "<!-- edited -->\n", 16);
    char *path = tu_write_file(dir, "report.xsl", copy, len + 16);
    h = NULL;
    CU_ASSERT_EQUAL_FATAL(cn_report_html_new(path, &h, &err), CN_OK);
    CU_ASSERT_FALSE(cn_report_html_is_direct(h));
    cn_report_html_free(h);
    free(path);
    free(copy);
    free(xsl);
    tu_rm_rf(dir);
    free(dir);
}

int main(void)
{
    static const tu_test tests[] = {
        {"find: the source tree's reports/", test_find_in_source_tree},
        {"find: falls back to the installed copy, else the source tree", test_find_fallbacks},
        {"new: missing file", test_new_missing_file},
        {"new: malformed stylesheet names file and line", test_new_malformed_names_file_and_line},
        {"new: XML that is no stylesheet", test_new_rejects_non_stylesheet},
        {"render: bars, tables, anchors, order", test_render_structure},
        {"render: evidence spans marked, overlaps split", test_render_marks_evidence},
        {"render: text escaped, nothing external", test_render_escapes_and_is_self_contained},
        {"render: the script is allowed by its hash", test_render_script_allowed_by_hash},
        {"render: collapsible questions, filter bar, views", test_render_navigation},
        {"render: a glossary of every figure", test_render_glossary},
        {"render: byte-identical twice", test_render_is_deterministic},
        {"render: malformed XML", test_render_rejects_malformed_xml},
        {"render: no file access", test_render_may_not_read_files},
        {"attributes quoted as libxml2 quotes them", test_attr_quoting},
        {"write: direct only with the mirrored stylesheet",
         test_direct_only_for_the_mirrored_stylesheet},
        {NULL, NULL},
    };
    return tu_run_suite("report_html", tests);
}
