/* fuzz_partial: libFuzzer target for a shard's partial file (`consensus
 * merge`): read and check it (cn_merge_add: every line, de-duplication again,
 * pages classified again where needed), then analyze the merged pages and
 * render report.json, which reads the evidence spans back from the texts.
 * Seeds are partials of the sample and dev pages made with the shipped rules
 * (tests/fuzz/run.sh), so the header's rules_sha256 matches. */
#include "fuzz_common.h"

static const char *partial_path;
static cn_rules *rules;

static void free_rules(void)
{
    cn_rules_free(rules);
    rules = NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    partial_path = fuzz_scratch_file("shard.partial");
    fuzz_cues();
    cn_error err;
    cn_error_clear(&err);
    if (cn_rules_load(fuzz_rules_dir(), &rules, NULL, NULL, &err) != CN_OK)
        fuzz_die("cannot load the rules", err.message);
    atexit(free_rules);
    return 0;
}

/* What merge does with partials that read: analyze them and write a report
 * (few draws: the statistics are not what is fuzzed here). */
static void analyze(cn_merge *m)
{
    cn_analysis_opts opts;
    cn_analysis_opts_init(&opts);
    cn_analysis_opts_from_rules(&opts, rules);
    opts.seed = cn_merge_seed(m);
    opts.bootstrap = 5;
    opts.simulate = 5;
    opts.permutations = 5;
    opts.consensus.relabel_draws = 5;
    opts.jobs = 1;
    cn_analysis *an = cn_analysis_new(rules, &opts);
    if (!an)
        fuzz_die("cn_analysis_new", "out of memory");
    cn_error err;
    cn_error_clear(&err);
    if (cn_merge_into(m, an, &err) == CN_OK && cn_analysis_finish(an, &err) == CN_OK) {
        char *text = NULL;
        size_t len = 0;
        if (cn_report_json_render(cn_analysis_result_get(an), &text, &len, &err) == CN_OK)
            free(text);
    }
    cn_analysis_free(an);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write(partial_path, data, size);
    cn_merge *m = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_merge_new(rules, fuzz_cues(), &m, &err) != CN_OK)
        fuzz_die("cn_merge_new", err.message);
    if (cn_merge_add(m, partial_path, &err) == CN_OK)
        analyze(m);
    cn_merge_free(m);
    return 0;
}
