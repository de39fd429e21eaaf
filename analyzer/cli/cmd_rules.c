/* cmd_rules: `consensus rules check [DIR]` validates a rule folder;
 * `consensus rules fit` refits its decision weights from hand labels. */
#include "cli.h"

#include "cn_annotate.h"
#include "cn_eval.h"
#include "cn_fit.h"
#include "cn_pagecues.h"
#include "cn_page.h"
#include "cn_rules.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char USAGE[] =
    "Usage: consensus rules check [DIR]\n"
    "       consensus rules fit --gold FILE [--l2 X] [--words-min K] [--l2-words X]\n"
    "                               [--out FILE] [--rules DIR] [PATH...]\n"
    "       consensus rules fit-qtype --labels FILE [--min-pages K] [--l2 X]\n"
    "                               [--out FILE] [--rules DIR] [PATH...]\n"
    "\n"
    "check: loads every *.rules file of DIR (default: --rules resolution:\n"
    "$CONSENSUS_RULES, ./rules, the installed set), checks every line and compiles\n"
    "every pattern. Each problem is printed as FILE:LINE: message on stderr.\n"
    "Warnings (FILE:LINE: warning: ...) do not fail the check: a cue pattern that\n"
    "another cue for the same questions already has (where both match, only one\n"
    "counts), and a pattern a rule gives twice (also after normalization).\n"
    "\n"
    "fit: classifies the pages of PATH (default corpus/) with the rules, aligns\n"
    "the answers with the hand labels of FILE (as `consensus eval` does; an\n"
    "editors' overrides file works too) and fits the weights of the decision\n"
    "model by L2-regularized multinomial logistic regression, each answer counted\n"
    "by its gold line's \"weight\" (default 1; labels are not re-balanced: on the\n"
    "real tuning pages that cost macro-F1). Prints the `weight` lines\n"
    "(or writes them to --out FILE, e.g. rules/decision.rules, atomically).\n"
    "\n"
    "Options (fit):\n"
    "      --gold FILE   the hand labels (required)\n"
    "      --l2 X        L2 penalty on the weights (default 0.01)\n"
    "      --words-min K word terms (`weight word/TERM` lines): those held by at least\n"
    "                    K labelled answers join the model (default: the setting\n"
    "                    words_min_answers; 0: no word terms)\n"
    "      --l2-words X  L2 penalty on the word terms' weights (default: the setting\n"
    "                    words_l2)\n"
    "      --out FILE    write the weight lines there instead of stdout\n"
    "      --rules DIR   rule folder (default: $CONSENSUS_RULES, ./rules, installed)\n"
    "\n"
    "check also loads DIR/specialties.txt and DIR/page-cues.txt, as classify and\n"
    "analyze do, so it passes exactly the folders they accept.\n"
    "\n"
    "fit-qtype: fits the question-type model (`qtype` lines, rules/qtype.rules)\n"
    "on the questions of the pages of PATH whose file FILE labels (JSON lines with\n"
    "\"file\" and \"question_type\", e.g. tests/real/labels.jsonl; one example a\n"
    "page): terms held by at least K questions (default 4), L2 penalty X (default\n"
    "0.01). Prints the lines, or writes them to --out FILE atomically.\n"
    "\n"
    "Exit status: 0 the rules are valid (fit: weights written); 1 problems were\n"
    "found, or gold lines could not be aligned; 2 bad usage (no such folder).\n";

static void print_diag(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "%s\n", message);
}

static int rules_check(const char *dir_arg)
{
    const char *dir = cli_rules_dir(dir_arg);
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return cli_usage_error("rules", "%s: no such rule folder", dir);
    cn_rules *rules = NULL;
    cn_error err;
    cn_error_clear(&err);
    int rc = cn_rules_load(dir, &rules, print_diag, NULL, &err);
    if (rc != CN_OK)
        cli_error("%s", err.message);
    /* Everything classify and analyze load from the folder: the page cues too. */
    cn_pagecues *cues = NULL;
    cn_error cerr;
    cn_error_clear(&cerr);
    if (cn_pagecues_load(dir, &cues, &cerr) != CN_OK) {
        fprintf(stderr, "%s\n", cerr.message);
        rc = CN_ERR_RULES;
    }
    cn_pagecues_free(cues);
    if (rc != CN_OK) {
        cn_rules_free(rules);
        return CLI_EXIT_REJECTED;
    }
    for (size_t i = 0; i < cn_rules_warning_count(rules); i++)
        fprintf(stderr, "%s\n", cn_rules_warning(rules, i));
    size_t counts[CN_RULE_KIND_COUNT] = {0};
    for (size_t i = 0; i < cn_rules_count(rules); i++)
        counts[cn_rules_at(rules, i)->kind]++;
    printf("%s: OK: %zu rules, %zu patterns (", dir, cn_rules_count(rules),
           cn_rules_patterns(rules));
    const char *sep = "";
    for (int k = 0; k < CN_RULE_KIND_COUNT; k++) {
        if (counts[k]) {
            printf("%s%zu %s", sep, counts[k], cn_rule_kind_name((cn_rule_kind)k));
            sep = ", ";
        }
    }
    printf("); %s; sha256 %s\n",
           cn_model_active(cn_rules_model(rules)) ? "learned decision weights"
                                                  : "hand-written decision",
           cn_rules_sha256(rules));
    cn_rules_free(rules);
    return CLI_EXIT_OK;
}

