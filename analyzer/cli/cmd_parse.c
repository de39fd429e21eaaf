/* cmd_parse: `consensus parse [PATH...]`: the corpus as JSON Lines, one answer a line. */
#include "cli.h"

#include "cn_answer_json.h"
#include "cn_pagecues.h"
#include "cn_reader.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static const char USAGE[] =
    "Usage: consensus parse [--rules DIR] [PATH...]\n"
    "\n"
    "Reads physician Q&A pages and prints every answer as one JSON object a line,\n"
    "with no stance: file, index, answer_id, question_id, question, duplicate_of,\n"
    "title, text, physician {name, city, specialty, rating, reviews}, excerpt,\n"
    "related, truncated, format, declared_answers, url, line.\n"
    "\n"
    "PATH is a file or a folder (read recursively, in name order); default corpus/.\n"
    "Each file's shape is detected: structured page text, flat page text (one\n"
    "answer a line), or JSON Lines (one page a line). Answers seen before carry\n"
    "duplicate_of; pages that share answers share a question_id.\n"
    "\n"
    "Options:\n"
    "      --rules DIR   rule folder with specialties.txt and page-cues.txt\n"
    "                    (default: $CONSENSUS_RULES, else ./rules, else the installed set)\n"
    "  -h, --help        this help\n"
    "\n"
    "Exit status: 0 everything read; 1 some files or lines were rejected (each named\n"
    "on stderr with its reason; the rest is still printed); 2 bad usage (unknown\n"
    "option, a path that does not exist, a rule folder that cannot be loaded).\n";

/* Print every answer of page; false when stdout fails or memory runs out. */
static bool print_page(const cn_page *page)
{
    for (size_t i = 0; i < page->n_answers; i++) {
        char *line = cn_answer_json_line(page, i);
        if (!line) {
            cli_error("parse: out of memory");
            return false;
        }
        bool ok = fputs(line, stdout) >= 0 && putchar('\n') != EOF;
        cJSON_free(line);
        if (!ok) {
            cli_error("parse: cannot write the output");
            return false;
        }
    }
    return true;
}

static int run(cn_reader *reader)
{
    for (;;) {
        cn_page *page = NULL;
        cn_error err;
        cn_error_clear(&err);
        int rc = cn_reader_next(reader, &page, &err);
        if (rc == CN_ERR_NOMEM) {
            cli_error("parse: %s", err.message);
            return CLI_EXIT_REJECTED;
        }
        if (rc) {
            cli_error("parse: skipped %s", err.message);
            continue;
        }
        if (!page)
            break;
        bool ok = print_page(page);
        cn_page_free(page);
        if (!ok)
            return CLI_EXIT_REJECTED;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("parse: cannot write the output");
        return CLI_EXIT_REJECTED;
    }
    size_t skipped = cn_reader_skipped_count(reader);
    if (skipped > 0) {
        cli_error("parse: %zu input%s skipped", skipped, skipped == 1 ? "" : "s");
        return CLI_EXIT_REJECTED;
    }
    return CLI_EXIT_OK;
}

int cmd_parse(int argc, char **argv)
{
    static const struct option OPTIONS[] = {
        {"rules", required_argument, NULL, 'r'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0},
    };
    const char *rules_opt = NULL;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", OPTIONS, NULL)) != -1) {
        switch (c) {
        case 'r':
            rules_opt = optarg;
            break;
        case 'h':
            fputs(USAGE, stdout);
            return CLI_EXIT_OK;
        case ':':
            return cli_usage_error("parse", "option '%s' needs an argument", argv[optind - 1]);
        default:
            return cli_usage_error("parse", "unknown option '%s'", argv[optind - 1]);
        }
    }
    static const char *const DEFAULT_PATHS[] = {"corpus/"};
    const char *const *paths = DEFAULT_PATHS;
    size_t n_paths = 1;
    if (optind < argc) {
        paths = (const char *const *)(argv + optind);
        n_paths = (size_t)(argc - optind);
    }
    cn_error err;
    cn_error_clear(&err);
    cn_pagecues *cues = NULL;
    if (cn_pagecues_load(cli_rules_dir(rules_opt), &cues, &err) != CN_OK) {
        cli_error("parse: %s", err.message);
        return CLI_EXIT_USAGE;
    }
    cn_reader *reader = NULL;
    int rc = cn_reader_new(paths, n_paths, cues, &reader, &err);
    if (rc != CN_OK) {
        cn_pagecues_free(cues);
        if (rc == CN_ERR_USAGE)
            return cli_usage_error("parse", "%s", err.message);
        cli_error("parse: %s", err.message);
        return CLI_EXIT_REJECTED;
    }
    int status = run(reader);
    cn_reader_free(reader);
    cn_pagecues_free(cues);
    return status;
}
