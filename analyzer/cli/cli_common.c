/* cli_common: rules-folder resolution, page reading, --jobs and error printing shared by
 * subcommands. */
#include "cli.h"

#include "cn_batch.h"
#include "cn_config.h"
#include "cn_page.h"
#include "cn_pagecues.h"
#include "cn_reader.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
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

int cli_parse_jobs(const char *cmd, const char *arg, size_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long v = arg && *arg >= '0' && *arg <= '9' ? strtoull(arg, &end, 10) : 0;
    if (!end || *end || errno || v < 1 || v > CN_BATCH_MAX_JOBS)
        return cli_usage_error(cmd, "--jobs needs a whole number of threads from 1 to %d, not '%s'",
                               CN_BATCH_MAX_JOBS, arg ? arg : "");
    *out = (size_t)v;
    return CLI_EXIT_OK;
}

size_t cli_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > CN_BATCH_MAX_JOBS ? CN_BATCH_MAX_JOBS : (size_t)n;
}

struct cli_pages {
    const char *cmd;
    cn_pagecues *cues;
    cn_reader *reader;
    bool failed; /* reading stopped on an error (out of memory) */
};

int cli_pages_open(const char *cmd, const char *const *paths, size_t n_paths, const char *rules_dir,
                   cli_pages **out)
{
    static const char *const DEFAULT_PATHS[] = {"corpus/"};
    if (n_paths == 0) {
        paths = DEFAULT_PATHS;
        n_paths = 1;
    }
    *out = NULL;
    cli_pages *in = calloc(1, sizeof *in);
    if (!in) {
        cli_error("%s: out of memory", cmd);
        return CLI_EXIT_REJECTED;
    }
    in->cmd = cmd;
    cn_error err;
    cn_error_clear(&err);
    if (cn_pagecues_load(rules_dir, &in->cues, &err) != CN_OK) {
        cli_error("%s: %s", cmd, err.message);
        free(in);
        return CLI_EXIT_USAGE;
    }
    int rc = cn_reader_new(paths, n_paths, in->cues, &in->reader, &err);
    if (rc != CN_OK) {
        cn_pagecues_free(in->cues);
        free(in);
        if (rc == CN_ERR_USAGE)
            return cli_usage_error(cmd, "%s", err.message);
        cli_error("%s: %s", cmd, err.message);
        return CLI_EXIT_REJECTED;
    }
    *out = in;
    return CLI_EXIT_OK;
}

struct cn_page *cli_pages_next(cli_pages *in)
{
    while (!in->failed) {
        cn_page *page = NULL;
        cn_error err;
        cn_error_clear(&err);
        int rc = cn_reader_next(in->reader, &page, &err);
        if (rc == CN_ERR_NOMEM || cn_reader_failed(in->reader)) {
            cli_error("%s: %s", in->cmd, err.message);
            in->failed = true;
        } else if (rc) {
            cli_error("%s: skipped %s", in->cmd, err.message);
        } else {
            return page;
        }
    }
    return NULL;
}

int cli_pages_close(cli_pages *in)
{
    if (!in)
        return CLI_EXIT_OK;
    int status = in->failed ? CLI_EXIT_REJECTED : CLI_EXIT_OK;
    size_t skipped = cn_reader_skipped_count(in->reader);
    if (skipped > 0) {
        cli_error("%s: %zu input%s skipped", in->cmd, skipped, skipped == 1 ? "" : "s");
        status = CLI_EXIT_REJECTED;
    }
    cn_reader_free(in->reader);
    cn_pagecues_free(in->cues);
    free(in);
    return status;
}

int cli_read_pages(const char *cmd, const char *const *paths, size_t n_paths, const char *rules_dir,
                   cli_page_fn fn, void *ctx)
{
    cli_pages *in = NULL;
    int status = cli_pages_open(cmd, paths, n_paths, rules_dir, &in);
    if (status != CLI_EXIT_OK)
        return status;
    bool stopped = false;
    cn_page *page;
    while (!stopped && (page = cli_pages_next(in)) != NULL) {
        stopped = !fn(ctx, page);
        cn_page_free(page);
    }
    status = cli_pages_close(in);
    return stopped ? CLI_EXIT_REJECTED : status;
}

const char *cli_spill_dir(const char *out_dir, char *buf, size_t size)
{
    const char *tmp = getenv("TMPDIR");
    if ((tmp && *tmp) || !out_dir || snprintf(buf, size, "%s", out_dir) >= (int)size)
        return NULL;
    size_t n = strlen(buf);
    while (n > 1 && buf[n - 1] == '/') /* "out/" is "out" */
        buf[--n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        snprintf(buf, size, ".");
    else if (slash == buf)
        buf[1] = '\0'; /* "/out": the root */
    else
        *slash = '\0';
    struct stat st;
    return stat(buf, &st) == 0 && S_ISDIR(st.st_mode) ? buf : NULL;
}

FILE *cli_rulefile_open(const char *cmd, const char *path, char **tmp)
{
    *tmp = NULL;
    if (!path)
        return stdout;
    size_t n = strlen(path) + 16;
    if (!(*tmp = malloc(n))) {
        cli_error("%s: out of memory", cmd);
        return NULL;
    }
    snprintf(*tmp, n, "%s.tmp", path);
    FILE *out = fopen(*tmp, "w");
    if (!out) {
        cli_error("%s: cannot write %s: %s", cmd, *tmp, strerror(errno));
        free(*tmp);
        *tmp = NULL;
    }
    return out;
}

int cli_rulefile_close(const char *cmd, FILE *out, const char *path, char *tmp, bool bad)
{
    if (!path) {
        bad |= fflush(stdout) != 0;
    } else {
        bad |= fclose(out) != 0;
        if (!bad && rename(tmp, path) != 0) {
            cli_error("%s: cannot rename %s to %s: %s", cmd, tmp, path, strerror(errno));
            bad = true;
        }
        if (bad)
            remove(tmp);
        free(tmp);
    }
    return bad ? -1 : 0;
}
