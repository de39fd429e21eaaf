/*
 * test_report: `consensus analyze` end to end: the sample corpus's questions
 * and majorities, byte-identical runs, report.xml valid against
 * reports/report.xsd (libxml2) for the sample and for edge cases (a question
 * without answers, control and XML-forbidden characters, a question with one
 * answer), skipped inputs, an output folder that cannot be written, usage.
 */
#include "testutil.h"

#include <cjson/cJSON.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xpath.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LIMB_Q "Can Botox reduce muscle mass in arms or legs?"
#define ATROPHY_Q "Will repeatedly injected Botox cause atrophy?"

/* Run `consensus analyze ARGS --out DIR --quiet`; returns the exit code. */
static int analyze(const char *args, const char *out_dir, char **err_text)
{
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "analyze %s --out '%s' --quiet", args, out_dir);
    return tu_run_cli(cmd, NULL, err_text);
}

static char *read_in(const char *dir, const char *name, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return tu_read_file(path, len);
}

static cJSON *load_json(const char *dir)
{
    char *text = read_in(dir, "report.json", NULL);
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    free(text);
    return j;
}

static const cJSON *find_question(const cJSON *report, const char *title)
{
    const cJSON *q;
    cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(report, "questions"))
    {
        const cJSON *t = cJSON_GetObjectItemCaseSensitive(q, "question");
        if (cJSON_IsString(t) && !strcmp(t->valuestring, title))
            return q;
    }
    return NULL;
}

static double num_at(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

static const char *str_at(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The string value of an XPath expression over dir/report.xml (malloc'd). */
static char *xpath_string(const char *dir, const char *expr)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/report.xml", dir);
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    xmlXPathContextPtr ctx = doc ? xmlXPathNewContext(doc) : NULL;
    xmlXPathObjectPtr obj = ctx ? xmlXPathEvalExpression((const xmlChar *)expr, ctx) : NULL;
    xmlChar *s = obj ? xmlXPathCastToString(obj) : NULL;
    char *out = s ? strdup((const char *)s) : NULL;
    xmlFree(s);
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return out;
}

/* ---- the sample corpus ---- */

static char *g_sample; /* the sample corpus's reports, made once */

static const char *sample_dir(void)
{
    if (!g_sample) {
        g_sample = tu_mkdtemp();
        CU_ASSERT_EQUAL(analyze("corpus/", g_sample, NULL), 0);
    }
    return g_sample;
}

static void test_sample_questions(void)
{
    cJSON *r = load_json(sample_dir());
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "questions")), 4);
    const cJSON *limb = find_question(r, LIMB_Q);
    CU_ASSERT_PTR_NOT_NULL_FATAL(limb);
    CU_ASSERT_EQUAL(num_at(limb, "answers"), 11);
    const cJSON *cons = cJSON_GetObjectItemCaseSensitive(limb, "consensus");
    CU_ASSERT_STRING_EQUAL(str_at(cons, "majority"), "contraindicated");
    /* two files, one question: 002 and 004 */
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(limb, "files")), 2);
    CU_ASSERT_EQUAL(num_at(limb, "related_excerpts"), 3);
    const cJSON *atrophy = find_question(r, ATROPHY_Q);
    CU_ASSERT_PTR_NOT_NULL_FATAL(atrophy);
    CU_ASSERT_EQUAL(num_at(atrophy, "answers"), 5);
    CU_ASSERT_STRING_EQUAL(
        str_at(cJSON_GetObjectItemCaseSensitive(atrophy, "consensus"), "majority"), "reassuring");
    /* the stance counts of every question add up to its distinct answers */
    const cJSON *q;
    cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(r, "questions"))
    {
        const cJSON *sc = cJSON_GetObjectItemCaseSensitive(q, "stance_counts");
        double sum = num_at(sc, "reassuring") + num_at(sc, "cautionary") +
                     num_at(sc, "contraindicated") + num_at(sc, "none");
        CU_ASSERT_EQUAL(sum, num_at(q, "answers"));
        CU_ASSERT_PTR_NOT_NULL(str_at(q, "summary"));
    }
    const cJSON *gen = cJSON_GetObjectItemCaseSensitive(r, "generator");
    CU_ASSERT_EQUAL(num_at(gen, "seed"), 1);
    CU_ASSERT_EQUAL(strlen(str_at(gen, "rules_sha256")), 64);
    cJSON_Delete(r);
}

