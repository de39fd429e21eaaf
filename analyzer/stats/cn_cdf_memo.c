/* cn_cdf_memo: GSL's beta and binomial CDFs remembered by their arguments, in fixed memory. */
#include "cn_cdf_memo.h"

#include "cn_hash.h"

#include <gsl/gsl_cdf.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* 8192 slots of 40 bytes (320 KiB): room for the ~6,000 distinct beta
 * functions of a 10 MB corpus and the binomial tails of the redraws; 2048
 * proportions of 72 bytes (144 KiB). */
#define MEMO_SLOTS 8192
#define PROPORTION_SLOTS 2048

typedef enum cdf_kind { CDF_EMPTY = 0, CDF_BETA, CDF_BINOMIAL } cdf_kind;

/* The arguments by their bits (a NaN matches itself, -0 does not match 0)
 * and the value GSL gave for them. */
typedef struct memo_slot {
    uint64_t x, a, b;
    cdf_kind kind;
    double value;
} memo_slot;

/* A proportion and the bits of the level it was computed at. */
typedef struct proportion_slot {
    bool used;
    uint64_t level;
    cn_proportion p;
} proportion_slot;

struct cn_cdf_memo {
    memo_slot slots[MEMO_SLOTS];
    proportion_slot proportions[PROPORTION_SLOTS];
};

int cn_cdf_memo_new(cn_cdf_memo **out, cn_error *err)
{
    *out = calloc(1, sizeof **out); /* every slot CDF_EMPTY */
    return *out ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "cdf memo: out of memory");
}

void cn_cdf_memo_free(cn_cdf_memo *memo)
{
    free(memo);
}

static uint64_t bits(double v)
{
    uint64_t u;
    memcpy(&u, &v, sizeof u);
    return u;
}

static memo_slot *slot_of(cn_cdf_memo *memo, cdf_kind kind, uint64_t x, uint64_t a, uint64_t b)
{
    uint64_t h = cn_hash_mix(cn_hash_mix(cn_hash_mix(x ^ (uint64_t)kind) ^ a) ^ b);
    return &memo->slots[h % MEMO_SLOTS];
}

/* The remembered value of kind at (x, a, b), or false. */
static bool recall(const memo_slot *s, cdf_kind kind, uint64_t x, uint64_t a, uint64_t b,
                   double *value)
{
    if (s->kind != kind || s->x != x || s->a != a || s->b != b)
        return false;
    *value = s->value;
    return true;
}

static void remember(memo_slot *s, cdf_kind kind, uint64_t x, uint64_t a, uint64_t b, double value)
{
    *s = (memo_slot){.x = x, .a = a, .b = b, .kind = kind, .value = value};
}

double cn_cdf_memo_beta_P(cn_cdf_memo *memo, double x, double a, double b)
{
    if (!memo)
        return gsl_cdf_beta_P(x, a, b);
    uint64_t kx = bits(x), ka = bits(a), kb = bits(b);
    memo_slot *s = slot_of(memo, CDF_BETA, kx, ka, kb);
    double v;
    if (!recall(s, CDF_BETA, kx, ka, kb, &v)) {
        v = gsl_cdf_beta_P(x, a, b);
        remember(s, CDF_BETA, kx, ka, kb, v);
    }
    return v;
}

double cn_cdf_memo_binomial_P(cn_cdf_memo *memo, unsigned k, double p, unsigned n)
{
    if (!memo)
        return gsl_cdf_binomial_P(k, p, n);
    uint64_t kp = bits(p);
    memo_slot *s = slot_of(memo, CDF_BINOMIAL, kp, k, n);
    double v;
    if (!recall(s, CDF_BINOMIAL, kp, k, n, &v)) {
        v = gsl_cdf_binomial_P(k, p, n);
        remember(s, CDF_BINOMIAL, kp, k, n, v);
    }
    return v;
}

int cn_cdf_memo_proportion(cn_cdf_memo *memo, long x, long n, double level, cn_proportion *out,
                           cn_error *err)
{
    if (!memo)
        return cn_proportion_compute(x, n, level, out, err);
    uint64_t kl = bits(level);
    proportion_slot *s =
        &memo->proportions[cn_hash_mix(cn_hash_mix(cn_hash_mix((uint64_t)x) ^ (uint64_t)n) ^ kl) %
                           PROPORTION_SLOTS];
    if (s->used && s->p.count == x && s->p.n == n && s->level == kl) {
        *out = s->p;
        return CN_OK;
    }
    int rc = cn_proportion_compute(x, n, level, out, err);
    if (rc == CN_OK)
        *s = (proportion_slot){.used = true, .level = kl, .p = *out};
    return rc;
}
