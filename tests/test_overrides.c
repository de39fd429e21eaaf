/*
 * test_overrides: editors' overrides (cn_overrides, `consensus analyze
 * --overrides FILE`, `consensus eval --gold OVERRIDES.json`).
 *
 * - The loader: fields, optional members, and every kind of malformed file
 *   rejected with FILE:LINE[:COLUMN] and the entry (positions counted by hand).
 * - End to end on the sample corpus: a flipped stance shows in report.json,
 *   report.xml (valid against the XSD), report.html and answers.jsonl, marked
 *   as the editor's with the classifier's own stance; the question's counts,
 *   majority, share, level and Wilson interval change as computed here from
 *   the base run's counts (the interval by its textbook formula, not by the
 *   library); an answer seen twice with the same answer_id is overridden in
 *   both places and counted once; an override matching no answer is named on
 *   stderr and in all three reports, with exit 1; a malformed file stops the
 *   run with exit 2 and writes nothing; equal inputs give equal bytes.
 * - answers.csv: read back as overrides (rows with editor_stance filled in),
 *   malformed CSV named by FILE:LINE and row; the round trip export -> edit a
 *   stance -> --overrides answers.csv flips that answer, and exporting again
 *   keeps the correction (the second round gives the same answers.jsonl).
 * - eval accepts an overrides file as gold, aligned by answer_id.
 * The answers to flip are picked from a fresh base run, so the test follows
 * the rules as they are tuned.
 */
#include "testutil.h"

#include "cn_csv.h"
#include "cn_overrides.h"
#include "cn_report_csv.h"

#include <cjson/cJSON.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---------------------------------------------------------------- loader */

static int parse(const char *text, cn_overrides **ov, cn_error *err)
{
    cn_error_clear(err);
    return cn_overrides_parse(text, strlen(text), "ov.json", ov, err);
}

static void test_parse_fields(void)
{
    const char *text =
        "[\n"
        "  {\"answer_id\": \"0123456789abcdef\", \"stance\": \"cautionary\",\n"
        "   \"editor\": \"jd\", \"note\": \"hedged\", \"date\": \"2024-01-01\"},\n"
        "  {\"answer_id\": \"fedcba9876543210\", \"stance\": \"none\", \"editor\": null}\n"
        "]\n";
    cn_overrides *ov = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(parse(text, &ov, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_overrides_count(ov), 2);
    const cn_override *a = cn_overrides_at(ov, 0), *b = cn_overrides_at(ov, 1);
    CU_ASSERT_STRING_EQUAL(a->answer_id, "0123456789abcdef");
    CU_ASSERT_EQUAL(a->stance, CN_STANCE_CAUTIONARY);
    CU_ASSERT_STRING_EQUAL(a->editor, "jd");
    CU_ASSERT_STRING_EQUAL(a->note, "hedged");
    CU_ASSERT_EQUAL(a->entry, 1);
    CU_ASSERT_EQUAL(a->line, 2);
    CU_ASSERT_EQUAL(b->stance, CN_STANCE_NONE);
    CU_ASSERT_PTR_NULL(b->editor);
    CU_ASSERT_PTR_NULL(b->note);
    CU_ASSERT_EQUAL(b->entry, 2);
    CU_ASSERT_EQUAL(b->line, 4);
    CU_ASSERT_EQUAL(cn_overrides_find(ov, "fedcba9876543210"), 1);
    CU_ASSERT_EQUAL(cn_overrides_find(ov, "1111111111111111"), -1);
    cn_overrides_free(ov);
    /* an empty array is no correction at all, not an error */
    CU_ASSERT_EQUAL_FATAL(parse(" [ ] ", &ov, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_overrides_count(ov), 0);
    cn_overrides_free(ov);
}

/* text must be rejected with CN_ERR_FORMAT and a message starting with want. */
static void expect_rejected(const char *text, const char *want)
{
    cn_overrides *ov = NULL;
    cn_error err;
    int rc = parse(text, &ov, &err);
    CU_ASSERT_EQUAL(rc, CN_ERR_FORMAT);
    CU_ASSERT_PTR_NULL(ov);
    CU_ASSERT_EQUAL(strncmp(err.message, want, strlen(want)), 0);
    if (strncmp(err.message, want, strlen(want)))
        fprintf(stderr, "\n  want \"%s...\"\n  got  \"%s\"\n", want, err.message);
}

static void test_parse_rejects(void)
{
    /* the second line's ',' before '}' is column 56: cJSON stops at the '}' (57) */
    expect_rejected("[\n{\"answer_id\": \"0123456789abcdef\", \"stance\": \"none\",}]",
                    "ov.json:2:");
    expect_rejected("[1,", "ov.json:1:");
    expect_rejected("{\"answer_id\": \"0123456789abcdef\", \"stance\": \"none\"}",
                    "ov.json:1: expected a JSON array");
    expect_rejected("[\n {\"answer_id\": \"0123456789abcdef\", \"stance\": \"none\"},\n\n"
                    " {\"answer_id\": \"1123456789abcdef\", \"stance\": \"maybe\"}\n]",
                    "ov.json:4: entry 2: 'stance' must be");
    expect_rejected("[{\"stance\": \"none\"}]", "ov.json:1: entry 1: needs an 'answer_id'");
    expect_rejected("[{\"answer_id\": \"0123456789ABCDEF\", \"stance\": \"none\"}]",
                    "ov.json:1: entry 1: answer_id '0123456789ABCDEF' is not an answer id");
    expect_rejected("[{\"answer_id\": \"0123\", \"stance\": \"none\"}]",
                    "ov.json:1: entry 1: answer_id '0123' is not");
    expect_rejected("[{\"answer_id\": \"0123456789abcdef\", \"stance\": \"none\", \"editor\": 3}]",
                    "ov.json:1: entry 1: 'editor' must be a string or null");
    expect_rejected("[\"0123456789abcdef\"]", "ov.json:1: entry 1: expected an object");
    expect_rejected("[{\"answer_id\": \"0123456789abcdef\", \"stance\": \"none\"},\n"
                    " {\"answer_id\": \"0123456789abcdef\", \"stance\": \"reassuring\"}]",
                    "ov.json:2: entry 2: answer_id 0123456789abcdef already has an override "
                    "(entry 1, line 1)");
    expect_rejected("[]\n  x", "ov.json:2:3: text after the array");
    expect_rejected("[]\n  ]", "ov.json:2:3: text after the array");
}

static void test_parse_position_of_syntax_error(void)
{
    /* line 3, column 5 is where the stray 'x' stands */
    expect_rejected("[\n  {\"answer_id\": \"0123456789abcdef\", \"stance\": \"none\"},\n    x]",
                    "ov.json:3:5: not valid JSON");
}

static void test_load_missing_and_bad_utf8(void)
{
    cn_overrides *ov = NULL;
    cn_error err;
    cn_error_clear(&err);
    CU_ASSERT_EQUAL(cn_overrides_load("tests/data/no-such-overrides.json", &ov, &err), CN_ERR_IO);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "tests/data/no-such-overrides.json"));
    const char bad[] = "[{\"answer_id\": \"0123456789abcdef\",\n \"note\": \"\xff\"}]";
    CU_ASSERT_EQUAL(cn_overrides_parse(bad, strlen(bad), "ov.json", &ov, &err), CN_ERR_ENCODING);
    CU_ASSERT_EQUAL(strncmp(err.message, "ov.json:2:11:", 13), 0);
}

