/* cmd_classify: `consensus classify`: answers with their stances, as JSON
 * Lines, or with --explain as annotated text for a person tuning the rules. */
#include "cli.h"

#include "cn_annotate.h"
#include "cn_page.h"
#include "cn_rules.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "Usage: consensus classify [--rules DIR] [--explain] [--color WHEN] [PATH...]\n"
    "       consensus classify [--rules DIR] [--explain] --text TEXT [--question Q]\n"
    "\n"
    "Reads physician Q&A pages and prints every answer as one JSON object a line:\n"
    "the fields of `consensus parse` plus stance (toward the question's primary\n"
    "claim), confidence (0..1), claim, conflicting, scores, reason and claims\n"
    "[{claim, statement, primary, stance, confidence, evidence [{rule, kind, field,\n"
    "start, end, match, ...}]}]. Evidence spans are byte offsets into the answer's\n"
    "title or text (field).\n"
    "\n"
    "PATH is a file or a folder (read recursively, in name order); default corpus/.\n"
    "\n"
    "Options:\n"
    "      --rules DIR    rule folder (default: $CONSENSUS_RULES, else ./rules,\n"
    "                     else the installed set)\n"
    "      --explain      print each answer with its matched cues marked and the\n"
    "                     path to its decision, instead of JSON\n"
    "      --color WHEN   auto (default: on a terminal), always or never\n"
    "      --text TEXT    classify TEXT as one answer (to try a sentence or a rule\n"
    "                     change) instead of reading pages; --question Q gives the\n"
    "                     question it answers (its type and flags matter)\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: 0 everything read; 1 some files were rejected (named on stderr,\n"
    "the rest is classified); 2 bad usage or rules that do not load.\n";

typedef struct classify_ctx {
    const cn_rules *rules;
    cn_annotator *annotator;
    bool explain;
    bool color;
} classify_ctx;

static void rules_diag(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "%s\n", message);
}

static const char *stance_color(cn_stance s)
{
    switch (s) {
    case CN_STANCE_REASSURING:
        return "\033[1;34m"; /* blue: not red/green alone */
    case CN_STANCE_CAUTIONARY:
        return "\033[1;33m";
    case CN_STANCE_CONTRAINDICATED:
        return "\033[1;35m";
    default:
        return "\033[2m";
    }
}

/* Print src with every evidence span of `field` marked [[...]] (or colored). */
static void print_marked(const classify_ctx *c, const char *src, const cn_decision *d,
                         bool in_title)
{
    size_t len = strlen(src), pos = 0;
    for (size_t i = 0; i < d->n_evidence; i++) {
        const cn_evidence *e = &d->evidence[i];
        if (e->in_title != in_title || e->start < pos || e->end > len)
            continue;
        fwrite(src + pos, 1, e->start - pos, stdout);
        bool cue = e->rule->kind == CN_RULE_CUE;
        if (c->color)
            fputs(cue ? stance_color(e->stance) : "\033[4m", stdout);
        else
            fputs(cue ? "[[" : "<<", stdout);
        fwrite(src + e->start, 1, e->end - e->start, stdout);
        if (c->color)
            fputs("\033[0m", stdout);
        else
            fputs(cue ? "]]" : ">>", stdout);
        pos = e->end;
    }
    fputs(src + pos, stdout);
}

static void explain_answer(const classify_ctx *c, const cn_page *page, size_t i,
                           const cn_page_annotation *pa)
{
    const cn_answer *a = &page->answers[i];
    const cn_decision *d = &pa->answers[i].claims[0].decision;
    printf("== %s #%zu  %s%s%s  (confidence %.2f%s)\n", page->file, a->index,
           c->color ? stance_color(d->stance) : "", cn_stance_name(d->stance),
           c->color ? "\033[0m" : "", d->confidence, d->conflicting ? ", conflicting" : "");
    printf("claim: %s  %s\n", pa->primary->id, pa->primary->statement);
    if (a->title) {
        fputs("title: ", stdout);
        print_marked(c, a->title, d, true);
        fputc('\n', stdout);
    }
    print_marked(c, a->text ? a->text : "", d, false);
    fputc('\n', stdout);
    for (size_t k = 0; k < d->n_evidence; k++) {
        const cn_evidence *e = &d->evidence[k];
        const char *src = e->in_title ? a->title : a->text;
        printf("  %-12s %-18s \"%.*s\"", cn_rule_kind_name(e->rule->kind), e->rule->id,
               (int)(e->end - e->start), src ? src + e->start : "");
        if (e->rule->kind == CN_RULE_CUE) {
            printf(" -> %s %.2f", cn_stance_name(e->stance), e->weight);
            if (e->flags & CN_EV_NEGATED)
                fputs(" negated", stdout);
            if (e->flags & CN_EV_HEDGED)
                fputs(" hedged", stdout);
            if (e->flags & CN_EV_SHIFTED)
                fputs(" shifted", stdout);
            if (e->flags & CN_EV_INTENSIFIED)
                fputs(" intensified", stdout);
            if (e->flags & CN_EV_CONTRAST_BEFORE)
                fputs(" before-contrast", stdout);
            if (e->flags & CN_EV_CONTRAST_AFTER)
                fputs(" after-contrast", stdout);
            if (e->flags & CN_EV_EXPERIENCE)
                fputs(" experience", stdout);
            if (e->flags & CN_EV_HYPOTHETICAL)
                fputs(" hypothetical", stdout);
            if (e->flags & CN_EV_BOILERPLATE)
                fputs(" boilerplate", stdout);
            if (e->flags & CN_EV_LAST_SENTENCE)
                fputs(" bottom-line", stdout);
        }
        fputc('\n', stdout);
    }
    printf("  scores: reassuring %.2f, cautionary %.2f, contraindicated %.2f -> %s: %s\n",
           d->scores[CN_STANCE_REASSURING], d->scores[CN_STANCE_CAUTIONARY],
           d->scores[CN_STANCE_CONTRAINDICATED], cn_stance_name(d->stance), d->reason);
    for (size_t k = 1; k < pa->answers[i].n_claims; k++)
        printf("  also: %s -> %s\n", pa->answers[i].claims[k].claim_id,
               cn_stance_name(pa->answers[i].claims[k].decision.stance));
    fputc('\n', stdout);
}