typedef struct fit_ctx {
    cn_annotator *annotator;
    cn_fit *fit;
} fit_ctx;

static bool on_page(void *ctx, cn_page *page)
{
    fit_ctx *c = ctx;
    cn_page_annotation *pa = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_annotator_page(c->annotator, page, &pa, &err) != CN_OK) {
        cli_error("rules fit: %s: %s", page->file, err.message);
        return false;
    }
    int rc = CN_OK;
    for (size_t i = 0; rc == CN_OK && i < page->n_answers; i++) {
        const cn_answer *a = &page->answers[i];
        const cn_decision *d = &pa->answers[i].claims[0].decision;
        rc = cn_fit_add(c->fit, page->file, a->index, a->answer_id, a->text, d->features, &err);
        if (rc == CN_OK && d->n_terms)
            rc = cn_fit_add_terms(c->fit, d->term_hash, d->term_text, d->n_terms, &err);
    }
    cn_page_annotation_free(pa);
    if (rc)
        cli_error("rules fit: %s", err.message);
    return rc == CN_OK;
}

/* Write the weights to path through a temporary file renamed into place. */
static int write_weights(const cn_model *m, const char *path, const char *gold,
                         const cn_fit_summary *s, double l2, size_t words_min, double l2_words)
{
    char *tmp;
    FILE *out = cli_rulefile_open("rules fit", path, &tmp);
    if (!out)
        return -1;
    int bad =
        fprintf(
            out,
            "# decision.rules: the weights of the decision model (analyzer/classify/cn_model.h),\n"
            "# fitted by `consensus rules fit --gold %s --l2 %g` on %zu labelled\n"
            "# answers (%ld reassuring, %ld cautionary, %ld contraindicated, %ld none).\n"
            "# One line a feature; a label's score is the sum of weight x feature.\n",
            gold, l2, s->aligned, s->counts[CN_STANCE_REASSURING], s->counts[CN_STANCE_CAUTIONARY],
            s->counts[CN_STANCE_CONTRAINDICATED], s->counts[CN_STANCE_NONE]) < 0;
    if (s->words)
        bad |=
            fprintf(out,
                    "# Word terms (--words-min %zu --l2-words %g): %zu `weight word/TERM` lines,\n"
                    "# feature 1 when the answer holds TERM (analyzer/classify/cn_lexical.h:\n"
                    "# \"!\" a negated word, \"<q>\" a word of the question, \"a+b\" a bigram).\n",
                    words_min, l2_words, s->words) < 0;
    bad |= cn_model_write(m, out) != 0;
    return cli_rulefile_close("rules fit", out, path, tmp, bad);
}