/* ------------------------------------------------------------ end to end */

static int parse_csv_text(const char *text, cn_overrides **ov, cn_error *err)
{
    cn_error_clear(err);
    return cn_overrides_parse(text, strlen(text), "ov.csv", ov, err);
}

static void expect_csv_rejected(const char *text, const char *want)
{
    cn_overrides *ov = NULL;
    cn_error err;
    CU_ASSERT_EQUAL(parse_csv_text(text, &ov, &err), CN_ERR_FORMAT);
    CU_ASSERT_PTR_NULL(ov);
    CU_ASSERT_EQUAL(strncmp(err.message, want, strlen(want)), 0);
    if (strncmp(err.message, want, strlen(want)))
        fprintf(stderr, "\n  want \"%s...\"\n  got  \"%s\"\n", want, err.message);
}

static void test_parse_csv(void)
{
    /* Extra columns in any order; blank editor_stance rows are no override;
     * stance names in any case; a quoted note with a comma and a line break. */
    const char *text = "question,answer_id,stance,editor_stance,editor,note\n"
                       "Q one,0123456789abcdef,reassuring,,,\n"
                       "\"Q, two\",1123456789abcdef,reassuring, Cautionary ,jd,\"hedged, "
                       "then\nreassures\"\n"
                       "Q three,2123456789abcdef,none,contraindicated,,\n";
    cn_overrides *ov = NULL;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(parse_csv_text(text, &ov, &err), CN_OK);
    CU_ASSERT_EQUAL(cn_overrides_count(ov), 2);
    const cn_override *a = cn_overrides_at(ov, 0), *b = cn_overrides_at(ov, 1);
    CU_ASSERT_STRING_EQUAL(a->answer_id, "1123456789abcdef");
    CU_ASSERT_EQUAL(a->stance, CN_STANCE_CAUTIONARY);
    CU_ASSERT_STRING_EQUAL(a->editor, "jd");
    CU_ASSERT_STRING_EQUAL(a->note, "hedged, then\nreassures");
    CU_ASSERT_EQUAL(a->entry, 2);
    CU_ASSERT_EQUAL(a->line, 3);
    CU_ASSERT_STRING_EQUAL(b->answer_id, "2123456789abcdef");
    CU_ASSERT_EQUAL(b->stance, CN_STANCE_CONTRAINDICATED);
    CU_ASSERT_PTR_NULL(b->editor);
    CU_ASSERT_PTR_NULL(b->note);
    CU_ASSERT_EQUAL(b->line, 5); /* the quoted line break moved it down */
    CU_ASSERT_EQUAL(cn_overrides_find(ov, "0123456789abcdef"), -1);
    cn_overrides_free(ov);

    expect_csv_rejected("answer_id,stance\n0123456789abcdef,none\n",
                        "ov.csv:1: a CSV of overrides needs the columns answer_id and "
                        "editor_stance");
    expect_csv_rejected("answer_id,editor_stance\n0123456789abcdef,none\n1123456789abcdef,sure\n",
                        "ov.csv:3: row 2: editor_stance 'sure' is not");
    expect_csv_rejected("answer_id,editor_stance\n0123456789ABCDEF,none\n",
                        "ov.csv:2: row 1: answer_id '0123456789ABCDEF' is not an answer id");
    expect_csv_rejected("answer_id,editor_stance\n0123456789abcdef,none\n0123456789abcdef,none\n",
                        "ov.csv:3: row 2: answer_id 0123456789abcdef already has an override "
                        "(row 1, line 2)");
    expect_csv_rejected("answer_id,editor_stance\n0123456789abcdef,none,extra\n",
                        "ov.csv:2: row has 3 fields, the header has 2");
    expect_csv_rejected("answer_id,editor_stance\n\"0123456789abcdef,none\n", "ov.csv:2:");
}