/* Stance counts of one split or tally added up. */
static double counts_sum(const cJSON *o)
{
    const cJSON *sc = cJSON_GetObjectItemCaseSensitive(o, "stance_counts");
    return num_at(sc, "reassuring") + num_at(sc, "cautionary") + num_at(sc, "contraindicated") +
           num_at(sc, "none");
}

/* Issue 14 (the fourteenth memory pass): a claim's dissent list is made from
 * its votes again (the tallies keep no list), its tally is its own or its
 * question's, and a specialty's answers are the sum of its counts (not kept):
 * every claim's dissent is exactly its primary votes, in order, that take a
 * stance other than its majority (none on a tie), and its splits add up. */
static void test_sample_claims_dissent_and_splits(void)
{
    cJSON *r = load_json(sample_dir());
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    const cJSON *cl;
    int with_mentions = 0, dissenting = 0;
    cJSON_ArrayForEach(cl, cJSON_GetObjectItemCaseSensitive(r, "claims"))
    {
        const cJSON *cons = cJSON_GetObjectItemCaseSensitive(cl, "consensus");
        const char *maj = str_at(cons, "majority");
        bool tie = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(cons, "tie"));
        const cJSON *dissent = cJSON_GetObjectItemCaseSensitive(cl, "dissent");
        int d = 0, n = cJSON_GetArraySize(dissent);
        const cJSON *v;
        cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(cl, "votes"))
        {
            const char *st = str_at(v, "stance");
            if (!cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(v, "primary")) || !maj || tie ||
                !strcmp(st, "none") || !strcmp(st, maj))
                continue;
            CU_ASSERT_FATAL(d < n);
            CU_ASSERT_STRING_EQUAL(cJSON_GetArrayItem(dissent, d)->valuestring,
                                   str_at(v, "answer_id"));
            d++;
        }
        CU_ASSERT_EQUAL(d, n);
        dissenting += n > 0;
        with_mentions += num_at(cl, "mentions") > 0;
        double split = 0;
        const cJSON *sp;
        cJSON_ArrayForEach(sp, cJSON_GetObjectItemCaseSensitive(cl, "specialties"))
        {
            CU_ASSERT_EQUAL(num_at(sp, "answers"), counts_sum(sp));
            split += num_at(sp, "answers");
        }
        CU_ASSERT_EQUAL(split, num_at(cl, "answers"));
        CU_ASSERT_EQUAL(counts_sum(cl), num_at(cl, "answers"));
    }
    CU_ASSERT_TRUE(with_mentions > 0); /* claims with a tally of their own */
    CU_ASSERT_TRUE(dissenting > 0);
    cJSON_Delete(r);
}

static void test_sample_xml_valid_and_consistent(void)
{
    CU_ASSERT_EQUAL(tu_validate_report_xml(sample_dir()), 0);
    char *n = xpath_string(sample_dir(), "count(/report/questions/question)");
    CU_ASSERT_STRING_EQUAL(n, "4");
    free(n);
    char *maj = xpath_string(sample_dir(),
                             "/report/questions/question[title='" LIMB_Q "']/consensus/@majority");
    CU_ASSERT_STRING_EQUAL(maj, "contraindicated");
    free(maj);
    char *cnt =
        xpath_string(sample_dir(), "/report/questions/question[title='" LIMB_Q "']/answers/@count");
    CU_ASSERT_STRING_EQUAL(cnt, "11");
    free(cnt);
    /* cstart/cend locate the evidence in the text as XPath counts characters */
    char *ok = xpath_string(sample_dir(),
                            "count(//answer/evidence[@in='text'][substring(../text, @cstart + 1, "
                            "@cend - @cstart) != .])");
    CU_ASSERT_STRING_EQUAL(ok, "0");
    free(ok);
}

