/* cmd_rules_qtype: `consensus rules fit-qtype` fits the question-type model
 * (cn_qtype, rules/qtype.rules) from labelled pages' questions. */
#include "cli.h"

#include "cn_file.h"
#include "cn_grow.h"
#include "cn_hash.h"
#include "cn_page.h"
#include "cn_qtype_fit.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The labels: page file name -> index into types. */
typedef struct qtype_labels {
    cn_strmap *by_file;
    char **types;
    size_t n, cap;
} qtype_labels;

static void labels_clear(qtype_labels *l)
{
    cn_strmap_free(l->by_file);
    for (size_t i = 0; i < l->n; i++)
        free(l->types[i]);
    free(l->types);
}

/* One JSON line: "file" and "question_type" (a page's answers all carry the
 * same; the first line of a file counts). */
static int labels_line(qtype_labels *l, const char *path, size_t line_no, const char *line)
{
    cJSON *j = cJSON_Parse(line);
    const cJSON *file = cJSON_GetObjectItemCaseSensitive(j, "file");
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(j, "question_type");
    int rc = 0;
    if (!j || !cJSON_IsString(file) || !cJSON_IsString(type)) {
        cli_error("rules fit-qtype: %s:%zu: expected a JSON object with \"file\" and "
                  "\"question_type\" strings",
                  path, line_no);
        rc = -1;
    } else if (cn_strmap_get(l->by_file, file->valuestring) < 0) {
        char *t = NULL;
        if (!cn_grow((void **)&l->types, &l->cap, l->n + 1, sizeof *l->types) ||
            l->n > 1000000000 || !(t = strdup(type->valuestring)) ||
            cn_strmap_put(l->by_file, file->valuestring, (int)l->n)) {
            free(t);
            cli_error("rules fit-qtype: out of memory");
            rc = -1;
        } else
            l->types[l->n++] = t;
    }
    cJSON_Delete(j);
    return rc;
}

