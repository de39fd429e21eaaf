/* cmd_parse: `consensus parse [PATH...]`: the corpus as JSON Lines, one answer a line. */
#include "cli.h"

#include "cn_answer_json.h"
#include "cn_page.h"

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

/* Print every answer of page, one write per page; false when stdout fails
 * or memory runs out. */
static bool on_page(void *ctx, cn_page *page)
{
    cn_jsonbuf *b = ctx;
    cn_jsonbuf_reset(b);
    for (size_t i = 0; i < page->n_answers; i++) {
        cn_answer_json_fields(b, page, i);
        cn_jsonbuf_close_object(b);
        cn_jsonbuf_raw(b, "\n", 1);
        cn_jsonbuf_reset_level(b);
    }
    if (b->failed) {
        cli_error("parse: out of memory");
        return false;
    }
    if (b->len && fwrite(b->s, 1, b->len, stdout) != b->len) {
        cli_error("parse: cannot write the output");
        return false;
    }
    return true;
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
    /* A page's lines are one fwrite; a larger stdout buffer than the default
     * (a page of memory when stdout is a file or pipe) makes them a write
     * call every 256 KiB instead of every 4 KiB. */
    if (!cli_stdout_is_tty())
        setvbuf(stdout, NULL, _IOFBF, (size_t)1 << 18);
    cn_jsonbuf lines = {0}; /* one page's lines, its memory kept from page to page */
    int status = cli_read_pages("parse", (const char *const *)(argv + optind),
                                (size_t)(argc - optind), cli_rules_dir(rules_opt), on_page, &lines);
    cn_jsonbuf_clear(&lines);
    if ((fflush(stdout) != 0 || ferror(stdout)) && status == CLI_EXIT_OK) {
        cli_error("parse: cannot write the output");
        status = CLI_EXIT_REJECTED;
    }
    return status;
}