static void test_sample_answers_jsonl(void)
{
    size_t len = 0;
    char *text = read_in(sample_dir(), "answers.jsonl", &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    cJSON *r = load_json(sample_dir());
    double total = num_at(cJSON_GetObjectItemCaseSensitive(r, "corpus"), "answers");
    int lines = 0, good = 0;
    for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        lines++;
        cJSON *o = cJSON_Parse(line);
        const cJSON *claims = cJSON_GetObjectItemCaseSensitive(o, "claims");
        const cJSON *first = cJSON_GetArrayItem(claims, 0);
        if (str_at(o, "stance") && num_at(o, "confidence") >= 0 && str_at(o, "answer_id") &&
            str_at(o, "file") && first && str_at(first, "claim") &&
            cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(first, "evidence")))
            good++;
        cJSON_Delete(o);
    }
    CU_ASSERT_EQUAL(lines, (int)total);
    CU_ASSERT_EQUAL(good, lines);
    free(text);
    cJSON_Delete(r);
}

static bool same_file(const char *a, const char *b, const char *name)
{
    size_t la = 0, lb = 0;
    char *x = read_in(a, name, &la), *y = read_in(b, name, &lb);
    bool same = x && y && la == lb && la > 0 && !memcmp(x, y, la);
    free(x);
    free(y);
    return same;
}

static void test_same_seed_same_bytes(void)
{
    char *a = tu_mkdtemp(), *b = tu_mkdtemp(), *c = tu_mkdtemp();
    CU_ASSERT_EQUAL(analyze("corpus/ --seed 7", a, NULL), 0);
    CU_ASSERT_EQUAL(analyze("corpus/ --seed 7", b, NULL), 0);
    CU_ASSERT_EQUAL(analyze("corpus/ --seed 8", c, NULL), 0);
    CU_ASSERT_TRUE(same_file(a, b, "report.json"));
    CU_ASSERT_TRUE(same_file(a, b, "report.xml"));
    CU_ASSERT_TRUE(same_file(a, b, "answers.jsonl"));
    /* the seed is recorded, and the Monte Carlo figures follow it */
    CU_ASSERT_FALSE(same_file(a, c, "report.json"));
    CU_ASSERT_TRUE(same_file(a, c, "answers.jsonl"));
    cJSON *r = load_json(c);
    CU_ASSERT_EQUAL(num_at(cJSON_GetObjectItemCaseSensitive(r, "generator"), "seed"), 8);
    cJSON_Delete(r);
    tu_rm_rf(a);
    tu_rm_rf(b);
    tu_rm_rf(c);
    free(a);
    free(b);
    free(c);
}

/* Absolute input paths never reach the reports. */
static void test_no_paths_in_reports(void)
{
    char *in = tu_mkdtemp(), *out = tu_mkdtemp();
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "cp corpus/* '%s'/", in);
    CU_ASSERT_EQUAL(system(cmd), 0);
    char args[4096];
    snprintf(args, sizeof args, "'%s'", in);
    CU_ASSERT_EQUAL(analyze(args, out, NULL), 0);
    const char *names[] = {"report.json", "report.xml", "answers.jsonl"};
    for (int i = 0; i < 3; i++) {
        char *text = read_in(out, names[i], NULL);
        CU_ASSERT_PTR_NOT_NULL(text);
        CU_ASSERT_PTR_NULL(text ? strstr(text, in) : "");
        free(text);
    }
    /* and the reports equal those of the relative path, byte for byte */
    CU_ASSERT_TRUE(same_file(out, sample_dir(), "report.json"));
    CU_ASSERT_TRUE(same_file(out, sample_dir(), "report.xml"));
    tu_rm_rf(in);
    tu_rm_rf(out);
    free(in);
    free(out);
}

/* ---- edge cases ---- */

static const char EDGE_JSONL[] =
    "{\"url\":\"https://example.org/q1\",\"question\":\"Is it safe to fly after a facelift?\","
    "\"answers\":[]}\n"
    "{\"url\":\"https://example.org/q2\",\"question\":\"Ctrl \\u0001 chars \\u000b and \\uffff "
    "here?\",\"answers\":[{\"title\":\"Bad \\u0002 title\",\"text\":\"It is not safe \\u0007 to "
    "do this \\ufffe now. Don't do it.\",\"name\":\"Ann \\u0001Lee, MD\",\"city\":\"Austin\","
    "\"specialty\":\"Dermatologist\",\"rating\":4.5,\"reviews\":3},{\"title\":\"Only a "
    "title\",\"text\":\"\"}]}\n"
    "{\"url\":\"https://example.org/q3\",\"question\":\"Can I drink wine after rhinoplasty?\","
    "\"answers\":[{\"title\":\"Wait\",\"text\":\"I would wait at least two weeks before drinking "
    "alcohol after surgery.\",\"name\":\"Bob Roe, MD\",\"city\":\"Beverly Hills\","
    "\"specialty\":\"Facial Plastic Surgeon\",\"rating\":5,\"reviews\":10}]}\n";

