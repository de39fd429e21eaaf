/*
 * test_hostile: inputs that once hung, ate memory, lost data or lied in
 * their exit code (issue 15), each as a regression test: a FIFO or a device
 * where a file is read, a \u0000 escape in JSON, rule settings that classify
 * would refuse but `rules check` passed, output that cannot be written, a
 * byte order mark in a rule file, interval alpha on huge values.
 */
#define _POSIX_C_SOURCE 200809L
#include "testutil.h"

#include "cn_agreement.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static char *g_dir;

static char *path_in(const char *name)
{
    size_t n = strlen(g_dir) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", g_dir, name);
    return p;
}

/* Run the CLI with args (a printf format), return its exit code; stderr kept. */
static int cli(char **err, const char *fmt, const char *a, const char *b)
{
    char args[8192];
    snprintf(args, sizeof args, fmt, a, b);
    char *out = NULL;
    int rc = tu_run_cli(args, &out, err);
    free(out);
    return rc;
}

/* A FIFO where a CSV, a gold file or an overrides file is read: refused at
 * once (it used to block forever); /dev/zero is no regular file either. */
static void test_non_regular_files(void)
{
    char *fifo = path_in("pipe.csv");
    CU_ASSERT_EQUAL_FATAL(mkfifo(fifo, 0600), 0);
    char *err = NULL;
    CU_ASSERT_EQUAL(cli(&err, "stats agreement %s%s", fifo, ""), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "not a regular file"));
    free(err);
    CU_ASSERT_EQUAL(cli(&err, "eval --gold %s %s", fifo, "corpus"), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "not a regular file"));
    free(err);
    CU_ASSERT_EQUAL(cli(&err, "stats crosstab %s%s", "/dev/zero", ""), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "not a regular file"));
    free(err);
    unlink(fifo);
    free(fifo);
}

/* A \u0000 escape would cut a string short in C: the line is refused with
 * its place, never read cut (it used to exit 0 with half the text). */
static void test_nul_escape(void)
{
    static const char PAGE[] = "{\"url\":\"u\",\"question\":\"Is it OK?\",\"answers\":[{\"text\":"
                               "\"Fine \\u0000 and the rest\"}]}\n"
                               "{\"url\":\"v\",\"question\":\"And this?\",\"answers\":[{\"text\":"
                               "\"A backslash \\\\u0000 is only text\"}]}\n";
    char *p = tu_write_file(g_dir, "nul.jsonl", PAGE, strlen(PAGE));
    char *out = NULL, *err = NULL;
    char args[4096];
    snprintf(args, sizeof args, "parse %s", p);
    CU_ASSERT_EQUAL(tu_run_cli(args, &out, &err), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "nul.jsonl:1"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "\\u0000"));
    /* the second line, whose backslash is escaped, is read whole */
    CU_ASSERT_PTR_NOT_NULL(strstr(out ? out : "", "is only text"));
    free(out);
    free(err);
    free(p);
    static const char OVERRIDES[] = "[{\"answer_id\": \"0123456789abcdef\", \"stance\": "
                                    "\"reassuring\", \"note\": \"cut \\u0000 here\"}]";
    p = tu_write_file(g_dir, "ov.json", OVERRIDES, strlen(OVERRIDES));
    CU_ASSERT_EQUAL(
        cli(&err, "analyze --quiet --no-html --out %s/out --overrides %s corpus", g_dir, p), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "ov.json:1:"));
    free(err);
    free(p);
}

/* `rules check` refuses what classify and analyze refuse: settings out of
 * range, levels out of order, a broken page-cues.txt; a missing folder is bad
 * usage (2) like a missing path for parse. */
