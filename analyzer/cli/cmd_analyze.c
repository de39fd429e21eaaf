/* cmd_analyze: `consensus analyze` (placeholder until its issue lands). */
#include "cli.h"

int cmd_analyze(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("analyze: not available in this build yet");
    return CLI_EXIT_USAGE;
}
