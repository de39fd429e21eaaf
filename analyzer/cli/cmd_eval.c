/* cmd_eval: `consensus eval`: the classifier's stances against hand labels. */
#include "cli.h"

#include "cn_annotate.h"
#include "cn_eval.h"
#include "cn_page.h"
#include "cn_rules.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "Usage: consensus eval --gold FILE [--json] [--errors] [--confusion-out FILE] [--rules DIR]\n"
    "                      [PATH...]\n"
    "\n"
    "Classifies the pages of PATH (default corpus/) and compares each answer's\n"
    "stance with the hand labels of FILE: JSON Lines {file, index, prefix, stance}\n"
    "as in STANCE-GUIDE.md (aligned by file, then by the answer's normalized text\n"
    "starting with the prefix; or {file, index, hash, stance}, aligned by the hash\n"
    "of the answer's first eight words, for labels kept without the page's words),\n"
    "or an editors' overrides file (a JSON array of {answer_id, stance, ...},\n"
    "aligned by answer_id).\n"
    "\n"
    "Prints the confusion matrix (rows: gold, columns: predicted), precision,\n"
    "recall and F1 per label, macro-F1 over the four labels, accuracy, Cohen's\n"
    "kappa (unweighted) and linear-weighted kappa on the three ordinal labels, and\n"
    "every gold line that could not be aligned.\n"
    "\n"
    "Options:\n"
    "      --gold FILE   the hand labels (required)\n"
    "      --json        one JSON object: n, accuracy, macro_f1, kappa,\n"
    "                    weighted_kappa, per_label, confusion, unaligned\n"
    "      --errors      also list every answer whose stance differs from gold\n"
    "      --confusion-out FILE\n"
    "                    write the confusion matrix as `confusion` rule lines\n"
    "                    (rules/confusion.rules: how reports redraw the\n"
    "                    classifier's errors), atomically\n"
    "      --rules DIR   rule folder (default: $CONSENSUS_RULES, ./rules, installed)\n"
    "  -h, --help        this help\n"
    "\n"
    "Exit status: 0 done; 1 inputs were rejected or gold lines could not be\n"
    "aligned; 2 bad usage (no --gold, an unreadable gold file, bad rules).\n";

static const char *SHORT[CN_STANCE_COUNT] = {"none", "reass", "caut", "contra"};

typedef struct eval_ctx {
    cn_annotator *annotator;
    cn_eval *eval;
} eval_ctx;

static bool on_page(void *ctx, cn_page *page)
{
    eval_ctx *c = ctx;
    cn_page_annotation *pa = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_annotator_page(c->annotator, page, &pa, &err) != CN_OK) {
        cli_error("eval: %s: %s", page->file, err.message);
        return false;
    }
    bool ok = true;
    for (size_t i = 0; ok && i < page->n_answers; i++) {
        const cn_answer *a = &page->answers[i];
        ok = cn_eval_add(c->eval, page->file, a->index, a->answer_id, a->text,
                         pa->answers[i].claims[0].decision.stance) == 0;
    }
    cn_page_annotation_free(pa);
    if (!ok)
        cli_error("eval: out of memory");
    return ok;
}

static cJSON *number_or_null(double x)
{
    return isfinite(x) ? cJSON_CreateNumber(round(x * 1e6) / 1e6) : cJSON_CreateNull();
}