static void test_edge_cases(void)
{
    char *in = tu_mkdtemp(), *out = tu_mkdtemp();
    free(tu_write_file(in, "edge.jsonl", EDGE_JSONL, sizeof EDGE_JSONL - 1));
    char args[4096];
    snprintf(args, sizeof args, "'%s'", in);
    char *err = NULL;
    CU_ASSERT_EQUAL(analyze(args, out, &err), 0);
    free(err);
    CU_ASSERT_EQUAL(tu_validate_report_xml(out), 0);
    cJSON *r = load_json(out);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "questions")), 3);

    const cJSON *empty = find_question(r, "Is it safe to fly after a facelift?");
    CU_ASSERT_PTR_NOT_NULL_FATAL(empty);
    CU_ASSERT_EQUAL(num_at(empty, "answers"), 0);
    CU_ASSERT_STRING_EQUAL(str_at(empty, "summary"), "No answers.");
    CU_ASSERT_TRUE(cJSON_IsNull(cJSON_GetObjectItemCaseSensitive(
        cJSON_GetObjectItemCaseSensitive(empty, "consensus"), "majority")));

    /* JSON keeps the original characters (escaped); XML replaces and says so */
    const cJSON *ctrl = find_question(r, "Ctrl \x01 chars \x0b and \xef\xbf\xbf here?");
    CU_ASSERT_PTR_NOT_NULL(ctrl);
    char *rc3 = xpath_string(out, "/report/questions/question[2]/title/@replaced-characters");
    CU_ASSERT_STRING_EQUAL(rc3, "3");
    free(rc3);
    char *t = xpath_string(out, "/report/questions/question[2]/title");
    CU_ASSERT_STRING_EQUAL(t, "Ctrl \xef\xbf\xbd chars \xef\xbf\xbd and \xef\xbf\xbd here?");
    free(t);

    /* an attribute's replaced characters are noted on its element */
    char *pn = xpath_string(out, "/report/questions/question[2]/answers/answer[1]/physician/"
                                 "@replaced-characters");
    CU_ASSERT_STRING_EQUAL(pn, "1");
    free(pn);
    char *name = xpath_string(out, "/report/questions/question[2]/answers/answer[1]/physician/"
                                   "@name");
    CU_ASSERT_STRING_EQUAL(name, "Ann \xef\xbf\xbdLee, MD");
    free(name);

    const cJSON *one = find_question(r, "Can I drink wine after rhinoplasty?");
    CU_ASSERT_PTR_NOT_NULL_FATAL(one);
    CU_ASSERT_EQUAL(num_at(one, "answers"), 1);
    CU_ASSERT_STRING_EQUAL(str_at(cJSON_GetObjectItemCaseSensitive(one, "consensus"), "level"),
                           "insufficient");
    CU_ASSERT_PTR_NOT_NULL(strstr(str_at(one, "summary"), "too few answers"));
    cJSON_Delete(r);
    tu_rm_rf(in);
    tu_rm_rf(out);
    free(in);
    free(out);
}

static void test_skipped_input(void)
{
    char *in = tu_mkdtemp(), *out = tu_mkdtemp();
    free(tu_write_file(in, "empty.txt", "", 0));
    free(tu_write_file(in, "good.jsonl", EDGE_JSONL, sizeof EDGE_JSONL - 1));
    char args[4096];
    snprintf(args, sizeof args, "'%s'", in);
    char *err = NULL;
    CU_ASSERT_EQUAL(analyze(args, out, &err), 1);
    CU_ASSERT_PTR_NOT_NULL(err && strstr(err, "empty.txt"));
    free(err);
    cJSON *r = load_json(out); /* the rest is still reported */
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    const cJSON *sk =
        cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(r, "corpus"), "skipped");
    CU_ASSERT_EQUAL(cJSON_GetArraySize(sk), 1);
    CU_ASSERT_STRING_EQUAL(str_at(cJSON_GetArrayItem(sk, 0), "file"), "empty.txt");
    CU_ASSERT_PTR_NOT_NULL(str_at(cJSON_GetArrayItem(sk, 0), "reason"));
    CU_ASSERT_EQUAL(tu_validate_report_xml(out), 0);
    cJSON_Delete(r);
    tu_rm_rf(in);
    tu_rm_rf(out);
    free(in);
    free(out);
}

