/* cmd_diff: `consensus diff OLD_DIR NEW_DIR`, what changed between two runs. */
#include "cli.h"

#include "cn_rundiff.h"

#include <stdio.h>
#include <string.h>

static const char USAGE[] =
    "Usage: consensus diff OLD_DIR NEW_DIR\n"
    "\n"
    "Compares the report.json of two `consensus analyze` output folders, for an\n"
    "editor checking a rule change or a batch of corrections: the rules\n"
    "fingerprint and seed when they differ; per question, a changed consensus\n"
    "(level, majority, share) or summary sentence; per answer, a changed stance\n"
    "(with both confidences, and whether an editor set it), and answers and\n"
    "questions found in one run only. The last line counts everything.\n"
    "\n"
    "Exit status: 0 the runs agree on all of that; 1 they differ; 2 bad usage or a\n"
    "folder without a readable report.json.\n";

int cmd_diff(int argc, char **argv)
{
    const char *dirs[2];
    int n = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            fputs(USAGE, stdout);
            return CLI_EXIT_OK;
        }
        if (argv[i][0] == '-' && argv[i][1])
            return cli_usage_error("diff", "unknown option '%s'", argv[i]);
        if (n == 2)
            return cli_usage_error("diff", "expected two folders, OLD_DIR and NEW_DIR");
        dirs[n++] = argv[i];
    }
    if (n != 2)
        return cli_usage_error("diff", "expected two folders, OLD_DIR and NEW_DIR");
    cn_rundiff_counts counts;
    cn_error err;
    cn_error_clear(&err);
    if (cn_rundiff(dirs[0], dirs[1], stdout, &counts, &err) != CN_OK) {
        cli_error("diff: %s", err.message);
        return CLI_EXIT_USAGE;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("diff: cannot write the output");
        return CLI_EXIT_USAGE;
    }
    return cn_rundiff_counts_differ(&counts) ? CLI_EXIT_REJECTED : CLI_EXIT_OK;
}
