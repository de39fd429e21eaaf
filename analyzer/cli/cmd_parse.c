/* cmd_parse: `consensus parse` (placeholder until its issue lands). */
#include "cli.h"

int cmd_parse(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("parse: not available in this build yet");
    return CLI_EXIT_USAGE;
}
