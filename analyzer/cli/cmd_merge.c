/*
 * cmd_merge: `consensus merge PARTIAL... --out DIR`: the reports of one
 * `analyze` run over all the shards' inputs (in the order the partials are
 * given), from the partial files of `analyze --partial` (cn_merge).
 */
#include "cli.h"

#include "cn_analysis.h"
#include "cn_analysis_settings.h"
#include "cn_merge.h"
#include "cn_overrides.h"
#include "cn_pagecues.h"
#include "cn_report_html.h"
#include "cn_rules.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const char USAGE[] =
    "Usage: consensus merge PARTIAL... [--out DIR] [--rules DIR] [--overrides FILE]\n"
    "                       [--no-html] [--quiet]\n"
    "\n"
    "Writes the reports of a run spread over shards: each PARTIAL is the file of one\n"
    "`consensus analyze --partial PARTIAL PATH...`; the reports (report.json,\n"
    "report.xml, report.html, answers.jsonl, answers.csv) are byte for byte those of\n"
    "one `consensus analyze` over all the shards' PATHs in the order the partials are\n"
    "given here, with the same rules and seed. Answers repeated across shards are\n"
    "found again here; a page whose question another shard saw first is classified\n"
    "again against it. Every partial must come from the same rule set, seed and\n"
    "consensus version, or nothing is written.\n"
    "\n"
    "Options:\n"
    "      --rules DIR   the shards' rule folder (default: $CONSENSUS_RULES, else\n"
    "                    ./rules, else the installed set): its SHA-256 must be the\n"
    "                    partials'\n"
    "  -o, --out DIR     output folder, created when missing (default reports/out/)\n"
    "      --overrides FILE\n"
    "                    editors' stances, as for analyze\n"
    "      --no-html     skip report.html\n"
    "  -q, --quiet       no closing summary\n"
    "  -h, --help        this help\n"
    "\n"
    "Exit status: 0 success; 1 the shards rejected some input (named in the\n"
    "reports), an override matched no answer, or the reports could not be written;\n"
    "2 bad usage, or a partial that cannot be merged (unreadable, cut off, a bad\n"
    "line: FILE:LINE and why; other rules, seed or version): nothing is written then.\n";

typedef struct merge_args {
    const char *rules_opt;
    const char *out_dir;
    const char *overrides_path;
    bool no_html, quiet;
    char *const *partials;
    size_t n_partials;
} merge_args;

static void rules_diag(void *ctx, const char *message)
{
    (void)ctx;
    cli_error("rules: %s", message);
}

/* Read every partial, then analyze and write the reports. */
static int run(const merge_args *a)
{
    cn_error err;
    cn_error_clear(&err);
    const char *rules_dir = cli_rules_dir(a->rules_opt);
    cn_rules *rules = NULL;
    cn_pagecues *cues = NULL;
    cn_report_html *html = NULL;
    cn_overrides *overrides = NULL;
    cn_merge *merge = NULL;
    cn_analysis *an = NULL;
    int exit_code = CLI_EXIT_USAGE;
    if (cn_rules_load(rules_dir, &rules, rules_diag, NULL, &err) != CN_OK ||
        cn_pagecues_load(rules_dir, &cues, &err) != CN_OK ||
        (!a->no_html && cli_load_stylesheet(rules_dir, &html, &err) != CN_OK) ||
        (a->overrides_path && cn_overrides_load(a->overrides_path, &overrides, &err) != CN_OK) ||
        cn_merge_new(rules, cues, &merge, &err) != CN_OK) {
        cli_error("merge: %s", err.message);
        goto done;
    }
    for (size_t i = 0; i < a->n_partials; i++)
        if (cn_merge_add(merge, a->partials[i], &err) != CN_OK) {
            cli_error("merge: %s", err.message);
            exit_code = err.code == CN_ERR_NOMEM ? CLI_EXIT_REJECTED : CLI_EXIT_USAGE;
            goto done;
        }
    exit_code = CLI_EXIT_REJECTED;
    cn_analysis_opts opts;
    cn_analysis_opts_init(&opts);
    cn_analysis_opts_from_rules(&opts, rules);
    opts.seed = cn_merge_seed(merge);
    opts.overrides = overrides;
    opts.jobs = 1; /* the shards classified; nothing here needs threads */
    char spill_dir[4096];
    opts.spill_dir = cli_spill_dir(a->out_dir, spill_dir, sizeof spill_dir);
    an = cn_analysis_new(rules, &opts);
    if (!an) {
        cli_error("merge: out of memory");
        goto done;
    }
    if (cn_merge_into(merge, an, &err) != CN_OK || cn_analysis_finish(an, &err) != CN_OK) {
        cli_error("merge: %s", err.message);
        goto done;
    }
    exit_code = cli_write_analysis("merge", cn_analysis_result_get(an), html, a->out_dir,
                                   a->overrides_path, a->quiet, false);
    if (!a->quiet)
        printf("consensus: merged %zu partial%s, %zu pages (%zu classified again)\n", a->n_partials,
               a->n_partials == 1 ? "" : "s", cn_merge_pages(merge), cn_merge_reclassified(merge));
done:
    cn_analysis_free(an); /* before the merge: it borrows from it */
    cn_merge_free(merge);
    cn_overrides_free(overrides);
    cn_report_html_free(html);
    cn_pagecues_free(cues);
    cn_rules_free(rules);
    return exit_code;
}

int cmd_merge(int argc, char **argv)
{
    static const struct option OPTIONS[] = {
        {"rules", required_argument, NULL, 'r'},
        {"out", required_argument, NULL, 'o'},
        {"overrides", required_argument, NULL, 'O'},
        {"no-html", no_argument, NULL, 'N'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    merge_args a = {.out_dir = "reports/out"};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:qh", OPTIONS, NULL)) != -1) {
        switch (c) {
        case 'r':
            a.rules_opt = optarg;
            break;
        case 'o':
            if (!*optarg)
                return cli_usage_error("merge", "--out needs a folder");
            a.out_dir = optarg;
            break;
        case 'O':
            if (!*optarg)
                return cli_usage_error("merge", "--overrides needs a file");
            a.overrides_path = optarg;
            break;
        case 'N':
            a.no_html = true;
            break;
        case 'q':
            a.quiet = true;
            break;
        case 'h':
            fputs(USAGE, stdout);
            return CLI_EXIT_OK;
        case ':':
            return cli_usage_error("merge", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("merge", "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind >= argc)
        return cli_usage_error("merge", "no partial files given");
    a.partials = argv + optind;
    a.n_partials = (size_t)(argc - optind);
    return run(&a);
}
