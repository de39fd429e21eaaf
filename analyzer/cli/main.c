/* main: the `consensus` entry point; dispatches to one subcommand. */
#include "cli.h"

#include "cn_config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static const char USAGE[] =
    "Usage: consensus COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "Reads physician Q&A pages, tags each answer's stance on each claim, measures how\n"
    "strongly the physicians agree, and writes JSON, XML and HTML reports.\n"
    "\n"
    "Commands:\n"
    "  analyze   [PATH...] [--rules DIR] [--out DIR] [--seed N] [--overrides FILE]\n"
    "            the main job: reports into DIR (default corpus/ -> reports/out/)\n"
    "  parse     [PATH...]              pages as JSON Lines, one answer a line\n"
    "  classify  [PATH...] [--rules DIR] [--explain]\n"
    "                                   answers with their stances, JSON Lines\n"
    "  eval      --gold FILE [--json] [PATH...]\n"
    "                                   compare stances with hand labels\n"
    "  rules check [DIR]                validate a rule set\n"
    "  rules fit --gold FILE [--l2 X] [--out FILE] [PATH...]\n"
    "                                   fit the decision weights to hand labels\n"
    "  analyze --partial FILE [PATH...] [--rules DIR] [--seed N]\n"
    "                                   one shard: its mergeable state, no reports\n"
    "  merge     PARTIAL... [--out DIR] [--overrides FILE]\n"
    "                                   the reports of one run over all the shards\n"
    "  diff      OLD_DIR NEW_DIR        what changed between two analyze runs\n"
    "  stats agreement [--level nominal|ordinal|interval] [--bootstrap N] [--seed N] FILE.csv\n"
    "  stats crosstab [--simulate N] [--seed N] FILE.csv\n"
    "\n"
    "PATH is a file or a folder (read recursively, in name order).\n"
    "Rules: --rules DIR, else $CONSENSUS_RULES, else ./rules, else the installed set.\n"
    "\n"
    "Options:\n"
    "  -h, --help      this help; 'consensus COMMAND --help' for one command\n"
    "  -V, --version   print the version\n"
    "\n"
    "Exit status: 0 success; 1 some input was rejected (the rest was processed and\n"
    "the rejects named on stderr); 2 bad usage (unknown option, missing path).\n";

typedef int (*command_fn)(int argc, char **argv);

static const struct {
    const char *name;
    command_fn run;
} COMMANDS[] = {
    {"analyze", cmd_analyze}, {"parse", cmd_parse}, {"classify", cmd_classify},
    {"eval", cmd_eval},       {"rules", cmd_rules}, {"stats", cmd_stats},
    {"diff", cmd_diff},       {"merge", cmd_merge},
};

static int run(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return CLI_EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(USAGE, stdout);
        return CLI_EXIT_OK;
    }
    if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
        printf("consensus %s\n", cn_version());
        return CLI_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (!strcmp(cmd, COMMANDS[i].name))
            return COMMANDS[i].run(argc - 1, argv + 1);
    return cli_usage_error("", "unknown command '%s'", cmd);
}

int main(int argc, char **argv)
{
    int code = run(argc, argv);
    /* Output that could not be written (a full disk, a closed pipe) is a
     * failure of every command, whatever it says: never exit 0 after it. */
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "consensus: cannot write the output: %s\n", strerror(errno));
        if (code == CLI_EXIT_OK)
            code = CLI_EXIT_REJECTED;
    }
    return code;
}