static int rules_fit(int argc, char **argv)
{
    static const struct option OPTIONS[] = {
        {"gold", required_argument, NULL, 'g'},
        {"l2", required_argument, NULL, 'l'},
        {"out", required_argument, NULL, 'o'},
        {"rules", required_argument, NULL, 'r'},
        {"words-min", required_argument, NULL, 'k'},
        {"l2-words", required_argument, NULL, 'w'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *gold_path = NULL, *rules_opt = NULL, *out_path = NULL;
    double l2 = 0.01, l2_words = -1, words_min = -1;
    int opt;
    opterr = 0;
    optind = 1;
    while ((opt = getopt_long(argc, argv, ":h", OPTIONS, NULL)) != -1) {
        char *end = NULL;
        switch (opt) {
        case 'g':
            gold_path = optarg;
            break;
        case 'l':
            l2 = strtod(optarg, &end);
            if (!end || *end || !(l2 > 0) || !isfinite(l2))
                return cli_usage_error("rules", "--l2 needs a positive number, not '%s'", optarg);
            break;
        case 'k':
            words_min = strtod(optarg, &end);
            if (!end || *end || !(words_min >= 0) || words_min > 1e6 ||
                words_min != (double)(size_t)words_min)
                return cli_usage_error("rules", "--words-min needs a whole number, not '%s'",
                                       optarg);
            break;
        case 'w':
            l2_words = strtod(optarg, &end);
            if (!end || *end || !(l2_words > 0) || !isfinite(l2_words))
                return cli_usage_error("rules", "--l2-words needs a positive number, not '%s'",
                                       optarg);
            break;
        case 'o':
            out_path = optarg;
            break;
        case 'r':
            rules_opt = optarg;
            break;
        case 'h':
            fputs(USAGE, stdout);
            return CLI_EXIT_OK;
        case ':':
            return cli_usage_error("rules", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("rules", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (!gold_path)
        return cli_usage_error("rules", "fit: --gold FILE is required");
    cn_error err;
    cn_error_clear(&err);
    cn_gold *gold = NULL;
    if (cn_gold_load(gold_path, &gold, &err) != CN_OK) {
        cli_error("rules fit: %s", err.message);
        return CLI_EXIT_USAGE;
    }
    const char *rules_dir = cli_rules_dir(rules_opt);
    cn_rules *rules = NULL;
    if (cn_rules_load(rules_dir, &rules, NULL, NULL, &err) != CN_OK) {
        cli_error("rules fit: %s (run 'consensus rules check' for details)", err.message);
        cn_gold_free(gold);
        return CLI_EXIT_USAGE;
    }
    cn_model *model = cn_rules_model(rules);
    if (words_min < 0)
        words_min = cn_rules_setting(rules, "words_min_answers");
    if (l2_words < 0)
        l2_words = cn_rules_setting(rules, "words_l2");
    fit_ctx c = {0};
    FILE *dump = NULL;
    int status = CLI_EXIT_REJECTED;
    if (cn_fit_new(gold, cn_model_features(model), &c.fit, &err) == CN_OK &&
        cn_annotator_new(rules, &c.annotator, &err) == CN_OK) {
        cn_annotator_keep_features(c.annotator, true);
        cn_fit_set_words(c.fit, (size_t)words_min, l2_words);
        if (cn_rules_setting(rules, "question_terms") != 0)
            cn_fit_set_question_terms(c.fit,
                                      (size_t)cn_rules_setting(rules, "question_terms_min_answers"),
                                      cn_rules_setting(rules, "question_terms_l2"));
        double cw[CN_STANCE_COUNT];
        for (int k = 0; k < CN_STANCE_COUNT; k++) {
            char name[64];
            snprintf(name, sizeof name, "fit_weight_%s", cn_stance_name((cn_stance)k));
            cw[k] = cn_rules_setting(rules, name);
        }
        cn_fit_set_class_weights(c.fit, cw);
        /* Hidden dev aid (tests/real/tools): the aligned feature vectors. */
        const char *dump_path = getenv("CN_FIT_DUMP");
        if (dump_path && *dump_path && !(dump = fopen(dump_path, "w")))
            cli_error("rules fit: cannot write %s: %s", dump_path, strerror(errno));
        cn_fit_set_dump(c.fit, dump);
        status = cli_read_pages("rules fit", (const char *const *)(argv + optind),
                                (size_t)(argc - optind), rules_dir, on_page, &c);
        cn_fit_summary s;
        if (status != CLI_EXIT_USAGE) {
            if (cn_fit_run(c.fit, model, l2, &s, &err) != CN_OK) {
                cli_error("rules fit: %s", err.message);
                status = CLI_EXIT_REJECTED;
            } else if (write_weights(model, out_path, gold_path, &s, l2, (size_t)words_min,
                                     l2_words) != 0) {
                status = CLI_EXIT_REJECTED;
            } else {
                fprintf(stderr,
                        "consensus: rules fit: %zu answers fitted, %zu gold lines unaligned, "
                        "training accuracy %.3f\n",
                        s.aligned, s.unaligned, s.training_accuracy);
                if (s.unaligned && status == CLI_EXIT_OK)
                    status = CLI_EXIT_REJECTED;
            }
        }
    } else {
        cli_error("rules fit: %s", err.message);
    }
    if (dump && fclose(dump) != 0)
        cli_error("rules fit: writing the feature dump failed");
    cn_annotator_free(c.annotator);
    cn_fit_free(c.fit);
    cn_rules_free(rules);
    cn_gold_free(gold);
    return status;
}

int cmd_rules(int argc, char **argv)
{
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h"))) {
        fputs(USAGE, stdout);
        return CLI_EXIT_OK;
    }
    if (argc < 2)
        return cli_usage_error("rules", "expected 'check' or 'fit'");
    if (!strcmp(argv[1], "fit"))
        return rules_fit(argc - 1, argv + 1);
    if (!strcmp(argv[1], "fit-qtype"))
        return cmd_rules_fit_qtype(argc - 1, argv + 1);
    if (strcmp(argv[1], "check"))
        return cli_usage_error("rules", "expected 'check' or 'fit', not '%s'", argv[1]);
    if (argc >= 3 && !strcmp(argv[2], "--help")) {
        fputs(USAGE, stdout);
        return CLI_EXIT_OK;
    }
    if (argc >= 3 && argv[2][0] == '-')
        return cli_usage_error("rules", "unknown option '%s'", argv[2]);
    if (argc > 3)
        return cli_usage_error("rules", "too many arguments");
    return rules_check(argc == 3 ? argv[2] : NULL);
}
