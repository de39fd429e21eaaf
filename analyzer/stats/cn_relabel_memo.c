/* cn_relabel_memo: cn_relabel's figures remembered by their counts, in fixed memory. */
#include "cn_relabel_memo.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* 4096 slots of ~100 bytes, and the work's 8191 levels: under 1 MiB whatever
 * the corpus. */
#define MEMO_SLOTS 4096

typedef struct memo_slot {
    long fixed[CN_STANCE_COUNT];
    unsigned group[CN_STANCE_COUNT];
    bool used;
    cn_relabel_result result;
} memo_slot;

/* What every entry was computed with. */
typedef struct memo_settings {
    double level, strong, moderate, weak, posterior, concentration, error_concentration;
    long min_answers;
    double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT];
    size_t draws;
    unsigned long seed;
} memo_settings;

struct cn_relabel_memo {
    bool has_settings;
    memo_settings settings;
    memo_slot *slots;
    cn_relabel_work *work; /* levels seen under the settings, scratch */
};

int cn_relabel_memo_new(cn_relabel_memo **out, cn_error *err)
{
    cn_relabel_memo *m = calloc(1, sizeof *m);
    if (m) {
        m->slots = calloc(MEMO_SLOTS, sizeof *m->slots);
        m->work = cn_relabel_work_new();
    }
    if (!m || !m->slots || !m->work) {
        cn_relabel_memo_free(m);
        *out = NULL;
        return cn_error_set(err, CN_ERR_NOMEM, "relabel: out of memory");
    }
    *out = m;
    return CN_OK;
}

void cn_relabel_memo_free(cn_relabel_memo *memo)
{
    if (!memo)
        return;
    free(memo->slots);
    cn_relabel_work_free(memo->work);
    free(memo);
}

/* Field by field (no padding bytes compared); doubles by their bits, so a
 * NaN matches itself and -0 does not match 0. */
static bool same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static bool same_settings(const memo_settings *a, const memo_settings *b)
{
    if (!same_double(a->level, b->level) || !same_double(a->strong, b->strong) ||
        !same_double(a->moderate, b->moderate) || !same_double(a->weak, b->weak) ||
        !same_double(a->posterior, b->posterior) ||
        !same_double(a->concentration, b->concentration) ||
        !same_double(a->error_concentration, b->error_concentration) ||
        a->min_answers != b->min_answers || a->draws != b->draws || a->seed != b->seed)
        return false;
    for (int t = 0; t < CN_STANCE_COUNT; t++)
        for (int p = 0; p < CN_STANCE_COUNT; p++)
            if (!same_double(a->confusion[t][p], b->confusion[t][p]))
                return false;
    return true;
}

/* Keep the memo's entries only if they were made with these settings. */
static void use_settings(cn_relabel_memo *m, const cn_consensus_opts *opts,
                         const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT], size_t draws,
                         unsigned long seed)
{
    memo_settings s = {.level = opts->level,
                       .strong = opts->strong,
                       .moderate = opts->moderate,
                       .weak = opts->weak,
                       .posterior = opts->posterior,
                       .concentration = opts->relabel_concentration,
                       .error_concentration = opts->relabel_error_concentration,
                       .min_answers = opts->min_answers,
                       .draws = draws,
                       .seed = seed};
    memcpy(s.confusion, confusion, sizeof s.confusion);
    if (m->has_settings && same_settings(&m->settings, &s))
        return;
    memset(m->slots, 0, MEMO_SLOTS * sizeof *m->slots);
    cn_relabel_work_forget(m->work);
    m->settings = s;
    m->has_settings = true;
}

static size_t slot_of(const long fixed[CN_STANCE_COUNT], const unsigned group[CN_STANCE_COUNT])
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a over the eight counts */
    for (int k = 0; k < CN_STANCE_COUNT; k++) {
        h = (h ^ (uint64_t)fixed[k]) * 1099511628211ull;
        h = (h ^ (uint64_t)group[k]) * 1099511628211ull;
    }
    return (size_t)(h >> 20) % MEMO_SLOTS;
}

int cn_relabel_compute_memo(cn_relabel_memo *memo, const cn_consensus_opts *opts,
                            const cn_stance *predicted, const bool *certain, size_t n,
                            const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT], size_t draws,
                            unsigned long seed, cn_relabel_result *out, cn_error *err)
{
    if (!memo || draws == 0)
        return cn_relabel_compute(opts, predicted, certain, n, confusion, draws, seed, out, err);
    *out = (cn_relabel_result){NAN, NAN, NAN, 0, false};
    long fixed[CN_STANCE_COUNT];
    unsigned group[CN_STANCE_COUNT];
    int rc = cn_relabel_count(predicted, certain, n, fixed, group, err);
    return rc ? rc
              : cn_relabel_compute_memo_counts(memo, opts, fixed, group, confusion, draws, seed,
                                               out, err);
}

int cn_relabel_compute_memo_counts(cn_relabel_memo *memo, const cn_consensus_opts *opts,
                                   const long fixed[CN_STANCE_COUNT],
                                   const unsigned group[CN_STANCE_COUNT],
                                   const double confusion[CN_STANCE_COUNT][CN_STANCE_COUNT],
                                   size_t draws, unsigned long seed, cn_relabel_result *out,
                                   cn_error *err)
{
    *out = (cn_relabel_result){NAN, NAN, NAN, 0, false};
    if (draws == 0)
        return cn_error_set(err, CN_ERR_USAGE, "relabel: no draws");
    if (!memo)
        return cn_relabel_compute_counts(opts, fixed, group, confusion, draws, seed, NULL, out,
                                         err);
    int rc;
    use_settings(memo, opts, confusion, draws, seed);
    memo_slot *s = &memo->slots[slot_of(fixed, group)];
    if (s->used && !memcmp(s->fixed, fixed, sizeof s->fixed) &&
        !memcmp(s->group, group, sizeof s->group)) {
        *out = s->result;
        return CN_OK;
    }
    rc =
        cn_relabel_compute_counts(opts, fixed, group, confusion, draws, seed, memo->work, out, err);
    if (rc)
        return rc;
    memcpy(s->fixed, fixed, sizeof s->fixed);
    memcpy(s->group, group, sizeof s->group);
    s->result = *out;
    s->used = true;
    return CN_OK;
}
