/* cn_consensus_memo: cn_consensus_compute's figures remembered by their counts, in fixed memory. */
#include "cn_consensus_memo.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* 2048 slots of ~400 bytes: under 1 MiB whatever the corpus. */
#define MEMO_SLOTS 2048

typedef struct memo_slot {
    long counts[CN_STANCE_COUNT];
    bool used;
    cn_consensus_result result;
} memo_slot;

/* The options cn_consensus_compute reads (not the seed, confusion matrix
 * or draws: cn_relabel's). */
typedef struct memo_settings {
    double level, strong, moderate, weak, posterior;
    long min_answers;
} memo_settings;

struct cn_consensus_memo {
    bool has_settings;
    memo_settings settings;
    memo_slot *slots;
    cn_cdf_memo *cdf; /* what a computation missing here shares with the others */
};

int cn_consensus_memo_new(cn_consensus_memo **out, cn_error *err)
{
    cn_consensus_memo *m = calloc(1, sizeof *m);
    if (m) {
        m->slots = calloc(MEMO_SLOTS, sizeof *m->slots);
        if (cn_cdf_memo_new(&m->cdf, err) != CN_OK)
            m->cdf = NULL;
    }
    if (!m || !m->slots || !m->cdf) {
        cn_consensus_memo_free(m);
        *out = NULL;
        return cn_error_set(err, CN_ERR_NOMEM, "consensus: out of memory");
    }
    *out = m;
    return CN_OK;
}

void cn_consensus_memo_free(cn_consensus_memo *memo)
{
    if (!memo)
        return;
    free(memo->slots);
    cn_cdf_memo_free(memo->cdf);
    free(memo);
}

/* Doubles by their bits: a NaN matches itself, -0 does not match 0. */
static bool same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

static void use_settings(cn_consensus_memo *m, const cn_consensus_opts *opts)
{
    memo_settings s = {.level = opts->level,
                       .strong = opts->strong,
                       .moderate = opts->moderate,
                       .weak = opts->weak,
                       .posterior = opts->posterior,
                       .min_answers = opts->min_answers};
    if (m->has_settings && same_double(m->settings.level, s.level) &&
        same_double(m->settings.strong, s.strong) &&
        same_double(m->settings.moderate, s.moderate) && same_double(m->settings.weak, s.weak) &&
        same_double(m->settings.posterior, s.posterior) && m->settings.min_answers == s.min_answers)
        return;
    memset(m->slots, 0, MEMO_SLOTS * sizeof *m->slots);
    m->settings = s;
    m->has_settings = true;
}

static size_t slot_of(const long counts[CN_STANCE_COUNT])
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a over the four counts */
    for (int k = 0; k < CN_STANCE_COUNT; k++)
        h = (h ^ (uint64_t)counts[k]) * 1099511628211ull;
    return (size_t)(h >> 20) % MEMO_SLOTS;
}

int cn_consensus_compute_memo(cn_consensus_memo *memo, const cn_consensus_opts *opts,
                              const long counts[CN_STANCE_COUNT], cn_consensus_result *out,
                              cn_error *err)
{
    if (!memo || !opts)
        return cn_consensus_compute(opts, counts, out, err);
    use_settings(memo, opts);
    memo_slot *s = &memo->slots[slot_of(counts)];
    if (s->used && !memcmp(s->counts, counts, sizeof s->counts)) {
        *out = s->result;
        return CN_OK;
    }
    int rc = cn_consensus_compute_with(opts, counts, memo->cdf, out, err);
    if (rc != CN_OK)
        return rc;
    memcpy(s->counts, counts, sizeof s->counts);
    s->result = *out;
    s->used = true;
    return CN_OK;
}
