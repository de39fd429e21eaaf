/* cn_minimize: GSL's BFGS over a loss-and-gradient function (see cn_minimize.h). */
#include "cn_minimize.h"

#include <gsl/gsl_errno.h>
#include <gsl/gsl_multimin.h>
#include <string.h>

typedef struct loss_call {
    cn_loss_fn fn;
    void *params;
} loss_call;

static double call_f(const gsl_vector *v, void *params)
{
    const loss_call *c = params;
    double f;
    c->fn(v, c->params, &f, NULL);
    return f;
}

static void call_df(const gsl_vector *v, void *params, gsl_vector *g)
{
    const loss_call *c = params;
    c->fn(v, c->params, NULL, g);
}

static void call_fdf(const gsl_vector *v, void *params, double *f, gsl_vector *g)
{
    const loss_call *c = params;
    c->fn(v, c->params, f, g);
}

int cn_minimize_bfgs(cn_loss_fn fn, void *params, size_t n, double *w_out, cn_error *err)
{
    loss_call call = {fn, params};
    gsl_multimin_function_fdf f = {&call_f, &call_df, &call_fdf, n, &call};
    gsl_vector *v = gsl_vector_calloc(n);
    gsl_multimin_fdfminimizer *s =
        v ? gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, n) : NULL;
    if (!s) {
        gsl_vector_free(v);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    gsl_multimin_fdfminimizer_set(s, &f, v, 0.1, 0.1);
    int status = GSL_CONTINUE;
    for (int it = 0; it < 2000 && status == GSL_CONTINUE; it++) {
        if (gsl_multimin_fdfminimizer_iterate(s))
            break; /* no further progress along the line: as good as it gets */
        status = gsl_multimin_test_gradient(s->gradient, 1e-7);
    }
    memcpy(w_out, gsl_multimin_fdfminimizer_x(s)->data, n * sizeof *w_out);
    gsl_multimin_fdfminimizer_free(s);
    gsl_vector_free(v);
    return CN_OK;
}