static void print_json(const cn_eval_result *r)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddNumberToObject(o, "n", (double)r->n);
    cJSON_AddItemToObject(o, "accuracy", number_or_null(r->accuracy));
    cJSON_AddItemToObject(o, "macro_f1", number_or_null(r->macro_f1));
    cJSON_AddItemToObject(o, "kappa", number_or_null(r->kappa));
    cJSON_AddItemToObject(o, "weighted_kappa", number_or_null(r->weighted_kappa));
    cJSON *per = cJSON_AddObjectToObject(o, "per_label");
    cJSON *conf = cJSON_AddObjectToObject(o, "confusion");
    for (int g = 0; g < CN_STANCE_COUNT; g++) {
        const cn_label_metrics *m = &r->per_label[g];
        cJSON *l = cJSON_AddObjectToObject(per, cn_stance_name((cn_stance)g));
        cJSON_AddItemToObject(l, "precision", number_or_null(m->precision));
        cJSON_AddItemToObject(l, "recall", number_or_null(m->recall));
        cJSON_AddItemToObject(l, "f1", number_or_null(m->f1));
        cJSON_AddNumberToObject(l, "support", (double)m->support);
        cJSON *row = cJSON_AddObjectToObject(conf, cn_stance_name((cn_stance)g));
        for (int p = 0; p < CN_STANCE_COUNT; p++)
            cJSON_AddNumberToObject(row, cn_stance_name((cn_stance)p), (double)r->confusion[g][p]);
    }
    cJSON *un = cJSON_AddArrayToObject(o, "unaligned");
    for (size_t i = 0; i < r->n_unaligned; i++) {
        const cn_gold_item *it = r->unaligned[i];
        cJSON *u = cJSON_CreateObject();
        cJSON_AddNumberToObject(u, "line", it->line);
        if (it->file)
            cJSON_AddStringToObject(u, "file", it->file);
        if (it->index)
            cJSON_AddNumberToObject(u, "index", (double)it->index);
        if (it->prefix)
            cJSON_AddStringToObject(u, "prefix", it->prefix);
        if (it->hash)
            cJSON_AddStringToObject(u, "hash", it->hash);
        if (it->answer_id)
            cJSON_AddStringToObject(u, "answer_id", it->answer_id);
        cJSON_AddItemToArray(un, u);
    }
    char *s = cJSON_Print(o);
    puts(s);
    cJSON_free(s);
    cJSON_Delete(o);
}

static void print_text(const cn_eval_result *r, const char *gold_path, bool errors)
{
    printf("gold: %s; %ld aligned, %zu unaligned\n\n", gold_path, r->n, r->n_unaligned);
    printf("%-16s", "gold \\ predicted");
    for (int p = 0; p < CN_STANCE_COUNT; p++)
        printf("%8s", SHORT[p]);
    printf("\n");
    for (int g = 0; g < CN_STANCE_COUNT; g++) {
        printf("%-16s", cn_stance_name((cn_stance)g));
        for (int p = 0; p < CN_STANCE_COUNT; p++)
            printf("%8ld", r->confusion[g][p]);
        printf("\n");
    }
    printf("\n%-16s %9s %9s %9s %8s\n", "label", "precision", "recall", "F1", "support");
    for (int g = 0; g < CN_STANCE_COUNT; g++) {
        const cn_label_metrics *m = &r->per_label[g];
        printf("%-16s %9.3f %9.3f %9.3f %8ld\n", cn_stance_name((cn_stance)g), m->precision,
               m->recall, m->f1, m->support);
    }
    printf("\nmacro-F1        %.3f\naccuracy        %.3f\nkappa           %.3f\n"
           "weighted kappa  %.3f  (linear, ordinal labels only)\n",
           r->macro_f1, r->accuracy, r->kappa, r->weighted_kappa);
    for (size_t i = 0; i < r->n_unaligned; i++) {
        const cn_gold_item *it = r->unaligned[i];
        if (it->answer_id)
            printf("unaligned: %s:%u: answer_id %s\n", gold_path, it->line, it->answer_id);
        else
            printf("unaligned: %s:%u: %s #%zu %s%s%s\n", gold_path, it->line, it->file, it->index,
                   it->prefix ? "\"" : "hash ", it->prefix ? it->prefix : it->hash,
                   it->prefix ? "\"" : "");
    }
    if (errors) {
        printf("\n");
        for (size_t i = 0; i < r->n_pairs; i++) {
            const cn_eval_pair *p = &r->pairs[i];
            if (p->gold->stance != p->predicted)
                printf("error: %s #%zu gold %s, predicted %s\n", p->file, p->index,
                       cn_stance_name(p->gold->stance), cn_stance_name(p->predicted));
        }
    }
}

/* The confusion matrix as rule lines, through a temporary file renamed into
 * place. */
