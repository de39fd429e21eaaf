/* cmd_eval: `consensus eval` (placeholder until its issue lands). */
#include "cli.h"

int cmd_eval(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("eval: not available in this build yet");
    return CLI_EXIT_USAGE;
}
