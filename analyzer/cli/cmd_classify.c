/* cmd_classify: `consensus classify`: answers with their stances, as JSON
 * Lines, or with --explain as annotated text for a person tuning the rules. */
#include "cli.h"

#include "cn_annotate.h"
#include "cn_batch.h"
#include "cn_page.h"
#include "cn_rules.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "Usage: consensus classify [--rules DIR] [--explain] [--color WHEN] [--jobs N] [PATH...]\n"
    "       consensus classify [--rules DIR] [--explain] --text TEXT [--question Q]\n"
    "       consensus classify [--rules DIR] [--explain] [--question Q] -\n"
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
    "      -              as --text, with the answer read from standard input\n"
    "                     (at most 1 MiB)\n"
    "  -j, --jobs N       classify on N threads (default: the number of cores, here\n"
    "                     %zu); the output is the same for every N, --jobs 1 uses\n"
    "                     no extra thread\n"
    "  -h, --help         this help\n"
    "\n"
    "Exit status: 0 everything read; 1 some files were rejected (named on stderr,\n"
    "the rest is classified); 2 bad usage or rules that do not load.\n";

/* At most this much answer text from standard input (`classify -`): one
 * answer to try, not a corpus. */
#define STDIN_MAX (1u << 20)

/* Standard input whole, NUL-terminated; NULL with a message when it cannot be
 * read or holds more than STDIN_MAX bytes. */
