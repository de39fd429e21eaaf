/* cn_summary: the one-sentence consensus summary of a question or claim. */
#include "cn_summary.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *cn_summary_verb(cn_stance stance, int plural)
{
    switch (stance) {
    case CN_STANCE_REASSURING:
        return plural ? "are reassuring" : "is reassuring";
    case CN_STANCE_CAUTIONARY:
        return plural ? "advise caution" : "advises caution";
    case CN_STANCE_CONTRAINDICATED:
        return plural ? "advise against it" : "advises against it";
    default:
        return plural ? "take no stance" : "takes no stance";
    }
}

const char *cn_summary_verb_phrased(cn_stance stance, int plural, cn_summary_phrasing phrasing)
{
    if (phrasing == CN_PHRASE_RESTRICTION && stance == CN_STANCE_CONTRAINDICATED)
        return plural ? "answer yes, it is needed" : "answers yes, it is needed";
    if (phrasing == CN_PHRASE_RESTRICTION && stance == CN_STANCE_REASSURING)
        return plural ? "answer no, it is not needed" : "answers no, it is not needed";
    return cn_summary_verb(stance, plural);
}

/* The verb phrase naming the practice (cn_summary_sentence_phrased). */
static void verb_about(cn_stance stance, int plural, cn_summary_phrasing phrasing,
                       const char *about, char *buf, size_t size)
{
    if (!about || phrasing != CN_PHRASE_PRACTICE || stance == CN_STANCE_NONE) {
        snprintf(buf, size, "%s", cn_summary_verb_phrased(stance, plural, phrasing));
        return;
    }
    if (stance == CN_STANCE_CONTRAINDICATED)
        snprintf(buf, size, "%s against %s", plural ? "advise" : "advises", about);
    else
        snprintf(buf, size, "%s about %s", cn_summary_verb(stance, plural), about);
}

/* Whole percent, "-0" never printed. */
static long pct(double x)
{
    return isnan(x) ? 0 : lround(100.0 * x);
}

/* "3 reassuring, 1 cautionary, 2 against": the stance counts, zeros left out. */
static void split_text(const cn_consensus_result *r, char *buf, size_t size)
{
    static const char *const SHORT[CN_STANCE_COUNT] = {"", "reassuring", "cautionary", "against"};
    size_t used = 0;
    buf[0] = '\0';
    for (int k = CN_STANCE_REASSURING; k <= CN_STANCE_CONTRAINDICATED; k++) {
        if (r->props[k].count <= 0 || used >= size)
            continue;
        int n = snprintf(buf + used, size - used, "%s%ld %s", used ? ", " : "", r->props[k].count,
                         SHORT[k]);
        if (n > 0)
            used += (size_t)n;
    }
}

/* "strong consensus", "no consensus", or the insufficient wording. */
static void level_text(const cn_consensus_result *r, const cn_consensus_opts *o, char *buf,
                       size_t size)
{
    if (r->level == CN_CONSENSUS_INSUFFICIENT)
        snprintf(buf, size, "too few answers to judge consensus (fewer than %ld take a stance)",
                 o->min_answers);
    else if (r->level == CN_CONSENSUS_NONE)
        snprintf(buf, size, "no consensus");
    else
        snprintf(buf, size, "%s consensus", cn_consensus_level_name(r->level));
}

static void word(const cn_consensus_result *r, const cn_consensus_opts *o,
                 cn_summary_phrasing phrasing, const char *about, char *buf, size_t size)
{
    char lvl[160], split[160], verb[320];
    long total = r->answers, stance = r->stance_answers;
    if (total <= 0) {
        snprintf(buf, size, "No answers.");
        return;
    }
    if (stance <= 0) {
        if (total == 1)
            snprintf(buf, size, "The only answer takes no stance.");
        else
            snprintf(buf, size, "None of the %ld answers takes a stance.", total);
        return;
    }
    level_text(r, o, lvl, sizeof lvl);
    const char *who =
        stance == total ? "" : (stance == 1 ? " who takes a stance" : " who take a stance");
    const char *noun = stance == 1 ? "physician" : "physicians";
    if (r->tie || r->majority == CN_STANCE_NONE) {
        split_text(r, split, sizeof split);
        snprintf(buf, size, "No majority among the %ld %s%s (%s): %s.", stance, noun, who, split,
                 r->level == CN_CONSENSUS_INSUFFICIENT ? lvl : "no consensus");
        return;
    }
    const cn_proportion *p = &r->props[r->majority];
    char level_pct[32], held[160] = "", rest[96] = "";
    snprintf(level_pct, sizeof level_pct, "%g%%", 100.0 * o->level);
    /* The share alone would say more than the evidence does: say why not. */
    if (r->share_level > r->level && r->level != CN_CONSENSUS_INSUFFICIENT) {
        const double threshold[] = {0, 0, o->weak, o->moderate, o->strong};
        snprintf(
            held, sizeof held,
            "; %s by the share alone, but with %ld answers P(true share >= %ld%%) is only %.2f",
            cn_consensus_level_name(r->share_level), stance, pct(threshold[r->share_level]),
            r->p_reach[r->share_level]);
    }
    if (stance < total)
        snprintf(rest, sizeof rest, " %ld more %s no stance.", total - stance,
                 total - stance == 1 ? "answer takes" : "answers take");
    char err_txt[128] = "";
    if (!isnan(r->relabel_holds))
        snprintf(err_txt, sizeof err_txt,
                 " Redrawn from the classifier's error rates, it holds in %ld%% of cases.",
                 pct(r->relabel_holds));
    verb_about(r->majority, p->count != 1, phrasing, about, verb, sizeof verb);
    snprintf(buf, size, "%ld of %ld %s%s %s (%ld%%, %s CI %ld-%ld%%): %s%s.%s%s", p->count, stance,
             noun, who, verb, pct(p->estimate), level_pct, pct(r->interval.lo), pct(r->interval.hi),
             lvl, held, err_txt, rest);
}

int cn_summary_sentence(const cn_consensus_result *r, const cn_consensus_opts *opts, char **out,
                        cn_error *err)
{
    return cn_summary_sentence_phrased(r, opts, CN_PHRASE_PRACTICE, NULL, out, err);
}

int cn_summary_sentence_phrased(const cn_consensus_result *r, const cn_consensus_opts *opts,
                                cn_summary_phrasing phrasing, const char *about, char **out,
                                cn_error *err)
{
    cn_consensus_opts defaults;
    if (!opts) {
        cn_consensus_opts_init(&defaults);
        opts = &defaults;
    }
    char buf[1024];
    word(r, opts, phrasing, about, buf, sizeof buf);
    *out = strdup(buf);
    if (!*out)
        return cn_error_set(err, CN_ERR_NOMEM, "summary: out of memory");
    return CN_OK;
}