static int count_entries(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -eq 1", dir);
    return system(cmd) == 0 ? 1 : -1; /* exactly the one file we made */
}

static void test_unwritable_output(void)
{
    char *tmp = tu_mkdtemp();
    char *file = tu_write_file(tmp, "not-a-folder", "x", 1);
    char *err = NULL;
    CU_ASSERT_EQUAL(analyze("corpus/", file, &err), 1);
    CU_ASSERT_PTR_NOT_NULL(err && strstr(err, file));
    free(err);
    char below[4096];
    snprintf(below, sizeof below, "%s/below", file);
    err = NULL;
    CU_ASSERT_EQUAL(analyze("corpus/", below, &err), 1);
    CU_ASSERT_PTR_NOT_NULL(err && strstr(err, below));
    free(err);
    CU_ASSERT_EQUAL(count_entries(tmp), 1); /* no report, no temporary left */
    if (geteuid() != 0) {                   /* root writes anywhere: only as a user */
        char ro[4096];
        snprintf(ro, sizeof ro, "%s/ro", tmp);
        mkdir(ro, 0555);
        CU_ASSERT_EQUAL(analyze("corpus/", ro, NULL), 1);
        char cmd[4200];
        snprintf(cmd, sizeof cmd, "test -z \"$(ls -A '%s')\"", ro);
        CU_ASSERT_EQUAL(system(cmd), 0);
        chmod(ro, 0755);
    }
    free(file);
    tu_rm_rf(tmp);
    free(tmp);
}

static void test_usage(void)
{
    char *out = NULL, *err = NULL;
    CU_ASSERT_EQUAL(tu_run_cli("analyze --help", &out, NULL), 0);
    CU_ASSERT_PTR_NOT_NULL(out && strstr(out, "Usage: consensus analyze"));
    free(out);
    CU_ASSERT_EQUAL(tu_run_cli("analyze --seed abc corpus/", NULL, &err), 2);
    CU_ASSERT_PTR_NOT_NULL(err && strstr(err, "--seed"));
    free(err);
    CU_ASSERT_EQUAL(tu_run_cli("analyze --seed -1 corpus/", NULL, NULL), 2);
    CU_ASSERT_EQUAL(tu_run_cli("analyze --bogus", NULL, NULL), 2);
    CU_ASSERT_EQUAL(tu_run_cli("analyze --overrides x.json corpus/", NULL, NULL), 2);
    CU_ASSERT_EQUAL(tu_run_cli("analyze /no/such/path --out /tmp/never-made", NULL, NULL), 2);
    struct stat st;
    CU_ASSERT_NOT_EQUAL(stat("/tmp/never-made", &st), 0);
}

/* Off a terminal there is no progress line: stderr stays empty on success. */
static void test_no_progress_on_pipe(void)
{
    char *out = tu_mkdtemp();
    char args[4200], *so = NULL, *se = NULL;
    snprintf(args, sizeof args, "analyze corpus/ --out '%s'", out);
    CU_ASSERT_EQUAL(tu_run_cli(args, &so, &se), 0);
    CU_ASSERT_STRING_EQUAL(se ? se : "?", "");
    CU_ASSERT_PTR_NOT_NULL(so && strstr(so, "4 questions"));
    free(so);
    free(se);
    tu_rm_rf(out);
    free(out);
}

