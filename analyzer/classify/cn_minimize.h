/*
 * cn_minimize: minimize a smooth loss over a weight vector with GSL's BFGS
 * (vector_bfgs2), from all-zero weights; the one optimizer of both fits
 * (the decision model, cn_model; the question-type model, cn_qtype_fit), so
 * a change of its settings changes both the same way.
 */
#ifndef CN_MINIMIZE_H
#define CN_MINIMIZE_H

#include "cn_error.h"

#include <gsl/gsl_vector.h>
#include <stddef.h>

/* The loss at w into *loss and its gradient into grad; either may be NULL
 * (not wanted). */
typedef void (*cn_loss_fn)(const gsl_vector *w, void *params, double *loss, gsl_vector *grad);

/* Minimize fn over n weights until the gradient's norm is under 1e-7, 2,000
 * iterations, or no further progress along a line; the weights reached go to
 * w_out (n doubles). CN_ERR_NOMEM if GSL's workspace cannot be had. */
int cn_minimize_bfgs(cn_loss_fn fn, void *params, size_t n, double *w_out, cn_error *err);

#endif
