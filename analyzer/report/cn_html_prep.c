/* cn_html_prep: report.html's review items grouped by question on disk, and the answers whose
 * id is a queued answer's, a bit an answer. */
#include "cn_html_prep.h"

#include "cn_recfile.h"
#include "cn_sort.h"

#include <stdlib.h>
#include <string.h>

struct cn_html_groups {
    cn_recfile *f;
    size_t n_groups, read; /* groups in the file, and read since the last rewind */
    uint8_t *buf;          /* the group read last */
    size_t cap;
};

void cn_html_groups_free(cn_html_groups *g)
{
    if (!g)
        return;
    cn_recfile_free(g->f);
    free(g->buf);
    free(g);
}

static int nomem(cn_error *err)
{
    return cn_error_set(err, CN_ERR_NOMEM, "report.html: out of memory");
}

/* The groups' records from order, the items placed by group: rank[g] is
 * group g's place in the order; start[r + 1] counts rank r's items, then
 * (summed) ends where they end, then (each item, last first, put just before
 * its group's end, which becomes its start) where they start. */
static int write_groups(cn_html_groups *g, const uint32_t *order, size_t n_items,
                        cn_html_item_group group_of, cn_html_item_byte byte_of, void *ctx,
                        cn_error *err)
{
    size_t n = g->n_groups;
    uint32_t *rank = malloc((n + 1) * sizeof *rank);
    uint32_t *start = calloc(n + 2, sizeof *start);
    uint8_t *bytes = malloc(n_items + 1);
    int rc = rank && start && bytes ? CN_OK : nomem(err);
    if (rc == CN_OK) {
        memset(rank, 0xff, (n + 1) * sizeof *rank);
        for (size_t i = 0; i < n && rc == CN_OK; i++) {
            if (order[i] >= n || rank[order[i]] != UINT32_MAX)
                rc = cn_error_set(err, CN_ERR_USAGE, "report.html: group %u twice or unknown",
                                  (unsigned)order[i]);
            else
                rank[order[i]] = (uint32_t)i;
        }
    }
    for (size_t j = 0; j < n_items && rc == CN_OK; j++) {
        uint32_t q = group_of(ctx, j);
        if (q >= n)
            rc = cn_error_set(err, CN_ERR_USAGE, "report.html: item %zu in no group", j);
        else
            start[rank[q] + 1]++;
    }
    if (rc == CN_OK) {
        for (size_t r = 0; r < n; r++)
            start[r + 1] += start[r];
        for (size_t j = n_items; j-- > 0;)
            bytes[--start[rank[group_of(ctx, j)] + 1]] = byte_of(ctx, j);
    }
    /* start[r + 1]: rank r's first item; its end is start[r + 2] (n_items for the last) */
    for (size_t r = 0; r < n && rc == CN_OK; r++) {
        uint32_t head[2] = {order[r],
                            (r + 1 < n ? start[r + 2] : (uint32_t)n_items) - start[r + 1]};
        rc = cn_recfile_write(g->f, head, sizeof head, err);
        if (rc == CN_OK && head[1])
            rc = cn_recfile_write(g->f, bytes + start[r + 1], head[1], err);
    }
    free(rank);
    free(start);
    free(bytes);
    return rc;
}

int cn_html_groups_new(const char *dir, const uint32_t *order, size_t n_groups, size_t n_items,
                       cn_html_item_group group_of, cn_html_item_byte byte_of, void *ctx,
                       cn_html_groups **out, cn_error *err)
{
    *out = NULL;
    if (n_items >= UINT32_MAX || n_groups >= UINT32_MAX)
        return cn_error_set(err, CN_ERR_USAGE, "report.html: too many review items");
    cn_html_groups *g = calloc(1, sizeof *g);
    if (!g)
        return nomem(err);
    g->n_groups = n_groups;
    int rc = cn_recfile_new(dir, &g->f, err);
    if (rc == CN_OK)
        rc = write_groups(g, order, n_items, group_of, byte_of, ctx, err);
    if (rc == CN_OK)
        rc = cn_recfile_rewind(g->f, err);
    if (rc != CN_OK) {
        cn_html_groups_free(g);
        return rc;
    }
    *out = g;
    return CN_OK;
}