static void test_rules_check_is_classify(void)
{
    char *rules = path_in("rules");
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s' && cp rules/* '%s'/ && sed -i 's/^setting interval_level .*/setting "
             "interval_level value=1/' '%s'/settings.rules",
             rules, rules, rules);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    char *err = NULL;
    CU_ASSERT_EQUAL(cli(&err, "rules check %s%s", rules, ""), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "settings.rules:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "interval_level"));
    free(err);
    CU_ASSERT_EQUAL(cli(&err, "classify --rules %s %s", rules, "corpus"), 2);
    free(err);
    snprintf(cmd, sizeof cmd,
             "cp rules/settings.rules '%s'/ && sed -i 's/^setting consensus_weak .*/setting "
             "consensus_weak value=0.9/' '%s'/settings.rules",
             rules, rules);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    CU_ASSERT_EQUAL(cli(&err, "rules check %s%s", rules, ""), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "out of order"));
    free(err);
    snprintf(cmd, sizeof cmd,
             "cp rules/settings.rules '%s'/ && printf '[nonsense]\\n' >> '%s'/page-cues.txt", rules,
             rules);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    CU_ASSERT_EQUAL(cli(&err, "rules check %s%s", rules, ""), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "page-cues.txt:"));
    free(err);
    /* fuzz_pagecues' finding (tests/fuzz/regress/fuzz_pagecues-nul-entry): an
     * entry that starts with a NUL byte became an empty opener, which matched
     * every line and read one byte before the buffer. Now refused, with its
     * place (an entry that normalizes to nothing is refused too). */
    snprintf(cmd, sizeof cmd,
             "cp rules/page-cues.txt '%s'/ && printf '[answer-openers]\\n\\000thanks\\n' >> "
             "'%s'/page-cues.txt",
             rules, rules);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    CU_ASSERT_EQUAL(cli(&err, "rules check %s%s", rules, ""), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "page-cues.txt:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "a NUL byte in an entry"));
    free(err);
    CU_ASSERT_EQUAL(cli(&err, "rules check %s%s", "/nonexistent/rules", ""), 2);
    free(err);
    free(rules);
}

/* Output that cannot be written fails the command, whatever it is. */
static void test_unwritable_output(void)
{
    static const char *const ARGS[] = {"--version", "--help", "rules check rules",
                                       "eval --gold tests/data/seeds/seeds.gold.jsonl corpus"};
    for (size_t i = 0; i < sizeof ARGS / sizeof ARGS[0]; i++) {
        char cmd[4096];
        snprintf(cmd, sizeof cmd, "%s %s >/dev/full 2>/dev/null", tu_cli_path(), ARGS[i]);
        int status = system(cmd);
        CU_ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1);
    }
}

/* A rule file saved with a byte order mark is read like any other. */
static void test_bom_rule_file(void)
{
    char *rules = path_in("bomrules");
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s' && cp rules/* '%s'/ && printf '\\357\\273\\277cue bom-cue "
             "stance=reassuring weight=1 : bomword\\n' > '%s'/zz-bom.rules",
             rules, rules, rules);
    CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
    char *err = NULL;
    CU_ASSERT_EQUAL(cli(&err, "rules check %s%s", rules, ""), 0);
    free(err);
    free(rules);
}

/* Interval alpha is unchanged when every value is multiplied by 1e200 (it
 * used to overflow into "no variation"). */
static void test_interval_alpha_huge_values(void)
{
    double small[6] = {1, 2, 3, 1, 2, 3.1}, huge[6];
    for (int i = 0; i < 6; i++)
        huge[i] = small[i] * 1e200;
    cn_agreement_opts o;
    cn_agreement_opts_init(&o);
    o.metric = CN_ALPHA_INTERVAL;
    o.bootstrap = 0;
    cn_agreement_result a, b;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_agreement_compute(&o, small, 2, 3, &a, &err), CN_OK);
    CU_ASSERT_EQUAL_FATAL(cn_agreement_compute(&o, huge, 2, 3, &b, &err), CN_OK);
    CU_ASSERT_FALSE(isnan(b.alpha));
    CU_ASSERT_DOUBLE_EQUAL(a.alpha, b.alpha, 1e-12);
}