/* --no-html writes the other three reports and no report.html. */
static void test_no_html(void)
{
    char *dir = tu_mkdtemp();
    char args[4300], path[4200];
    snprintf(args, sizeof args, "analyze --quiet --no-html --out '%s' corpus", dir);
    CU_ASSERT_EQUAL(tu_run_cli(args, NULL, NULL), 0);
    static const char *const present[] = {"report.json", "report.xml", "answers.jsonl"};
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, present[i]);
        CU_ASSERT_EQUAL(access(path, F_OK), 0);
    }
    snprintf(path, sizeof path, "%s/report.html", dir);
    CU_ASSERT_NOT_EQUAL(access(path, F_OK), 0);
    tu_rm_rf(dir);
    free(dir);
}

/* The review queue says why in plain words: a low-confidence entry gives its
 * own confidence and the threshold as percentages, a conflicting one the three
 * cue weights; nothing shows raw six-digit internals. The threshold is raised
 * to 95% in a copy of the rules: the sample's pages are in the decision
 * model's training data, so at the shipped 50% none of them need be listed,
 * and this test is about the wording, not about how sure the model is. */
static void test_review_reasons_plain(void)
{
    char *dir = tu_mkdtemp();
    CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
    char cmd[2048], args[1024], out[512];
    snprintf(cmd, sizeof cmd,
             "mkdir '%s/rules' && cp rules/* '%s/rules/' && sed -i "
             "'s/^setting review_low_confidence .*/setting review_low_confidence value=0.95/' "
             "'%s/rules/settings.rules'",
             dir, dir, dir);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    snprintf(args, sizeof args, "corpus/ --no-html --rules '%s/rules'", dir);
    snprintf(out, sizeof out, "%s/out", dir);
    CU_ASSERT_EQUAL_FATAL(analyze(args, out, NULL), 0);
    cJSON *r = load_json(out);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    int low = 0, conflicting = 0;
    const cJSON *item, *reason;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(r, "review_queue"))
    {
        cJSON_ArrayForEach(reason, cJSON_GetObjectItemCaseSensitive(item, "reasons"))
        {
            const char *code = cJSON_GetObjectItemCaseSensitive(reason, "code")->valuestring;
            const char *detail = cJSON_GetObjectItemCaseSensitive(reason, "detail")->valuestring;
            char want[128];
            if (!strcmp(code, "low-confidence")) {
                low++;
                snprintf(want, sizeof want,
                         "the classifier is only %.0f%% sure of this stance (answers below 95%% "
                         "are listed)",
                         100.0 * num_at(item, "confidence"));
                CU_ASSERT_STRING_EQUAL(detail, want);
                CU_ASSERT(num_at(item, "confidence") < 0.95);
            } else if (!strcmp(code, "conflicting")) {
                conflicting++;
                CU_ASSERT_EQUAL(strncmp(detail,
                                        "its cues point different ways (weights: "
                                        "reassuring ",
                                        strlen("its cues point different ways (weights: "
                                               "reassuring ")),
                                0);
            }
        }
    }
    CU_ASSERT(low >= 1);
    CU_ASSERT(conflicting >= 1);
    cJSON_Delete(r);
    tu_rm_rf(dir);
    free(dir);
}

static const cJSON *question_by_id(const cJSON *report, const char *id)
{
    const cJSON *q;
    cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(report, "questions"))
    {
        if (!strcmp(str_at(q, "id"), id))
            return q;
    }
    return NULL;
}

/* Issue 13: an unsure answer whose other reading would change its question's
 * conclusion is "pivotal": it is unsure (low confidence or conflicting cues),
 * its question states a conclusion (weak consensus or more), and the detail
 * names the question's present level or majority as what would change. */
static void test_pivotal_answers(void)
{
    cJSON *r = load_json(sample_dir());
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    int pivotal = 0;
    const cJSON *item, *reason;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(r, "review_queue"))
    {
        bool is_pivotal = false, unsure = false;
        const char *detail = "";
        cJSON_ArrayForEach(reason, cJSON_GetObjectItemCaseSensitive(item, "reasons"))
        {
            const char *code = str_at(reason, "code");
            if (!strcmp(code, "pivotal")) {
                is_pivotal = true;
                detail = str_at(reason, "detail");
            }
            unsure |= !strcmp(code, "low-confidence") || !strcmp(code, "conflicting");
        }
        if (!is_pivotal)
            continue;
        pivotal++;
        CU_ASSERT_TRUE(unsure);
        const cJSON *q = question_by_id(r, str_at(item, "question_id"));
        CU_ASSERT_PTR_NOT_NULL_FATAL(q);
        const cJSON *cons = cJSON_GetObjectItemCaseSensitive(q, "consensus");
        const char *level = str_at(cons, "level");
        CU_ASSERT_TRUE(!strcmp(level, "weak") || !strcmp(level, "moderate") ||
                       !strcmp(level, "strong"));
        char from_level[64], from_majority[64];
        snprintf(from_level, sizeof from_level, "consensus changes from %s to ", level);
        snprintf(from_majority, sizeof from_majority, "majority changes from %s to ",
                 str_at(cons, "majority"));
        CU_ASSERT_TRUE(strstr(detail, from_level) || strstr(detail, from_majority));
    }
    CU_ASSERT(pivotal >= 1);
    cJSON_Delete(r);
}

