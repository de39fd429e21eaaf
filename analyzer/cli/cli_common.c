/* cli_common: rules-folder resolution and error printing shared by subcommands. */
#include "cli.h"

#include "cn_config.h"
#include "cn_page.h"
#include "cn_pagecues.h"
#include "cn_reader.h"

#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

const char *cli_rules_dir(const char *option)
{
    if (option && *option)
        return option;
    const char *env = getenv("CONSENSUS_RULES");
    if (env && *env)
        return env;
    struct stat st;
    if (stat("rules/claims.rules", &st) == 0)
        return "rules";
    return cn_default_rules_dir();
}

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("consensus: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("consensus: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    if (cmd && *cmd)
        fprintf(stderr, "Try 'consensus %s --help'.\n", cmd);
    else
        fprintf(stderr, "Try 'consensus --help'.\n");
    return CLI_EXIT_USAGE;
}

bool cli_stderr_is_tty(void)
{
    return isatty(STDERR_FILENO);
}

bool cli_stdout_is_tty(void)
{
    return isatty(STDOUT_FILENO);
}

int cli_read_pages(const char *cmd, const char *const *paths, size_t n_paths, const char *rules_dir,
                   cli_page_fn fn, void *ctx)
{
    static const char *const DEFAULT_PATHS[] = {"corpus/"};
    if (n_paths == 0) {
        paths = DEFAULT_PATHS;
        n_paths = 1;
    }
    cn_error err;
    cn_error_clear(&err);
    cn_pagecues *cues = NULL;
    if (cn_pagecues_load(rules_dir, &cues, &err) != CN_OK) {
        cli_error("%s: %s", cmd, err.message);
        return CLI_EXIT_USAGE;
    }
    cn_reader *reader = NULL;
    int rc = cn_reader_new(paths, n_paths, cues, &reader, &err);
    if (rc != CN_OK) {
        cn_pagecues_free(cues);
        if (rc == CN_ERR_USAGE)
            return cli_usage_error(cmd, "%s", err.message);
        cli_error("%s: %s", cmd, err.message);
        return CLI_EXIT_REJECTED;
    }
    int status = CLI_EXIT_OK;
    for (;;) {
        cn_page *page = NULL;
        cn_error_clear(&err);
        rc = cn_reader_next(reader, &page, &err);
        if (rc == CN_ERR_NOMEM) {
            cli_error("%s: %s", cmd, err.message);
            status = CLI_EXIT_REJECTED;
            break;
        }
        if (rc) {
            cli_error("%s: skipped %s", cmd, err.message);
            continue;
        }
        if (!page)
            break;
        bool ok = fn(ctx, page);
        cn_page_free(page);
        if (!ok) {
            status = CLI_EXIT_REJECTED;
            break;
        }
    }
    size_t skipped = cn_reader_skipped_count(reader);
    if (skipped > 0) {
        cli_error("%s: %zu input%s skipped", cmd, skipped, skipped == 1 ? "" : "s");
        status = CLI_EXIT_REJECTED;
    }
    cn_reader_free(reader);
    cn_pagecues_free(cues);
    return status;
}