static bool on_page(void *ctx, cn_page *page)
{
    classify_ctx *c = ctx;
    cn_page_annotation *pa = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_annotator_page(c->annotator, page, &pa, &err) != CN_OK) {
        cli_error("classify: %s: %s", page->file, err.message);
        return false;
    }
    bool ok = true;
    for (size_t i = 0; ok && i < page->n_answers; i++) {
        if (c->explain) {
            explain_answer(c, page, i, pa);
            continue;
        }
        cJSON *o = cn_annotation_answer_json(page, i, pa);
        char *line = o ? cJSON_PrintUnformatted(o) : NULL;
        ok = line && fputs(line, stdout) >= 0 && putchar('\n') != EOF;
        cJSON_free(line);
        cJSON_Delete(o);
        if (!ok)
            cli_error("classify: cannot write the output");
    }
    cn_page_annotation_free(pa);
    return ok;
}

int cmd_classify(int argc, char **argv)
{
    static const struct option OPTIONS[] = {
        {"rules", required_argument, NULL, 'r'},
        {"explain", no_argument, NULL, 'e'},
        {"color", required_argument, NULL, 'c'},
        {"text", required_argument, NULL, 't'},
        {"question", required_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *rules_opt = NULL, *color = "auto", *text = NULL, *question = NULL;
    classify_ctx c = {0};
    int opt;
    opterr = 0;
    optind = 1;
    while ((opt = getopt_long(argc, argv, ":h", OPTIONS, NULL)) != -1) {
        switch (opt) {
        case 'r':
            rules_opt = optarg;
            break;
        case 'e':
            c.explain = true;
            break;
        case 'c':
            color = optarg;
            break;
        case 't':
            text = optarg;
            break;
        case 'q':
            question = optarg;
            break;
        case 'h':
            fputs(USAGE, stdout);
            return CLI_EXIT_OK;
        case ':':
            return cli_usage_error("classify", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("classify", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (strcmp(color, "auto") && strcmp(color, "always") && strcmp(color, "never"))
        return cli_usage_error("classify", "--color takes auto, always or never");
    if (question && !text)
        return cli_usage_error("classify", "--question goes with --text");
    if (text && optind < argc)
        return cli_usage_error("classify", "--text replaces PATH: give one or the other");
    c.color = !strcmp(color, "always") || (!strcmp(color, "auto") && cli_stdout_is_tty());
    const char *rules_dir = cli_rules_dir(rules_opt);
    cn_rules *rules = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_rules_load(rules_dir, &rules, rules_diag, NULL, &err) != CN_OK) {
        cli_error("classify: %s", err.message);
        return CLI_EXIT_USAGE;
    }
    c.rules = rules;
    if (cn_annotator_new(rules, &c.annotator, &err) != CN_OK) {
        cn_rules_free(rules);
        cli_error("classify: %s", err.message);
        return CLI_EXIT_REJECTED;
    }
    int status;
    if (text) {
        /* One answer on a page of its own, read from the command line. */
        cn_answer answer = {.index = 1, .text = (char *)text};
        cn_page page = {.file = "(--text)",
                        .question = (char *)question,
                        .answers = &answer,
                        .n_answers = 1,
                        .declared_answers = -1};
        status = on_page(&c, &page) ? CLI_EXIT_OK : CLI_EXIT_REJECTED;
    } else {
        status = cli_read_pages("classify", (const char *const *)(argv + optind),
                                (size_t)(argc - optind), rules_dir, on_page, &c);
    }
    if (fflush(stdout) != 0 && status == CLI_EXIT_OK) {
        cli_error("classify: cannot write the output");
        status = CLI_EXIT_REJECTED;
    }
    cn_annotator_free(c.annotator);
    cn_rules_free(rules);
    return status;
}
