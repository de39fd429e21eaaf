/* cli_common: rules-folder resolution and error printing shared by subcommands. */
#include "cli.h"

#include "cn_config.h"

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
    fprintf(stderr, "Try 'consensus %s --help'.\n", cmd ? cmd : "");
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