typedef struct run {
    char *dir; /* scratch folder, removed by run_free */
} run;

static char *path_in(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

static char *read_in(const char *dir, const char *name)
{
    char *p = path_in(dir, name);
    char *text = tu_read_file(p, NULL);
    free(p);
    return text;
}

static cJSON *json_in(const char *dir, const char *name)
{
    char *text = read_in(dir, name);
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    free(text);
    return j;
}

/* `consensus analyze corpus/ --out DIR/SUB --quiet [--overrides FILE]`. */
static int analyze(const char *dir, const char *sub, const char *overrides, char **err_text)
{
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "analyze corpus/ --out '%s/%s' --quiet%s%s%s", dir, sub,
             overrides ? " --overrides '" : "", overrides ? overrides : "", overrides ? "'" : "");
    return tu_run_cli(cmd, NULL, err_text);
}

static const char *str_at(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double num_at(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static const cJSON *at(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const cJSON *question_by_id(const cJSON *report, const char *id)
{
    const cJSON *q;
    cJSON_ArrayForEach(q, at(report, "questions"))
    {
        if (!strcmp(str_at(q, "id"), id))
            return q;
    }
    return NULL;
}

static const cJSON *answer_in(const cJSON *q, const char *answer_id)
{
    const cJSON *a;
    cJSON_ArrayForEach(a, at(q, "answer_list"))
    {
        if (!strcmp(str_at(a, "answer_id"), answer_id))
            return a;
    }
    return NULL;
}

static const char *const STANCES[] = {"reassuring", "cautionary", "contraindicated", "none"};

static int stance_index(const char *s)
{
    for (int k = 0; k < 4; k++)
        if (s && !strcmp(s, STANCES[k]))
            return k;
    return -1;
}

/* The flip to test: the first counted answer, in the question with the most
 * answers that has one, that takes a stance against its question's majority;
 * it is flipped to the majority. */
typedef struct flip {
    char question[32], answer[32];
    int from, to;
    long counts[4];       /* the question's counts before */
    char title_label[32]; /* "Reassuring" ... for the HTML bar */
} flip;

static bool pick_flip(const cJSON *report, flip *f)
{
    const cJSON *best = NULL, *best_answer = NULL, *q;
    cJSON_ArrayForEach(q, at(report, "questions"))
    {
        const char *maj = str_at(at(q, "consensus"), "majority");
        if (!maj)
            continue;
        const cJSON *a;
        cJSON_ArrayForEach(a, at(q, "answer_list"))
        {
            const char *s = str_at(a, "stance");
            if (strcmp(s, maj) && strcmp(s, "none")) {
                if (!best || num_at(q, "answers") > num_at(best, "answers")) {
                    best = q;
                    best_answer = a;
                }
                break;
            }
        }
    }
    if (!best)
        return false;
    snprintf(f->question, sizeof f->question, "%s", str_at(best, "id"));
    snprintf(f->answer, sizeof f->answer, "%s", str_at(best_answer, "answer_id"));
    f->from = stance_index(str_at(best_answer, "stance"));
    f->to = stance_index(str_at(at(best, "consensus"), "majority"));
    for (int k = 0; k < 4; k++)
        f->counts[k] = (long)num_at(at(best, "stance_counts"), STANCES[k]);
    snprintf(f->title_label, sizeof f->title_label, "%c%s", STANCES[f->to][0] - 'a' + 'A',
             STANCES[f->to] + 1);
    return true;
}

/* Wilson score interval for k of n at 95% (z = 1.959964, the 0.975 normal
 * quantile): (p + z^2/2n -+ z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n). */
static void wilson(long k, long n, double *lo, double *hi)
{
    const double z = 1.959963984540054;
    double p = (double)k / (double)n, z2 = z * z, nn = (double)n;
    double centre = p + z2 / (2 * nn);
    double half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn));
    *lo = (centre - half) / (1 + z2 / nn);
    *hi = (centre + half) / (1 + z2 / nn);
}

static const char *expected_level(const cJSON *settings, long top, long stance_answers)
{
    if (stance_answers < (long)num_at(settings, "min_answers"))
        return "insufficient";
    double share = (double)top / (double)stance_answers;
    if (share >= num_at(settings, "strong"))
        return "strong";
    if (share >= num_at(settings, "moderate"))
        return "moderate";
    if (share >= num_at(settings, "weak"))
        return "weak";
    return "none";
}

static char *xpath_string(xmlDocPtr doc, const char *expr)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr o = ctx ? xmlXPathEvalExpression((const xmlChar *)expr, ctx) : NULL;
    xmlChar *s = o ? xmlXPathCastToString(o) : NULL;
    char *copy = s ? strdup((const char *)s) : NULL;
    xmlFree(s);
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(ctx);
    return copy;
}

static void assert_xpath(xmlDocPtr doc, const char *expr, const char *want)
{
    char *got = xpath_string(doc, expr);
    CU_ASSERT_PTR_NOT_NULL(got);
    if (got && strcmp(got, want))
        fprintf(stderr, "\n  %s = '%s', expected '%s'\n", expr, got, want);
    CU_ASSERT_TRUE(got && !strcmp(got, want));
    free(got);
}

static bool xml_valid(const char *dir)
{
    return tu_validate_report_xml(dir) == 0;
}

/* The number of lines of dir/name (an answers.jsonl) with answer_id, each
 * checked to carry the editor's stance over the classifier's. */
