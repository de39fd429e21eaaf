/* cmd_classify: `consensus classify` (placeholder until its issue lands). */
#include "cli.h"

int cmd_classify(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("classify: not available in this build yet");
    return CLI_EXIT_USAGE;
}