/* A Monte Carlo test too large to finish soon is refused at once, saying why
 * (a 1,000 x 1,000 table used to run for minutes with no word). */
static void test_crosstab_work_bound(void)
{
    char *p = path_in("wide.csv");
    FILE *f = fopen(p, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(f);
    for (int c = 0; c < 300; c++)
        fprintf(f, ",c%d", c);
    fputc('\n', f);
    for (int r = 0; r < 300; r++) {
        fprintf(f, "g%d", r);
        for (int c = 0; c < 300; c++)
            fprintf(f, ",%d", (r * 7 + c * 3) % 4 + 1);
        fputc('\n', f);
    }
    fclose(f);
    char *err = NULL;
    CU_ASSERT_EQUAL(cli(&err, "stats crosstab --simulate 100000 %s%s", p, ""), 1);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "too much work"));
    free(err);
    free(p);
}

/* Issue 13's small things: a stance written "Reassuring" is read; a gold file
 * that matches nothing says so and fails instead of printing accuracy 0;
 * --text and `classify -` classify one sentence; the top-level usage hint
 * has one space. */
static void test_editor_inputs(void)
{
    static const char OV[] = "[{\"answer_id\": \"0123456789abcdef\", \"stance\": \" Reassuring\"}]";
    char *p = tu_write_file(g_dir, "ov-case.json", OV, strlen(OV));
    char *err = NULL;
    CU_ASSERT_EQUAL(cli(&err, "eval --gold %s %s", p, "corpus"), 1);
    CU_ASSERT_PTR_NULL(strstr(err ? err : "", "'stance' must be"));
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "none of the 1 gold lines matched"));
    free(err);
    free(p);
    char *out = NULL;
    CU_ASSERT_EQUAL(tu_run_cli("classify --text 'It is not safe, do not do it.' --question "
                               "'Can I get Botox while pregnant?'",
                               &out, &err),
                    0);
    CU_ASSERT_PTR_NOT_NULL(strstr(out ? out : "", "\"stance\":\"contraindicated\""));
    free(out);
    free(err);
    /* `classify -`: the answer from standard input, as --text */
    char *outfile = tu_write_file(g_dir, "stdin-out.jsonl", "", 0);
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "%s classify --question 'Can I get Botox while pregnant?' - >'%s'",
             tu_cli_path(), outfile);
    FILE *pipe = popen(cmd, "w");
    CU_ASSERT_PTR_NOT_NULL_FATAL(pipe);
    fputs("It is not safe, do not do it.\n", pipe);
    CU_ASSERT_EQUAL(pclose(pipe), 0);
    char *got = tu_read_file(outfile, NULL);
    CU_ASSERT_PTR_NOT_NULL(strstr(got ? got : "", "\"file\":\"(stdin)\""));
    CU_ASSERT_PTR_NOT_NULL(strstr(got ? got : "", "\"stance\":\"contraindicated\""));
    free(got);
    free(outfile);
    CU_ASSERT_EQUAL(tu_run_cli("frobnicate", &out, &err), 2);
    CU_ASSERT_PTR_NOT_NULL(strstr(err ? err : "", "Try 'consensus --help'."));
    free(out);
    free(err);
}

int main(void)
{
    g_dir = tu_mkdtemp();
    if (!g_dir)
        return 1;
    static const tu_test tests[] = {
        {"FIFOs and devices are refused", test_non_regular_files},
        {"a \\u0000 escape is refused, never cut", test_nul_escape},
        {"rules check validates what classify does", test_rules_check_is_classify},
        {"unwritable output fails", test_unwritable_output},
        {"a BOM in a rule file", test_bom_rule_file},
        {"interval alpha on huge values", test_interval_alpha_huge_values},
        {"Monte Carlo work is bounded", test_crosstab_work_bound},
        {"editors' inputs (issue 13)", test_editor_inputs},
        {NULL, NULL},
    };
    int rc = tu_run_suite("hostile input", tests);
    tu_rm_rf(g_dir);
    free(g_dir);
    return rc;
}