static int jsonl_lines_with(const char *dir, const char *name, const char *answer_id,
                            const char *stance, const char *classifier_stance)
{
    char *text = read_in(dir, name);
    int n = 0;
    for (char *line = text ? strtok(text, "\n") : NULL; line; line = strtok(NULL, "\n")) {
        cJSON *o = cJSON_Parse(line);
        if (o && !strcmp(str_at(o, "answer_id"), answer_id)) {
            n++;
            CU_ASSERT_STRING_EQUAL(str_at(o, "stance"), stance);
            CU_ASSERT_TRUE(cJSON_IsTrue(at(o, "editor_override")));
            CU_ASSERT_STRING_EQUAL(str_at(at(o, "override"), "classifier_stance"),
                                   classifier_stance);
            const cJSON *c;
            cJSON_ArrayForEach(c, at(o, "claims"))
            {
                if (cJSON_IsTrue(at(c, "primary")))
                    CU_ASSERT_STRING_EQUAL(str_at(c, "stance"), stance);
            }
        }
        cJSON_Delete(o);
    }
    free(text);
    return n;
}

static void test_flip_in_every_report(void)
{
    char *dir = tu_mkdtemp();
    CU_ASSERT_EQUAL_FATAL(analyze(dir, "base", NULL, NULL), 0);
    cJSON *base = json_in(dir, "base/report.json");
    CU_ASSERT_PTR_NOT_NULL_FATAL(base);
    flip f;
    CU_ASSERT_TRUE_FATAL(pick_flip(base, &f));
    char text[1024];
    snprintf(text, sizeof text,
             "[{\"answer_id\": \"%s\", \"stance\": \"%s\", \"editor\": \"Dr. Editor\", "
             "\"note\": \"the bottom line <b>is</b> %s\"}]\n",
             f.answer, STANCES[f.to], STANCES[f.to]);
    char *ov_path = tu_write_file(dir, "ov.json", text, strlen(text));
    char *err_text = NULL;
    CU_ASSERT_EQUAL(analyze(dir, "flip", ov_path, &err_text), 0);
    CU_ASSERT_TRUE(err_text == NULL || *err_text == '\0');

    /* The counts as they must be: one vote moved from `from` to `to`. */
    long want[4];
    memcpy(want, f.counts, sizeof want);
    want[f.from]--;
    want[f.to]++;
    long stance_answers = want[0] + want[1] + want[2];
    long top = want[f.to];
    for (int k = 0; k < 3; k++)
        CU_ASSERT_TRUE(k == f.to || want[k] < top); /* the majority stays unique */
    double lo, hi;
    wilson(top, stance_answers, &lo, &hi);

    /* report.json */
    cJSON *rep = json_in(dir, "flip/report.json");
    CU_ASSERT_PTR_NOT_NULL_FATAL(rep);
    const cJSON *q = question_by_id(rep, f.question);
    CU_ASSERT_PTR_NOT_NULL_FATAL(q);
    for (int k = 0; k < 4; k++)
        CU_ASSERT_EQUAL((long)num_at(at(q, "stance_counts"), STANCES[k]), want[k]);
    const cJSON *cons = at(q, "consensus");
    CU_ASSERT_STRING_EQUAL(str_at(cons, "majority"), STANCES[f.to]);
    CU_ASSERT_DOUBLE_EQUAL(num_at(cons, "share"), (double)top / (double)stance_answers, 5e-6);
    CU_ASSERT_STRING_EQUAL(str_at(cons, "level"),
                           expected_level(at(rep, "settings"), top, stance_answers));
    const cJSON *prop = at(at(q, "proportions"), STANCES[f.to]);
    const cJSON *wil = at(prop, "wilson");
    CU_ASSERT_EQUAL_FATAL(cJSON_GetArraySize(wil), 2);
    CU_ASSERT_DOUBLE_EQUAL(cJSON_GetArrayItem(wil, 0)->valuedouble, lo, 5e-6);
    CU_ASSERT_DOUBLE_EQUAL(cJSON_GetArrayItem(wil, 1)->valuedouble, hi, 5e-6);
    char summary_head[64];
    snprintf(summary_head, sizeof summary_head, "%ld of %ld physicians", top, stance_answers);
    CU_ASSERT_EQUAL(strncmp(str_at(q, "summary"), summary_head, strlen(summary_head)), 0);
    const cJSON *a = answer_in(q, f.answer);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_STRING_EQUAL(str_at(a, "stance"), STANCES[f.to]);
    CU_ASSERT_DOUBLE_EQUAL(num_at(a, "confidence"), 1.0, 1e-12);
    CU_ASSERT_TRUE(cJSON_IsTrue(at(a, "editor_override")));
    CU_ASSERT_STRING_EQUAL(str_at(at(a, "override"), "editor"), "Dr. Editor");
    CU_ASSERT_STRING_EQUAL(str_at(at(a, "override"), "classifier_stance"), STANCES[f.from]);
    CU_ASSERT_EQUAL((long)num_at(at(a, "override"), "entry"), 1);
    CU_ASSERT_FALSE(cJSON_IsTrue(at(a, "dissent")));
    CU_ASSERT_EQUAL((long)num_at(at(rep, "corpus"), "overrides"), 1);
    CU_ASSERT_TRUE(num_at(at(rep, "corpus"), "overridden_answers") >= 1);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(at(rep, "unmatched_overrides")), 0);
    /* the answer's vote on the question's claim is the editor's too */
    const char *claim_id = str_at(at(q, "claim"), "id");
    const cJSON *cl, *vote;
    int votes_seen = 0;
    cJSON_ArrayForEach(cl, at(rep, "claims"))
    {
        if (strcmp(str_at(cl, "id"), claim_id))
            continue;
        cJSON_ArrayForEach(vote, at(cl, "votes"))
        {
            if (!strcmp(str_at(vote, "answer_id"), f.answer) && cJSON_IsTrue(at(vote, "primary"))) {
                CU_ASSERT_STRING_EQUAL(str_at(vote, "stance"), STANCES[f.to]);
                votes_seen++;
            }
        }
    }
    CU_ASSERT_EQUAL(votes_seen, 1);
    /* the review queue no longer holds it for a stance reason */
    const cJSON *item;
    cJSON_ArrayForEach(item, at(rep, "review_queue"))
    {
        CU_ASSERT_FALSE(!strcmp(str_at(item, "answer_id"), f.answer) &&
                        !strcmp(str_at(item, "role"), "counted"));
    }

    /* report.xml */
    char *xml_dir = path_in(dir, "flip");
    CU_ASSERT_TRUE(xml_valid(xml_dir));
    char *xml_path = path_in(xml_dir, "report.xml");
    xmlDocPtr doc = xmlReadFile(xml_path, NULL, XML_PARSE_NONET);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    char expr[512], want_text[64];
    for (int k = 0; k < 4; k++) {
        snprintf(expr, sizeof expr,
                 "string(/report/questions/question[@id='%s']/stance-counts/@%s)", f.question,
                 STANCES[k]);
        snprintf(want_text, sizeof want_text, "%ld", want[k]);
        assert_xpath(doc, expr, want_text);
    }
    snprintf(expr, sizeof expr, "string(/report/questions/question[@id='%s']/consensus/@majority)",
             f.question);
    assert_xpath(doc, expr, STANCES[f.to]);
    snprintf(expr, sizeof expr, "string(//answers/answer[@answer-id='%s']/@stance)", f.answer);
    assert_xpath(doc, expr, STANCES[f.to]);
    snprintf(expr, sizeof expr, "string(//answers/answer[@answer-id='%s']/@editor-override)",
             f.answer);
    assert_xpath(doc, expr, "true");
    snprintf(expr, sizeof expr,
             "string(//answers/answer[@answer-id='%s']/override/@classifier-stance)", f.answer);
    assert_xpath(doc, expr, STANCES[f.from]);
    snprintf(expr, sizeof expr, "string(//answers/answer[@answer-id='%s']/override/@editor)",
             f.answer);
    assert_xpath(doc, expr, "Dr. Editor");
    snprintf(expr, sizeof expr, "string(//answers/answer[@answer-id='%s']/override)", f.answer);
    snprintf(want_text, sizeof want_text, "the bottom line <b>is</b> %s", STANCES[f.to]);
    assert_xpath(doc, expr, want_text);
    assert_xpath(doc, "string(/report/unmatched-overrides/@count)", "0");
    xmlFreeDoc(doc);

    /* report.html */
    char *html = read_in(dir, "flip/report.html");
    CU_ASSERT_PTR_NOT_NULL_FATAL(html);
    char needle[512];
    snprintf(needle, sizeof needle, "<article class=\"answer %s\" id=\"a-%s\">", STANCES[f.to],
             f.answer);
    const char *art = strstr(html, needle);
    CU_ASSERT_PTR_NOT_NULL(art);
    const char *art_end = art ? strstr(art, "</article>") : NULL;
    CU_ASSERT_TRUE(art && art_end && strstr(art, "stance set by an editor") &&
                   strstr(art, "stance set by an editor") < art_end);
    /* Its evidence explains the classifier's stance, not the editor's. */
    const char *why = art ? strstr(art, "<details><summary>") : NULL;
    if (why && why < art_end)
        CU_ASSERT_EQUAL(strncmp(why, "<details><summary>Why the classifier said ",
                                strlen("<details><summary>Why the classifier said ")),
                        0);
    CU_ASSERT_TRUE(art && strstr(art, "the bottom line &lt;b&gt;is&lt;/b&gt;") &&
                   strstr(art, "the bottom line &lt;b&gt;is&lt;/b&gt;") < art_end);
    snprintf(needle, sizeof needle, "<title>%s: %ld of %ld (", f.title_label, top,
             want[0] + want[1] + want[2] + want[3]);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, needle));

    /* answers.jsonl: every line of that answer_id carries the editor's stance */
    CU_ASSERT_TRUE(
        jsonl_lines_with(dir, "flip/answers.jsonl", f.answer, STANCES[f.to], STANCES[f.from]) >= 1);

    /* The same overrides again: the same bytes. */
    CU_ASSERT_EQUAL(analyze(dir, "again", ov_path, NULL), 0);
    static const char *const FILES[] = {"report.json", "report.xml", "report.html",
                                        "answers.jsonl"};
    for (size_t i = 0; i < 4; i++) {
        char a_name[64], b_name[64];
        snprintf(a_name, sizeof a_name, "flip/%s", FILES[i]);
        snprintf(b_name, sizeof b_name, "again/%s", FILES[i]);
        char *x = read_in(dir, a_name), *y = read_in(dir, b_name);
        CU_ASSERT_TRUE(x && y && !strcmp(x, y));
        free(x);
        free(y);
    }

    free(html);
    free(xml_path);
    free(xml_dir);
    cJSON_Delete(rep);
    cJSON_Delete(base);
    free(err_text);
    free(ov_path);
    tu_rm_rf(dir);
    free(dir);
}