static int labels_read(qtype_labels *l, const char *path)
{
    FILE *in = fopen(path, "r");
    if (!in) {
        cli_error("rules fit-qtype: cannot open %s: %s", path, strerror(errno));
        return -1;
    }
    if (!(l->by_file = cn_strmap_new())) {
        fclose(in);
        cli_error("rules fit-qtype: out of memory");
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, no = 0;
    int rc = 0;
    while (rc == 0 && getline(&line, &cap, in) != -1) {
        no++;
        if (strspn(line, " \t\r\n") != strlen(line))
            rc = labels_line(l, path, no, line);
    }
    free(line);
    fclose(in);
    return rc;
}

typedef struct fit_ctx {
    qtype_labels *labels;
    cn_qtype_fit *fit;
    cn_strmap *seen; /* files already taken (one example a page) */
} fit_ctx;

static bool on_page(void *ctx, cn_page *page)
{
    fit_ctx *c = ctx;
    int k = cn_strmap_get(c->labels->by_file, page->file);
    if (k < 0 || cn_strmap_get(c->seen, page->file) >= 0)
        return true; /* unlabelled, or a second page of the file */
    cn_error err;
    cn_error_clear(&err);
    if (cn_strmap_put(c->seen, page->file, 0) ||
        cn_qtype_fit_add(c->fit, page->question, page->body, c->labels->types[k], &err)) {
        cli_error("rules fit-qtype: %s: %s", page->file,
                  err.message[0] ? err.message : "out of memory");
        return false;
    }
    return true;
}

static int write_model(const cn_qtype *qt, const char *path, size_t pages, size_t min_pages,
                       double l2)
{
    char *tmp;
    FILE *out = cli_rulefile_open("rules fit-qtype", path, &tmp);
    if (!out)
        return CLI_EXIT_REJECTED;
    int bad =
        fprintf(out,
                "# qtype.rules: the question-type model (cn_qtype), fitted by `consensus rules\n"
                "# fit-qtype --min-pages %zu --l2 %g` on %zu labelled questions. One line a\n"
                "# term of the question (unigrams, bigrams a+b, the title's again as t/...),\n"
                "# its weight for each type; rules/README.md, \"qtype\".\n",
                min_pages, l2, pages) < 0;
    bad |= cn_qtype_write(qt, out) != 0;
    if (cli_rulefile_close("rules fit-qtype", out, path, tmp, bad)) {
        cli_error("rules fit-qtype: writing %s failed", path ? path : "stdout");
        return CLI_EXIT_REJECTED;
    }
    return CLI_EXIT_OK;
}

static bool parse_number(const char *s, double lo, double hi, double *out)
{
    char *end = NULL;
    *out = strtod(s, &end);
    return end && !*end && *out >= lo && *out <= hi && isfinite(*out);
}

int cmd_rules_fit_qtype(int argc, char **argv)
{
    static const struct option OPTIONS[] = {
        {"labels", required_argument, NULL, 'g'},    {"l2", required_argument, NULL, 'l'},
        {"min-pages", required_argument, NULL, 'k'}, {"out", required_argument, NULL, 'o'},
        {"rules", required_argument, NULL, 'r'},     {NULL, 0, NULL, 0},
    };
    const char *labels_path = NULL, *rules_opt = NULL, *out_path = NULL;
    double l2 = 0.01, min_pages = 4;
    int opt;
    opterr = 0;
    optind = 1;
    while ((opt = getopt_long(argc, argv, ":", OPTIONS, NULL)) != -1) {
        if (opt == 'g')
            labels_path = optarg;
        else if (opt == 'l' && !(parse_number(optarg, 1e-12, 1e6, &l2)))
            return cli_usage_error("rules", "--l2 needs a positive number, not '%s'", optarg);
        else if (opt == 'k' && (!parse_number(optarg, 1, 1e6, &min_pages) ||
                                min_pages != (double)(size_t)min_pages))
            return cli_usage_error("rules", "--min-pages needs a whole number >= 1, not '%s'",
                                   optarg);
        else if (opt == 'o')
            out_path = optarg;
        else if (opt == 'r')
            rules_opt = optarg;
        else if (opt == ':')
            return cli_usage_error("rules", "option '%s' needs an argument", argv[optind - 1]);
        else if (opt == '?')
            return cli_usage_error("rules", "unknown option '%s'", argv[optind - 1]);
    }
    if (!labels_path)
        return cli_usage_error("rules", "fit-qtype: --labels FILE is required");
    qtype_labels labels = {0};
    fit_ctx c = {.labels = &labels};
    cn_error err;
    cn_error_clear(&err);
    int status = labels_read(&labels, labels_path) ? CLI_EXIT_REJECTED : CLI_EXIT_OK;
    if (status == CLI_EXIT_OK &&
        (!(c.seen = cn_strmap_new()) || cn_qtype_fit_new(&c.fit, &err) != CN_OK)) {
        cli_error("rules fit-qtype: out of memory");
        status = CLI_EXIT_REJECTED;
    }
    if (status == CLI_EXIT_OK)
        status = cli_read_pages("rules fit-qtype", (const char *const *)(argv + optind),
                                (size_t)(argc - optind), cli_rules_dir(rules_opt), on_page, &c);
    cn_qtype *qt = NULL;
    if (status != CLI_EXIT_USAGE && c.fit) {
        if (cn_qtype_fit_run(c.fit, (size_t)min_pages, l2, &qt, &err) != CN_OK) {
            cli_error("rules fit-qtype: %s", err.message);
            status = CLI_EXIT_REJECTED;
        } else {
            int w = write_model(qt, out_path, cn_qtype_fit_examples(c.fit), (size_t)min_pages, l2);
            status = w ? w : status;
        }
    }
    cn_qtype_free(qt);
    cn_qtype_fit_free(c.fit);
    cn_strmap_free(c.seen);
    labels_clear(&labels);
    return status;
}
