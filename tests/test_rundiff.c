/*
 * test_rundiff: `consensus diff` and cn_rundiff on two small report.json
 * files written here (two questions each, one in both runs): a changed
 * consensus and summary, a changed stance marked as the editor's, answers and
 * questions present in one run only, a rules change, the counts and exit
 * codes; identical runs give exit 0; a folder without a report is exit 2.
 */
#include "testutil.h"

#include "cn_rundiff.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char OLD_REPORT[] =
    "{\"generator\": {\"rules_sha256\": \"aaaaaaaaaaaaaaaa\", \"seed\": 1},\n"
    " \"questions\": [\n"
    "  {\"id\": \"q1\", \"question\": \"Can I swim after a peel?\", \"summary\": \"old words\",\n"
    "   \"consensus\": {\"majority\": \"reassuring\", \"share\": 0.75, \"level\": \"moderate\", "
    "\"tie\": false},\n"
    "   \"answer_list\": [\n"
    "    {\"answer_id\": \"a1\", \"file\": \"p.txt\", \"index\": 1, \"stance\": \"reassuring\", "
    "\"confidence\": 0.9, \"physician\": {\"name\": \"Dr. One\"}},\n"
    "    {\"answer_id\": \"a2\", \"file\": \"p.txt\", \"index\": 2, \"stance\": \"reassuring\", "
    "\"confidence\": 0.6, \"physician\": {\"name\": null}},\n"
    "    {\"answer_id\": \"a3\", \"file\": \"p.txt\", \"index\": 3, \"stance\": \"cautionary\", "
    "\"confidence\": 0.5, \"physician\": {}}]},\n"
    "  {\"id\": \"q2\", \"question\": \"Gone later\", \"summary\": \"s\", \"consensus\": {},\n"
    "   \"answer_list\": []}]}\n";

static const char NEW_REPORT[] =
    "{\"generator\": {\"rules_sha256\": \"bbbbbbbbbbbbbbbb\", \"seed\": 1},\n"
    " \"questions\": [\n"
    "  {\"id\": \"q1\", \"question\": \"Can I swim after a peel?\", \"summary\": \"new words\",\n"
    "   \"consensus\": {\"majority\": \"reassuring\", \"share\": 0.5, \"level\": \"none\", "
    "\"tie\": true},\n"
    "   \"answer_list\": [\n"
    "    {\"answer_id\": \"a1\", \"file\": \"p.txt\", \"index\": 1, \"stance\": \"reassuring\", "
    "\"confidence\": 0.8, \"physician\": {\"name\": \"Dr. One\"}},\n"
    "    {\"answer_id\": \"a2\", \"file\": \"p.txt\", \"index\": 2, \"stance\": \"cautionary\", "
    "\"confidence\": 1, \"editor_override\": true, \"physician\": {\"name\": null}},\n"
    "    {\"answer_id\": \"a4\", \"file\": \"p.txt\", \"index\": 4, \"stance\": \"none\", "
    "\"confidence\": 0.4, \"physician\": {\"name\": \"Dr. Four\"}}]},\n"
    "  {\"id\": \"q3\", \"question\": \"New here\", \"summary\": \"s\", \"consensus\": {},\n"
    "   \"answer_list\": []}]}\n";

static char *run_dir(const char *root, const char *name, const char *report)
{
    char *dir = malloc(strlen(root) + strlen(name) + 2);
    sprintf(dir, "%s/%s", root, name);
    mkdir(dir, 0700);
    free(tu_write_file(dir, "report.json", report, strlen(report)));
    return dir;
}

static char *diff_text(const char *a, const char *b, cn_rundiff_counts *c, int *rc)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    cn_error err;
    cn_error_clear(&err);
    *rc = cn_rundiff(a, b, f, c, &err);
    fclose(f);
    return buf;
}