/* A duplicate with its original's answer_id: both copies get the editor's
 * stance, and the question counts the answer once. */
static void test_duplicate_copies_counted_once(void)
{
    char *dir = tu_mkdtemp();
    CU_ASSERT_EQUAL_FATAL(analyze(dir, "base", NULL, NULL), 0);
    cJSON *base = json_in(dir, "base/report.json");
    CU_ASSERT_PTR_NOT_NULL_FATAL(base);
    const cJSON *q, *d, *hit_q = NULL;
    const char *id = NULL;
    cJSON_ArrayForEach(q, at(base, "questions"))
    {
        cJSON_ArrayForEach(d, at(q, "duplicate_list"))
        {
            if (!id && !strcmp(str_at(d, "answer_id"), str_at(d, "duplicate_of"))) {
                id = str_at(d, "answer_id");
                hit_q = q;
            }
        }
    }
    CU_ASSERT_PTR_NOT_NULL_FATAL(id);
    const cJSON *orig = answer_in(hit_q, id);
    CU_ASSERT_PTR_NOT_NULL_FATAL(orig);
    int from = stance_index(str_at(orig, "stance"));
    int to = from == 0 ? 1 : 0; /* any other stance */
    long want[4];
    for (int k = 0; k < 4; k++)
        want[k] = (long)num_at(at(hit_q, "stance_counts"), STANCES[k]);
    want[from]--;
    want[to]++;
    char text[512];
    snprintf(text, sizeof text, "[{\"answer_id\": \"%s\", \"stance\": \"%s\"}]", id, STANCES[to]);
    char *ov_path = tu_write_file(dir, "ov.json", text, strlen(text));
    CU_ASSERT_EQUAL_FATAL(analyze(dir, "dup", ov_path, NULL), 0);
    cJSON *rep = json_in(dir, "dup/report.json");
    const cJSON *q2 = question_by_id(rep, str_at(hit_q, "id"));
    CU_ASSERT_PTR_NOT_NULL_FATAL(q2);
    for (int k = 0; k < 4; k++)
        CU_ASSERT_EQUAL((long)num_at(at(q2, "stance_counts"), STANCES[k]), want[k]);
    CU_ASSERT_EQUAL(num_at(q2, "answers"), num_at(hit_q, "answers"));
    CU_ASSERT_EQUAL(jsonl_lines_with(dir, "dup/answers.jsonl", id, STANCES[to], STANCES[from]), 2);
    CU_ASSERT_EQUAL((long)num_at(at(rep, "corpus"), "overridden_answers"), 2);
    cJSON_Delete(rep);
    cJSON_Delete(base);
    free(ov_path);
    tu_rm_rf(dir);
    free(dir);
}