/* Issue 13: a catalog claim most answers never name may not fit the question:
 * the question's first answer is queued with "claim-fit". Here the title
 * names vaping before surgery (nicotine-surgery) and the three answers talk
 * about swelling only; on the second page they name smoking and surgery. */
static void test_claim_fit(void)
{
    static const char PAGES[] =
        "{\"url\":\"https://example.org/cf1\",\"question\":\"Can I vape before my breast "
        "augmentation surgery?\",\"answers\":[{\"text\":\"Swelling after an augmentation settles "
        "over a few weeks.\"},{\"text\":\"The implants drop and soften over three months.\"},"
        "{\"text\":\"Massage helps the breasts settle into their final shape.\"}]}\n"
        "{\"url\":\"https://example.org/cf2\",\"question\":\"Can I vape before my facelift "
        "surgery?\",\"answers\":[{\"text\":\"Please stop smoking and vaping weeks before surgery; "
        "nicotine harms healing.\"},{\"text\":\"Nicotine in any form before surgery raises the "
        "risk of skin loss.\"}]}\n";
    char *dir = tu_mkdtemp();
    char *in = tu_write_file(dir, "cf.jsonl", PAGES, strlen(PAGES));
    char out[1024];
    snprintf(out, sizeof out, "%s/out", dir);
    char *err = NULL;
    CU_ASSERT_EQUAL(analyze(in, out, &err), 0);
    free(err);
    cJSON *r = load_json(out);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    int fits = 0;
    const cJSON *item, *reason;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(r, "review_queue"))
    {
        cJSON_ArrayForEach(reason, cJSON_GetObjectItemCaseSensitive(item, "reasons"))
        {
            if (strcmp(str_at(reason, "code"), "claim-fit"))
                continue;
            fits++;
            CU_ASSERT_EQUAL(num_at(item, "index"), 1);
            CU_ASSERT_PTR_NOT_NULL(strstr(str_at(reason, "detail"), "only 0 of the question's 3"));
        }
    }
    CU_ASSERT_EQUAL(fits, 1);
    cJSON_Delete(r);
    free(in);
    tu_rm_rf(dir);
    free(dir);
}

/* Is answer `index` of file `file` in the review queue of DIR's report? */
static bool queued(const char *dir, const char *file, long index)
{
    cJSON *r = load_json(dir);
    bool found = false;
    const cJSON *item;
    const cJSON *queue = r ? cJSON_GetObjectItemCaseSensitive(r, "review_queue") : NULL;
    cJSON_ArrayForEach(item, queue)
    {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(item, "file");
        if (cJSON_IsString(f) && !strcmp(f->valuestring, file) && num_at(item, "index") == index)
            found = true;
    }
    cJSON_Delete(r);
    return found;
}

/* A page cut off a few words into its last answer leaves a fragment: not
 * queued (review_fragment_words, 8). Cut off later, the answer is queued as an
 * excerpt. Pages written here. */