int cn_html_groups_next(cn_html_groups *g, uint32_t *group, const uint8_t **bytes, size_t *n,
                        cn_error *err)
{
    *bytes = NULL;
    *n = 0;
    if (g->read == g->n_groups)
        return cn_error_set(err, CN_ERR_USAGE, "report.html: no group after the last");
    uint32_t head[2];
    int rc = cn_recfile_read(g->f, head, sizeof head, err);
    if (rc != CN_OK)
        return rc;
    if (head[1] > g->cap) {
        uint8_t *grown = realloc(g->buf, head[1]);
        if (!grown)
            return nomem(err);
        g->buf = grown;
        g->cap = head[1];
    }
    if (head[1] && (rc = cn_recfile_read(g->f, g->buf, head[1], err)) != CN_OK)
        return rc;
    g->read++;
    *group = head[0];
    *bytes = head[1] ? g->buf : NULL;
    *n = head[1];
    return CN_OK;
}

int cn_html_groups_rewind(cn_html_groups *g, cn_error *err)
{
    g->read = 0;
    return cn_recfile_reread(g->f, err);
}

/* ---- key marks ---- */

/* Keys are counted by their top KEY_BITS bits; a share is a run of these
 * buckets. */
#define KEY_BITS 12
#define BUCKETS (1u << KEY_BITS)

static size_t bucket_of(uint64_t key)
{
    return (size_t)(key >> (64 - KEY_BITS));
}

static bool bit(const uint8_t *bits, size_t i)
{
    return (bits[i / 8] >> (i % 8)) & 1;
}

static int u64_cmp(const void *a, const void *b, void *ctx)
{
    (void)ctx;
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

static bool has_key(const uint64_t *keys, size_t n, uint64_t k)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (keys[mid] < k)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && keys[lo] == k;
}

/* A share: the buckets [lo, end) with at most `room` keys (a bucket of more
 * alone); *in their keys. */
static size_t share_end(const size_t *count, size_t lo, size_t room, size_t *in)
{
    size_t hi = lo;
    *in = 0;
    while (hi < BUCKETS && (hi == lo || *in + count[hi] <= room))
        *in += count[hi++];
    return hi;
}

int cn_html_mark_keys(uint8_t *bits, size_t n, cn_html_key key, void *ctx, size_t room,
                      cn_error *err)
{
    if (room == 0)
        room = 1;
    size_t *count = calloc(BUCKETS + 1, sizeof *count);
    if (!count)
        return nomem(err);
    uint64_t k;
    for (size_t i = 0; i < n; i++)
        if (bit(bits, i) && key(ctx, i, &k))
            count[bucket_of(k)]++;
    size_t most = 0, in;
    for (size_t lo = 0; lo < BUCKETS;) {
        lo = share_end(count, lo, room, &in);
        most = in > most ? in : most;
    }
    uint64_t *keys = malloc((most + 1) * sizeof *keys);
    if (!keys) {
        free(count);
        return nomem(err);
    }
    for (size_t lo = 0, hi; lo < BUCKETS; lo = hi) {
        hi = share_end(count, lo, room, &in);
        /* the keys of buckets [lo, hi): marked on entry, none marked since has one */
        size_t got = 0;
        for (size_t i = 0; i < n && got < in; i++)
            if (bit(bits, i) && key(ctx, i, &k) && bucket_of(k) >= lo && bucket_of(k) < hi)
                keys[got++] = k;
        cn_sort_heap(keys, got, sizeof *keys, u64_cmp, NULL);
        for (size_t i = 0; i < n && got; i++)
            if (!bit(bits, i) && key(ctx, i, &k) && bucket_of(k) >= lo && bucket_of(k) < hi &&
                has_key(keys, got, k))
                bits[i / 8] |= (uint8_t)(1u << (i % 8));
    }
    free(keys);
    free(count);
    return CN_OK;
}