static void test_unknown_answer_id_reported(void)
{
    char *dir = tu_mkdtemp();
    CU_ASSERT_EQUAL_FATAL(analyze(dir, "base", NULL, NULL), 0);
    cJSON *base = json_in(dir, "base/report.json");
    const cJSON *q0 = cJSON_GetArrayItem(at(base, "questions"), 0);
    const cJSON *a0 = cJSON_GetArrayItem(at(q0, "answer_list"), 0);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a0);
    char text[1024];
    snprintf(text, sizeof text,
             "[\n {\"answer_id\": \"%s\", \"stance\": \"none\"},\n"
             " {\"answer_id\": \"00000000deadbeef\", \"stance\": \"cautionary\", "
             "\"editor\": \"ann\", \"note\": \"old page\"}\n]\n",
             str_at(a0, "answer_id"));
    char *ov_path = tu_write_file(dir, "ov.json", text, strlen(text));
    char *err_text = NULL;
    CU_ASSERT_EQUAL(analyze(dir, "unk", ov_path, &err_text), 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(err_text);
    CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "00000000deadbeef"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err_text, ov_path));
    CU_ASSERT_PTR_NOT_NULL(strstr(err_text, "entry 2 (line 3)"));
    /* the reports are written, with the matching override applied */
    cJSON *rep = json_in(dir, "unk/report.json");
    CU_ASSERT_PTR_NOT_NULL_FATAL(rep);
    const cJSON *um = at(rep, "unmatched_overrides");
    CU_ASSERT_EQUAL(cJSON_GetArraySize(um), 1);
    const cJSON *u = cJSON_GetArrayItem(um, 0);
    CU_ASSERT_STRING_EQUAL(str_at(u, "answer_id"), "00000000deadbeef");
    CU_ASSERT_STRING_EQUAL(str_at(u, "stance"), "cautionary");
    CU_ASSERT_STRING_EQUAL(str_at(u, "editor"), "ann");
    CU_ASSERT_STRING_EQUAL(str_at(u, "note"), "old page");
    CU_ASSERT_EQUAL((long)num_at(u, "entry"), 2);
    const cJSON *a = answer_in(question_by_id(rep, str_at(q0, "id")), str_at(a0, "answer_id"));
    CU_ASSERT_STRING_EQUAL(str_at(a, "stance"), "none");
    char *sub = path_in(dir, "unk");
    CU_ASSERT_TRUE(xml_valid(sub));
    char *xml_path = path_in(sub, "report.xml");
    xmlDocPtr doc = xmlReadFile(xml_path, NULL, XML_PARSE_NONET);
    CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
    assert_xpath(doc, "string(/report/unmatched-overrides/@count)", "1");
    assert_xpath(doc, "string(/report/unmatched-overrides/override/@answer-id)",
                 "00000000deadbeef");
    assert_xpath(doc, "string(/report/unmatched-overrides/override/@entry)", "2");
    assert_xpath(doc, "string(/report/unmatched-overrides/override)", "old page");
    xmlFreeDoc(doc);
    char *html = read_in(dir, "unk/report.html");
    CU_ASSERT_PTR_NOT_NULL(html && strstr(html, "id=\"unmatched-overrides\""));
    CU_ASSERT_PTR_NOT_NULL(html && strstr(html, "00000000deadbeef"));
    free(html);
    free(xml_path);
    free(sub);
    cJSON_Delete(rep);
    cJSON_Delete(base);
    free(err_text);
    free(ov_path);
    tu_rm_rf(dir);
    free(dir);
}

