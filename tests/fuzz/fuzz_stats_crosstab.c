/* fuzz_stats_crosstab: libFuzzer target for the table of counts of `consensus
 * stats crosstab` (a header `,COLUMN,...`, one row a group): the CSV reader,
 * the count reader, then the chi-square test (with a few Monte Carlo tables
 * when the total is small) and every cell's row proportion and intervals. */
#include "fuzz_common.h"

static void problem(void *ctx, const cn_error *p)
{
    (void)p;
    ++*(size_t *)ctx;
}

static void test_table(const cn_count_table *t)
{
    double total = 0;
    for (size_t i = 0; i < t->groups * t->cols; i++)
        total += (double)t->count[i];
    cn_crosstab_opts o;
    cn_crosstab_opts_init(&o);
    o.simulate = total <= 10000 ? 20 : 0; /* each table costs about one draw per unit */
    cn_crosstab_result r;
    cn_error err;
    cn_error_clear(&err);
    if (cn_crosstab_compute(&o, t->count, t->groups, t->cols, &r, &err) != CN_OK)
        return;
    for (size_t g = 0; g < t->groups; g++)
        for (size_t c = 0; c < t->cols; c++) {
            cn_proportion p;
            (void)cn_crosstab_row_proportion(t->count, t->groups, t->cols, g, c,
                                             CN_INTERVAL_DEFAULT_LEVEL, &p, &err);
        }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_copy(data, size);
    cn_csv *csv = NULL;
    cn_error err;
    cn_error_clear(&err);
    if (cn_csv_parse("counts.csv", text, size, &csv, &err) != CN_OK) {
        free(text);
        return 0;
    }
    cn_count_table t;
    size_t problems = 0;
    if (cn_count_table_from_csv(csv, &t, problem, &problems, &err) == CN_OK) {
        for (size_t g = 0; g < t.groups; g++)
            if (t.row[g] >= cn_csv_rows(csv))
                fuzz_die("a group's row is out of range", NULL);
        test_table(&t);
    }
    cn_count_table_clear(&t);
    cn_csv_free(csv);
    free(text);
    return 0;
}
