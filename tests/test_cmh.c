/*
 * test_cmh: the generalized Cochran-Mantel-Haenszel test against R.
 *
 * Source: R 4.2.2 (Debian's r-base-core), mantelhaen.test on these arrays
 * (column-major: dim = c(rows, cols, strata)), printed with
 *   show <- function(x, ...) { t <- mantelhaen.test(x, ...)
 *     cat(sprintf("%.15g %d %.15g\n", t$statistic, t$parameter, t$p.value)) }
 *   a <- array(c(5,2,1, 3,4,2, 1,2,6,   2,1,0, 4,3,1, 0,2,5), dim = c(3,3,2))
 *   show(a)      # 15.8011691643291 4 0.00329790577963128
 *   b <- array(c(3,0,2,1, 1,4,0,2, 0,1,3,2,
 *                2,2,0,1, 0,0,0,0, 1,3,2,0,
 *                4,1,1,0, 2,2,3,1, 0,0,1,5), dim = c(4,3,3))
 *   show(b)      # 16.7813345848441 6 0.0101213752202502
 *   show(UCBAdmissions, correct = FALSE)
 *                # 1.52460666044344 1 0.216923697055518
 *   d <- array(c(2,1, 1,3, 0,2,   4,0, 1,1, 1,2,  3,3, 2,1, 0,1,
 *                1,0, 0,2, 2,2,  5,1, 1,1, 0,3), dim = c(2,3,5))
 *   show(d)      # 9.01552042794103 2 0.0110231219815285
 * R refuses a singular V (qr.solve) and strata of one item; here a row seen
 * only where nothing varies is left out (Moore-Penrose inverse, df = rank),
 * checked against R's figures for the array without that row.
 */
#include "testutil.h"

#include "cn_cmh.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ASSERT_REL(got, want, rel) CU_ASSERT(fabs((got) - (want)) <= (rel)*fabs(want) + 1e-300)

static const double A[3 * 3 * 2] = {5, 2, 1, 3, 4, 2, 1, 2, 6, 2, 1, 0, 4, 3, 1, 0, 2, 5};
static const double B[4 * 3 * 3] = {3, 0, 2, 1, 1, 4, 0, 2, 0, 1, 3, 2, 2, 2, 0, 1, 0, 0,
                                    0, 0, 1, 3, 2, 0, 4, 1, 1, 0, 2, 2, 3, 1, 0, 0, 1, 5};
/* R's UCBAdmissions: Admit x Gender x Dept */
static const double UCB[2 * 2 * 6] = {512, 313, 89,  19,  353, 207, 17, 8,   120, 205, 202, 391,
                                      138, 279, 131, 244, 53,  138, 94, 299, 22,  351, 24,  317};
static const double D[2 * 3 * 5] = {2, 1, 1, 3, 0, 2, 4, 0, 1, 1, 1, 2, 3, 3, 2,
                                    1, 0, 1, 1, 0, 0, 2, 2, 2, 5, 1, 1, 1, 0, 3};

/* Items from a column-major rows x cols x strata array of counts. */
typedef struct items {
    uint32_t *stratum, *row, *col;
    size_t n;
} items;

static items items_of(const double *x, size_t rows, size_t cols, size_t strata)
{
    size_t total = 0;
    for (size_t k = 0; k < rows * cols * strata; k++)
        total += (size_t)x[k];
    items it = {malloc((total + 1) * sizeof(uint32_t)), malloc((total + 1) * sizeof(uint32_t)),
                malloc((total + 1) * sizeof(uint32_t)), 0};
    for (size_t k = 0; k < strata; k++)
        for (size_t j = 0; j < cols; j++)
            for (size_t i = 0; i < rows; i++)
                for (long m = 0; m < (long)x[i + rows * (j + cols * k)]; m++) {
                    it.stratum[it.n] = (uint32_t)k;
                    it.row[it.n] = (uint32_t)i;
                    it.col[it.n++] = (uint32_t)j;
                }
    return it;
}

static void items_free(items *it)
{
    free(it->stratum);
    free(it->row);
    free(it->col);
}

static cn_cmh_result run(const items *it, size_t rows, size_t cols)
{
    cn_cmh_result r;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(
        cn_cmh_compute(it->stratum, it->row, it->col, it->n, rows, cols, &r, &err), CN_OK);
    return r;
}