static void test_malformed_file_writes_nothing(void)
{
    char *dir = tu_mkdtemp();
    const char *text = "[\n {\"answer_id\": \"0123456789abcdef\", \"stance\": \"none\"},\n"
                       " {\"answer_id\": \"1123456789abcdef\", \"stance\": \"sure\"}\n]\n";
    char *ov_path = tu_write_file(dir, "bad.json", text, strlen(text));
    char *err_text = NULL;
    CU_ASSERT_EQUAL(analyze(dir, "out", ov_path, &err_text), 2);
    char want[4200];
    snprintf(want, sizeof want, "%s:3: entry 2: 'stance' must be", ov_path);
    CU_ASSERT_PTR_NOT_NULL(err_text && strstr(err_text, want));
    char *out = path_in(dir, "out");
    struct stat st;
    CU_ASSERT_NOT_EQUAL(stat(out, &st), 0); /* not even the folder */
    free(err_text);
    err_text = NULL;
    char *missing = path_in(dir, "none.json");
    CU_ASSERT_EQUAL(analyze(dir, "out", missing, &err_text), 2);
    CU_ASSERT_PTR_NOT_NULL(err_text && strstr(err_text, missing));
    CU_ASSERT_EQUAL(tu_run_cli("analyze corpus/ --overrides", NULL, NULL), 2);
    free(missing);
    free(out);
    free(err_text);
    free(ov_path);
    tu_rm_rf(dir);
    free(dir);
}

/* The field `col` of CSV row `row` (a copy), or NULL. */
static char *csv_cell(const char *path, size_t row, const char *col)
{
    cn_csv *csv = NULL;
    cn_error err;
    char *out = NULL;
    if (cn_csv_read_file(path, &csv, &err) != CN_OK)
        return NULL;
    for (size_t c = 0; c < cn_csv_fields(csv, 0) && row < cn_csv_rows(csv); c++)
        if (!strcmp(cn_csv_field(csv, 0, c), col))
            out = strdup(cn_csv_field(csv, row, c));
    cn_csv_free(csv);
    return out;
}

static const cJSON *jsonl_answer(cJSON **lines, size_t n, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (lines[i] && !strcmp(str_at(lines[i], "answer_id"), id))
            return lines[i];
    return NULL;
}

/* answers.jsonl of DIR/SUB parsed line by line into lines[0..*n). */
static void read_jsonl(const char *dir, const char *sub, cJSON **lines, size_t max, size_t *n)
{
    char name[256];
    snprintf(name, sizeof name, "%s/answers.jsonl", sub);
    char *text = read_in(dir, name);
    *n = 0;
    for (char *line = text ? strtok(text, "\n") : NULL; line && *n < max; line = strtok(NULL, "\n"))
        lines[(*n)++] = cJSON_Parse(line);
    free(text);
}

