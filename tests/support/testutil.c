/* testutil: shared plumbing for the CUnit suites. */
#include "testutil.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int tu_run_suite(const char *suite, const tu_test *tests)
{
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 2;
    CU_pSuite s = CU_add_suite(suite, NULL, NULL);
    for (const tu_test *t = tests; t->name; t++)
        CU_add_test(s, t->name, t->fn);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    unsigned failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
    unsigned run = CU_get_number_of_tests_run();
    CU_cleanup_registry();
    return (failed == 0 && run > 0) ? 0 : 1;
}

char *tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n - 1 == 0) {
            char *b = realloc(buf, cap * 2);
            if (!b) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

char *tu_mkdtemp(void)
{
    const char *tmp = getenv("TMPDIR");
    char tmpl[4096];
    snprintf(tmpl, sizeof tmpl, "%s/cn-test-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(tmpl))
        return NULL;
    return strdup(tmpl);
}

char *tu_write_file(const char *dir, const char *name, const char *data, size_t len)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *path = malloc(n);
    snprintf(path, n, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (f) {
        fwrite(data, 1, len, f);
        fclose(f);
    }
    return path;
}

void tu_rm_rf(const char *path)
{
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", path);
    if (system(cmd) != 0)
        fprintf(stderr, "warning: could not remove %s\n", path);
}

const char *tu_cli_path(void)
{
    const char *bin = getenv("CN_CONSENSUS_BIN");
    return bin && *bin ? bin : "./build/consensus";
}

int tu_run_cli(const char *args, char **out, char **err)
{
    char *dir = tu_mkdtemp();
    if (!dir)
        return -1;
    size_t n = strlen(args) + strlen(dir) * 2 + strlen(tu_cli_path()) + 64;
    char *cmd = malloc(n);
    snprintf(cmd, n, "%s %s >'%s/out' 2>'%s/err' </dev/null", tu_cli_path(), args, dir, dir);
    int status = system(cmd);
    free(cmd);
    char path[4096];
    if (out) {
        snprintf(path, sizeof path, "%s/out", dir);
        *out = tu_read_file(path, NULL);
    }
    if (err) {
        snprintf(path, sizeof path, "%s/err", dir);
        *err = tu_read_file(path, NULL);
    }
    tu_rm_rf(dir);
    free(dir);
    if (status == -1 || !WIFEXITED(status))
        return -1;
    return WEXITSTATUS(status);
}

int tu_validate_report_xml(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/report.xml", dir);
    xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt("reports/report.xsd");
    xmlSchemaPtr schema = pc ? xmlSchemaParse(pc) : NULL;
    xmlSchemaValidCtxtPtr vc = schema ? xmlSchemaNewValidCtxt(schema) : NULL;
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    int rc = (vc && doc) ? xmlSchemaValidateDoc(vc, doc) : -1;
    xmlFreeDoc(doc);
    xmlSchemaFreeValidCtxt(vc);
    xmlSchemaFree(schema);
    xmlSchemaFreeParserCtxt(pc);
    return rc;
}

size_t tu_count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
             strcmp(e->d_name, ".consensus.lock");
    if (d)
        closedir(d);
    return n;
}

static void collect_diag(void *ctx, const char *message)
{
    tu_diags *d = ctx;
    d->count++;
    strncat(d->text, message, sizeof d->text - strlen(d->text) - 2);
    strcat(d->text, "\n");
}

int tu_load_rules_text(const char *name, const char *body, tu_diags *d, cn_rules **out)
{
    char *dir = tu_mkdtemp();
    char *path = tu_write_file(dir, name, body, strlen(body));
    memset(d, 0, sizeof *d);
    cn_rules *rules = NULL;
    cn_error err;
    int rc = cn_rules_load(dir, &rules, collect_diag, d, &err);
    if (out)
        *out = rules;
    else
        cn_rules_free(rules);
    free(path);
    tu_rm_rf(dir);
    free(dir);
    return rc;
}