static void check_r(const double *x, size_t rows, size_t cols, size_t strata, double q, long df,
                    double p)
{
    items it = items_of(x, rows, cols, strata);
    cn_cmh_result r = run(&it, rows, cols);
    ASSERT_REL(r.statistic, q, 1e-10);
    CU_ASSERT_EQUAL(r.df, df);
    ASSERT_REL(r.p, p, 1e-9);
    items_free(&it);
}

static void test_against_r(void)
{
    check_r(A, 3, 3, 2, 15.8011691643291, 4, 0.00329790577963128);
    check_r(B, 4, 3, 3, 16.7813345848441, 6, 0.0101213752202502);
    check_r(UCB, 2, 2, 6, 1.52460666044344, 1, 0.216923697055518);
    check_r(D, 2, 3, 5, 9.01552042794103, 2, 0.0110231219815285);
}

static void test_counts_strata(void)
{
    /* every stratum of B varies (its second has an empty column, not one
     * column): 19 + 11 + 20 items */
    items it = items_of(B, 4, 3, 3);
    cn_cmh_result r = run(&it, 4, 3);
    CU_ASSERT_EQUAL(r.strata, 3);
    CU_ASSERT_EQUAL(r.items, 50);
    items_free(&it);
}

/* The same statistic whatever the order of rows, columns and items (the
 * reference category left out does not matter). */
static void test_order_invariant(void)
{
    items it = items_of(B, 4, 3, 3);
    for (size_t k = 0; k < it.n; k++) {
        it.row[k] = 3 - it.row[k];
        it.col[k] = (it.col[k] + 1) % 3;
    }
    for (size_t k = 0; k < it.n / 2; k++) {
        size_t o = it.n - 1 - k;
        uint32_t t;
        t = it.stratum[k], it.stratum[k] = it.stratum[o], it.stratum[o] = t;
        t = it.row[k], it.row[k] = it.row[o], it.row[o] = t;
        t = it.col[k], it.col[k] = it.col[o], it.col[o] = t;
    }
    cn_cmh_result r = run(&it, 4, 3);
    ASSERT_REL(r.statistic, 16.7813345848441, 1e-10);
    CU_ASSERT_EQUAL(r.df, 6);
    items_free(&it);
}

/* A 4th row seen only in a stratum of its own (where nothing varies), a
 * stratum of one item and an empty row index: V is singular; the figures
 * are R's for A alone. */
static void test_singular(void)
{
    items it = items_of(A, 3, 3, 2);
    size_t cap = it.n + 8;
    it.stratum = realloc(it.stratum, cap * sizeof(uint32_t));
    it.row = realloc(it.row, cap * sizeof(uint32_t));
    it.col = realloc(it.col, cap * sizeof(uint32_t));
    for (int m = 0; m < 5; m++) { /* stratum 2: row 3 alone, mixed stances */
        it.stratum[it.n] = 2;
        it.row[it.n] = 3;
        it.col[it.n++] = (uint32_t)m % 3;
    }
    it.stratum[it.n] = 7; /* a one-item stratum */
    it.row[it.n] = 0;
    it.col[it.n++] = 2;
    cn_cmh_result r = run(&it, 5, 3); /* row 4 has no items */
    ASSERT_REL(r.statistic, 15.8011691643291, 1e-9);
    CU_ASSERT_EQUAL(r.df, 4);
    ASSERT_REL(r.p, 0.00329790577963128, 1e-8);
    CU_ASSERT_EQUAL(r.strata, 2); /* the lone row's and the one item's do not vary */
    CU_ASSERT_EQUAL(r.items, 44);
    items_free(&it);
}