static char *read_stdin_text(void)
{
    char *buf = malloc(STDIN_MAX + 1);
    if (!buf) {
        cli_error("classify: out of memory");
        return NULL;
    }
    size_t n = fread(buf, 1, STDIN_MAX + 1, stdin);
    if (ferror(stdin) || n > STDIN_MAX) {
        cli_error("classify: -: %s", ferror(stdin) ? "cannot read standard input"
                                                   : "more than 1 MiB on standard input "
                                                     "(give pages as PATH instead)");
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    return buf;
}

typedef struct classify_ctx {
    const cn_rules *rules;
    cn_batch *batch;
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
    if (d->wait_days > 0 || d->asker_days > 0)
        printf("  wait: %.3g days advised, asker at %.3g days (0: none)\n", d->wait_days,
               d->asker_days);
    /* The learned decision's probabilities (after confidence_temperature),
     * precise enough to refit the temperature from (calibrate.py). */
    if (d->probability[d->stance] > 0)
        printf("  probabilities: reassuring %.6g, cautionary %.6g, contraindicated %.6g, none "
               "%.6g\n",
               d->probability[CN_STANCE_REASSURING], d->probability[CN_STANCE_CAUTIONARY],
               d->probability[CN_STANCE_CONTRAINDICATED], d->probability[CN_STANCE_NONE]);
    for (size_t k = 1; k < pa->answers[i].n_claims; k++)
        printf("  also: %s -> %s\n", pa->answers[i].claims[k].claim_id,
               cn_stance_name(pa->answers[i].claims[k].decision.stance));
    fputc('\n', stdout);
}

/* Print pages[0, n), annotated by the last run of the batch, then report
 * the run's failure (err, at page n) if there was one. False when the output
 * stops. */
static bool print_run(classify_ctx *c, cn_page *const *pages, size_t n, int rc, const cn_error *err)
{
    bool ok = true;
    for (size_t p = 0; ok && p < n; p++) {
        if (c->explain) {
            cn_page_annotation *pa = cn_batch_take(c->batch, p);
            for (size_t i = 0; i < pages[p]->n_answers; i++)
                explain_answer(c, pages[p], i, pa);
            cn_page_annotation_free(pa);
            continue;
        }
        size_t len = cn_batch_lines_length(c->batch, p);
        char *lines = cn_batch_take_lines(c->batch, p);
        ok = lines && fwrite(lines, 1, len, stdout) == len;
        free(lines);
        if (!ok)
            cli_error("classify: cannot write the output");
    }
    if (ok && rc != CN_OK) {
        cli_error("classify: %s: %s", pages[n]->file, err->message);
        ok = false;
    }
    return ok;
}

/* Read up to cap pages into pages[]; *n gets how many. */
static void read_run(cli_pages *in, cn_page **pages, size_t cap, size_t *n)
{
    for (*n = 0; *n < cap && (pages[*n] = cli_pages_next(in)) != NULL; (*n)++)
        ;
}

static void free_run(cn_page **pages, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cn_page_free(pages[i]);
}

/* Classify and print every page in reading order: runs of pages read in
 * turn, each annotated by the batch's workers while the next run is read
 * (with one job, page by page: read, classify, print). */
static int classify_pages(classify_ctx *c, cli_pages *in)
{
    size_t jobs = cn_batch_jobs(c->batch);
    size_t cap = jobs == 1 ? 1 : CN_BATCH_PAGES_PER_JOB * jobs;
    cn_page **cur = calloc(cap, sizeof *cur), **next = calloc(cap, sizeof *next);
    if (!cur || !next) {
        free(cur);
        free(next);
        cli_error("classify: out of memory");
        return CLI_EXIT_REJECTED;
    }
    size_t n_cur = 0, n_next = 0;
    read_run(in, cur, cap, &n_cur);
    bool ok = true;
    cn_error err;
    while (ok && n_cur > 0) {
        cn_error_clear(&err);
        size_t n_done = 0;
        if (cn_batch_start(c->batch, cur, n_cur, &err) != CN_OK) {
            cli_error("classify: %s", err.message);
            ok = false;
        } else {
            if (jobs > 1) /* while the workers classify this run */
                read_run(in, next, cap, &n_next);
            int rc = cn_batch_wait(c->batch, &n_done, &err);
            ok = print_run(c, cur, n_done, rc, &err);
        }
        free_run(cur, n_cur);
        if (ok && jobs == 1)
            read_run(in, next, cap, &n_next);
        cn_page **t = cur;
        cur = next;
        next = t;
        n_cur = n_next;
        n_next = 0;
    }
    free_run(cur, n_cur);
    free(cur);
    free(next);
    return ok ? CLI_EXIT_OK : CLI_EXIT_REJECTED;
}

int cmd_classify(int argc, char **argv)
{
    static const struct option OPTIONS[] = {
        {"rules", required_argument, NULL, 'r'},    {"explain", no_argument, NULL, 'e'},
        {"color", required_argument, NULL, 'c'},    {"text", required_argument, NULL, 't'},
        {"question", required_argument, NULL, 'q'}, {"jobs", required_argument, NULL, 'j'},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0},
    };
    const char *rules_opt = NULL, *color = "auto", *text = NULL, *question = NULL;
    classify_ctx c = {0};
    size_t jobs = cli_default_jobs();
    int opt;
    opterr = 0;
    optind = 1;
    while ((opt = getopt_long(argc, argv, ":j:h", OPTIONS, NULL)) != -1) {
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
        case 'j':
            if (cli_parse_jobs("classify", optarg, &jobs) != CLI_EXIT_OK)
                return CLI_EXIT_USAGE;
            break;
        case 'h':
            printf(USAGE, cli_default_jobs());
            return CLI_EXIT_OK;
        case ':':
            return cli_usage_error("classify", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("classify", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (strcmp(color, "auto") && strcmp(color, "always") && strcmp(color, "never"))
        return cli_usage_error("classify", "--color takes auto, always or never");
    bool from_stdin = !text && optind == argc - 1 && !strcmp(argv[optind], "-");
    if (question && !text && !from_stdin)
        return cli_usage_error("classify", "--question goes with --text or -");
    if (text && optind < argc)
        return cli_usage_error("classify", "--text replaces PATH: give one or the other");
    char *stdin_text = NULL;
    if (from_stdin) {
        if (!(stdin_text = read_stdin_text()))
            return CLI_EXIT_REJECTED;
        text = stdin_text;
    }
    c.color = !strcmp(color, "always") || (!strcmp(color, "auto") && cli_stdout_is_tty());
    const char *rules_dir = cli_rules_dir(rules_opt);
    cn_rules *rules = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_rules_load(rules_dir, &rules, rules_diag, NULL, &err) != CN_OK) {
        cli_error("classify: %s", err.message);
        free(stdin_text);
        return CLI_EXIT_USAGE;
    }
    c.rules = rules;
    if (cn_batch_new(rules, text ? 1 : jobs, &c.batch, &err) != CN_OK) {
        cn_rules_free(rules);
        cli_error("classify: %s", err.message);
        free(stdin_text);
        return CLI_EXIT_REJECTED;
    }
    cn_batch_render_lines(c.batch, !c.explain);
    int status;
    if (text) {
        /* One answer on a page of its own, from the command line or stdin. */
        cn_answer answer = {.index = 1, .text = (char *)text};
        cn_page page = {.file = from_stdin ? "(stdin)" : "(--text)",
                        .question = (char *)question,
                        .answers = &answer,
                        .n_answers = 1,
                        .declared_answers = -1};
        cn_page *pages[] = {&page};
        size_t n_done = 0;
        bool ok = cn_batch_start(c.batch, pages, 1, &err) == CN_OK;
        if (ok) {
            int rc = cn_batch_wait(c.batch, &n_done, &err);
            ok = print_run(&c, pages, n_done, rc, &err);
        } else {
            cli_error("classify: %s", err.message);
        }
        status = ok ? CLI_EXIT_OK : CLI_EXIT_REJECTED;
    } else {
        cli_pages *in = NULL;
        status = cli_pages_open("classify", (const char *const *)(argv + optind),
                                (size_t)(argc - optind), rules_dir, &in);
        if (status == CLI_EXIT_OK) {
            status = classify_pages(&c, in);
            int read_status = cli_pages_close(in);
            if (status == CLI_EXIT_OK)
                status = read_status;
        }
    }
    if (fflush(stdout) != 0 && status == CLI_EXIT_OK) {
        cli_error("classify: cannot write the output");
        status = CLI_EXIT_REJECTED;
    }
    cn_batch_free(c.batch);
    cn_rules_free(rules);
    free(stdin_text);
    return status;
}