static void test_fragments_not_queued(void)
{
    static const char HEAD[] =
        "Is it safe to fly after surgery?\n\nMy flight is next week.\n\nDoctor Answers 3\n\n"
        "One\n\nFlying a week after this kind of surgery is usually fine if you walk the "
        "aisle.\n\nJane Doe, MD\nChicago Dermatologist\n\nTwo\n\n";
    char *dir = tu_mkdtemp();
    char *pages = malloc(strlen(dir) + 8), *out = malloc(strlen(dir) + 8);
    sprintf(pages, "%s/pages", dir);
    sprintf(out, "%s/out", dir);
    mkdir(pages, 0700);
    char text[1024];
    snprintf(text, sizeof text, "%sI would wait two", HEAD);
    free(tu_write_file(pages, "short.txt", text, strlen(text)));
    snprintf(text, sizeof text, "%sI would wait two weeks because the clot risk is", HEAD);
    free(tu_write_file(pages, "long.txt", text, strlen(text)));
    char args[4200];
    snprintf(args, sizeof args, "'%s' --no-html", pages);
    CU_ASSERT_EQUAL(analyze(args, out, NULL), 0);
    CU_ASSERT_FALSE(queued(out, "short.txt", 2));
    CU_ASSERT_TRUE(queued(out, "long.txt", 2));
    free(pages);
    free(out);
    tu_rm_rf(dir);
    free(dir);
}

/* The overview opens with the corpus in one sentence whose counts match
 * report.json: questions per consensus level, answers to review. */
static void test_overview_summary(void)
{
    cJSON *r = load_json(sample_dir());
    char *html = read_in(sample_dir(), "report.html", NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_PTR_NOT_NULL_FATAL(html);
    long levels[5] = {0}; /* strong, moderate, weak, none, insufficient */
    static const char *const NAMES[5] = {"strong", "moderate", "weak", "none", "insufficient"};
    const cJSON *q;
    cJSON_ArrayForEach(q, cJSON_GetObjectItemCaseSensitive(r, "questions"))
    {
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(q, "consensus");
        const cJSON *level = cJSON_GetObjectItemCaseSensitive(c, "level");
        for (int k = 0; k < 5; k++)
            if (cJSON_IsString(level) && !strcmp(level->valuestring, NAMES[k]))
                levels[k]++;
    }
    long n_questions = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "questions"));
    long n_review = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(r, "review_queue"));
    /* the page's text with runs of white space made one space */
    size_t w = 0;
    for (size_t i = 0; html[i]; i++) {
        bool space = html[i] == ' ' || html[i] == '\n';
        if (!(space && w > 0 && html[w - 1] == ' '))
            html[w++] = space ? ' ' : html[i];
    }
    html[w] = '\0';
    char want[512];
    snprintf(want, sizeof want,
             "%ld questions: %ld with strong consensus, %ld moderate, %ld weak, %ld without "
             "consensus, and %ld with too few stances to judge. %ld answers to review",
             n_questions, levels[0], levels[1], levels[2], levels[3], levels[4], n_review);
    CU_ASSERT_PTR_NOT_NULL(strstr(html, want));
    if (!strstr(html, want))
        fprintf(stderr, "\n  want \"%s\"\n", want);
    CU_ASSERT(levels[0] + levels[1] + levels[2] + levels[3] + levels[4] == n_questions);
    free(html);
    cJSON_Delete(r);
}

int main(void)
{
    static const tu_test tests[] = {
        {"sample: questions and majorities", test_sample_questions},
        {"sample: claims' dissent and specialty splits (issue 14)",
         test_sample_claims_dissent_and_splits},
        {"sample: XML valid and consistent", test_sample_xml_valid_and_consistent},
        {"sample: answers.jsonl", test_sample_answers_jsonl},
        {"same seed, same bytes", test_same_seed_same_bytes},
        {"no paths in reports", test_no_paths_in_reports},
        {"edge cases validate", test_edge_cases},
        {"skipped input: exit 1, still reported", test_skipped_input},
        {"unwritable output: exit 1, nothing left", test_unwritable_output},
        {"usage", test_usage},
        {"no progress line on a pipe", test_no_progress_on_pipe},
        {"--no-html", test_no_html},
        {"review reasons in plain words", test_review_reasons_plain},
        {"pivotal answers (issue 13)", test_pivotal_answers},
        {"a claim that may not fit the question (issue 13)", test_claim_fit},
        {"fragments not queued", test_fragments_not_queued},
        {"overview opens with the corpus in one sentence", test_overview_summary},
        {NULL, NULL},
    };
    int rc = tu_run_suite("report", tests);
    if (g_sample) {
        tu_rm_rf(g_sample);
        free(g_sample);
    }
    xmlCleanupParser();
    return rc;
}
