/* differential: the fingerprint de-duplication index against the prefix-string
 * index it replaced (commit e7b6009), on the same random pages.
 *
 * Pages hold answers built to collide: repeats, answers that share a prefix
 * with an earlier one and go on differently, excerpts (prefixes of earlier
 * answers), match_text variants, short keys, titled and untitled, flat and
 * structured pages. Keys are lower-case letters only, so a text is its key.
 * Both indexes see the same pages; the program prints how many pages got a
 * different question_id, answer_id, duplicate_of or related (a difference
 * carries on to later pages through their question ids).
 *
 * MODE 0 cuts excerpts at the checkpoints (48, 64, ..., 128) or past 128: the
 * two must agree on every page (exit 1 otherwise). MODE 1 cuts them anywhere
 * from 30 characters: the documented difference (an excerpt ending between
 * checkpoints is compared on the last one it reaches) shows there.
 *
 * Built and run by tests/dedup/differential.sh; not part of ctest.
 * Usage: differential MODE SEED PAGES [ALPHABET]
 */
#include "cn_dedup.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct old_dedup old_dedup;
int old_dedup_new(const cn_dedup_options *options, old_dedup **out, cn_error *err);
void old_dedup_free(old_dedup *dedup);
int old_dedup_assign(old_dedup *dedup, cn_page *page, cn_error *err);

#define MAX_BASES 400

typedef struct gen {
    uint64_t seed;
    unsigned alphabet;
    int mode;
    char *bases[MAX_BASES];
    unsigned n_bases;
} gen;

static unsigned rnd(gen *g, unsigned n)
{
    g->seed = g->seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((g->seed >> 33) % n);
}

static char *letters(gen *g, unsigned len)
{
    char *t = malloc(len + 1);
    for (unsigned i = 0; i < len; i++)
        t[i] = (char)('a' + rnd(g, g->alphabet));
    t[len] = '\0';
    return t;
}

static void keep(gen *g, const char *t)
{
    if (g->n_bases < MAX_BASES)
        g->bases[g->n_bases++] = strdup(t);
}

/* A new text, a repeat of an earlier one, or an earlier one's prefix with a
 * different ending. */
static char *full_text(gen *g)
{
    if (g->n_bases < 5 || rnd(g, 4) == 0) {
        char *t = letters(g, 10 + rnd(g, 250));
        keep(g, t);
        return t;
    }
    const char *b = g->bases[rnd(g, g->n_bases)];
    if (rnd(g, 3) == 0)
        return strdup(b);
    unsigned cut = rnd(g, (unsigned)strlen(b) + 1), extra = rnd(g, 200);
    char *tail = letters(g, extra), *t = malloc(cut + extra + 1);
    memcpy(t, b, cut);
    memcpy(t + cut, tail, extra + 1);
    free(tail);
    if (rnd(g, 2))
        keep(g, t);
    return t;
}

/* A prefix of an earlier text. */
static char *excerpt_text(gen *g)
{
    static const unsigned cps[] = {48, 64, 80, 96, 112, 128};
    if (g->n_bases == 0)
        return letters(g, 100);
    const char *b = g->bases[rnd(g, g->n_bases)];
    unsigned bl = (unsigned)strlen(b), len;
    if (g->mode == 0)
        len = rnd(g, 3) ? cps[rnd(g, 6)] : 128 + rnd(g, 150);
    else
        len = 30 + rnd(g, 200);
    if (len > bl)
        len = bl;
    if (g->mode == 0 && len >= 48 && len < 128)
        len = 48 + (len - 48) / 16 * 16;
    char *t = malloc(len + 1);
    memcpy(t, b, len);
    t[len] = '\0';
    return t;
}

static cn_page *make_page(gen *g, int n)
{
    cn_page *p = calloc(1, sizeof *p);
    char s[32];
    p->format = rnd(g, 2) ? CN_FORMAT_FLAT : CN_FORMAT_STRUCTURED;
    if (rnd(g, 3)) {
        snprintf(s, sizeof s, "question %u", rnd(g, 30));
        p->question = strdup(s);
    }
    snprintf(s, sizeof s, "file%d", n);
    p->file = strdup(s);
    p->n_answers = 1 + rnd(g, 6);
    p->answers = calloc(p->n_answers, sizeof *p->answers);
    for (size_t i = 0; i < p->n_answers; i++) {
        cn_answer *a = &p->answers[i];
        a->index = i + 1;
        a->excerpt = rnd(g, 3) == 0;
        a->text = a->excerpt ? excerpt_text(g) : full_text(g);
        if (rnd(g, 8) == 0) {
            a->match_text = malloc(strlen(a->text) + 8);
            sprintf(a->match_text, "%s%s", a->text, rnd(g, 2) ? "zz" : "drsmith");
        }
    }
    return p;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static cn_page *copy_page(const cn_page *p)
{
    cn_page *c = calloc(1, sizeof *c);
    *c = *p;
    c->question = dup_or_null(p->question);
    c->file = strdup(p->file);
    c->answers = calloc(p->n_answers, sizeof *c->answers);
    for (size_t i = 0; i < p->n_answers; i++) {
        c->answers[i] = p->answers[i];
        c->answers[i].text = strdup(p->answers[i].text);
        c->answers[i].match_text = dup_or_null(p->answers[i].match_text);
    }
    return c;
}

static int same_page(const cn_page *a, const cn_page *b)
{
    if (strcmp(a->question_id, b->question_id) != 0)
        return 0;
    for (size_t i = 0; i < a->n_answers; i++) {
        const cn_answer *x = &a->answers[i], *y = &b->answers[i];
        if (strcmp(x->answer_id, y->answer_id) || strcmp(x->duplicate_of, y->duplicate_of) ||
            x->related != y->related)
            return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: differential MODE SEED PAGES [ALPHABET]\n");
        return 2;
    }
    gen g = {.mode = atoi(argv[1]), .seed = strtoull(argv[2], NULL, 10), .alphabet = 3};
    int pages = atoi(argv[3]);
    if (argc > 4)
        g.alphabet = (unsigned)atoi(argv[4]);
    cn_dedup_options opt = {40, 48, 128, 0, NULL};
    cn_dedup *nd = NULL;
    old_dedup *od = NULL;
    if (cn_dedup_new(&opt, &nd, NULL) || old_dedup_new(&opt, &od, NULL))
        return 2;
    long differ = 0, answers = 0, dups = 0, related = 0;
    for (int n = 0; n < pages; n++) {
        cn_page *a = make_page(&g, n), *b = copy_page(a);
        if (old_dedup_assign(od, a, NULL) || cn_dedup_assign(nd, b, NULL))
            return 2;
        differ += !same_page(a, b);
        for (size_t i = 0; i < a->n_answers; i++) {
            answers++;
            dups += a->answers[i].duplicate_of[0] != '\0';
            related += a->answers[i].related;
        }
        cn_page_free(a);
        cn_page_free(b);
    }
    printf("mode %d seed %s alphabet %u: %d pages, %ld answers (%ld duplicates, %ld related "
           "before): %ld pages differ\n",
           g.mode, argv[2], g.alphabet, pages, answers, dups, related, differ);
    cn_dedup_free(nd);
    old_dedup_free(od);
    for (unsigned i = 0; i < g.n_bases; i++)
        free(g.bases[i]);
    return g.mode == 0 && differ ? 1 : 0;
}