static void test_changes_listed_and_counted(void)
{
    char *root = tu_mkdtemp();
    char *old_dir = run_dir(root, "old", OLD_REPORT), *new_dir = run_dir(root, "new", NEW_REPORT);
    cn_rundiff_counts c;
    int rc;
    char *text = diff_text(old_dir, new_dir, &c, &rc);
    CU_ASSERT_EQUAL_FATAL(rc, CN_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "rules: aaaaaaaaaaaa -> bbbbbbbbbbbb (sha256)\n"));
    CU_ASSERT_PTR_NULL(strstr(text, "seed:"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "question q1 \"Can I swim after a peel?\":\n"
                                        "  consensus: moderate reassuring (75%) -> none, no "
                                        "majority\n"
                                        "  summary was: old words\n"
                                        "  summary now: new words\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "  answer a2 (unnamed physician, p.txt #2): reassuring "
                                        "(0.60) -> cautionary (1.00), set by an editor\n"));
    CU_ASSERT_PTR_NULL(strstr(text, "answer a1 ")); /* same stance: not listed */
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "  + answer a4 (Dr. Four, p.txt #4): none\n"));
    CU_ASSERT_PTR_NOT_NULL(
        strstr(text, "  - answer a3 (unnamed physician, p.txt #3): cautionary\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "+ question q3 \"New here\" (only in the new run)\n"));
    CU_ASSERT_PTR_NOT_NULL(strstr(text, "- question q2 \"Gone later\" (only in the old run)\n"));
    CU_ASSERT_EQUAL(c.questions_both, 1);
    CU_ASSERT_EQUAL(c.questions_changed, 1);
    CU_ASSERT_EQUAL(c.questions_old_only, 1);
    CU_ASSERT_EQUAL(c.questions_new_only, 1);
    CU_ASSERT_EQUAL(c.answers_both, 2);
    CU_ASSERT_EQUAL(c.stances_changed, 1);
    CU_ASSERT_EQUAL(c.answers_old_only, 1);
    CU_ASSERT_EQUAL(c.answers_new_only, 1);
    CU_ASSERT(cn_rundiff_counts_differ(&c));
    free(text);

    /* A run against itself: nothing but the count line, and no difference. */
    text = diff_text(new_dir, new_dir, &c, &rc);
    CU_ASSERT_EQUAL(rc, CN_OK);
    CU_ASSERT_STRING_EQUAL(text, "2 questions in both runs (0 changed), 0 only in the old, 0 only "
                                 "in the new; 3 answers in both (stance changed on 0), 0 only in "
                                 "the old, 0 only in the new\n");
    CU_ASSERT_FALSE(cn_rundiff_counts_differ(&c));
    free(text);
    free(old_dir);
    free(new_dir);
    tu_rm_rf(root);
    free(root);
}

static void test_cli_exit_codes(void)
{
    char *root = tu_mkdtemp();
    char *old_dir = run_dir(root, "old", OLD_REPORT), *new_dir = run_dir(root, "new", NEW_REPORT);
    char *not_report = run_dir(root, "bad", "{\"questions\": 3}");
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "diff '%s' '%s'", old_dir, new_dir);
    char *out = NULL, *err = NULL;
    CU_ASSERT_EQUAL(tu_run_cli(cmd, &out, NULL), 1);
    CU_ASSERT_PTR_NOT_NULL(out && strstr(out, "stance changed on 1"));
    free(out);
    snprintf(cmd, sizeof cmd, "diff '%s' '%s'", old_dir, old_dir);
    CU_ASSERT_EQUAL(tu_run_cli(cmd, NULL, NULL), 0);
    snprintf(cmd, sizeof cmd, "diff '%s' '%s'", old_dir, not_report);
    CU_ASSERT_EQUAL(tu_run_cli(cmd, NULL, &err), 2);
    CU_ASSERT_PTR_NOT_NULL(err && strstr(err, "not a report.json written by `consensus analyze`"));
    free(err);
    err = NULL;
    snprintf(cmd, sizeof cmd, "diff '%s/none' '%s'", root, old_dir);
    CU_ASSERT_EQUAL(tu_run_cli(cmd, NULL, &err), 2);
    CU_ASSERT_PTR_NOT_NULL(err && strstr(err, "/none/report.json"));
    free(err);
    CU_ASSERT_EQUAL(tu_run_cli("diff only-one", NULL, NULL), 2);
    free(old_dir);
    free(new_dir);
    free(not_report);
    tu_rm_rf(root);
    free(root);
}

int main(void)
{
    static const tu_test tests[] = {
        {"changes listed and counted", test_changes_listed_and_counted},
        {"CLI exit codes", test_cli_exit_codes},
        {NULL, NULL},
    };
    return tu_run_suite("rundiff", tests);
}
