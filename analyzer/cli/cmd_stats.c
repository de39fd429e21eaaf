/* cmd_stats: `consensus stats` (placeholder until its issue lands). */
#include "cli.h"

int cmd_stats(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("stats: not available in this build yet");
    return CLI_EXIT_USAGE;
}
