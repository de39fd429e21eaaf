/* cn_mt: gsl_rng_mt19937's numbers from a generator type whose state we can read inline. */
#include "cn_mt.h"

#include <gsl/gsl_machine.h>
#include <math.h>
#include <stdbool.h>

#define MT_M 397
#define UPPER 0x80000000u
#define LOWER 0x7fffffffu

static uint32_t twist(uint32_t a, uint32_t b, uint32_t far)
{
    uint32_t y = (a & UPPER) | (b & LOWER);
    return far ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
}

void cn_mt_refill(cn_mt_state *s)
{
    uint32_t *mt = s->mt;
    int k = 0;
    for (; k < CN_MT_N - MT_M; k++)
        mt[k] = twist(mt[k], mt[k + 1], mt[k + MT_M]);
    for (; k < CN_MT_N - 1; k++)
        mt[k] = twist(mt[k], mt[k + 1], mt[k + MT_M - CN_MT_N]);
    mt[CN_MT_N - 1] = twist(mt[CN_MT_N - 1], mt[0], mt[MT_M - 1]);
    s->mti = 0;
}

/* MT19937's 2002 seeding (Knuth's multiplier), GSL's default for seed 0. */
static void mt_set(void *vstate, unsigned long seed)
{
    cn_mt_state *s = vstate;
    if (seed == 0)
        seed = 4357;
    s->mt[0] = (uint32_t)(seed & 0xfffffffful);
    for (int i = 1; i < CN_MT_N; i++)
        s->mt[i] = 1812433253u * (s->mt[i - 1] ^ (s->mt[i - 1] >> 30)) + (uint32_t)i;
    s->mti = CN_MT_N;
}

static unsigned long mt_get(void *vstate)
{
    gsl_rng r = {.state = vstate};
    return cn_mt_get(&r);
}

static double mt_get_double(void *vstate)
{
    gsl_rng r = {.state = vstate};
    return cn_mt_uniform(&r);
}

static const gsl_rng_type MT_TYPE = {
    "cn_mt19937", 0xfffffffful, 0, sizeof(cn_mt_state), mt_set, mt_get, mt_get_double,
};

const gsl_rng_type *cn_mt_type = &MT_TYPE;

/* x^n by repeated squaring, the products in gsl_pow_uint's order. */
static double pow_uint(double x, unsigned n)
{
    double v = 1.0;
    do {
        if (n & 1u)
            v *= x;
        n >>= 1;
        x *= x;
    } while (n);
    return v;
}

/* Means below this are drawn by inversion, as gsl_ran_binomial draws them;
 * the inversion gives up after this many steps and draws again. */
#define SMALL_MEAN 14
#define INVERSION_STEPS 110

unsigned cn_mt_binomial(const gsl_rng *r, double p, unsigned n)
{
    if (n == 0)
        return 0;
    bool flip = p > 0.5;
    double ps = flip ? 1.0 - p : p;
    double q = 1 - ps, s = ps / q;
    if (!(n * ps < SMALL_MEAN))
        return gsl_ran_binomial(r, p, n);
    /* f(x) = C(n, x) p^x q^(n - x) from f(0) = q^n by the ratio
     * f(x + 1) / f(x) = s (n - x) / (x + 1); the first x whose cumulative
     * probability passes one uniform */
    double f0 = pow_uint(q, n);
    for (;;) {
        double f = f0, u = cn_mt_uniform(r);
        for (int x = 0; x <= INVERSION_STEPS; x++) {
            if (u < f)
                return flip ? n - (unsigned)x : (unsigned)x;
            u -= f;
            f *= s * (n - (unsigned)x) / (x + 1);
        }
    }
}

void cn_mt_multinomial(const gsl_rng *r, size_t k, unsigned total, const double *p, unsigned *out)
{
    /* category i takes a binomial share of what the ones before it left, at
     * its weight over the weights left (the weights need not sum to 1) */
    double norm = 0.0, before = 0.0;
    unsigned taken = 0;
    for (size_t i = 0; i < k; i++)
        norm += p[i];
    for (size_t i = 0; i < k; i++) {
        out[i] = p[i] > 0.0 ? cn_mt_binomial(r, p[i] / (norm - before), total - taken) : 0;
        before += p[i];
        taken += out[i];
    }
}

double cn_mt_gamma(const gsl_rng *r, double a)
{
    if (a < 1) { /* from a + 1, times u^(1/a) */
        double u = cn_mt_uniform_pos(r);
        return cn_mt_gamma(r, 1.0 + a) * pow(u, 1.0 / a);
    }
    double x, v, u, d = a - 1.0 / 3.0, c = (1.0 / 3.0) / sqrt(d);
    for (;;) {
        do {
            x = gsl_ran_gaussian_ziggurat(r, 1.0);
            v = 1.0 + c * x;
        } while (v <= 0);
        v = v * v * v;
        u = cn_mt_uniform_pos(r);
        if (u < 1 - 0.0331 * x * x * x * x)
            break;
        if (log(u) < 0.5 * x * x + d * (1 - v + log(v)))
            break;
    }
    return 1.0 * d * v;
}

void cn_mt_dirichlet(const gsl_rng *r, size_t k, const double *alpha, double *theta)
{
    double norm = 0.0;
    for (size_t i = 0; i < k; i++)
        theta[i] = cn_mt_gamma(r, alpha[i]);
    for (size_t i = 0; i < k; i++)
        norm += theta[i];
    if (norm < GSL_SQRT_DBL_MIN) {
        /* all the gammas underflowed: GSL draws again on a scale kept in
         * range, theta_i ~ u_i^(1/alpha_i) Gamma(alpha_i + 1), relative to
         * the largest */
        double umax = 0;
        for (size_t i = 0; i < k; i++) {
            double u = log(cn_mt_uniform_pos(r)) / alpha[i];
            theta[i] = u;
            if (u > umax || i == 0)
                umax = u;
        }
        for (size_t i = 0; i < k; i++)
            theta[i] = exp(theta[i] - umax);
        for (size_t i = 0; i < k; i++)
            theta[i] = theta[i] * cn_mt_gamma(r, alpha[i] + 1.0);
        norm = 0.0;
        for (size_t i = 0; i < k; i++)
            norm += theta[i];
    }
    for (size_t i = 0; i < k; i++)
        theta[i] /= norm;
}
