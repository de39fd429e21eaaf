/* cn_merge: partial files of shards replayed, de-duplicated again and checked, into one analysis.
 */
#include "cn_merge.h"

#include "cn_annotate.h"
#include "cn_config.h"
#include "cn_dedup.h"
#include "cn_hash.h"
#include "cn_partial.h"

#include "cn_grow.h"

#include <stdlib.h>
#include <string.h>

typedef struct skip {
    char *where, *reason;
} skip;

struct cn_merge {
    const cn_rules *rules;
    cn_partial_pool *pool;
    cn_dedup *dedup;
    cn_annotator *annotator; /* made when a page needs classifying again */
    cn_strmap *first_of;     /* question_id -> its first page (index into pages) */
    cn_page **pages;
    cn_page_annotation **annotations;
    size_t n_pages, cap_pages;
    skip *skips;
    size_t n_skips, cap_skips;
    bool *related; /* scratch: a page's answers' related marks as the shard had them */
    size_t cap_related;
    size_t reclassified;
    bool have_header;
    cn_partial_header header; /* the first partial's */
    char first_path[1024];
    bool handed_over;
};

int cn_merge_new(const cn_rules *rules, const cn_pagecues *cues, cn_merge **out, cn_error *err)
{
    *out = NULL;
    cn_merge *m = calloc(1, sizeof *m);
    if (!m)
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    m->rules = rules;
    const cn_pagecues_limits *lim = cn_pagecues_get_limits(cues);
    cn_dedup_options opt = {lim->dedup_min_key, lim->excerpt_min_key, lim->excerpt_prefix_max,
                            lim->dedup_memory_bytes, NULL};
    m->pool = cn_partial_pool_new(rules);
    m->first_of = cn_strmap_new();
    int rc = m->pool && m->first_of ? CN_OK : cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    if (rc == CN_OK)
        rc = cn_dedup_new(&opt, &m->dedup, err);
    if (rc) {
        cn_merge_free(m);
        return rc;
    }
    *out = m;
    return CN_OK;
}

void cn_merge_free(cn_merge *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n_pages; i++) {
        cn_page_annotation_free(m->annotations[i]);
        cn_page_free(m->pages[i]);
    }
    free(m->pages);
    free(m->annotations);
    for (size_t i = 0; i < m->n_skips; i++) {
        free(m->skips[i].where);
        free(m->skips[i].reason);
    }
    free(m->skips);
    free(m->related);
    cn_strmap_free(m->first_of);
    cn_dedup_free(m->dedup);
    cn_annotator_free(m->annotator);
    cn_partial_pool_free(m->pool);
    free(m);
}

/* The partial must come from this rule set and version, with the first one's seed. */
static int check_header(cn_merge *m, const char *path, const cn_partial_header *h, cn_error *err)
{
    const char *sha = cn_rules_sha256(m->rules);
    if (strcmp(h->version, cn_version()))
        return cn_error_set(err, CN_ERR_USAGE,
                            "%s: written by consensus %s; this is consensus %s: make the "
                            "partials again with this version",
                            path, h->version, cn_version());
    if (strcmp(h->rules_sha256, sha))
        return cn_error_set(err, CN_ERR_USAGE,
                            "%s: made with other rules (rules_sha256 %.12s..., these rules are "
                            "%.12s...): merge with the rule folder the shards used (--rules)",
                            path, h->rules_sha256, sha);
    if (m->have_header && h->seed != m->header.seed)
        return cn_error_set(err, CN_ERR_USAGE,
                            "%s: made with --seed %lu, but %s with --seed %lu: every shard "
                            "needs the same seed",
                            path, h->seed, m->first_path, m->header.seed);
    if (!m->have_header) {
        m->header = *h;
        m->have_header = true;
        snprintf(m->first_path, sizeof m->first_path, "%s", path);
    }
    return CN_OK;
}

/* De-duplicate page against every page before it, over all partials, and
 * keep its annotation only when a single run would make the same one;
 * otherwise classify it again against its question. Takes both. */