/* Export, edit one stance in the spreadsheet, give it back, export again. */
static void test_csv_round_trip(void)
{
    char *dir = tu_mkdtemp();
    CU_ASSERT_EQUAL_FATAL(analyze(dir, "base", NULL, NULL), 0);
    char *csv_path = path_in(dir, "base/answers.csv");
    char *text = tu_read_file(csv_path, NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT_EQUAL(strncmp(text, CN_REPORT_CSV_HEADER "\n", strlen(CN_REPORT_CSV_HEADER) + 1), 0);
    char *id = csv_cell(csv_path, 1, "answer_id");
    char *stance = csv_cell(csv_path, 1, "stance");
    char *editor_stance = csv_cell(csv_path, 1, "editor_stance");
    CU_ASSERT_PTR_NOT_NULL_FATAL(id);
    CU_ASSERT_PTR_NOT_NULL_FATAL(stance);
    CU_ASSERT_STRING_EQUAL(editor_stance, ""); /* nothing corrected yet */
    const char *flip = strcmp(stance, "contraindicated") ? "contraindicated" : "reassuring";

    /* Edit the second line (the first answer) as a spreadsheet would: its last
     * three fields, empty, become the correction. */
    char *nl1 = strchr(text, '\n'), *nl2 = nl1 ? strchr(nl1 + 1, '\n') : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(nl2);
    CU_ASSERT_EQUAL_FATAL(strncmp(nl2 - 3, ",,,", 3), 0);
    size_t head = (size_t)(nl2 - text) - 2, cap = strlen(text) + 128;
    char *edited = malloc(cap);
    snprintf(edited, cap, "%.*s%s,tester,\"checked, by hand\"%s", (int)head, text, flip, nl2);
    char *edited_path = tu_write_file(dir, "edited.csv", edited, strlen(edited));
    CU_ASSERT_EQUAL(analyze(dir, "edited", edited_path, NULL), 0);

    cJSON *lines[200] = {0};
    size_t n = 0;
    read_jsonl(dir, "edited", lines, 200, &n);
    const cJSON *a = jsonl_answer(lines, n, id);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    CU_ASSERT_STRING_EQUAL(str_at(a, "stance"), flip);
    CU_ASSERT(cJSON_IsTrue(at(a, "editor_override")));
    CU_ASSERT_STRING_EQUAL(str_at(at(a, "override"), "classifier_stance"), stance);
    CU_ASSERT_STRING_EQUAL(str_at(at(a, "override"), "note"), "checked, by hand");
    for (size_t i = 0; i < n; i++)
        cJSON_Delete(lines[i]);

    /* The new export carries the correction, so giving it back changes nothing. */
    char *again_path = path_in(dir, "edited/answers.csv");
    char *kept = csv_cell(again_path, 1, "editor_stance");
    char *kept_editor = csv_cell(again_path, 1, "editor");
    CU_ASSERT_STRING_EQUAL(kept, flip);
    CU_ASSERT_STRING_EQUAL(kept_editor, "tester");
    CU_ASSERT_EQUAL(analyze(dir, "again", again_path, NULL), 0);
    char *j1 = read_in(dir, "edited/answers.jsonl"), *j2 = read_in(dir, "again/answers.jsonl");
    char *c1 = read_in(dir, "edited/answers.csv"), *c2 = read_in(dir, "again/answers.csv");
    CU_ASSERT_PTR_NOT_NULL_FATAL(j1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(j2);
    CU_ASSERT_STRING_EQUAL(j1, j2);
    CU_ASSERT_STRING_EQUAL(c1, c2);

    free(j1);
    free(j2);
    free(c1);
    free(c2);
    free(kept);
    free(kept_editor);
    free(again_path);
    free(edited_path);
    free(edited);
    free(id);
    free(stance);
    free(editor_stance);
    free(text);
    free(csv_path);
    tu_rm_rf(dir);
    free(dir);
}

/* eval --gold takes an overrides file: three answers picked from `consensus
 * classify`, two labelled as classified and one not: 3 aligned, accuracy 2/3,
 * the miss in the confusion cell [gold][predicted]. */
static void test_eval_takes_overrides_as_gold(void)
{
    char *out = NULL;
    CU_ASSERT_EQUAL_FATAL(tu_run_cli("classify corpus/", &out, NULL), 0);
    char ids[3][32], stances[3][32];
    int n = 0;
    for (char *line = strtok(out, "\n"); line && n < 3; line = strtok(NULL, "\n")) {
        cJSON *o = cJSON_Parse(line);
        const char *id = o ? str_at(o, "answer_id") : NULL;
        bool fresh = id && cJSON_IsNull(at(o, "duplicate_of"));
        for (int k = 0; fresh && k < n; k++)
            fresh = strcmp(ids[k], id) != 0;
        if (fresh) {
            snprintf(ids[n], sizeof ids[n], "%s", id);
            snprintf(stances[n], sizeof stances[n], "%s", str_at(o, "stance"));
            n++;
        }
        cJSON_Delete(o);
    }
    free(out);
    CU_ASSERT_EQUAL_FATAL(n, 3);
    int pred = stance_index(stances[2]);
    int gold = pred == 2 ? 0 : 2; /* contraindicated, or reassuring if it was that */
    char text[1024];
    snprintf(text, sizeof text,
             "[{\"answer_id\": \"%s\", \"stance\": \"%s\", \"editor\": \"e\"},\n"
             " {\"answer_id\": \"%s\", \"stance\": \"%s\", \"note\": null},\n"
             " {\"answer_id\": \"%s\", \"stance\": \"%s\", \"editor\": \"e\", \"note\": \"x\"}]\n",
             ids[0], stances[0], ids[1], stances[1], ids[2], STANCES[gold]);
    char *dir = tu_mkdtemp();
    char *gold_path = tu_write_file(dir, "gold.json", text, strlen(text));
    char cmd[4400];
    snprintf(cmd, sizeof cmd, "eval --gold '%s' --json corpus/", gold_path);
    CU_ASSERT_EQUAL(tu_run_cli(cmd, &out, NULL), 0);
    cJSON *r = out ? cJSON_Parse(out) : NULL;
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL((long)num_at(r, "n"), 3);
    CU_ASSERT_DOUBLE_EQUAL(num_at(r, "accuracy"), 2.0 / 3.0, 5e-6);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(at(r, "unaligned")), 0);
    const cJSON *row = at(at(r, "confusion"), STANCES[gold]);
    CU_ASSERT_EQUAL((long)num_at(row, STANCES[pred]), 1);
    cJSON_Delete(r);
    free(out);
    free(gold_path);
    tu_rm_rf(dir);
    free(dir);
}

int main(void)
{
    static const tu_test tests[] = {
        {"load: fields, optional members, order", test_parse_fields},
        {"load: malformed files named with line and entry", test_parse_rejects},
        {"load: JSON syntax error line and column", test_parse_position_of_syntax_error},
        {"load: missing file, bad UTF-8", test_load_missing_and_bad_utf8},
        {"load: answers.csv with editor_stance, malformed CSV", test_parse_csv},
        {"analyze: a flip in every report and the statistics", test_flip_in_every_report},
        {"analyze: copies with one answer_id counted once", test_duplicate_copies_counted_once},
        {"analyze: unknown answer_id reported", test_unknown_answer_id_reported},
        {"analyze: malformed overrides file, exit 2, nothing written",
         test_malformed_file_writes_nothing},
        {"analyze: answers.csv round trip", test_csv_round_trip},
        {"eval: overrides file as gold", test_eval_takes_overrides_as_gold},
        {NULL, NULL},
    };
    return tu_run_suite("overrides", tests);
}
