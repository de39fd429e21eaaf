/*
 * cn_mt: GSL's Mersenne Twister (gsl_rng_mt19937) as a generator type of our
 * own, so the draws that are most of the statistics' time can take its next
 * number inline instead of through GSL's function pointers.
 *
 * cn_mt_type gives, seed for seed, the very numbers gsl_rng_mt19937 gives
 * (MT19937 with the 2002 seeding; seed 0 is GSL's default 4357), so a
 * gsl_rng made from it can be handed to any GSL function (gsl_ran_gamma,
 * gsl_ran_dirichlet ...) and the seeded figures stay the same bit for bit.
 * The inline draws below take the same numbers in the same order, with the
 * same arithmetic as GSL's functions of the same name (GSL 2.x), so a mix of
 * both draws exactly what GSL alone drew. tests/test_mt.c compares them.
 */
#ifndef CN_MT_H
#define CN_MT_H

#include <gsl/gsl_randist.h>
#include <gsl/gsl_rng.h>
#include <stddef.h>
#include <stdint.h>

#define CN_MT_N 624

typedef struct cn_mt_state {
    uint32_t mt[CN_MT_N];
    int mti;
} cn_mt_state;

/* The generator type: gsl_rng_alloc(cn_mt_type). */
extern const gsl_rng_type *cn_mt_type;

/* Refills the state's 624 words (the generator's step once every 624). */
void cn_mt_refill(cn_mt_state *s);

/* The next 32-bit number of r, a gsl_rng of cn_mt_type: gsl_rng_get(r). */
static inline uint32_t cn_mt_get(const gsl_rng *r)
{
    cn_mt_state *s = (cn_mt_state *)r->state;
    if (s->mti >= CN_MT_N)
        cn_mt_refill(s);
    uint32_t k = s->mt[s->mti++];
    k ^= k >> 11;
    k ^= (k << 7) & 0x9d2c5680u;
    k ^= (k << 15) & 0xefc60000u;
    k ^= k >> 18;
    return k;
}

/* gsl_rng_uniform(r): [0, 1). */
static inline double cn_mt_uniform(const gsl_rng *r)
{
    return (double)cn_mt_get(r) / 4294967296.0;
}

/* gsl_rng_uniform_pos(r): (0, 1), a 0 drawn again. */
static inline double cn_mt_uniform_pos(const gsl_rng *r)
{
    double x;
    do
        x = cn_mt_uniform(r);
    while (x == 0);
    return x;
}

/* gsl_rng_uniform_int(r, n): 0 .. n - 1, by the same rejection. */
static inline unsigned long cn_mt_uniform_int(const gsl_rng *r, unsigned long n)
{
    if (n == 0 || n > 0xfffffffful)
        return gsl_rng_uniform_int(r, n); /* GSL's error, as before */
    /* GSL's 64-bit quotient, in 32 bits (both fit): the same, faster */
    uint32_t scale = (uint32_t)(0xfffffffful / n), k;
    do
        k = cn_mt_get(r) / scale;
    while (k >= n);
    return k;
}

/* gsl_ran_binomial(r, p, n): small means (n min(p, 1 - p) < 14) by the same
 * inversion inline, larger ones by GSL itself. */
unsigned cn_mt_binomial(const gsl_rng *r, double p, unsigned n);

/* gsl_ran_gamma(r, a, 1.0), Marsaglia and Tsang's method as GSL draws it
 * (its normals from GSL's gsl_ran_gaussian_ziggurat, its uniforms inline). */
double cn_mt_gamma(const gsl_rng *r, double a);

/* gsl_ran_dirichlet(r, k, alpha, theta), its gammas by cn_mt_gamma. */
void cn_mt_dirichlet(const gsl_rng *r, size_t k, const double *alpha, double *theta);

/* gsl_ran_multinomial(r, k, total, p, out), its binomials by cn_mt_binomial. */
void cn_mt_multinomial(const gsl_rng *r, size_t k, unsigned total, const double *p, unsigned *out);

#endif