static int add_page(cn_merge *m, cn_page *page, cn_page_annotation *pa, bool chose, cn_error *err)
{
    if (!cn_grow((void **)&m->pages, &m->cap_pages, m->n_pages + 1, sizeof *m->pages) ||
        !cn_grow((void **)&m->related, &m->cap_related, page->n_answers + 1, sizeof *m->related)) {
        cn_page_annotation_free(pa);
        cn_page_free(page);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    size_t cap = m->cap_pages; /* annotations[] grows with pages[] */
    void *a = realloc(m->annotations, cap * sizeof *m->annotations);
    if (!a) {
        cn_page_annotation_free(pa);
        cn_page_free(page);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    m->annotations = a;
    for (size_t i = 0; i < page->n_answers; i++)
        m->related[i] = page->answers[i].related;
    int rc = cn_dedup_assign(m->dedup, page, err);
    bool same = rc == CN_OK;
    for (size_t i = 0; same && i < page->n_answers; i++)
        same = m->related[i] == page->answers[i].related;
    const cn_page_annotation *like = NULL;
    int first =
        rc == CN_OK && page->question_id[0] ? cn_strmap_get(m->first_of, page->question_id) : -1;
    if (first >= 0) { /* judged against the question's first page, in any shard */
        like = m->annotations[first];
        same = same && cn_partial_same_question(pa, like);
    } else { /* it chooses its own question, as it must have in its shard */
        same = same && chose;
        if (rc == CN_OK && page->question_id[0] &&
            cn_strmap_put(m->first_of, page->question_id, (int)m->n_pages))
            rc = cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    if (rc == CN_OK && !same) {
        cn_page_annotation_free(pa);
        pa = NULL;
        if (!m->annotator)
            rc = cn_annotator_new(m->rules, &m->annotator, err);
        if (rc == CN_OK)
            rc = cn_annotator_page_as(m->annotator, page, like, &pa, err);
        m->reclassified++;
    }
    if (rc) {
        cn_page_annotation_free(pa);
        cn_page_free(page);
        return rc;
    }
    m->pages[m->n_pages] = page;
    m->annotations[m->n_pages++] = pa;
    return CN_OK;
}

static int add_skip(cn_merge *m, char *where, char *reason, cn_error *err)
{
    if (!cn_grow((void **)&m->skips, &m->cap_skips, m->n_skips + 1, sizeof *m->skips)) {
        free(where);
        free(reason);
        return cn_error_set(err, CN_ERR_NOMEM, "out of memory");
    }
    m->skips[m->n_skips++] = (skip){where, reason};
    return CN_OK;
}

int cn_merge_add(cn_merge *m, const char *path, cn_error *err)
{
    if (m->handed_over)
        return cn_error_set(err, CN_ERR_USAGE, "merge: partial added after the hand-over");
    cn_partial_reader *r = NULL;
    int rc = cn_partial_reader_open(path, m->pool, &r, err);
    if (rc == CN_OK)
        rc = check_header(m, path, cn_partial_reader_header(r), err);
    for (;;) {
        cn_partial_record rec;
        if (rc == CN_OK)
            rc = cn_partial_reader_next(r, &rec, err);
        if (rc || rec.kind == CN_PARTIAL_END)
            break;
        if (rec.kind == CN_PARTIAL_PAGE)
            rc = add_page(m, rec.page, rec.annotation, rec.chose, err);
        else
            rc = add_skip(m, rec.where, rec.reason, err);
        if (rc && rc != CN_ERR_NOMEM && r)
            cn_error_prefix(err, path); /* de-duplication or classifying failed */
    }
    cn_partial_reader_free(r);
    return rc;
}

unsigned long cn_merge_seed(const cn_merge *m)
{
    return m->header.seed;
}

size_t cn_merge_pages(const cn_merge *m)
{
    return m->n_pages;
}

size_t cn_merge_reclassified(const cn_merge *m)
{
    return m->reclassified;
}

int cn_merge_into(cn_merge *m, cn_analysis *an, cn_error *err)
{
    if (m->handed_over)
        return cn_error_set(err, CN_ERR_USAGE, "merge: handed over twice");
    m->handed_over = true;
    int rc = CN_OK;
    for (size_t i = 0; i < m->n_pages; i++) {
        cn_page *page = m->pages[i];
        cn_page_annotation *pa = m->annotations[i];
        m->pages[i] = NULL;
        m->annotations[i] = NULL;
        if (rc == CN_OK)
            rc = cn_analysis_add_annotated(an, page, pa, err);
        else {
            cn_page_annotation_free(pa);
            cn_page_free(page);
        }
    }
    for (size_t i = 0; rc == CN_OK && i < m->n_skips; i++)
        rc = cn_analysis_add_skipped(an, m->skips[i].where, m->skips[i].reason, err);
    return rc;
}