static void test_degenerate(void)
{
    cn_cmh_result r;
    cn_error err;
    uint32_t s[4] = {0, 0, 1, 1}, row[4] = {0, 0, 0, 0}, col[4] = {0, 1, 0, 1};
    /* one row: nothing to compare */
    CU_ASSERT_EQUAL(cn_cmh_compute(s, row, col, 4, 2, 2, &r, &err), CN_OK);
    CU_ASSERT_TRUE(isnan(r.statistic));
    CU_ASSERT_TRUE(isnan(r.p));
    CU_ASSERT_EQUAL(r.df, 0);
    /* no items */
    CU_ASSERT_EQUAL(cn_cmh_compute(s, row, col, 0, 2, 2, &r, &err), CN_OK);
    CU_ASSERT_TRUE(isnan(r.p));
    /* two rows, but never in the same stratum */
    uint32_t row2[4] = {0, 0, 1, 1};
    CU_ASSERT_EQUAL(cn_cmh_compute(s, row2, col, 4, 2, 2, &r, &err), CN_OK);
    CU_ASSERT_TRUE(isnan(r.p));
    CU_ASSERT_EQUAL(r.strata, 0);
    /* out of range */
    uint32_t bad[4] = {0, 0, 2, 1};
    CU_ASSERT_EQUAL(cn_cmh_compute(s, bad, col, 4, 2, 2, &r, &err), CN_ERR_USAGE);
    CU_ASSERT_EQUAL(cn_cmh_compute(s, row, col, 4, 2000, 3, &r, &err), CN_ERR_USAGE);
}

/* The cells form (what the analysis keeps): B's items as cells stratum by
 * stratum, each stratum's items in reverse, two empty strata between and one
 * after, give cn_cmh_compute's figures bit for bit; cn_strata_cells_of gives
 * the same cells; a cell out of range is refused. */
static void test_cells(void)
{
    items it = items_of(B, 4, 3, 3);
    cn_cmh_result want = run(&it, 4, 3);
    uint32_t cell[64];
    size_t start[7] = {0};
    size_t n = 0;
    for (size_t k = 0; k < 3; k++) { /* strata 0, 3, 5 of 7 (1, 2, 4, 6 empty) */
        size_t s = k == 0 ? 0 : k == 1 ? 3 : 5;
        for (size_t x = it.n; x-- > 0;)
            if (it.stratum[x] == k)
                cell[n++] = it.row[x] * 3 + it.col[x];
        for (size_t t = s + 1; t < 7; t++)
            start[t] = n;
    }
    cn_strata_cells st = {.cell = cell, .start = start, .nstrata = 6};
    CU_ASSERT_EQUAL(cn_strata_items(&st), 50);
    cn_cmh_result got;
    cn_error err;
    CU_ASSERT_EQUAL_FATAL(cn_cmh_compute_cells(&st, 4, 3, &got, &err), CN_OK);
    CU_ASSERT_EQUAL(memcmp(&got.statistic, &want.statistic, sizeof got.statistic), 0);
    CU_ASSERT_EQUAL(memcmp(&got.p, &want.p, sizeof got.p), 0);
    CU_ASSERT_EQUAL(got.df, want.df);
    CU_ASSERT_EQUAL(got.strata, 3);
    CU_ASSERT_EQUAL(got.items, 50);
    uint32_t *c2 = NULL;
    size_t *s2 = NULL;
    cn_strata_cells st2;
    CU_ASSERT_EQUAL_FATAL(cn_strata_cells_of(it.stratum, it.row, it.col, it.n, 3, &c2, &s2, &st2),
                          CN_OK);
    CU_ASSERT_EQUAL(st2.nstrata, 3);
    CU_ASSERT_EQUAL(cn_strata_items(&st2), 50);
    for (size_t k = 0; k < 3; k++) { /* each stratum's cells in the items' order */
        size_t x = st2.start[k];
        for (size_t i = 0; i < it.n; i++)
            if (it.stratum[i] == k)
                CU_ASSERT_EQUAL(st2.cell[x++], it.row[i] * 3 + it.col[i]);
        CU_ASSERT_EQUAL(x, st2.start[k + 1]);
    }
    free(c2);
    free(s2);
    cell[7] = 12; /* row 4 of 4 */
    CU_ASSERT_EQUAL(cn_cmh_compute_cells(&st, 4, 3, &got, &err), CN_ERR_USAGE);
    CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "item 8 out of range"));
    items_free(&it);
}

int main(void)
{
    static const tu_test tests[] = {
        {"R mantelhaen.test on four arrays", test_against_r},
        {"strata that vary", test_counts_strata},
        {"order of rows, columns and items", test_order_invariant},
        {"singular V: Moore-Penrose, df = rank", test_singular},
        {"degenerate and bad input", test_degenerate},
        {"cells stratum by stratum (issue 14)", test_cells},
        {NULL, NULL},
    };
    return tu_run_suite("cmh", tests);
}
