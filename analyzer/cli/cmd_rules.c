/* cmd_rules: `consensus rules check [DIR]`: validate a rule folder. */
#include "cli.h"

#include "cn_rules.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char USAGE[] =
    "Usage: consensus rules check [DIR]\n"
    "\n"
    "Loads every *.rules file of DIR (default: --rules resolution: $CONSENSUS_RULES,\n"
    "./rules, the installed set), checks every line and compiles every pattern.\n"
    "Each problem is printed as FILE:LINE: message on stderr.\n"
    "\n"
    "Exit status: 0 the rules are valid; 1 problems were found; 2 bad usage.\n";

static void print_diag(void *ctx, const char *message)
{
    (void)ctx;
    fprintf(stderr, "%s\n", message);
}

int cmd_rules(int argc, char **argv)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (c == 'h') {
            fputs(USAGE, stdout);
            return CLI_EXIT_OK;
        }
        return cli_usage_error("rules", "unknown option");
    }
    if (optind >= argc || strcmp(argv[optind], "check"))
        return cli_usage_error("rules", "expected 'check'");
    optind++;
    /* `rules check --help` */
    if (optind < argc && !strcmp(argv[optind], "--help")) {
        fputs(USAGE, stdout);
        return CLI_EXIT_OK;
    }
    if (argc - optind > 1)
        return cli_usage_error("rules", "too many arguments");
    const char *dir = cli_rules_dir(optind < argc ? argv[optind] : NULL);
    cn_rules *rules = NULL;
    cn_error err;
    cn_error_clear(&err);
    int rc = cn_rules_load(dir, &rules, print_diag, NULL, &err);
    if (rc == CN_ERR_IO) {
        cli_error("%s", err.message);
        return CLI_EXIT_REJECTED;
    }
    if (rc) {
        cli_error("%s", err.message);
        return CLI_EXIT_REJECTED;
    }
    size_t counts[CN_RULE_KIND_COUNT] = {0};
    for (size_t i = 0; i < cn_rules_count(rules); i++)
        counts[cn_rules_at(rules, i)->kind]++;
    printf("%s: OK: %zu rules, %zu patterns (", dir, cn_rules_count(rules),
           cn_rules_patterns(rules));
    const char *sep = "";
    for (int k = 0; k < CN_RULE_KIND_COUNT; k++) {
        if (counts[k]) {
            printf("%s%zu %s", sep, counts[k], cn_rule_kind_name((cn_rule_kind)k));
            sep = ", ";
        }
    }
    printf("); sha256 %s\n", cn_rules_sha256(rules));
    cn_rules_free(rules);
    return CLI_EXIT_OK;
}
