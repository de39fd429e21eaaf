/* fuzz_stats_agreement: libFuzzer target for the reliability-matrix CSV of
 * `consensus stats agreement` (a header `coder,UNIT,...`, one row a coder):
 * the CSV reader, the matrix reader at every level, then alpha, its bootstrap
 * interval and Fleiss' kappa on what was read. */
#include "fuzz_common.h"

static void problem(void *ctx, const cn_error *p)
{
    (void)p;
    ++*(size_t *)ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_copy(data, size);
    cn_csv *csv = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_csv_parse("labels.csv", text, size, &csv, &err) != CN_OK) {
        free(text);
        return 0;
    }
    static const cn_alpha_metric metrics[] = {CN_ALPHA_NOMINAL, CN_ALPHA_ORDINAL,
                                              CN_ALPHA_INTERVAL};
    for (size_t k = 0; k < sizeof metrics / sizeof *metrics; k++) {
        cn_reliability m;
        size_t problems = 0;
        if (cn_reliability_from_csv(csv, metrics[k], &m, problem, &problems, &err) == CN_OK) {
            cn_agreement_opts o;
            cn_agreement_opts_init(&o);
            o.metric = metrics[k];
            o.bootstrap = 20;
            cn_agreement_result r;
            (void)cn_agreement_compute(&o, m.value, m.coders, m.units, &r, &err);
        }
        cn_reliability_clear(&m);
    }
    cn_csv_free(csv);
    free(text);
    return 0;
}