static int write_confusion(const cn_eval_result *r, const char *gold, const char *path)
{
    size_t n = strlen(path) + 8;
    char *tmp = malloc(n);
    if (!tmp)
        return -1;
    snprintf(tmp, n, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) {
        cli_error("eval: cannot write %s: %s", tmp, strerror(errno));
        free(tmp);
        return -1;
    }
    int bad = fprintf(f,
                      "# confusion.rules: how the classifier labelled hand-labelled answers, one\n"
                      "# line per true stance with the counts of each predicted one; the reports\n"
                      "# redraw the classifier's errors from it (cn_relabel). Written by\n"
                      "# `consensus eval --confusion-out` on %ld answers of %s.\n",
                      r->n, gold) < 0;
    for (int g = 0; g < CN_STANCE_COUNT && !bad; g++)
        bad = fprintf(
                  f, "confusion %-16s reassuring=%ld cautionary=%ld contraindicated=%ld none=%ld\n",
                  cn_stance_name((cn_stance)g), r->confusion[g][CN_STANCE_REASSURING],
                  r->confusion[g][CN_STANCE_CAUTIONARY], r->confusion[g][CN_STANCE_CONTRAINDICATED],
                  r->confusion[g][CN_STANCE_NONE]) < 0;
    bad |= fclose(f) != 0;
    if (!bad && rename(tmp, path) != 0) {
        cli_error("eval: cannot rename %s to %s: %s", tmp, path, strerror(errno));
        bad = 1;
    }
    if (bad)
        remove(tmp);
    free(tmp);
    return bad ? -1 : 0;
}

int cmd_eval(int argc, char **argv)
{
    static const struct option OPTIONS[] = {
        {"gold", required_argument, NULL, 'g'},
        {"json", no_argument, NULL, 'j'},
        {"errors", no_argument, NULL, 'e'},
        {"rules", required_argument, NULL, 'r'},
        {"confusion-out", required_argument, NULL, 'c'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *gold_path = NULL, *rules_opt = NULL, *confusion_out = NULL;
    bool json = false, errors = false;
    int opt;
    opterr = 0;
    optind = 1;
    while ((opt = getopt_long(argc, argv, ":h", OPTIONS, NULL)) != -1) {
        switch (opt) {
        case 'g':
            gold_path = optarg;
            break;
        case 'j':
            json = true;
            break;
        case 'e':
            errors = true;
            break;
        case 'r':
            rules_opt = optarg;
            break;
        case 'c':
            confusion_out = optarg;
            break;
        case 'h':
            fputs(USAGE, stdout);
            return CLI_EXIT_OK;
        case ':':
            return cli_usage_error("eval", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("eval", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!gold_path)
        return cli_usage_error("eval", "--gold FILE is required");
    cn_error err;
    cn_error_clear(&err);
    cn_gold *gold = NULL;
    if (cn_gold_load(gold_path, &gold, &err) != CN_OK) {
        cli_error("eval: %s", err.message);
        return CLI_EXIT_USAGE;
    }
    const char *rules_dir = cli_rules_dir(rules_opt);
    cn_rules *rules = NULL;
    if (cn_rules_load(rules_dir, &rules, NULL, NULL, &err) != CN_OK) {
        cli_error("eval: %s (run 'consensus rules check' for details)", err.message);
        cn_gold_free(gold);
        return CLI_EXIT_USAGE;
    }
    if (optind >= argc)
        fprintf(stderr, "consensus: eval: no PATH given: evaluating the sample corpus (corpus/)\n");
    eval_ctx c = {0};
    c.eval = cn_eval_new(gold);
    int status = CLI_EXIT_REJECTED;
    if (c.eval && cn_annotator_new(rules, &c.annotator, &err) == CN_OK) {
        status = cli_read_pages("eval", (const char *const *)(argv + optind),
                                (size_t)(argc - optind), rules_dir, on_page, &c);
        cn_eval_result r;
        if (status != CLI_EXIT_USAGE && cn_eval_compute(c.eval, &r, &err) == CN_OK) {
            if (json)
                print_json(&r);
            else
                print_text(&r, gold_path, errors);
            if (confusion_out && write_confusion(&r, gold_path, confusion_out) != 0)
                status = CLI_EXIT_REJECTED;
            if (r.n == 0) {
                /* accuracy 0.000 over nothing would read as a verdict */
                cli_error("eval: none of the %zu gold lines matched an answer: wrong pages, or "
                          "an overrides file whose answer_ids are not in them",
                          r.n_unaligned);
                status = CLI_EXIT_REJECTED;
            }
            if (r.n_unaligned > 0 && status == CLI_EXIT_OK)
                status = CLI_EXIT_REJECTED;
            cn_eval_result_clear(&r);
        }
    }
    cn_annotator_free(c.annotator);
    cn_eval_free(c.eval);
    cn_rules_free(rules);
    cn_gold_free(gold);
    return status;
}
