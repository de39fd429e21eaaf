/* cmd_rules: `consensus rules` (placeholder until its issue lands). */
#include "cli.h"

int cmd_rules(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("rules: not available in this build yet");
    return CLI_EXIT_USAGE;
}
