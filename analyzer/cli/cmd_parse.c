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

/* Lines are written this many bytes at a time: stdout's own buffer is one
 * page of memory, a write call every 4 KiB. */
#define OUT_CHUNK ((size_t)1 << 18)

/* Write the lines held in b and empty it (also when the write fails, so a
 * failure is told once); false when stdout fails. */
static bool flush_lines(cn_jsonbuf *b)
{
    bool ok = b->len == 0 || fwrite(b->s, 1, b->len, stdout) == b->len;
    if (!ok)
        cli_error("parse: cannot write the output");
    cn_jsonbuf_reset(b);
    return ok;
}

/* Add every answer of page to the lines in ctx, written once they reach
 * OUT_CHUNK bytes; false when stdout fails or memory runs out. */
static bool on_page(void *ctx, cn_page *page)
{
    cn_jsonbuf *b = ctx;
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
    return b->len < OUT_CHUNK || flush_lines(b);
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
    cn_jsonbuf lines = {0}; /* lines not written yet, its memory kept */
    int status = cli_read_pages("parse", (const char *const *)(argv + optind),
                                (size_t)(argc - optind), cli_rules_dir(rules_opt), on_page, &lines);
    if (!lines.failed && !flush_lines(&lines) && status == CLI_EXIT_OK)
        status = CLI_EXIT_REJECTED;
    cn_jsonbuf_clear(&lines);
    if ((fflush(stdout) != 0 || ferror(stdout)) && status == CLI_EXIT_OK) {
        cli_error("parse: cannot write the output");
        status = CLI_EXIT_REJECTED;
    }
    return status;
}
